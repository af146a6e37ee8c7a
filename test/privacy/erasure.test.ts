/**
 * The right to erasure, end to end on every backend: two learners use every feature, one of them
 * runs /forget-me and confirms, and afterwards no key or value anywhere (every namespace, and on
 * Redis the whole keyspace, rate-limit counters included) mentions them, while the other
 * learner's data is exactly as it was.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, runCommand } from '../../src/core/commands/dispatch.js';
import { createStores, STORE_NAMESPACES, type Stores } from '../../src/core/store/create-stores.js';
import { toPlainText } from '../../src/core/reply.js';
import { hasRedisServer, startRedis, type RunningRedis } from '../helpers/redis-server.js';
import { testDeps, type TestDeps } from '../helpers/test-deps.js';
import { learner, postDaily, seedLearner, SEED_ENV } from './seed.js';

const ME = 'discord:424242424242424242';
const OTHER = 'discord:515151515151515151';
/** The raw platform id must not survive either (it is inside the opaque id). */
const ME_RAW = '424242424242424242';

/** Every key and value in every namespace, as text. */
async function dump(stores: Stores): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for (const namespace of STORE_NAMESPACES) {
    for await (const [key, value] of stores.ns(namespace).iterator!(undefined)) all.set(`${namespace}/${String(key)}`, String(JSON.stringify(value)));
  }
  return all;
}

/** Redis: every key in the server's keyspace with its value, whatever the type. */
async function dumpRedis(stores: Stores): Promise<string[]> {
  const redis = stores.redis!;
  const lines: string[] = [];
  for (const key of await redis.keys('*')) {
    const type = await redis.type(key);
    const value = type === 'string' ? await redis.get(key) : type === 'hash' ? JSON.stringify(await redis.hGetAll(key)) : type === 'zset' ? JSON.stringify(await redis.zRange(key, 0, -1)) : type === 'set' ? JSON.stringify(await redis.sMembers(key)) : type;
    lines.push(`${key} ${value}`);
  }
  return lines;
}

function erasureSuite(name: string, open: () => Promise<{ stores: Stores; cleanup: () => Promise<void>; file?: string }>) {
  describe(`erasure on ${name}`, () => {
    let deps: TestDeps;
    let cleanup: () => Promise<void>;
    let file: string | undefined;

    beforeAll(async () => {
      const opened = await open();
      cleanup = opened.cleanup;
      file = opened.file;
      deps = await testDeps({ stores: opened.stores }, SEED_ENV);
    });
    afterAll(async () => {
      await deps.stores.close();
      await cleanup();
    });

    it('deletes everything about the learner who confirms /forget-me, and nothing of anyone else', async () => {
      const daily = await postDaily(deps);
      await seedLearner(deps, ME, daily);
      await seedLearner(deps, OTHER, daily);

      const before = await dump(deps.stores);
      const mine = [...before].filter(([key, value]) => key.includes(ME_RAW) || value.includes(ME_RAW));
      // Every feature left something keyed by the learner: memory, votes, sessions, progress, daily answers, claims.
      for (const namespace of ['conversations', 'feedback', 'quiz-sessions', 'quiz-progress', 'quiz-daily', 'claims']) {
        expect(mine.some(([key]) => key.startsWith(`${namespace}/`)), `${namespace} holds the learner's data`).toBe(true);
      }
      if (deps.stores.redis) {
        expect((await dumpRedis(deps.stores)).some((line) => line.startsWith('coach-rate') && line.includes(ME_RAW)), 'rate-limit counters in Redis').toBe(true);
      }
      // Random ids that belonged to the learner (quiz sessions) must not survive in any other record either.
      const sessionIds = mine.map(([key]) => /^quiz-sessions\/session\|[^|]+\|(\w+)$/.exec(key)?.[1]).filter((id): id is string => Boolean(id));
      expect(sessionIds.length).toBe(2);
      const othersBefore = [...before].filter(([key, value]) => !key.includes(ME_RAW) && !value.includes(ME_RAW));

      const ask = await runCommand('forget-me', {}, learner(ME), deps);
      expect(toPlainText(ask)).toMatch(/quiz progress, scores, streaks and revision schedule \(\d+ records\)/);
      const confirm = ask.buttons.flat().find((b) => b.label === 'Delete my data')!;
      const done = await runAction(confirm.id, learner(ME), deps);
      expect(toPlainText(done)).toMatch(/Your data has been deleted[\s\S]*I deleted \d+ records about you/);
      expect(done.replaceOriginal).toBe(true);

      const after = await dump(deps.stores);
      const left = [...after].filter(([key, value]) => [ME_RAW, ...sessionIds].some((id) => key.includes(id) || value.includes(id)));
      expect(left).toEqual([]);
      if (deps.stores.redis) expect((await dumpRedis(deps.stores)).filter((line) => line.includes(ME_RAW))).toEqual([]);
      // SQLite: not even the file's free pages still hold the learner's id.
      if (file) {
        const files = [file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path));
        expect(files.some((bytes) => bytes.includes(Buffer.from(OTHER.slice('discord:'.length)))), 'the check can see live data').toBe(true);
        expect(files.some((bytes) => bytes.includes(Buffer.from(ME_RAW)))).toBe(false);
      }
      // The other learner's records are untouched (the only change: the forget-me request's own claims, none of theirs).
      for (const [key, value] of othersBefore) {
        if (key.startsWith('claims/')) continue;
        expect(after.get(key), key).toBe(value);
      }
      expect([...after.keys()].filter((key) => key.includes('515151515151515151')).sort()).toEqual(
        [...before.keys()].filter((key) => key.includes('515151515151515151')).sort(),
      );
      // The leaderboard no longer counts the erased learner; the other one is still on it.
      const board = toPlainText(await runCommand('leaderboard', { period: 'all' }, learner(OTHER), deps));
      expect(board).toMatch(/^1\. You — /m);
      expect(board).not.toMatch(/^2\./m);
      // A second run finds nothing.
      const again = await runCommand('forget-me', {}, learner(ME), deps);
      expect(toPlainText(again)).toMatch(/I hold nothing about you/);
    });
  });
}

erasureSuite('memory', async () => ({ stores: await createStores('memory://'), cleanup: async () => {} }));

erasureSuite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'coach-erasure-'));
  const file = join(dir, 'coach.sqlite');
  return { stores: await createStores(`sqlite://${file}`), file, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe.runIf(hasRedisServer())('Redis', () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => redis.stop());
  erasureSuite('Redis', async () => ({ stores: await createStores(redis.url), cleanup: async () => {} }));
});
