/**
 * Situations for scenario questions, written by us; the answers are not. Each scenario names the
 * list in the specification its right answer comes from and the lists its distractors come from
 * (things the specification calls unhelpful, barriers, risks…), so every choice is traceable to a
 * record and checked like any other question. Distractors must come from another criterion than the
 * answer: the validator rejects any choice the cited criterion supports.
 */

/** A list in the specification: criterion id, topic heading and, for a sub-list, its name. */
export interface ListRef {
  criterion: string;
  topic: string;
  head?: string;
}

/** One scenario. */
export interface Scenario {
  id: string;
  situation: string;
  ask: string;
  answerFrom: ListRef;
  distractorsFrom: ListRef[];
  /** Members of the answer list that do not answer this scenario's question. */
  skip?: string[];
}

export const SCENARIOS: Scenario[] = [
  {
    id: 'angry-customer',
    situation: 'A customer at the counter is shouting because their delivery is late for the second time.',
    ask: 'Which of these is a technique the specification suggests for dealing with an angry customer?',
    answerFrom: { criterion: 'u5.ac2.3', topic: 'Techniques to deal with angry customers' },
    distractorsFrom: [{ criterion: 'u5.ac2.4', topic: 'Types of unhelpful behaviours', head: 'passive aggressive behaviours' }, { criterion: 'u5.ac2.4', topic: 'Types of unhelpful behaviours', head: 'aggressive behaviours' }, { criterion: 'u5.ac2.4', topic: 'Types of unhelpful behaviours' }],
  },
  {
    id: 'broken-promise',
    situation: 'You promised to call a customer back today with a delivery date, but the supplier’s system is down and you cannot find out.',
    ask: 'Which of these does the specification suggest for managing a promise you cannot keep?',
    answerFrom: { criterion: 'u2.ac1.5', topic: 'Managing broken promises' },
    distractorsFrom: [{ criterion: 'u5.ac2.4', topic: 'Types of unhelpful behaviours', head: 'passive aggressive behaviours' }, { criterion: 'u2.ac1.7', topic: 'Barriers' }],
  },
  {
    id: 'problem-signs',
    situation: 'You are serving a regular customer at the counter who is usually chatty.',
    ask: 'Which of these behaviours may show that the customer has a problem?',
    answerFrom: { criterion: 'u5.ac1.3', topic: 'Personal behaviours' },
    distractorsFrom: [{ criterion: 'u2.ac2.3', topic: 'Putting customers at ease', head: 'build rapport' }],
  },
  {
    id: 'feedback-to-colleague',
    situation: 'A colleague in your team keeps forgetting to log customer calls, and your team leader asks you to give them feedback.',
    ask: 'Which of these is part of giving feedback constructively?',
    answerFrom: { criterion: 'u2.ac3.4', topic: 'Giving feedback constructively' },
    distractorsFrom: [{ criterion: 'u5.ac2.4', topic: 'Types of unhelpful behaviours', head: 'passive aggressive behaviours' }, { criterion: 'u5.ac2.4', topic: 'Types of unhelpful behaviours', head: 'aggressive behaviours' }],
  },
  {
    id: 'access-adjustment',
    situation: 'A customer who is hard of hearing finds it difficult to follow what staff say at your busy reception desk.',
    ask: 'Which of these is a special consideration or reasonable adjustment listed under the Equality Act 2010?',
    answerFrom: { criterion: 'u1.ac4.4', topic: 'Effects on customer service', head: 'special considerations and reasonable adjustments' },
    distractorsFrom: [{ criterion: 'u2.ac1.7', topic: 'Barriers', head: 'staff problems' }, { criterion: 'u5.ac2.4', topic: 'Types of unhelpful behaviours', head: 'passive aggressive behaviours' }],
  },
  {
    id: 'ready-to-buy',
    situation: 'In a phone shop, a customer has been comparing two handsets for a while.',
    ask: 'Which of these is a buying signal that they are moving towards buying?',
    answerFrom: { criterion: 'u9.ac4.1', topic: 'Non-verbal signals' },
    distractorsFrom: [{ criterion: 'u9.ac4.4', topic: 'Potential barriers' }],
  },
  {
    id: 'hazard-or-risk',
    situation: 'The specification lists hazards (things in the workplace that could cause harm) separately from risks (the harm that could result).',
    ask: 'Which of these does it list as a workplace hazard?',
    answerFrom: { criterion: 'u10.ac2.2', topic: 'Types of workplace hazard', head: 'relevant to work placement environments' },
    distractorsFrom: [{ criterion: 'u10.ac2.3', topic: 'Types of workplace risk' }],
    // Places, not hazards.
    skip: ['inside buildings or outside areas'],
  },
  {
    id: 'emergency-procedure',
    situation: 'The fire alarm sounds while you are serving customers in a shop.',
    ask: 'Which of these is part of the procedures for emergency situations in the specification?',
    answerFrom: { criterion: 'u10.ac3.2', topic: 'Procedures for emergency situations', head: 'procedures for responding to different emergencies' },
    distractorsFrom: [{ criterion: 'u10.ac3.1', topic: 'Types of emergency' }],
  },
];
