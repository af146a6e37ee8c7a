/**
 * The store guard: failures become StoreUnavailableError, every operation (iteration included)
 * is bounded, a hung store cools down so callers stop waiting, and a busy store that still
 * answers some operations never cools down.
 */
import { describe, expect, it } from 'vitest';
import type { Keyv } from 'keyv';
import type { Stores } from '../../src/core/store/create-stores.js';
import { guardStores, isStoreUnavailable, StoreUnavailableError } from '../../src/core/store/guarded-stores.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A namespace whose `get` takes `delay()` ms, or throws when `broken()`. */
function fakeStores(delay: () => number, broken = () => false): Stores {
  const keyv = {
    async get(key: string) {
      if (broken()) throw new Error('SQLITE_ERROR: no such table: keyv');
      await sleep(delay());
      return `value of ${key}`;
    },
    async *iterator() {
      yield ['a', 1];
      await sleep(delay());
      yield ['b', 2];
    },
    opts: { namespace: 'fake' },
  } as unknown as Keyv;
  return { kind: 'memory', redis: null, ns: () => keyv as never, claim: async () => (await sleep(delay()), true), ping: async () => undefined, close: async () => undefined };
}

describe('guardStores', () => {
  it('turns a backend error into StoreUnavailableError with the cause kept', async () => {
    const stores = guardStores(fakeStores(() => 0, () => true));
    const error = await stores.ns('settings').get('k').catch((e: unknown) => e);
    expect(isStoreUnavailable(error)).toBe(true);
    expect((error as StoreUnavailableError).reason).toBe('error');
    expect(String((error as Error).cause)).toMatch(/no such table/);
  });

  it('bounds reads, claims and each step of an iteration', async () => {
    const stores = guardStores(fakeStores(() => 1000), { timeoutMs: 50, claimTimeoutMs: 30, coolDownMs: 0 });
    let started = performance.now();
    await expect(stores.ns('settings').get('k')).rejects.toMatchObject({ reason: 'timeout', operation: 'settings.get' });
    expect(performance.now() - started).toBeLessThan(200);
    started = performance.now();
    await expect(stores.claim('x', 1000)).rejects.toMatchObject({ reason: 'timeout', operation: 'claim' });
    expect(performance.now() - started).toBeLessThan(200);
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const [key] of stores.ns('settings').iterator!(undefined)) seen.push(key);
      })(),
    ).rejects.toMatchObject({ reason: 'timeout' });
    expect(seen).toEqual(['a']);
  });

  it('cools down after a hung store times out, then tries again', async () => {
    let hung = true;
    const stores = guardStores(fakeStores(() => (hung ? 10_000 : 0)), { timeoutMs: 40, coolDownMs: 200 });
    await expect(stores.ns('settings').get('k')).rejects.toMatchObject({ reason: 'timeout' });
    const started = performance.now();
    await expect(stores.ns('settings').get('k')).rejects.toMatchObject({ reason: 'cooling-down' });
    expect(performance.now() - started).toBeLessThan(20);
    hung = false;
    await sleep(250);
    await expect(stores.ns('settings').get('k')).resolves.toBe('value of k');
  });

  it('never cools down a busy store that is still answering', async () => {
    let n = 0;
    // During a burst every third read is slow (a long queue); the others answer at once.
    const stores = guardStores(fakeStores(() => (++n % 3 === 0 && n < 20 ? 100 : 0)), { timeoutMs: 40, coolDownMs: 10_000 });
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => sleep(i * 5).then(() => stores.ns('settings').get(`k${i}`))));
    const reasons = results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as StoreUnavailableError).reason);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((reason) => reason === 'timeout')).toBe(true);
    await expect(stores.ns('settings').get('after')).resolves.toBe('value of after');
  });

  it('wraps once', () => {
    const stores = guardStores(fakeStores(() => 0));
    expect(guardStores(stores)).toBe(stores);
  });
});
