import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/core/commands/dispatch.js';
import { forgetUser } from '../../../src/core/privacy/forget.js';
import { getCards, getUserStats, recordAnswer } from '../../../src/core/quiz/progress-store.js';
import { getStreak, liveStreak, nextStreak, recordDailyStreak } from '../../../src/core/quiz/streaks.js';
import { createStores } from '../../../src/core/store/create-stores.js';
import { toPlainText } from '../../../src/core/reply.js';
import type { AnswerEvent } from '../../../src/core/quiz/types.js';
import { testContext, testDeps } from '../../helpers/test-deps.js';

const LONDON = 'Europe/London';
const answer = (over: Partial<AnswerEvent>): AnswerEvent => ({
  userId: 'discord:1', scopeId: 'discord:G1', questionId: 'u1.ac4.4~list-member~x', criterionId: 'u1.ac4.4', unit: 1, correct: true, at: Date.parse('2026-01-05T10:00:00Z'), source: 'session', ...over,
});

describe('streaks', () => {
  const post = (id: string, previous: string | null, at: string) => ({ postId: id, previousPostId: previous, at: Date.parse(at), timeZone: LONDON });

  it('counts consecutive days in the daily-quiz time zone, once per day', () => {
    let s = nextStreak(undefined, post('p1', null, '2026-03-02T09:05:00Z'));
    s = nextStreak(s, post('p1', null, '2026-03-02T12:00:00Z'));
    expect(s.current).toBe(1);
    s = nextStreak(s, post('p2', 'p1', '2026-03-03T09:05:00Z'));
    s = nextStreak(s, post('p3', 'p2', '2026-03-04T09:05:00Z'));
    expect(s).toMatchObject({ current: 3, best: 3 });
    // Skipping a day breaks it; the best is kept.
    s = nextStreak(s, post('p5', 'p4', '2026-03-06T09:05:00Z'));
    expect(s).toMatchObject({ current: 1, best: 3 });
  });

  it('uses local days: 23:30 UTC on 30 June is already 1 July in London', () => {
    const first = nextStreak(undefined, post('a', null, '2026-06-30T08:00:00Z'));
    const late = nextStreak(first, post('b', 'x', '2026-06-30T23:30:00Z'));
    expect(late.current).toBe(2);
    expect(late.lastDay).toBe('2026-07-01');
    // The same instants in UTC would be one day.
    const utc = nextStreak(nextStreak(undefined, { ...post('a', null, '2026-06-30T08:00:00Z'), timeZone: 'UTC' }), { ...post('b', 'x', '2026-06-30T23:30:00Z'), timeZone: 'UTC' });
    expect(utc.current).toBe(1);
  });

  it('survives a weekend when the learner answered the post straight before (weekday schedule)', () => {
    const friday = nextStreak(nextStreak(undefined, post('thu', null, '2026-03-05T09:10:00Z')), post('fri', 'thu', '2026-03-06T09:10:00Z'));
    const monday = nextStreak(friday, post('mon', 'fri', '2026-03-09T09:10:00Z'));
    expect(monday.current).toBe(3);
    expect(liveStreak(friday, Date.parse('2026-03-09T08:00:00Z'), LONDON, ['fri'])).toBe(2);
    expect(liveStreak(friday, Date.parse('2026-03-11T08:00:00Z'), LONDON, ['tue', 'wed'])).toBe(0);
  });

  it('stores streaks per learner', async () => {
    const deps = await testDeps();
    await recordDailyStreak('discord:1', post('p1', null, '2026-03-02T09:05:00Z'), deps);
    await recordDailyStreak('discord:1', post('p2', 'p1', '2026-03-03T09:05:00Z'), deps);
    expect((await getStreak('discord:1', deps))?.current).toBe(2);
    expect(await getStreak('discord:2', deps)).toBeUndefined();
  });
});

