/**
 * A lease: at most one instance at a time does a job that must not run twice, such as holding
 * the Discord gateway connection and running the daily-quiz scheduler. With several instances on
 * one Redis, every instance may carry the same configuration (DISCORD_TOKEN included): one holds
 * the lease and runs the job, the others wait and take over within seconds if it stops or dies.
 *
 * On Redis the lease is a key set with NX and an expiry, renewed by its holder (only while it
 * still holds it); a holder that cannot renew stops the job before its lease can expire, so two
 * never overlap. With SQLite or memory there is one instance, so the lease is always held.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from './deps.js';

/** Options for {@link holdLease}. */
export interface LeaseOptions {
  /** Starts the job; called when the lease is taken. */
  onAcquired(): Promise<void>;
  /** Stops the job; called when the lease is lost or given up. */
  onLost(): Promise<void>;
  /** How long a lease lasts without renewal (default 30 s). */
  ttlMs?: number;
  /** How often the holder renews and the others try to take it (default 10 s). */
  renewEveryMs?: number;
}

/** A lease being held or waited for. */
export interface Lease {
  /** True while this instance holds the lease (and runs the job). */
  readonly held: boolean;
  /** Stops the job if it runs here, gives the lease up so another instance takes over at once, and stops trying. */
  stop(): Promise<void>;
}

const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Holds (or waits for) the lease called `name`. Resolves after the first attempt; if that attempt
 * takes the lease and `onAcquired` fails, the error is thrown (a start-up failure stays one).
 * @example const lease = await holdLease(deps, 'discord-gateway', { onAcquired: start, onLost: stop });
 */
export async function holdLease(deps: Pick<Deps, 'stores' | 'logger'>, name: string, options: LeaseOptions): Promise<Lease> {
  const redis = deps.stores.redis;
  if (!redis) {
    await options.onAcquired();
    let held = true;
    return {
      get held() {
        return held;
      },
      stop: async () => {
        if (held) await options.onLost();
        held = false;
      },
    };
  }
  const key = `coach:lease:${name}`;
  const id = randomUUID();
  const ttlMs = options.ttlMs ?? 30_000;
  const renewEveryMs = options.renewEveryMs ?? 10_000;
  const fields = { lease: name };
  let held = false;
  let stopped = false;
  let renewedAt = 0;
  let busy: Promise<void> = Promise.resolve();

  const lose = async (why: string) => {
    held = false;
    deps.logger.warn({ ...fields, why }, 'lease lost; stopping the job here');
    await options.onLost().catch((error: unknown) => deps.logger.error({ ...fields, err: error }, 'job did not stop cleanly'));
  };

  /** One attempt: renew if held, else try to take it. `rethrow` makes a failed start an error. */
  const attempt = async (rethrow: boolean) => {
    if (stopped) return;
    if (held) {
      try {
        const renewed = await redis.eval(RENEW, { keys: [key], arguments: [id, String(ttlMs)] });
        if (renewed === 1) renewedAt = Date.now();
        else await lose('another instance holds it');
      } catch {
        // Redis is unreachable: keep going only while the lease cannot have expired yet.
        if (Date.now() - renewedAt > ttlMs - renewEveryMs) await lose('could not renew it in time');
      }
      return;
    }
    const taken = await redis.set(key, id, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } }).catch(() => null);
    if (taken !== 'OK') return;
    held = true;
    renewedAt = Date.now();
    deps.logger.info(fields, 'lease acquired; starting the job here');
    try {
      await options.onAcquired();
    } catch (error) {
      held = false;
      await redis.eval(RELEASE, { keys: [key], arguments: [id] }).catch(() => undefined);
      if (rethrow) throw error;
      deps.logger.error({ ...fields, err: error }, 'job failed to start; the lease is released for another try');
    }
  };

  await attempt(true);
  if (!held) deps.logger.info(fields, 'lease held by another instance; waiting to take over');
  const timer = setInterval(() => {
    busy = busy.then(() => attempt(false)).catch((error: unknown) => deps.logger.warn({ ...fields, err: error }, 'lease check failed'));
  }, renewEveryMs);
  timer.unref();

  return {
    get held() {
      return held;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await busy;
      if (!held) return;
      held = false;
      await options.onLost();
      await redis.eval(RELEASE, { keys: [key], arguments: [id] }).catch(() => undefined);
    },
  };
}
