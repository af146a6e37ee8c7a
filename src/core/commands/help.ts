import { z } from 'zod';
import { heading, list, reply, text } from '../reply.js';
import { COMMANDS } from './index.js';
import { defineCommand } from './types.js';

/** `/help`: what Service Coach can do, built from the command list so it never goes stale. */
export const helpCommand = defineCommand({
  name: 'help',
  description: 'What Service Coach can do and how to ask',
  options: z.object({}),
  parseText: () => ({}),
  visibility: 'private',
  slow: false,
  run: async () =>
    reply(
      [
        heading('Service Coach — your BTEC Level 2 Customer Service study buddy'),
        text('I answer from the qualification specification and cite the unit and assessment criterion.'),
        list(COMMANDS.filter((c) => !c.adminOnly).map((c) => `**/${c.name}** — ${c.description}`)),
      ],
      { ephemeral: true },
    ),
});
