/**
 * `/quiz [unit] [count]`: a private practice quiz with buttons; each answer is scored at once with
 * the explanation and citation. Also the button handlers: answering (`qa:`), starting another
 * quiz (`qn:`) and answering the daily question (`qd:`).
 */
import { z } from 'zod';
import { getQuizBank } from '../quiz/bank/build-bank.js';
import { answerDaily } from '../quiz/daily/answer.js';
import { DAILY_ACTION } from '../quiz/daily/post.js';
import { QUIZ_AGAIN, QUIZ_ANSWER } from '../quiz/buttons.js';
import { answerQuizReply, parseAgain, startQuizReply } from '../quiz/session-replies.js';
import { MAX_COUNT, MIN_COUNT } from '../quiz/sessions.js';
import type { ActionDefinition } from './types.js';
import { defineCommand } from './types.js';

export const quizCommand = defineCommand({
  name: 'quiz',
  description: 'Practise with a quick multiple-choice quiz on the course',
  options: z.object({
    unit: z.coerce.number().int().min(1).max(11).optional().describe('Only questions from this unit (1–11)'),
    count: z.coerce.number().int().min(MIN_COUNT).max(MAX_COUNT).default(5).describe(`How many questions (${MIN_COUNT}–${MAX_COUNT}, default 5)`),
  }),
  parseText: parseQuizText,
  visibility: 'private',
  slow: false,
  run: async ({ unit, count }, context, deps) =>
    startQuizReply({ userId: context.userId, scopeId: context.scopeId, count, unit: unit ?? null }, getQuizBank(deps.knowledge, deps.logger), deps),
});

/**
 * Reads "3", "unit 3", "u3", "10 questions", "unit 2 count 8". Anything else is passed on as the
 * unit so validation explains what is wrong instead of silently ignoring it.
 */
export function parseQuizText(text: string): Record<string, unknown> {
  const value = text.trim().toLowerCase();
  if (value === '') return {};
  const options: Record<string, unknown> = {};
  const unit = /\b(?:unit\s*|u)(\S+)/.exec(value);
  const count = /\b(?:count\s*(\S+)|(\d+)\s*(?:questions?|qs?)\b)/.exec(value);
  if (unit) options.unit = unit[1];
  if (count) options.count = count[1] ?? count[2];
  if (!unit && !count) options.unit = value;
  return options;
}

export const quizAnswerAction: ActionDefinition = {
  prefix: QUIZ_ANSWER,
  visibility: 'private',
  slow: false,
  run: (payload, context, deps) => answerQuizReply(payload, context.userId, getQuizBank(deps.knowledge, deps.logger), deps),
};

export const quizAgainAction: ActionDefinition = {
  prefix: QUIZ_AGAIN,
  visibility: 'private',
  slow: false,
  run: (payload, context, deps) =>
    startQuizReply({ userId: context.userId, scopeId: context.scopeId, ...parseAgain(payload) }, getQuizBank(deps.knowledge, deps.logger), deps),
};

export const dailyAnswerAction: ActionDefinition = {
  prefix: DAILY_ACTION,
  visibility: 'private',
  slow: false,
  run: (payload, context, deps) => answerDaily(payload, context, getQuizBank(deps.knowledge, deps.logger), deps),
};
