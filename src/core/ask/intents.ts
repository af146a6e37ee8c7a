/**
 * What kind of question this is before any retrieval: empty, too long, a greeting, an attempt to
 * change the bot's instructions (injection), a request to write assessed work (integrity), or a
 * centre-specific matter (deadlines, marks) that only a tutor can answer, or a request for a quiz
 * ("quiz me on unit 3"), or a figure the specification does not hold (pay rates, statistics). The phrases are data in
 * the learner vocabulary; this module only applies them.
 */
import type { Vocabulary } from './vocabulary.js';

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 2000;

/** A classification that decides the answer before retrieval (or shapes it). */
export type Intent =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | { kind: 'greeting'; thanks: boolean }
  /** `rest` is what remains once the sentences carrying instructions are removed ('' if nothing). */
  | { kind: 'injection'; rest: string }
  | { kind: 'integrity' }
  | { kind: 'centre-specific' }
  /** "Quiz me on unit 3": a quiz is offered instead of an answer about quizzes. */
  | { kind: 'quiz-request' }
  /** Pay rates, statistics, opening times: figures the specification does not hold. */
  | { kind: 'figures' }
  | { kind: 'question' };

/** A line that pretends to be another speaker in the conversation ("SYSTEM: …", "assistant:"). */
const ROLE_LABEL = /(^|\n)\s*\[?(system|assistant|developer|admin|administrator)\]?\s*:/i;

const THANKS = new Set(['thanks', 'thank', 'thx', 'ta', 'cheers']);
const GREETING_WORDS = new Set([
  'hi', 'hello', 'hey', 'hiya', 'yo', 'sup', 'morning', 'afternoon', 'evening', 'good', 'thanks', 'thank', 'you', 'thx', 'ta',
  'cheers', 'help', 'start', 'menu', 'there', 'bot', 'coach', 'please', 'ok', 'okay', 'cool', 'great',
]);

/**
 * Classifies a question.
 * @example classifyQuestion('write my assignment for 2.1', vocabulary) // { kind: 'integrity' }
 */
export function classifyQuestion(question: string, vocabulary: Vocabulary): Intent {
  const trimmed = question.trim();
  if (trimmed.length === 0 || !/[\p{L}\p{N}]/u.test(trimmed)) return { kind: 'empty' };
  if (trimmed.length > MAX_QUESTION_LENGTH) return { kind: 'too-long', length: trimmed.length };
  const words = vocabulary.text.words(trimmed);
  if (words.length > 0 && words.length <= 4 && words.every((word) => GREETING_WORDS.has(word))) {
    return { kind: 'greeting', thanks: words.some((word) => THANKS.has(word)) };
  }
  const isInstruction = (sentence: string) => ROLE_LABEL.test(sentence) || vocabulary.intent('injection', sentence) !== null;
  if (isInstruction(trimmed)) {
    const rest = splitSentences(trimmed)
      .filter((sentence) => !isInstruction(sentence))
      .join(' ')
      .trim();
    return { kind: 'injection', rest };
  }
  if (vocabulary.intent('integrity', trimmed)) return { kind: 'integrity' };
  if (vocabulary.intent('centreSpecific', trimmed)) return { kind: 'centre-specific' };
  if (vocabulary.intent('quizRequest', trimmed)) return { kind: 'quiz-request' };
  if (vocabulary.intent('figures', trimmed)) return { kind: 'figures' };
  return { kind: 'question' };
}

/** Splits text into sentences and clauses an instruction could hide in. */
function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;:])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
