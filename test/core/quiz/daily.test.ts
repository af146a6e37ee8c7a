import { describe, expect, it } from 'vitest';
import { runAction, runCommand } from '../../../src/core/commands/dispatch.js';
import { parseDailyQuizText } from '../../../src/core/commands/daily-quiz.js';
import { getQuizBank } from '../../../src/core/quiz/bank/build-bank.js';
import { getChannelState } from '../../../src/core/quiz/daily/daily-store.js';
import type { DailyQuizPoster } from '../../../src/core/quiz/daily/post.js';
import { createDailyQuizScheduler } from '../../../src/core/quiz/daily/scheduler.js';
import { getStreak } from '../../../src/core/quiz/streaks.js';
import { toPlainText, type Reply } from '../../../src/core/reply.js';
import { testContext, testDeps, type TestDeps } from '../../helpers/test-deps.js';

/** A poster that really keeps what it was given. */
function recordingPoster() {
  const posts: Array<{ channelId: string; reply: Reply }> = [];
  const poster: DailyQuizPoster = { post: async (channelId, reply) => void posts.push({ channelId, reply }) };
  return { poster, posts };
}

const CHANNEL = 'discord:700000000000000001';
const ENV = { DAILY_QUIZ_CHANNEL_ID: CHANNEL, DAILY_QUIZ_CRON: '0 9 * * 1-5', DAILY_QUIZ_TZ: 'Europe/London' };

async function setup(env: Record<string, string> = ENV, deps?: TestDeps) {
  const d = deps ?? (await testDeps({}, env));
  const { poster, posts } = recordingPoster();
  const scheduler = createDailyQuizScheduler({ deps: d, bank: getQuizBank(d.knowledge), poster });
  return { deps: d, scheduler, posts };
}

const learner = (n: number) => testContext({ surface: 'discord', userId: `discord:${n}`, scopeId: 'discord:G1', channelId: CHANNEL });
const dailyButtons = (reply: Reply) => reply.buttons.flat().filter((b) => b.id.startsWith('qd:'));

