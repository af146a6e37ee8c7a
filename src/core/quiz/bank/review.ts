/**
 * What a human review of the bank rejected. Reading every question as a 16-year-old would found
 * a few the automatic checks cannot catch (a distractor that is right in everyday terms though the
 * specification does not list it). Each entry removes any question whose topic matches and that
 * offers the named choice, with the reason.
 */
import { normalise } from '../text.js';
import type { Question } from '../types.js';

interface Rejection {
  /** The question's topicKey (or its start). */
  topic: string;
  /** A choice that makes the question unfair, or "*" for the whole question. */
  choice: string;
  why: string;
}

export const REJECTED: Rejection[] = [];

/** True when a reviewed rule removes this question. */
export function isRejected(question: Question): boolean {
  return REJECTED.some(
    (rule) => question.topicKey.startsWith(rule.topic) && (rule.choice === '*' || question.choices.some((c) => normalise(c) === normalise(rule.choice))),
  );
}
