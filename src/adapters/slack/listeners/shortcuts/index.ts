/**
 * The message shortcut "Review this reply": runs the core's `review` on the chosen message's
 * text. The feedback is private to the person who used the shortcut (an ephemeral response).
 */
import type { App, MessageShortcut } from '@slack/bolt';
import { findCommand, runCommand } from '../../../../core/commands/dispatch.js';
import type { Deps } from '../../../../core/deps.js';
import { takeTurn } from '../../../../core/turns.js';
import { notice } from '../../../../core/reply.js';
import { respondReply } from '../../deliver.js';
import { slackContext, teamOf, type SlackOrigin } from '../../ids.js';
import { fromSlackText } from '../../incoming.js';

/** The shortcut's callback id, as in the app manifest. */
export const REVIEW_SHORTCUT = { callbackId: 'review_message', command: 'review', name: 'Review this reply' } as const;

/** Said when the chosen message has no text (only files or attachments). */
export const NOTHING_TO_REVIEW = 'That message has no text I can review. Choose a message with a written reply in it.';

export function register(app: App, deps: Deps): void {
  app.shortcut<MessageShortcut>({ callback_id: REVIEW_SHORTCUT.callbackId, type: 'message_action' }, async ({ ack, shortcut, respond, client }) => {
    await ack();
    await takeTurn();
    const user = shortcut.user.id;
    const channel = shortcut.channel.id;
    const origin: SlackOrigin = { team: teamOf(shortcut), user, channel, threadTs: shortcut.message.thread_ts };
    const fallback = { client, target: { channel, user, threadTs: shortcut.message.thread_ts } };
    const text = fromSlackText(shortcut.message.text ?? '');
    if (!text) {
      await respondReply(respond, deps, notice(NOTHING_TO_REVIEW), { ephemeral: true }, fallback);
      return;
    }
    const command = findCommand(REVIEW_SHORTCUT.command);
    const options = command ? command.parseText(text) : { text };
    const reply = await runCommand(REVIEW_SHORTCUT.command, options, slackContext(origin), deps);
    await respondReply(respond, deps, reply, { ephemeral: true }, fallback);
  });
}
