/**
 * Quiz button ids, kept apart from the session code so Ask can offer a quiz ("quiz me on unit 3")
 * without loading the quiz engine. `qa:<session>.<owner>.<index>.<choice>` answers a question;
 * `qn:<count>.<unit or 0>` starts a quiz.
 */
import type { Button } from '../reply.js';

/** Button prefixes: answer a session question, start a (new) quiz. */
export const QUIZ_ANSWER = 'qa';
export const QUIZ_AGAIN = 'qn';

/**
 * The button that starts a quiz of `count` questions on a unit (null: every unit).
 * @example startQuizButton(5, 3, 'Start a quiz').id // 'qn:5.3'
 */
export function startQuizButton(count: number, unit: number | null, label: string): Button {
  return { id: `${QUIZ_AGAIN}:${count}.${unit ?? 0}`, label, style: 'primary' };
}