describe('progress, leaderboards and the class view', () => {
  it('ranks by right answers (not speed), this week and all time, per scope', async () => {
    const deps = await testDeps();
    deps.clock.set('2026-01-07T10:00:00Z'); // a Wednesday
    const lastWeek = Date.parse('2025-12-30T10:00:00Z');
    for (let i = 0; i < 5; i += 1) await recordAnswer(answer({ userId: 'discord:old', at: lastWeek }), deps);
    for (let i = 0; i < 3; i += 1) await recordAnswer(answer({ userId: 'discord:1', at: deps.clock.now() }), deps);
    await recordAnswer(answer({ userId: 'discord:2', at: deps.clock.now() }), deps);
    await recordAnswer(answer({ userId: 'discord:2', at: deps.clock.now(), correct: false }), deps);
    await recordAnswer(answer({ userId: 'discord:other-scope', scopeId: 'discord:G2', at: deps.clock.now() }), deps);
    const context = testContext({ userId: 'discord:2', scopeId: 'discord:G1', surface: 'discord' });
    const weekReply = await runCommand('leaderboard', {}, context, deps);
    // Private: "You" means the asker, and learners are not ranked in public.
    expect(weekReply.ephemeral).toBe(true);
    const week = toPlainText(weekReply);
    expect(week.indexOf('3 right of 3')).toBeLessThan(week.indexOf('You — 1 right of 2'));
    expect(week).not.toContain('5 right');
    expect(week).not.toContain('discord:');
    const all = toPlainText(await runCommand('leaderboard', { period: 'all' }, context, deps));
    expect(all.indexOf('5 right of 5')).toBeLessThan(all.indexOf('3 right of 3'));
    expect(all).not.toMatch(/other-scope/);
    expect(toPlainText(await runCommand('leaderboard', { period: 'month' }, context, deps))).toMatch(/period/);
  });

  it('shows a learner their strongest and weakest criteria and what to revise next', async () => {
    const deps = await testDeps();
    for (let i = 0; i < 3; i += 1) await recordAnswer(answer({ criterionId: 'u1.ac4.4', correct: true }), deps);
    for (let i = 0; i < 3; i += 1) await recordAnswer(answer({ criterionId: 'u5.ac2.3', unit: 5, correct: false, questionId: `u5.ac2.3~q~${i}` }), deps);
    const text = toPlainText(await runCommand('progress', {}, testContext({ userId: 'discord:1', scopeId: 'discord:G1' }), deps));
    expect(text).toMatch(/Answered: 6/);
    expect(text).toMatch(/Strongest[\s\S]*Unit 1, AC 4.4/);
    expect(text).toMatch(/Weakest[\s\S]*Unit 5, AC 2.3/);
    expect(text).toMatch(/What to revise next:.*\/quiz unit:5/);
  });

  it('gives tutors a class view and keeps it from learners', async () => {
    const deps = await testDeps();
    await recordAnswer(answer({ userId: 'discord:1', criterionId: 'u5.ac2.3', unit: 5, correct: false }), deps);
    await recordAnswer(answer({ userId: 'discord:1', criterionId: 'u5.ac2.3', unit: 5, correct: false }), deps);
    await recordAnswer(answer({ userId: 'discord:2', criterionId: 'u5.ac2.3', unit: 5, correct: true }), deps);
    const learner = testContext({ scopeId: 'discord:G1' });
    expect(toPlainText(await runCommand('class-report', {}, learner, deps))).toMatch(/Only someone who can manage/);
    const report = toPlainText(await runCommand('class-report', {}, { ...learner, isAdmin: true }, deps));
    expect(report).toMatch(/Learners: 2/);
    expect(report).toMatch(/Unit 5: 33% of 3 answers/);
    expect(report).toMatch(/Weakest criteria[\s\S]*Unit 5, AC 2.3/);
  });

  it('keeps only ids and answers, under keys erasure can find', async () => {
    const deps = await testDeps();
    await recordAnswer(answer({ userId: 'discord:1' }), deps);
    await recordAnswer(answer({ userId: 'discord:12' }), deps);
    await forgetUser('discord:1', deps, []);
    expect(await getUserStats('discord:1', deps)).toBeUndefined();
    expect(await getUserStats('discord:12', deps)).toBeDefined();
  });
});

describe('persistence on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quiz-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps progress, cards and streaks across a restart', async () => {
    const url = `sqlite://${join(dir, 'coach.sqlite')}`;
    const first = await testDeps({ stores: await createStores(url) });
    await recordAnswer(answer({ correct: false }), first);
    await recordDailyStreak('discord:1', { postId: 'p1', previousPostId: null, at: Date.parse('2026-03-02T09:05:00Z'), timeZone: LONDON }, first);
    await first.stores.close();

    const second = await testDeps({ stores: await createStores(url) });
    expect((await getUserStats('discord:1', second))?.all).toEqual({ n: 1, c: 0 });
    expect(Object.keys(await getCards('discord:1', second))).toEqual(['u1.ac4.4~list-member~x']);
    expect((await getStreak('discord:1', second))?.current).toBe(1);
    await second.stores.close();
  });
});
