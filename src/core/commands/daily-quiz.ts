/**
 * `/daily-quiz` (server/workspace admins): where and when the daily question is posted. Run
 * `action:here` in the channel you want, optionally with a time, days and time zone; `pause`,
 * `resume`, `off`, or `status` (the default) to see the settings and the next post.
 */
import { z } from 'zod';
import { runDailyQuizAdmin } from '../quiz/daily/admin.js';
import { defineCommand } from './types.js';

const ACTIONS = ['status', 'here', 'pause', 'resume', 'off'] as const;

export const dailyQuizCommand = defineCommand({
  name: 'daily-quiz',
  description: 'Admins: set the daily quiz channel, time and time zone, or pause and resume it',
  options: z.object({
    action: z.enum(ACTIONS).default('status').describe('status, here (post in this channel), pause, resume or off'),
    time: z.string().max(5).optional().describe('Time to post, HH:MM on the 24-hour clock, e.g. 09:00'),
    days: z.enum(['weekdays', 'every-day']).optional().describe('Post on weekdays or every day'),
    timezone: z.string().max(60).optional().describe('IANA time zone, e.g. Europe/London'),
  }),
  parseText: parseDailyQuizText,
  visibility: 'private',
  slow: false,
  adminOnly: true,
  run: async (options, context, deps) => runDailyQuizAdmin(options, context, deps),
});

/** Reads "here 09:30 weekdays Europe/London", "pause", "time 08:15", "every day". */
export function parseDailyQuizText(text: string): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const rest: string[] = [];
  const value = text.trim().replace(/\bevery[ -]day\b/i, 'every-day');
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const lower = word.toLowerCase();
    if ((ACTIONS as readonly string[]).includes(lower)) options.action = lower;
    else if (/^\d{1,2}[:.]\d{2}$/.test(word)) options.time = word;
    else if (lower === 'weekdays' || lower === 'every-day') options.days = lower;
    else if (word.includes('/')) options.timezone = word;
    else if (lower !== 'time' && lower !== 'timezone' && lower !== 'days') rest.push(word);
  }
  // Unrecognised words go to `action`, so validation lists the actions that exist.
  if (rest.length > 0 && options.action === undefined) options.action = rest.join(' ');
  return options;
}
