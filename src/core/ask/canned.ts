/**
 * The fixed answers: the prompt for an empty question, the too-long message, honest refusals,
 * the integrity answer's framing and the injection reply. British English, for a Level 2 learner.
 */
import { MAX_QUESTION_LENGTH } from './intents.js';
import type { AnswerPart } from './types.js';

/** Example questions shown when someone asks nothing (or says hello). */
export const EXAMPLE_QUESTIONS = [
  "What's the difference between internal and external customers?",
  'What does LASS stand for?',
  'How does equality legislation affect customer service?',
  'Unit 5 AC 2.3',
  'How is this qualification assessed?',
];

const WHAT_I_COVER =
  'I can help with the 11 units of the Pearson BTEC Level 2 Principles of Customer Service specification (customers, service delivery, communication, complaints, social media, rights at work, personal development, selling, health and safety, organisations), the qualification itself, and the topic notes.';

const ASK_TUTOR = 'For anything about your own centre, such as deadlines, marks or timetables, please ask your tutor.';

/** Empty question, a greeting or thanks: a friendly prompt with examples. */
export function promptParts(greeting: 'hello' | 'thanks' | null): AnswerPart[] {
  const opening =
    greeting === 'thanks'
      ? "You're welcome! Ask me anything else about your BTEC Level 2 Customer Service course."
      : greeting === 'hello'
        ? "Hi! I'm Service Coach. Ask me anything about your BTEC Level 2 Customer Service course."
        : 'Ask me a question about your BTEC Level 2 Customer Service course.';
  return [
    { kind: 'text', text: opening },
    { kind: 'examples', text: 'For example:', items: EXAMPLE_QUESTIONS },
  ];
}

/** Over the length limit. */
export function tooLongParts(length: number): AnswerPart[] {
  return [
    {
      kind: 'text',
      text: `That message is ${length.toLocaleString('en-GB')} characters long; please keep questions under ${MAX_QUESTION_LENGTH.toLocaleString('en-GB')} characters. Ask about one thing at a time and I'll answer it.`,
    },
  ];
}

/** Retrieval was not confident: say so honestly. */
export function refusalParts(): AnswerPart[] {
  return [
    { kind: 'text', text: "The specification doesn't cover that, so I won't guess." },
    { kind: 'text', text: WHAT_I_COVER },
    { kind: 'text', text: ASK_TUTOR },
  ];
}

/** A centre-specific question (deadlines, marks, fees): only the tutor knows. */
export function centreSpecificParts(): AnswerPart[] {
  return [
    { kind: 'text', text: "That's one for your tutor: I only know what the qualification specification says, not your centre's deadlines, marks, fees or timetables." },
    { kind: 'text', text: WHAT_I_COVER },
  ];
}

/** Pay rates, statistics, opening times: the specification has none, and a guess would be invented. */
export function noFiguresParts(): AnswerPart[] {
  return [
    { kind: 'text', text: "The specification doesn't give figures like pay rates, statistics or opening times, so I won't guess one." },
    {
      kind: 'text',
      text: "For today's National Minimum Wage and National Living Wage rates, see GOV.UK; for an organisation's own figures or rules, ask that organisation (or your tutor for your centre's).",
    },
    { kind: 'examples', text: 'What I can explain is the course behind them, for example:', items: ['What does employment law say about pay?', 'How do organisations measure customer satisfaction?'] },
  ];
}

/** Questions about policies in general that the specification does answer, offered instead of a company's own. */
export const POLICY_QUESTIONS = ['What rights do customers have if something they bought is faulty?', 'Why do organisations have policies and procedures?'];

/** A named organisation's own policy, prices or rules: not in the specification, and a guess would be invented. */
export function organisationRulesParts(organisation: string): AnswerPart[] {
  // The name as the vocabulary spells it, without the possessive it may have been matched in.
  const name = organisation.replace(/['’]s$/, '');
  return [
    {
      kind: 'text',
      text: `I don't know ${name}'s own policies, prices or rules: the specification teaches customer service in general, not any one organisation's, so I won't guess.`,
    },
    { kind: 'text', text: 'Check their website or ask them (or your manager, if you work there).' },
    { kind: 'examples', text: 'What I can explain is the course behind it, for example:', items: POLICY_QUESTIONS },
  ];
}

/** "Can you give me an example?" with nothing before it to give an example of. */
export function exampleWithoutContextParts(): AnswerPart[] {
  return [
    { kind: 'text', text: 'An example of what? Ask me about a topic first, then ask for an example.' },
    { kind: 'examples', text: 'For example:', items: ['What is a trial close?', 'What are buying signals?', 'How do I put a nervous customer at ease?'] },
  ];
}

/** An attempt to change or reveal the instructions, with nothing else to answer. */
export function injectionParts(): AnswerPart[] {
  return [
    { kind: 'text', text: "I can't change how I work, take on another role, or share my instructions, settings or keys." },
    { kind: 'text', text: WHAT_I_COVER },
    { kind: 'examples', text: 'Try asking, for example:', items: EXAMPLE_QUESTIONS.slice(0, 3) },
  ];
}

/** The opening of an integrity answer: decline, then help them do it themselves. */
export const INTEGRITY_OPENING =
  "I can't write your assignment for you: it has to be your own work, and handing in someone else's could cost you the qualification. I can help you understand what the criterion asks, so you can write it yourself.";

/** Integrity request where no criterion could be identified. */
export function integrityGeneralParts(): AnswerPart[] {
  return [
    { kind: 'text', text: INTEGRITY_OPENING },
    {
      kind: 'text',
      text: 'There is no exam: your centre writes and marks the assignments (centre-devised assessment), and every unit is graded Pass. To pass a unit you must meet all of its assessment criteria.',
    },
    { kind: 'text', text: 'Tell me the unit and criterion (for example "Unit 1 AC 2.1") and I will explain what it asks for and how it is assessed.' },
  ];
}

/** Tips for writing an assessed answer yourself. */
export const INTEGRITY_TIPS = [
  'Use your own words and examples from an organisation you know.',
  'Cover every point the criterion asks for, using the command verb as your guide.',
  'Ask your tutor if you are unsure what the brief wants.',
];

/** True when a question is about the asker ("can I…", "my boss…"): then a Unit 7 answer adds the pointer below. */
export function isPersonal(question: string): boolean {
  return /(?:^|[^a-z'’])(?:i|me|my|mine|myself|im|i['’]m|ive|i['’]ve|id|i['’]d)(?![a-z'’])/i.test(question);
}

/**
 * Unit 7 answers to a question about the asker's own job: the course explains rights at work,
 * but a real situation needs a person who can look at it.
 */
export function employmentPointer(): string {
  return 'If this is about your own job, please talk to your tutor, your employer’s HR department or ACAS (free, confidential advice at acas.org.uk): I can explain what the course says, not advise on your situation.';
}
