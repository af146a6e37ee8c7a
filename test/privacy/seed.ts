/**
 * Seeds data for learners through every feature, the way they would create it: an /ask with a
 * rating, a whole /quiz, the daily question, /progress, /leaderboard, /class-report, the
 * /daily-quiz settings a tutor changes, /forget-me's own look-up, and the rate-limit counters that
 * every request bumps. Used by the erasure and log-privacy tests.
 */
import { expect } from 'vitest';
import { runAction, runCommand } from '../../src/core/commands/dispatch.js';
import type { CommandContext } from '../../src/core/commands/types.js';
import { getQuizBank } from '../../src/core/quiz/bank/build-bank.js';
import type { DailyQuizPoster } from '../../src/core/quiz/daily/post.js';
import { createDailyQuizScheduler } from '../../src/core/quiz/daily/scheduler.js';
import type { Reply } from '../../src/core/reply.js';
import type { TestDeps } from '../helpers/test-deps.js';

/** The scope and channel the seeded learners share. */
export const SCOPE = 'discord:900000000000000001';
export const CHANNEL = 'discord:900000000000000002';
/** Environment for testDeps: a daily quiz in {@link CHANNEL} on weekdays at 09:00 London. */
export const SEED_ENV = { DAILY_QUIZ_CHANNEL_ID: CHANNEL, DAILY_QUIZ_CRON: '0 9 * * 1-5', DAILY_QUIZ_TZ: 'Europe/London' };

export const learner = (userId: string, isAdmin = false): CommandContext => ({
  surface: 'discord',
  userId,
  scopeId: SCOPE,
  channelId: CHANNEL,
  conversationId: `${CHANNEL}:${userId}`,
  isAdmin,
});

const buttons = (reply: Reply, prefix: string) => reply.buttons.flat().filter((b) => b.id.startsWith(`${prefix}:`));

/** Posts today's daily question (the clock is moved to Monday 09:00 London) and returns its reply. */
export async function postDaily(deps: TestDeps): Promise<Reply> {
  const posts: Reply[] = [];
  const poster: DailyQuizPoster = { post: async (_channel, reply) => void posts.push(reply) };
  const scheduler = createDailyQuizScheduler({ deps, bank: getQuizBank(deps.knowledge), poster });
  deps.clock.set('2026-01-05T09:00:05Z');
  await scheduler.tick();
  scheduler.stop();
  expect(posts).toHaveLength(1);
  return posts[0]!;
}

/**
 * Everything one learner does. `question` is what they ask (tests pass personal data in it).
 * @returns the replies, so callers can check what the learner saw
 */
export async function seedLearner(deps: TestDeps, userId: string, daily: Reply, question = 'What does LASS stand for?'): Promise<Reply[]> {
  const context = learner(userId);
  const seen: Reply[] = [];
  const run = async (name: string, options: Record<string, unknown> = {}, ctx = context) => {
    const reply = await runCommand(name, options, ctx, deps);
    seen.push(reply);
    return reply;
  };
  // Ask, twice in one conversation (memory), and rate the answer (vote + one-vote claim).
  const answer = await run('ask', { question });
  await run('ask', { question: 'tell me more' });
  const helpful = buttons(answer, 'ask-feedback')[0];
  expect(helpful, 'a grounded answer carries feedback buttons').toBeDefined();
  seen.push(await runAction(helpful!.id, context, deps));
  // A whole quiz: session, per-question claims, statistics, cards, log, the member record.
  let quiz = await run('quiz', { count: 3 });
  for (let i = 0; i < 3; i++) {
    const choice = buttons(quiz, 'qa')[i % 2];
    expect(choice, 'each quiz question has answer buttons').toBeDefined();
    quiz = await runAction(choice!.id, context, deps);
    seen.push(quiz);
  }
  // Another quiz left unfinished (a session in progress).
  await run('quiz', { count: 2 });
  // The daily question: answer, claim, streak.
  const dailyChoice = buttons(daily, 'qd')[0];
  seen.push(await runAction(dailyChoice!.id, context, deps));
  await run('progress');
  await run('leaderboard', { period: 'all' });
  await run('forget-me');
  // Tutor-only views and settings (run as an admin of the same scope).
  await run('class-report', {}, { ...context, isAdmin: true });
  await run('daily-quiz', { action: 'here', time: '08:30' }, { ...context, isAdmin: true });
  return seen;
}
