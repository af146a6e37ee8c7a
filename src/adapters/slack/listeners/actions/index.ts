/**
 * Button clicks (block_actions). Every button the renderer draws carries a core button id; the
 * click runs `runAction` with it. The reply goes privately to the person who clicked (an
 * ephemeral response through the response_url), replaces the original message when the reply
 * says `replaceOriginal`, or is posted in the channel when the action is public.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { findAction, runAction } from '../../../../core/commands/dispatch.js';
import type { Deps } from '../../../../core/deps.js';
import { takeTurn } from '../../../../core/turns.js';
import { postReply, respondReply } from '../../deliver.js';
import { slackContext, teamOf, type SlackOrigin } from '../../ids.js';

export function register(app: App, deps: Deps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: /.+/ }, async ({ ack, body, action, respond, client }) => {
    await ack();
    await takeTurn();
    if (action.type !== 'button') return;
    // The renderer puts the full core id in `value`; action_id may carry a uniqueness suffix.
    const id = action.value ?? action.action_id;
    const user = body.user.id;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const threadTs = body.message?.thread_ts ?? body.message?.ts;
    const origin: SlackOrigin = { team: teamOf(body), user, channel: channel ?? user, threadTs };
    const reply = await runAction(id, slackContext(origin), deps);
    const ephemeral = reply.ephemeral || findAction(id)?.visibility !== 'public';
    if (body.response_url) {
      const fallback = channel ? { client, target: { channel, user, threadTs: body.message?.thread_ts } } : undefined;
      await respondReply(respond, deps, reply, { ephemeral, replaceOriginal: reply.replaceOriginal ?? false }, fallback);
      return;
    }
    // A button with no response_url (for example inside a modal): answer in the channel privately, or by DM.
    const target = channel ? { channel, user, threadTs: body.message?.thread_ts } : { channel: user, user };
    await postReply(client, deps, target, { ...reply, ephemeral: channel ? ephemeral : false });
  });
}
