/**
 * Retention on a manual clock: quiz history older than QUIZ_RETENTION_DAYS and conversation
 * memory older than CONVERSATION_TTL_HOURS are removed by the sweep, recent history stays, and
 * the daily sweep runs once a day across instances sharing a store.
 */
import { describe, expect, it } from 'vitest';
import { runAction, runCommand } from '../../src/core/commands/dispatch.js';
import { conversationKey } from '../../src/core/ask/conversation.js';
import { sweepRetention } from '../../src/core/privacy/retention.js';
import { startRetentionSweeper } from '../../src/core/privacy/sweeper.js';
import { getAnswerLog, getCards, getUserStats, progressKeys } from '../../src/core/quiz/progress-store.js';
import { getStreak } from '../../src/core/quiz/streaks.js';
import type { Reply } from '../../src/core/reply.js';
import { createStores } from '../../src/core/store/create-stores.js';
import { testDeps, type TestDeps } from '../helpers/test-deps.js';
import { learner, postDaily, SEED_ENV } from './seed.js';

const DAY = 24 * 60 * 60 * 1000;
const ENV = { ...SEED_ENV, QUIZ_RETENTION_DAYS: '30' };

/** Answers a whole quiz of `count` questions now (by the deps' clock). */
async function quiz(deps: TestDeps, userId: string, count = 2): Promise<void> {
  let reply: Reply = await runCommand('quiz', { count }, learner(userId), deps);
  for (let i = 0; i < count; i++) {
    const button = reply.buttons.flat().find((b) => b.id.startsWith('qa:'))!;
    reply = await runAction(button.id, learner(userId), deps);
  }
}

describe('the retention sweep', () => {
  it('removes quiz history older than QUIZ_RETENTION_DAYS and keeps what is recent', async () => {
    const deps = await testDeps({}, ENV);
    const daily = await postDaily(deps); // 2026-01-05 09:00
    const start = deps.clock.now();
    // The idle learner: a quiz and the daily question on day 0, nothing since.
    await quiz(deps, 'discord:1001');
    await runAction(daily.buttons.flat().find((b) => b.id.startsWith('qd:'))!.id, learner('discord:1001'), deps);
    // The regular learner: day 0 and day 25.
    await quiz(deps, 'discord:1002');
    deps.clock.set(start + 25 * DAY);
    await quiz(deps, 'discord:1002', 3);

    deps.clock.set(start + 20 * DAY);
    const early = await sweepRetention(deps);
    expect(early.deleted).toEqual({});
    expect(early.trimmed).toEqual({});

    deps.clock.set(start + 31 * DAY);
    const report = await sweepRetention(deps);
    // Idle learner: everything quiz-related has gone (stats, cards, log, streak, server record, daily answer).
    expect(await getUserStats('discord:1001', deps)).toBeUndefined();
    expect(await getCards('discord:1001', deps)).toEqual({});
    expect(await getAnswerLog('discord:1001', deps)).toEqual([]);
    expect(await getStreak('discord:1001', deps)).toBeUndefined();
    expect(await deps.stores.ns('quiz-progress').get(progressKeys.member(learner('x').scopeId, 'discord:1001'))).toBeUndefined();
    const dailyKeys: string[] = [];
    for await (const [key] of deps.stores.ns('quiz-daily').iterator!(undefined)) dailyKeys.push(String(key));
    expect(dailyKeys.filter((key) => key.includes('discord:1001'))).toEqual([]);
    // Regular learner: the day-0 answers are trimmed from the log; the day-25 ones and the totals stay.
    const log = await getAnswerLog('discord:1002', deps);
    expect(log).toHaveLength(3);
    expect(log.every((entry) => entry.t === start + 25 * DAY)).toBe(true);
    expect((await getUserStats('discord:1002', deps))?.all.n).toBe(5);
    expect(Object.values(await getCards('discord:1002', deps)).every((card) => (card.lastReview ?? 0) >= start + 25 * DAY)).toBe(true);
    expect(report.deleted['quiz-progress']).toBeGreaterThanOrEqual(5);
    expect(report.trimmed['quiz-progress']).toBeGreaterThanOrEqual(2);
    expect(report.deleted['quiz-daily']).toBe(1);

    // Running it again changes nothing.
    const again = await sweepRetention(deps);
    expect(again.deleted).toEqual({});
    expect(again.trimmed).toEqual({});
  });

  it('forgets conversation memory after CONVERSATION_TTL_HOURS (store TTL, and the sweep by the clock)', async () => {
    const deps = await testDeps({}, { CONVERSATION_TTL_HOURS: '24' });
    const context = learner('discord:2001');
    await runCommand('ask', { question: 'What does LASS stand for?' }, context, deps);
    const key = conversationKey(context);
    const raw = await deps.stores.ns('conversations').getRaw(key);
    // The backend deletes it on its own 24 hours after the last question.
    expect(raw?.expires).toBeGreaterThan(Date.now() + 24 * 60 * 60 * 1000 - 60_000);
    expect(raw?.expires).toBeLessThanOrEqual(Date.now() + 24 * 60 * 60 * 1000);
    deps.clock.advance(23 * 60 * 60 * 1000);
    expect((await sweepRetention(deps)).deleted.conversations).toBeUndefined();
    deps.clock.advance(2 * 60 * 60 * 1000);
    expect((await sweepRetention(deps)).deleted.conversations).toBe(1);
    expect(await deps.stores.ns('conversations').get(key)).toBeUndefined();
  });

  it('runs once a day across instances that share a store', async () => {
    const shared = await createStores('memory://');
    const [a, b] = [await testDeps({ stores: shared }, ENV), await testDeps({ stores: shared }, ENV)];
    b.clock.set(a.clock.now());
    const sweepers = [startRetentionSweeper(a, 60_000), startRetentionSweeper(b, 60_000)];
    try {
      const ran = await Promise.all(sweepers.map((s) => s.runOnce()));
      expect(ran.filter(Boolean)).toHaveLength(1);
      a.clock.advance(DAY);
      expect(await sweepers[0]!.runOnce()).toBe(true);
    } finally {
      await Promise.all(sweepers.map((s) => s.stop()));
    }
  });
});
