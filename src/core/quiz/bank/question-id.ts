/**
 * Gives a drafted question its stable id: the cited record, the kind and a short hash of the
 * prompt and the right answer, so ids survive rebuilds of the same knowledge base and change when
 * the question does.
 */
import { shortHash } from '../text.js';
import type { Question } from '../types.js';

/** A question before it has an id. */
export type QuestionDraft = Omit<Question, 'id'>;

/** Adds the stable id, e.g. "u1.ac4.4~list-member~3f2a9c". */
export function finishQuestion(draft: QuestionDraft): Question {
  const hash = shortHash(`${draft.kind}|${draft.prompt}|${draft.choices[draft.answer]}`);
  return { id: `${draft.citation.source}~${draft.kind}~${hash}`, ...draft };
}
