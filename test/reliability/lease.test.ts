/**
 * The Discord gateway lease: with several instances on one Redis (all configured alike, token
 * included) exactly one runs the job; when it stops, or dies without saying so, another takes
 * over within a renewal period, and two never run it at the same time. Alone (SQLite or memory)
 * the job simply runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdLease, type Lease } from '../../src/core/lease.js';
import { createStores, type Stores } from '../../src/core/store/create-stores.js';
import { silentLogger } from '../../src/core/logger.js';
import { hasRedisServer, startRedis, type RunningRedis } from '../helpers/redis-server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a lease without Redis', () => {
  it('runs the job at once and stops it on stop()', async () => {
    const events: string[] = [];
    const lease = await holdLease({ stores: await createStores('memory://'), logger: silentLogger() }, 'job', {
      onAcquired: async () => void events.push('start'),
      onLost: async () => void events.push('stop'),
    });
    expect(lease.held).toBe(true);
    await lease.stop();
    expect(events).toEqual(['start', 'stop']);
  });
});

describe.runIf(hasRedisServer())('a lease on Redis shared by three instances', () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => redis.stop());

  it('runs the job on exactly one instance and hands it over on stop and on a crash', async () => {
    let running = 0;
    let most = 0;
    const instances: Array<{ stores: Stores; lease: Lease }> = [];
    for (let i = 0; i < 3; i++) {
      const stores = await createStores(redis.url);
      const lease = await holdLease({ stores, logger: silentLogger() }, 'discord-gateway', {
        onAcquired: async () => {
          running += 1;
          most = Math.max(most, running);
        },
        onLost: async () => {
          running -= 1;
        },
        ttlMs: 600,
        renewEveryMs: 150,
      });
      instances.push({ stores, lease });
    }
    const holders = () => instances.filter((i) => i.lease.held);
    expect(holders()).toHaveLength(1);
    await sleep(700); // renewals keep it with the same holder
    expect(holders()).toHaveLength(1);

    // A clean stop gives it up: another instance takes over at its next attempt.
    const first = holders()[0]!;
    await first.lease.stop();
    await sleep(400);
    expect(holders()).toHaveLength(1);
    expect(holders()[0]).not.toBe(first);

    // A crash (the connection goes, nothing is released): the lease expires and the last one takes over.
    const second = holders()[0]!;
    await second.stores.close();
    await sleep(1200);
    const third = instances.find((i) => i !== first && i !== second)!;
    expect(third.lease.held).toBe(true);
    expect(second.lease.held).toBe(false);
    expect(most).toBe(1);
    expect(running).toBe(1);
    await third.lease.stop();
    await Promise.all(instances.filter((i) => i !== second).map((i) => i.stores.close()));
  }, 20_000);
});
