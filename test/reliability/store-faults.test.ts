/**
 * The store fails and comes back: a real redis-server stopped, frozen and restarted, and an
 * SQLite database whose table disappears. Ask and review keep answering (memory and ratings
 * degrade quietly), quiz features say clearly that they are unavailable, nothing crashes or leaks
 * an unhandled rejection, /readyz reports it, and everything works again once the store is back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, STORE_UNAVAILABLE_MESSAGE } from '../../src/core/commands/dispatch.js';
import { GENERIC_APOLOGY } from '../../src/core/errors.js';
import { checkReadiness } from '../../src/core/health.js';
import { toPlainText } from '../../src/core/reply.js';
import { createStores } from '../../src/core/store/create-stores.js';
import { hasRedisServer } from '../helpers/redis-server.js';
import { testContext, testDeps, type TestDeps } from '../helpers/test-deps.js';
import { controlledRedis, eventually, type ControlledRedis } from './redis-control.js';

const DRAFT = "Hi Mr Jones, I'm sorry your parcel was late. I have refunded the delivery charge and it will reach you tomorrow. Kind regards, Sam";
const context = testContext();

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(() => void process.on('unhandledRejection', onRejection));
afterAll(() => void process.off('unhandledRejection', onRejection));
afterEach(() => expect(rejections).toEqual([]));

/** What each feature answers right now. */
async function answers(deps: TestDeps) {
  const text = async (name: string, options: Record<string, unknown> = {}) => toPlainText(await runCommand(name, options, context, deps));
  return {
    ask: await text('ask', { question: 'What does LASS stand for?' }),
    review: await text('review', { draft: DRAFT }),
    quiz: await text('quiz', { count: 2 }),
    progress: await text('progress'),
    leaderboard: await text('leaderboard'),
    forget: await text('forget-me'),
  };
}

function expectDegraded(result: Awaited<ReturnType<typeof answers>>) {
  expect(result.ask).toMatch(/Listen, Acknowledge|LASS/);
  expect(result.ask).toMatch(/Source/);
  expect(result.review).toMatch(/Score|score/);
  for (const reply of [result.quiz, result.progress, result.leaderboard, result.forget]) expect(reply).toBe(STORE_UNAVAILABLE_MESSAGE);
  expect(Object.values(result)).not.toContain(GENERIC_APOLOGY);
}

describe.runIf(hasRedisServer())('Redis stopped and restarted', () => {
  let redis: ControlledRedis;
  let deps: TestDeps;
  beforeAll(async () => {
    redis = await controlledRedis();
    deps = await testDeps({ stores: await createStores(redis.url) });
  });
  afterAll(async () => {
    await deps.stores.close();
    await redis.stop();
  });

  it('keeps ask and review answering, says quiz is unavailable, and recovers', async () => {
    const healthy = await answers(deps);
    expect(healthy.quiz).toMatch(/Question 1 of 2/);
    expect((await checkReadiness(deps)).status).toBe('ready');

    await redis.stop();
    const started = performance.now();
    const down = await answers(deps);
    expect(performance.now() - started).toBeLessThan(5000);
    expectDegraded(down);
    expect(await checkReadiness(deps)).toMatchObject({ status: 'unavailable', store: 'unavailable', storeKind: 'redis', llm: 'off' });

    await redis.start();
    await eventually(async () => (await checkReadiness(deps)).status === 'ready');
    const back = await answers(deps);
    expect(back.quiz).toMatch(/Question 1 of 2/);
    expect(back.progress).not.toBe(STORE_UNAVAILABLE_MESSAGE);
  }, 40_000);

  it('answers within seconds when Redis hangs (frozen), then recovers when it thaws', async () => {
    redis.freeze();
    try {
      const started = performance.now();
      const hung = await answers(deps);
      // One 2-second timeout, then the cool-down makes the rest fail at once.
      expect(performance.now() - started).toBeLessThan(4000);
      expectDegraded(hung);
    } finally {
      redis.thaw();
    }
    await eventually(async () => (await checkReadiness(deps)).status === 'ready');
    expect(toPlainText(await runCommand('quiz', { count: 1 }, context, deps))).toMatch(/Question 1 of 1/);
  }, 40_000);
});

describe('SQLite failing and coming back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coach-sqlite-fault-'));
  const file = join(dir, 'coach.sqlite');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs SQL on the database from outside the app, as another process or an operator would. */
  const outside = (sql: string) =>
    new Promise<void>((resolve, reject) => {
      const db = new sqlite3.Database(file, (error) => {
        if (error) return reject(error);
        db.exec(sql, (failure) => db.close(() => (failure ? reject(failure) : resolve())));
      });
    });

  it('keeps ask and review answering while the table is gone, and recovers when it returns', async () => {
    const deps = await testDeps({ stores: await createStores(`sqlite://${file}`) });
    try {
      expect((await answers(deps)).quiz).toMatch(/Question 1 of 2/);
      await outside('ALTER TABLE keyv RENAME TO keyv_away');
      expectDegraded(await answers(deps));
      expect((await checkReadiness(deps)).store).toBe('unavailable');
      await outside('ALTER TABLE keyv_away RENAME TO keyv');
      expect((await answers(deps)).quiz).toMatch(/Question 1 of 2/);
      expect((await checkReadiness(deps)).status).toBe('ready');
    } finally {
      await deps.stores.close();
    }
  }, 30_000);
});
