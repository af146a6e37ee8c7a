/**
 * What a human review of the bank decided. Reading every question as a 16-year-old would found
 * choices the automatic checks cannot judge: a distractor that is right in everyday terms though
 * the specification does not list it ("Knowledge of products" as an area for personal
 * development), a vague word that fits almost any list ("Price"), or a list member that reads as
 * the opposite out of context ("Brand image and reputation" listed as a social-media risk).
 * Generators consult these lists and pick something else.
 */
import { normalise } from '../text.js';
import type { Question } from '../types.js';

interface Rule {
  /** Which questions: the start of a list key or topicKey (e.g. "u8.ac1.3"), or "*" for all. */
  where: string;
  choice: string;
  why: string;
}

/** Never offered as a wrong answer where the rule applies. */
export const AVOID_AS_DISTRACTOR: Rule[] = [
  { where: '*', choice: 'Competence levels and knowledge', why: 'reads as a good thing out of its "staff problems" list' },
  { where: '*', choice: 'Attitudes', why: 'too vague to be clearly wrong' },
  { where: '*', choice: 'Values', why: 'too vague to be clearly wrong' },
  { where: '*', choice: 'Personality', why: 'too vague to be clearly wrong' },
  { where: '*', choice: 'Weaknesses', why: 'too vague to be clearly wrong' },
  { where: '*', choice: 'Strengths', why: 'too vague to be clearly wrong' },
  { where: '*', choice: 'Social', why: 'too vague to be clearly wrong' },
  { where: '*', choice: 'Price', why: 'fits many lists (fairness, objections, questions)' },
  { where: '*', choice: 'Address', why: 'a letter convention and personal data as well' },
  { where: '*', choice: 'Manager', why: 'people fit most lists about working with others' },
  { where: '*', choice: 'Colleagues', why: 'people fit most lists about working with others' },
  { where: '*', choice: 'Professional body', why: 'a source of help and support in several lists' },
  { where: '*', choice: 'Brand image and reputation', why: 'reads as a benefit, though listed as a risk' },
  { where: '*', choice: 'Ability to manage the volume of customer interactions', why: 'fits any list of barriers, constraints or risks' },
  { where: 'u1.ac2.2', choice: 'Availability', why: 'customers do expect availability' },
  { where: 'u1.ac4.1', choice: 'Details of guarantee and/or warranty', why: 'guarantees are consumer rights' },
  { where: 'u6.ac2.4', choice: 'Identity verification procedures', why: 'close to two-factor authentication' },
  { where: 'u7.ac3.4', choice: 'Emails', why: 'an email address is personal data an employer keeps' },
  { where: 'u8.ac1.3', choice: 'Knowledge of products', why: 'a fair area for personal development' },
  { where: 'u8.ac3', choice: 'Attending training events', why: 'training is a progression route' },
  { where: 'u9.ac2.2', choice: 'Escalation and resolution by line management', why: 'a real organisational procedure' },
  { where: 'u9.ac3.2', choice: 'Taking notes', why: 'part of active listening, which is listed' },
  { where: 'u2.ac3.3', choice: 'Providing reassurance', why: 'a fair way of dealing with conflict' },
  { where: 'u2.ac2.2', choice: 'Checking customers understanding', why: 'a behaviour that meets expectations' },
  { where: 'u2.ac3.3', choice: 'Tone of voice', why: 'part of the effective verbal and nonverbal communication the list names' },
  { where: 'u2.ac3.3', choice: 'Body language', why: 'part of the effective verbal and nonverbal communication the list names' },
  { where: 'u2.ac3.3', choice: 'Eye contact', why: 'part of the effective verbal and nonverbal communication the list names' },
  { where: 'u2.ac3.3', choice: 'Good eye contact', why: 'part of the effective verbal and nonverbal communication the list names' },
  { where: 'u2.ac3.3', choice: 'Open body language', why: 'part of the effective verbal and nonverbal communication the list names' },
  { where: 'u2.ac3.3', choice: 'Facial expressions, body language', why: 'part of the effective verbal and nonverbal communication the list names' },
  { where: 'u2.ac3.3', choice: 'Listen', why: 'part of the effective verbal and nonverbal communication the list names' },
  { where: 'u2.ac3.3', choice: 'Listening to others', why: 'part of the effective verbal and nonverbal communication the list names' },
  { where: 'u8.ac2.3', choice: 'Make use of strengths', why: 'a personal development plan does help people use their strengths' },
  { where: 'u8.ac2.3', choice: 'More flexible workforce', why: 'developing skills does make a workforce more flexible' },
  { where: 'u8.ac2.3', choice: 'Opportunities for creativity', why: 'arguably a benefit of personal development' },
  { where: 'u8.ac2.3', choice: 'Opportunity to develop talents', why: 'that is what a personal development plan is for' },
];

/** Never the right answer: true to the list, but confusing on its own. */
export const AVOID_AS_ANSWER: Rule[] = [
  { where: 'u10.ac2.2', choice: 'inside buildings or outside areas', why: 'places, not hazards' },
  { where: 'u6.ac1.5', choice: 'brand image and reputation', why: 'listed as a risk but reads as a benefit' },
];

/** Whole questions removed after review ("*": every question on that list). */
export const REJECTED: Rule[] = [
  { where: 'u8.ac1.3|Areas for personal development', choice: '*', why: 'an open "e.g." list of skills: almost any skill is a fair answer' },
  {
    where: 'u6.ac2.4|Importance of security settings',
    choice: '*',
    why: 'its members are the harms settings prevent ("misuse of social media platform"): against real benefits the right answer reads as the wrong one',
  },
];

const applies = (rule: Rule, key: string, choice: string) =>
  (rule.where === '*' || key.startsWith(rule.where)) && normalise(rule.choice) === normalise(choice);

/** True when a reviewed rule says not to offer this as a wrong answer in this list. */
export function avoidAsDistractor(key: string, choice: string): boolean {
  return AVOID_AS_DISTRACTOR.some((rule) => applies(rule, key, choice));
}

/** True when a reviewed rule says not to ask for this member as the right answer. */
export function avoidAsAnswer(key: string, choice: string): boolean {
  return AVOID_AS_ANSWER.some((rule) => applies(rule, key, choice));
}

/** True when a reviewed rule removes this question. */
export function isRejected(question: Question): boolean {
  return REJECTED.some((rule) => question.choices.some((choice) => applies(rule, question.topicKey, choice)) || (rule.choice === '*' && question.topicKey.startsWith(rule.where)));
}
