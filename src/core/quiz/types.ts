/**
 * The quiz's data model: questions in the bank, what a learner's answer records, and the
 * shapes the progress, leaderboard and class views return.
 */
import type { Citation } from '../reply.js';

/** How a question was built; each kind has its own rule for "supported by the cited record". */
export type QuestionKind =
  | 'list-member'
  | 'criterion-for'
  | 'unit-for'
  | 'acronym-letter'
  | 'acronym-meaning'
  | 'law-governs'
  | 'law-replaced'
  | 'misconception'
  | 'scenario'
  | 'llm';

/** One multiple-choice question: 3–4 choices, exactly one right, always cited. */
export interface Question {
  /** Stable across builds of the same knowledge base, e.g. "u1.ac4.4~list~3f2a9c". */
  id: string;
  kind: QuestionKind;
  prompt: string;
  choices: string[];
  /** Index of the right choice in `choices`. */
  answer: number;
  /** Why the answer is right, in a sentence or two a Level 2 learner can follow. */
  explanation: string;
  /** Built only from knowledge-base metadata (`knowledge.citation(id)`). */
  citation: Citation;
  /** The criterion the question practises, for mastery; null when it practises none. */
  criterionId: string | null;
  /** The unit it belongs to, for `/quiz unit:N`; null for topic notes, laws and the glossary not tied to one. */
  unit: number | null;
  /**
   * What the validator checks the choices against, when it is not simply "the choice is an item
   * of the cited record": the phrase a criterion/unit question is about, the letter of an acronym.
   */
  subject?: string;
  /** Groups questions drawn from the same list, so one session does not ask about it twice. */
  topicKey: string;
}

/** Where an answer was given: a practice session or the daily question. */
export type AnswerSource = 'session' | 'daily';

/** What is stored about one answer: ids, correctness and time only (never message text). */
export interface AnswerEvent {
  userId: string;
  scopeId: string;
  questionId: string;
  criterionId: string | null;
  unit: number | null;
  correct: boolean;
  at: number;
  source: AnswerSource;
}

/** Attempts and correct answers. */
export interface Tally {
  n: number;
  c: number;
}

/** The validated question bank built from one knowledge-base version. */
export interface QuizBank {
  /** The knowledge-base version it was built from. */
  version: string;
  /** Every question, in a stable order. */
  questions: Question[];
  get(id: string): Question | undefined;
  /** Units that have at least one question. */
  units: number[];
}
