/**
 * One contract, every backend: the same behaviour is required of memory, SQLite and Redis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStores, type Stores } from '../../../src/core/store/create-stores.js';
import { hasRedisServer, startRedis, type RunningRedis } from '../../helpers/redis-server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function storeContract(name: string, open: () => Promise<{ stores: Stores; reopen?: () => Promise<Stores> }>) {
  describe(`store contract: ${name}`, () => {
    let stores: Stores;
    let reopen: (() => Promise<Stores>) | undefined;

    beforeAll(async () => {
      ({ stores, reopen } = await open());
    });
    afterAll(async () => {
      await stores.close();
    });

    it('stores and reads back structured values', async () => {
      const progress = stores.ns<{ answered: number; units: number[] }>('quiz-progress');
      await progress.set('user:a', { answered: 3, units: [1, 4] });
      expect(await progress.get('user:a')).toEqual({ answered: 3, units: [1, 4] });
      expect(await progress.get('user:missing')).toBeUndefined();
    });

    it('keeps namespaces apart for get, iteration and clear', async () => {
      const sessions = stores.ns<string>('quiz-sessions');
      const settings = stores.ns<string>('settings');
      await sessions.set('same-key', 'session value');
      await settings.set('same-key', 'settings value');
      expect(await sessions.get('same-key')).toBe('session value');
      expect(await settings.get('same-key')).toBe('settings value');

      const keys: string[] = [];
      for await (const [key] of settings.iterator!(undefined)) keys.push(String(key));
      expect(keys).toEqual(['same-key']);

      await sessions.clear();
      expect(await sessions.get('same-key')).toBeUndefined();
      expect(await settings.get('same-key')).toBe('settings value');
    });

    it('expires values after their TTL', async () => {
      const conversations = stores.ns<string>('conversations');
      await conversations.set('short', 'gone soon', 150);
      expect(await conversations.get('short')).toBe('gone soon');
      await sleep(400);
      expect(await conversations.get('short')).toBeUndefined();
    });

    it('deletes one key without touching others', async () => {
      const feedback = stores.ns<number>('feedback');
      await feedback.set('keep', 1);
      await feedback.set('drop', 2);
      expect(await feedback.delete('drop')).toBe(true);
      expect(await feedback.get('drop')).toBeUndefined();
      expect(await feedback.get('keep')).toBe(1);
    });

    it('grants a claim to exactly one of many concurrent callers', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => stores.claim('event:Ev1', 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await stores.claim('event:Ev2', 60_000)).toBe(true);
    });

    it('lets a claim be taken again once it expires', async () => {
      expect(await stores.claim('slot:short', 150)).toBe(true);
      expect(await stores.claim('slot:short', 150)).toBe(false);
      await sleep(400);
      expect(await stores.claim('slot:short', 150)).toBe(true);
    });

    it('answers a ping', async () => {
      await expect(stores.ping()).resolves.toBeUndefined();
    });

    it('keeps values across a restart when the backend persists', async () => {
      if (!reopen) return; // memory does not persist, by design
      await stores.ns<number>('quiz-progress').set('survivor', 42);
      await stores.close();
      stores = await reopen();
      expect(await stores.ns<number>('quiz-progress').get('survivor')).toBe(42);
    });
  });
}

storeContract('memory', async () => ({ stores: await createStores('memory://') }));

const dir = mkdtempSync(join(tmpdir(), 'coach-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
storeContract('sqlite', async () => {
  const url = `sqlite://${join(dir, 'nested', 'store.sqlite')}`;
  return { stores: await createStores(url), reopen: () => createStores(url) };
});

describe.runIf(hasRedisServer())('redis backend', () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  storeContract('redis', async () => ({ stores: await createStores(redis.url), reopen: () => createStores(redis.url) }));
});

describe('store errors', () => {
  it('surfaces a broken backend instead of reading it as empty', async () => {
    const stores = await createStores(`sqlite://${join(dir, 'broken', 'store.sqlite')}`);
    const store = stores.ns('settings');
    await store.set('k', 1);
    await stores.close();
    await expect(store.get('k')).rejects.toThrow();
  });

  it('rejects an unknown scheme with a readable message', async () => {
    await expect(createStores('postgres://x')).rejects.toThrow(/Unsupported STORE_URL scheme/);
  });
});
