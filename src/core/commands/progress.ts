/** `/progress`: the learner's own statistics, streak, strongest and weakest criteria, and what to revise next. */
import { z } from 'zod';
import { progressView } from '../quiz/views.js';
import { defineCommand } from './types.js';

export const progressCommand = defineCommand({
  name: 'progress',
  description: 'Your quiz progress: strongest and weakest topics, streak and what to revise next',
  options: z.object({}),
  parseText: () => ({}),
  visibility: 'private',
  slow: false,
  run: async (_options, context, deps) => progressView(context.userId, context.scopeId, deps),
});
