/**
 * The pattern every LLM-backed feature follows: try the LLM, and on any failure answer offline,
 * so the learner always gets an answer. With no LLM configured the offline answer is simply the
 * answer (that is not a fallback and is not counted as one).
 */
import { isLlmError, type LlmError } from './llm-error.js';
import type { Llm } from './types.js';

/**
 * Runs `step` with the LLM and returns its result; on an {@link LlmError} records a `fallback`
 * event and returns `offline(error)`. To reject a reply your own checks find unusable (say it
 * cites a source that was not retrieved), throw `new LlmError('invalid_output', …)` inside `step`.
 * Other errors (bugs) are not swallowed.
 * @example
 * const answer = await withLlmFallback(deps.llm, 'ask',
 *   (llm) => llm.structured({ prompt: deps.prompts.get('ask'), values, schema, schemaName: 'answer', maxTokens: 500 }),
 *   () => offlineAnswer(question, deps));
 */
export async function withLlmFallback<T>(
  llm: Llm | null,
  label: string,
  step: (llm: Llm) => Promise<T>,
  offline: (error: LlmError | null) => T | Promise<T>,
): Promise<T> {
  if (!llm) return offline(null);
  const started = performance.now();
  try {
    return await step(llm);
  } catch (error) {
    if (!isLlmError(error)) throw error;
    llm.reportFallback(label, error.reason, Math.round(performance.now() - started));
    return offline(error);
  }
}
