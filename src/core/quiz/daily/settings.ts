/**
 * Where and when the daily question is posted. The deployment default comes from
 * DAILY_QUIZ_CHANNEL_ID / DAILY_QUIZ_CRON / DAILY_QUIZ_TZ; each server or workspace can set its
 * own channel, time, time zone and pause state with the admin-only `/daily-quiz` command, kept in
 * the `settings` namespace so every instance sees the same settings.
 */
import { Cron } from 'croner';
import type { Deps } from '../../deps.js';

/** One scope's daily-quiz settings as stored. */
export interface DailySettings {
  channelId: string;
  cron: string;
  timeZone: string;
  paused: boolean;
  updatedAt: number;
}

/** A channel the scheduler posts to. */
export interface DailyChannel {
  /** The channel id handed to the poster: a raw platform id (from the environment) or the adapter's opaque id. */
  channelId: string;
  /** The scope whose settings these are, or null for the environment default. */
  scopeId: string | null;
  cron: string;
  timeZone: string;
  paused: boolean;
}

const PREFIX = 'daily-quiz|';
const settingsKey = (scopeId: string) => `${PREFIX}${scopeId}`;

/** A scope's settings, if an admin has set any. */
export async function getDailySettings(scopeId: string, deps: Pick<Deps, 'stores'>): Promise<DailySettings | undefined> {
  return deps.stores.ns<DailySettings>('settings').get(settingsKey(scopeId));
}

/** Saves a scope's settings (no expiry: settings stay until changed). */
export async function saveDailySettings(scopeId: string, settings: DailySettings, deps: Pick<Deps, 'stores'>): Promise<void> {
  await deps.stores.ns<DailySettings>('settings').set(settingsKey(scopeId), settings);
}

/**
 * Every channel to post to: the environment default (when set) and each scope's settings. A
 * channel named twice is posted to once, with the scope's settings winning over the default.
 */
export async function listDailyChannels(deps: Pick<Deps, 'stores' | 'config'>): Promise<DailyChannel[]> {
  const channels = new Map<string, DailyChannel>();
  const { cron, timeZone } = deps.config.dailyQuiz;
  const channelId = defaultDailyChannel(deps.config.dailyQuiz.channelId);
  if (channelId) channels.set(channelId, { channelId, scopeId: null, cron, timeZone, paused: false });
  for await (const [key, value] of deps.stores.ns<DailySettings>('settings').iterator!(undefined)) {
    const name = String(key);
    if (!name.startsWith(PREFIX) || !value) continue;
    const settings = value as DailySettings;
    channels.set(settings.channelId, { channelId: settings.channelId, scopeId: name.slice(PREFIX.length), cron: settings.cron, timeZone: settings.timeZone, paused: settings.paused });
  }
  return [...channels.values()].sort((a, b) => a.channelId.localeCompare(b.channelId));
}

/**
 * The configured default channel in the opaque form `/daily-quiz` stores (`discord:<id>`): the
 * daily quiz posts through Discord, and a bare id from DAILY_QUIZ_CHANNEL_ID must name the same
 * channel as an admin's `/daily-quiz here` there, or that channel would get two posts per slot.
 */
export function defaultDailyChannel(configured: string | undefined): string | undefined {
  if (!configured) return undefined;
  return configured.includes(':') ? configured : `discord:${configured}`;
}

/** True for an IANA time zone name this runtime knows. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** True for a cron expression croner accepts. */
export function isCronPattern(value: string): boolean {
  try {
    new Cron(value, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/** The latest scheduled slot at or before `now` (epoch ms), or null if the pattern never ran. */
export function latestSlot(cron: string, timeZone: string, now: number): number | null {
  const job = new Cron(cron, { timezone: timeZone, paused: true });
  const [slot] = job.previousRuns(1, new Date(now + 1));
  job.stop();
  return slot ? slot.getTime() : null;
}

/** The next slot after `now`, for messages such as "next question: Tue 09:00". */
export function nextSlot(cron: string, timeZone: string, now: number): number | null {
  const job = new Cron(cron, { timezone: timeZone, paused: true });
  const next = job.nextRun(new Date(now));
  job.stop();
  return next ? next.getTime() : null;
}

/** "weekdays at 09:30" style summary of the cron patterns the command writes; the raw pattern otherwise. */
export function describeSchedule(cron: string): string {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* (\*|1-5)$/.exec(cron.trim());
  if (!match) return `on the schedule "${cron}"`;
  const time = `${match[2]!.padStart(2, '0')}:${match[1]!.padStart(2, '0')}`;
  return match[3] === '1-5' ? `on weekdays at ${time}` : `every day at ${time}`;
}
