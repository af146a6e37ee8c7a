/**
 * The daily-quiz scheduler. croner fires one job per channel at its cron time in its time zone;
 * a minute-level maintenance job re-reads the settings (an admin may have changed them on any
 * instance), posts results whose window has passed and catches up a slot missed while the process
 * was down — only the latest one and only if it is recent, so a restart never floods a channel.
 * Every post claims its slot in the store first, so several instances post once.
 */
import { Cron } from 'croner';
import { getChannelState } from './daily-store.js';
import { type DailyContext, postDueResults, postSlot } from './post.js';
import { type DailyChannel, latestSlot, listDailyChannels } from './settings.js';

/** Options for {@link createDailyQuizScheduler}. */
export interface SchedulerOptions {
  /** A slot missed by more than this (downtime) is skipped rather than posted late. Default 1 hour. */
  catchUpMs?: number;
  /** When the maintenance job runs (croner pattern). Default every minute. */
  maintenancePattern?: string;
}

/** What one pass did, for logs and tests. */
export interface TickReport {
  posted: string[];
  results: string[];
  skipped: string[];
}

/** A running scheduler. */
export interface DailyQuizScheduler {
  /** Reads the settings, catches up a recent missed slot, and starts the cron jobs. */
  start(): Promise<void>;
  stop(): void;
  /** One pass over every channel at the clock's time: post due slots and due results. */
  tick(): Promise<TickReport>;
}

const DEFAULT_CATCH_UP_MS = 60 * 60 * 1000;

/**
 * @example
 * const scheduler = createDailyQuizScheduler({ deps, bank: getQuizBank(deps.knowledge), poster });
 * await scheduler.start(); … scheduler.stop();
 */
export function createDailyQuizScheduler(ctx: DailyContext, options: SchedulerOptions = {}): DailyQuizScheduler {
  const catchUpMs = options.catchUpMs ?? DEFAULT_CATCH_UP_MS;
  const jobs = new Map<string, { signature: string; job: Cron }>();
  let maintenance: Cron | null = null;
  let running = Promise.resolve();

  /** Runs passes one after another so a slow post never overlaps the next pass. */
  const serialise = (work: () => Promise<unknown>) => {
    const next = running.then(work).catch((error: unknown) => ctx.deps.logger.error({ err: error }, 'daily quiz pass failed'));
    running = next.then(() => undefined);
    return next;
  };

  async function passChannel(channel: DailyChannel, report: TickReport): Promise<void> {
    const label = channel.channelId;
    if (channel.paused) {
      report.skipped.push(`${label}: paused`);
      return;
    }
    const now = ctx.deps.clock.now();
    const slot = latestSlot(channel.cron, channel.timeZone, now);
    const state = await getChannelState(channel.channelId, ctx.deps);
    if (slot !== null && slot > (state?.lastSlot ?? 0)) {
      if (now - slot > catchUpMs) report.skipped.push(`${label}: missed slot ${new Date(slot).toISOString()} is too old`);
      else if (await postSlot(channel, slot, ctx)) report.posted.push(`${label}@${new Date(slot).toISOString()}`);
    }
    if (await postDueResults(channel, ctx)) report.results.push(label);
  }

  async function tick(): Promise<TickReport> {
    const report: TickReport = { posted: [], results: [], skipped: [] };
    for (const channel of await listDailyChannels(ctx.deps)) {
      try {
        await passChannel(channel, report);
      } catch (error) {
        // One channel failing (a deleted channel, a REST error) must not stop the others.
        ctx.deps.logger.error({ err: error }, 'daily quiz channel failed');
        report.skipped.push(`${channel.channelId}: failed`);
      }
    }
    return report;
  }

  async function syncJobs(): Promise<void> {
    const channels = await listDailyChannels(ctx.deps);
    const wanted = new Map(channels.filter((c) => !c.paused).map((c) => [c.channelId, c]));
    for (const [id, entry] of jobs) {
      const channel = wanted.get(id);
      if (!channel || entry.signature !== signature(channel)) {
        entry.job.stop();
        jobs.delete(id);
      }
    }
    for (const channel of wanted.values()) {
      if (jobs.has(channel.channelId)) continue;
      const job = new Cron(channel.cron, { timezone: channel.timeZone, protect: true }, () => {
        void serialise(tick);
      });
      jobs.set(channel.channelId, { signature: signature(channel), job });
    }
  }

  return {
    async start() {
      await serialise(async () => {
        await syncJobs();
        await tick();
      });
      maintenance = new Cron(options.maintenancePattern ?? '0 * * * * *', { protect: true }, () => {
        void serialise(async () => {
          await syncJobs();
          await tick();
        });
      });
    },
    stop() {
      maintenance?.stop();
      maintenance = null;
      for (const entry of jobs.values()) entry.job.stop();
      jobs.clear();
    },
    tick: () => serialise(tick) as Promise<TickReport>,
  };
}

function signature(channel: DailyChannel): string {
  return `${channel.cron}|${channel.timeZone}`;
}
