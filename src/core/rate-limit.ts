/**
 * Per-user rate limits on every surface, checked once in the command dispatcher.
 *
 * rate-limiter-flexible keeps the counters: in process for SQLite and memory stores, in Redis
 * (atomic, shared by every instance) when the store is Redis — with an in-process insurance
 * limiter so a Redis outage never blocks answers.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { UserFacingError } from './errors.js';
import type { Stores } from './store/create-stores.js';

/** Checks and counts one request for a user. */
export interface RateLimiter {
  /** Resolves when the user may go ahead; throws a `rate_limited` UserFacingError otherwise. */
  consume(userId: string): Promise<void>;
  /** Forgets a user's counters (erasure). */
  reset(userId: string): Promise<void>;
}

/**
 * @example const limiter = createRateLimiter(stores, 20); await limiter.consume('slack:T1:U2');
 * @param perMinute requests allowed per user per rolling minute window
 */
export function createRateLimiter(stores: Stores, perMinute: number): RateLimiter {
  const options = { points: perMinute, duration: 60, keyPrefix: 'coach-rate' };
  const memory = new RateLimiterMemory(options);
  const limiter: RateLimiterAbstract = stores.redis
    ? new RateLimiterRedis({ ...options, storeClient: stores.redis, useRedisPackage: true, insuranceLimiter: memory })
    : memory;
  return {
    async consume(userId) {
      try {
        await limiter.consume(userId);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new UserFacingError(
          'rate_limited',
          `You're sending requests faster than I can keep up with. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
        );
      }
    },
    async reset(userId) {
      await limiter.delete(userId);
    },
  };
}
