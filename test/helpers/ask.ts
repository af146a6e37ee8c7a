/**
 * Asks a question the way the Ask tests do: the answer, its plain text and its cited source ids.
 */
import { answerQuestion } from '../../src/core/ask/answer.js';
import { answerText } from '../../src/core/ask/render.js';
import type { Answer } from '../../src/core/ask/types.js';
import { testContext, type TestDeps } from './test-deps.js';

/** What a test usually checks about an answer. */
export interface AskedAnswer {
  answer: Answer;
  text: string;
  sources: string[];
}

/**
 * @example const { text, sources } = await askWith(deps, 'what is LASS?');
 */
export async function askWith(deps: TestDeps, question: string, context = testContext()): Promise<AskedAnswer> {
  const answer = await answerQuestion(question, context, deps);
  return { answer, text: answerText(answer), sources: answer.citations.map((c) => c.source) };
}