describe('the daily quiz', () => {
  it('posts exactly once per slot (Monday 09:00 London), however often it ticks', async () => {
    const { deps, scheduler, posts } = await setup();
    deps.clock.set('2026-01-05T08:59:00Z'); // Monday, GMT
    expect((await scheduler.tick()).posted).toEqual([]);
    deps.clock.set('2026-01-05T09:00:01Z');
    await scheduler.tick();
    await scheduler.tick();
    deps.clock.advance(30 * 60_000);
    await scheduler.tick();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.channelId).toBe(CHANNEL);
    expect(dailyButtons(posts[0]!.reply).length).toBeGreaterThanOrEqual(3);
    expect(toPlainText(posts[0]!.reply)).toMatch(/Daily question · Monday 5 January/);
  });

  it('uses the time zone: in summer 09:00 London is 08:00 UTC', async () => {
    const { deps, scheduler, posts } = await setup();
    deps.clock.set('2026-07-06T08:00:05Z');
    await scheduler.tick();
    expect(posts).toHaveLength(1);
  });

  it('posts once when two schedulers (two instances) share one store', async () => {
    const a = await setup();
    const b = await setup(ENV, { ...(await testDeps({ stores: a.deps.stores }, ENV)), clock: a.deps.clock });
    a.deps.clock.set('2026-01-05T09:00:02Z');
    await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick(), b.scheduler.tick()]);
    expect(a.posts.length + b.posts.length).toBe(1);
  });

  it('posts once when the configured default is a bare id and an admin set the same channel with /daily-quiz', async () => {
    const { deps, scheduler, posts } = await setup({ ...ENV, DAILY_QUIZ_CHANNEL_ID: '700000000000000001' });
    const admin = testContext({ surface: 'discord', userId: 'discord:9', scopeId: 'discord:G1', channelId: CHANNEL, isAdmin: true });
    await runCommand('daily-quiz', parseDailyQuizText('here'), admin, deps);
    deps.clock.set('2026-01-05T09:00:01Z');
    await scheduler.tick();
    expect(posts.map((p) => p.channelId)).toEqual([CHANNEL]);
  });

  it('does not flood the channel after downtime: only a recent missed slot is posted', async () => {
    const { deps, scheduler, posts } = await setup();
    deps.clock.set('2026-01-05T09:00:01Z');
    await scheduler.tick();
    // Down from Monday to Thursday 09:20: three slots were missed; only Thursday's is posted.
    deps.clock.set('2026-01-08T09:20:00Z');
    const report = await scheduler.tick();
    expect(report.posted).toHaveLength(1);
    expect(posts).toHaveLength(2);
    // Down until Friday afternoon: Friday's slot is too old to post late.
    deps.clock.set('2026-01-09T15:00:00Z');
    expect((await scheduler.tick()).posted).toEqual([]);
    expect(posts).toHaveLength(2);
  });

  it('takes one answer per learner with private feedback, then posts results with the next question', async () => {
    const { deps, scheduler, posts } = await setup();
    const bank = getQuizBank(deps.knowledge);
    deps.clock.set('2026-01-05T09:00:01Z');
    await scheduler.tick();
    const buttons = dailyButtons(posts[0]!.reply);
    const question = bank.get((await getChannelState(CHANNEL, deps))!.used[0]!)!;
    const right = buttons[question.answer]!;
    const wrong = buttons[(question.answer + 1) % buttons.length]!;
    deps.clock.advance(60_000);
    const feedback = await runAction(right.id, learner(1), deps);
    expect(feedback.ephemeral).toBe(true);
    expect(toPlainText(feedback)).toMatch(/Correct!/);
    expect(toPlainText(await runAction(wrong.id, learner(1), deps))).toMatch(/already answered/);
    expect(toPlainText(await runAction(wrong.id, learner(2), deps))).toMatch(/Not quite/);

    deps.clock.set('2026-01-06T09:00:01Z');
    await scheduler.tick();
    const next = toPlainText(posts[1]!.reply);
    expect(next).toMatch(/Results of the last daily question/);
    expect(next).toMatch(/2 people answered; 1 got it right/);
    expect(next).toContain(question.explanation);
    // The old question is closed now.
    expect(toPlainText(await runAction(right.id, learner(3), deps))).toMatch(/has closed/);
    // Answering on consecutive days builds a streak.
    const question2 = bank.get((await getChannelState(CHANNEL, deps))!.used[1]!)!;
    await runAction(dailyButtons(posts[1]!.reply)[question2.answer]!.id, learner(1), deps);
    expect((await getStreak('discord:1', deps))?.current).toBe(2);
  });

  it('posts results on their own after DAILY_QUIZ_RESULTS_AFTER_MINUTES', async () => {
    const { deps, scheduler, posts } = await setup({ ...ENV, DAILY_QUIZ_RESULTS_AFTER_MINUTES: '60' });
    deps.clock.set('2026-01-05T09:00:01Z');
    await scheduler.tick();
    deps.clock.set('2026-01-05T09:59:00Z');
    await scheduler.tick();
    expect(posts).toHaveLength(1);
    deps.clock.set('2026-01-05T10:00:30Z');
    const report = await scheduler.tick();
    expect(report.results).toEqual([CHANNEL]);
    expect(toPlainText(posts[1]!.reply)).toMatch(/Nobody answered this one/);
    await scheduler.tick();
    expect(posts).toHaveLength(2);
    deps.clock.set('2026-01-06T09:00:01Z');
    await scheduler.tick();
    expect(toPlainText(posts[2]!.reply)).not.toMatch(/Results of the last/);
  });

  it('rotates without repeats until the bank is used up', async () => {
    const { deps, scheduler } = await setup({ ...ENV, DAILY_QUIZ_CRON: '0 9 * * *' });
    deps.clock.set('2026-01-05T09:00:01Z');
    for (let day = 0; day < 30; day += 1) {
      await scheduler.tick();
      deps.clock.advance(24 * 60 * 60_000);
    }
    const used = (await getChannelState(CHANNEL, deps))!.used;
    expect(used).toHaveLength(30);
    expect(new Set(used).size).toBe(30);
  });

  it('lets an admin set the channel, time and time zone, pause and resume; learners cannot', async () => {
    const { deps, scheduler, posts } = await setup({});
    const admin = { ...testContext({ surface: 'discord', scopeId: 'discord:G9', channelId: 'discord:800' }), isAdmin: true };
    expect(toPlainText(await runCommand('daily-quiz', { action: 'here' }, { ...admin, isAdmin: false }, deps))).toMatch(/Only someone who can manage/);
    const set = toPlainText(await runCommand('daily-quiz', parseDailyQuizText('here 07:30 every day America/New_York'), admin, deps));
    expect(set).toMatch(/every day at 07:30 \(America\/New_York\)/);
    deps.clock.set('2026-01-05T12:30:05Z'); // 07:30 in New York
    await scheduler.tick();
    expect(posts.map((p) => p.channelId)).toEqual(['discord:800']);
    expect(toPlainText(await runCommand('daily-quiz', { action: 'pause' }, admin, deps))).toMatch(/Paused/);
    deps.clock.advance(24 * 60 * 60_000);
    expect((await scheduler.tick()).skipped.join()).toMatch(/paused/);
    expect(posts).toHaveLength(1);
    expect(toPlainText(await runCommand('daily-quiz', { action: 'resume' }, admin, deps))).toMatch(/Running/);
    expect(toPlainText(await runCommand('daily-quiz', { time: '25:00' }, admin, deps))).toMatch(/HH:MM/);
    expect(toPlainText(await runCommand('daily-quiz', { timezone: 'Mars/Olympus' }, admin, deps))).toMatch(/not a time zone/);
    expect(toPlainText(await runCommand('daily-quiz', parseDailyQuizText('explode'), admin, deps))).toMatch(/action/);
    expect(toPlainText(await runCommand('daily-quiz', { action: 'off' }, admin, deps))).toMatch(/switched off/);
  });
});
