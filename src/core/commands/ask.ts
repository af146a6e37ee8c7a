/**
 * `/ask <question>`: a short, cited answer from the knowledge base (offline by default, with the
 * LLM when configured), or an honest "the specification doesn't cover that". Non-command lines in
 * the terminal chat come here too. Grounded answers carry "Helpful" / "Not helpful" buttons.
 */
import { z } from 'zod';
import { answerQuestion } from '../ask/answer.js';
import { FEEDBACK_PREFIX, recordFeedback, rememberAnswer } from '../ask/feedback.js';
import { answerReply } from '../ask/render.js';
import type { ActionDefinition } from './types.js';
import { defineCommand } from './types.js';

export const askCommand = defineCommand({
  name: 'ask',
  description: 'Ask about the qualification and get a short answer with its source',
  // No length rule here: the answer itself explains empty and over-long questions kindly.
  options: z.object({ question: z.string().default('').describe('Your question, e.g. "What does LASS stand for?"') }),
  parseText: (text) => ({ question: text }),
  visibility: 'public',
  slow: true,
  run: async ({ question }, context, deps) => {
    const answer = await answerQuestion(question, context, deps);
    if (answer.grounded) await rememberAnswer(answer, deps);
    return answerReply(answer);
  },
});

/** The "Helpful" / "Not helpful" buttons on answers. */
export const askFeedbackAction: ActionDefinition = {
  prefix: FEEDBACK_PREFIX,
  visibility: 'private',
  slow: false,
  run: (payload, context, deps) => recordFeedback(payload, context, deps),
};
