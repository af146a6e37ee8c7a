/** `/leaderboard [period]`: right answers in this server or workspace, this week or all time. */
import { z } from 'zod';
import { leaderboardView } from '../quiz/views.js';
import { defineCommand } from './types.js';

export const leaderboardCommand = defineCommand({
  name: 'leaderboard',
  description: 'Who has the most right answers here, this week or all time',
  options: z.object({
    period: z.enum(['week', 'all']).default('week').describe('This week (week) or all time (all)'),
  }),
  parseText: (text) => {
    const value = text.trim().toLowerCase();
    if (value === '') return {};
    if (/^(all|all[- ]time|ever)$/.test(value)) return { period: 'all' };
    if (/^(week|this week|weekly)$/.test(value)) return { period: 'week' };
    return { period: value };
  },
  // Private: "You" only makes sense to the asker, and learners (some 14–16) are not ranked in public.
  visibility: 'private',
  slow: false,
  run: async ({ period }, context, deps) => leaderboardView(context.scopeId, context.userId, period, deps),
});
