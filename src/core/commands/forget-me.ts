/**
 * `/forget-me`: the right to erasure, self-service. The command only asks (privately) and shows
 * what is held; nothing is deleted until the person presses "Delete my data", and then everything
 * goes at once and the reply says what was removed.
 *
 * The confirmation button carries a short tag of the owner's id and an expiry, so nothing needs
 * storing: a click by anyone else, or after ten minutes, deletes nothing.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { eraseUser } from '../privacy/erasers.js';
import { countByNamespace, describeCounts, listHoldings } from '../privacy/holdings.js';
import { heading, list, notice, reply, text, type Reply } from '../reply.js';
import type { ActionDefinition, CommandContext } from './types.js';
import { defineCommand } from './types.js';

/** Button-id prefix of the confirmation and cancel buttons. */
export const FORGET_ACTION = 'forget-me';
/** How long the confirmation button works. */
export const CONFIRM_WINDOW_MS = 10 * 60_000;

/** A short, non-reversible tag of the user id (the id itself never goes into a button). */
export const forgetOwnerTag = (userId: string): string => createHash('sha256').update(`forget-me:${userId}`).digest('hex').slice(0, 10);

const CONFIRM = /^yes\.([0-9a-f]{10})\.([0-9a-z]{1,12})$/;

export const forgetMeCommand = defineCommand({
  name: 'forget-me',
  description: 'Delete everything Service Coach has stored about you (asks you to confirm first)',
  options: z.object({}),
  parseText: () => ({}),
  visibility: 'private',
  slow: false,
  run: async (_options, context, deps) => confirmationReply(context, deps),
});

/** "Delete my data" and "Cancel". */
export const forgetMeAction: ActionDefinition = {
  prefix: FORGET_ACTION,
  visibility: 'private',
  slow: false,
  run: async (payload, context, deps) => {
    if (payload === 'no') return reply([text('Cancelled: nothing was deleted.')], { ephemeral: true, replaceOriginal: true });
    const match = CONFIRM.exec(payload);
    if (!match) return notice('That button is not valid any more. Use /forget-me to start again.');
    const [, tag, expiry] = match as unknown as [string, string, string];
    if (tag !== forgetOwnerTag(context.userId)) {
      return notice("That button belongs to someone else's request, so nothing was deleted. Use /forget-me to delete your own data.");
    }
    if (deps.clock.now() > parseInt(expiry, 36)) return notice('That confirmation has expired, so nothing was deleted. Use /forget-me to start again.');
    return erasedReply(context, deps);
  },
};

async function confirmationReply(context: CommandContext, deps: Deps): Promise<Reply> {
  const held = describeCounts(countByNamespace(await listHoldings(context.userId, deps)));
  const expiry = (deps.clock.now() + CONFIRM_WINDOW_MS).toString(36);
  const whatIsHeld =
    held.length > 0
      ? [text('I hold this about you:'), list(held)]
      : [text('I hold nothing about you at the moment apart from, perhaps, a few short-lived counters. You can still run the deletion to be sure.')];
  return reply(
    [
      heading('Delete your data?'),
      ...whatIsHeld,
      text(
        'Pressing **Delete my data** deletes all of it straight away: your quiz progress, scores, streaks and revision schedule, ' +
          'quizzes in progress, daily-quiz answers, what I remember of your recent questions and your ratings of answers. ' +
          'You will drop off the leaderboards. It cannot be undone. Messages already posted in channels stay where they are, ' +
          'and if you also use Service Coach on another platform, run /forget-me there too: each account is separate.',
      ),
      text('The button works for 10 minutes.'),
    ],
    {
      ephemeral: true,
      buttons: [[
        { id: `${FORGET_ACTION}:yes.${forgetOwnerTag(context.userId)}.${expiry}`, label: 'Delete my data', style: 'danger' },
        { id: `${FORGET_ACTION}:no`, label: 'Cancel' },
      ]],
    },
  );
}

async function erasedReply(context: CommandContext, deps: Deps): Promise<Reply> {
  const report = await eraseUser(context.userId, deps);
  const counts: Record<string, number> = {};
  const others: string[] = [];
  for (const [name, n] of Object.entries(report.removed)) {
    if (name.startsWith('store:')) counts[name.slice('store:'.length)] = n;
    else if (n > 0) others.push(`${name} (${n})`);
  }
  const lines = [...others, ...describeCounts(counts)];
  const blocks =
    lines.length > 0
      ? [heading('Your data has been deleted'), text(`I deleted ${report.total} record${report.total === 1 ? '' : 's'} about you:`), list(lines)]
      : [heading('Nothing to delete'), text('I had nothing stored about you.')];
  return reply([...blocks, text('Your request counters were reset too. If you use Service Coach again, it starts afresh.')], {
    ephemeral: true,
    replaceOriginal: true,
  });
}
