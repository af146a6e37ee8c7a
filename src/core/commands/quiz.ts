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

/** Words a learner may add that say nothing about the quiz ("/quiz unit 2 please"). */
const POLITE = /\b(please|pls|plz|me|on|a|of|quiz|give|with|and|thanks)\b/g;

/**
 * Reads "3", "unit 3", "u3", "unit:3", "10 questions", "count:8", "5 3" (unit, then count). Anything
 * else is passed on as the unit so validation explains what is wrong instead of silently ignoring it.
 */
export function parseQuizText(text: string): Record<string, unknown> {
  let rest = ` ${text.trim().toLowerCase()} `;
  const options: Record<string, string> = {};
  const take = (pattern: RegExp, key: 'unit' | 'count') => {
    const match = pattern.exec(rest);
    if (!match || options[key] !== undefined) return;
    options[key] = match[1]!;
    rest = rest.replace(match[0], ' ');
  };
  take(/\b(?:unit|u)\s*:?\s*(\d+)\b/, 'unit');
  take(/\bcount\s*:?\s*(\d+)\b/, 'count');
  take(/\b(\d+)\s*(?:questions?|qs?)\b/, 'count');
  // Bare numbers: the unit first, then the count.
  take(/\b(\d+)\b/, options.unit === undefined ? 'unit' : 'count');
  take(/\b(\d+)\b/, 'count');
  const leftover = rest.replace(POLITE, ' ').replace(/\s+/g, ' ').trim();
  if (leftover !== '') options.unit = options.unit === undefined ? leftover : `${options.unit} ${leftover}`;
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
