/** `/class-report` (tutors, i.e. server/workspace admins): mastery per unit and criterion, weakest criteria, participation. */
import { z } from 'zod';
import { classView } from '../quiz/views.js';
import { defineCommand } from './types.js';

export const classReportCommand = defineCommand({
  name: 'class-report',
  description: 'Tutors: what the class has and has not mastered yet, and who is taking part',
  options: z.object({}),
  parseText: () => ({}),
  visibility: 'private',
  slow: false,
  adminOnly: true,
  run: async (_options, context, deps) => classView(context.scopeId, deps),
});
