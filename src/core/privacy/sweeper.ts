/**
 * Runs the retention sweep every day while `npm start` runs: once soon after start-up and then
 * daily at 03:15 (DAILY_QUIZ_TZ). Each day's run is claimed in the store first, so with several
 * instances on one Redis only one of them sweeps.
 */
import { Cron } from 'croner';
import type { Deps } from '../deps.js';
import { sweepRetention } from './retention.js';

/** When the daily sweep runs (cron, in DAILY_QUIZ_TZ): a quiet hour for a college. */
export const SWEEP_CRON = '15 3 * * *';
const DAY_MS = 24 * 60 * 60 * 1000;

/** A started sweeper; `stop()` cancels future runs and waits for a run in progress. */
export interface RetentionSweeper {
  /** Runs one sweep now unless another instance (or this one) already swept today. */
  runOnce(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * @example const sweeper = startRetentionSweeper(deps); … await sweeper.stop();
 * @param firstRunDelayMs delay of the start-up run (lets start-up finish first)
 */
export function startRetentionSweeper(deps: Deps, firstRunDelayMs = 60_000): RetentionSweeper {
  let running: Promise<unknown> = Promise.resolve();
  const runOnce = async (): Promise<boolean> => {
    const day = new Date(deps.clock.now()).toISOString().slice(0, 10);
    try {
      // Just under a day, so tomorrow's run is never blocked by today's claim.
      if (!(await deps.stores.claim(`privacy-sweep|${day}`, DAY_MS - 60_000))) return false;
      const work = sweepRetention(deps);
      running = work.catch(() => undefined);
      await work;
      return true;
    } catch (error) {
      // The store may be out: try again at the next run rather than crash.
      deps.logger.warn({ err: error }, 'retention sweep failed');
      return false;
    }
  };
  const job = new Cron(SWEEP_CRON, { timezone: deps.config.dailyQuiz.timeZone, protect: true }, () => void runOnce());
  const first = setTimeout(() => void runOnce(), firstRunDelayMs);
  first.unref();
  return {
    runOnce,
    async stop() {
      clearTimeout(first);
      job.stop();
      await running;
    },
  };
}
