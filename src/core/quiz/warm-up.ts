/**
 * Builds the question bank in the background right after start-up, so the first `/quiz` does not
 * wait for it, and then (only with an LLM configured) adds the checked LLM-written questions.
 * Never required and never fatal: any failure is logged and the bank builds on first use instead.
 */
import type { Deps } from '../deps.js';
import { addToQuizBank, getQuizBank } from './bank/build-bank.js';
import { DEFAULT_LLM_QUESTION_LIMITS, loadLlmQuestions, type LlmQuestionLimits } from './llm-questions.js';

/** Waits this long before building, so start-up (the first prompt and reply, the adapters' connections) goes first; a person takes longer than that to type a command. */
export const WARM_UP_DELAY_MS = 1000;

/**
 * Starts the warm-up; the promise resolves when it is done (tests await it, `npm start` does not).
 * @example void warmQuizBank(deps);
 */
export async function warmQuizBank(
  deps: Pick<Deps, 'llm' | 'prompts' | 'knowledge' | 'stores' | 'logger'>,
  options: { delayMs?: number; limits?: LlmQuestionLimits } = {},
): Promise<void> {
  // Not unref'd: a caller awaiting the warm-up (a test, the bench) must not see the process end under it.
  await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? WARM_UP_DELAY_MS));
  try {
    const bank = getQuizBank(deps.knowledge, deps.logger);
    if (!deps.llm) return;
    const { questions } = await loadLlmQuestions(deps, bank, options.limits ?? DEFAULT_LLM_QUESTION_LIMITS);
    if (questions.length > 0) addToQuizBank(deps.knowledge, questions, deps.logger);
  } catch (error) {
    deps.logger.warn({ err: error }, 'quiz bank warm-up failed; the deterministic bank is used');
  }
}
