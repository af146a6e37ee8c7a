/**
 * Event listeners: de-duplication first, then the Assistant surface, then @mentions in channels
 * and direct messages. Bolt acknowledges events before any of this runs.
 */
import type { App } from '@slack/bolt';
import type { Deps } from '../../../../core/deps.js';
import { takeTurn } from '../../../../core/turns.js';
import { isDirectMessage, teamOf } from '../../ids.js';
import { createAssistant } from './assistant.js';
import { answerInConversation, isNewUserMessage } from './converse.js';
import { dedupeEvents } from './dedupe.js';

export function register(app: App, deps: Deps): void {
  // Bolt has acknowledged an event before any middleware runs. Everything after (the claim, the
  // answer) waits its turn, so requests that arrive meanwhile are acknowledged first. Commands,
  // buttons and forms are acknowledged in their listeners, which take their turn after ack().
  app.use(async ({ body, next }) => {
    if ((body as { type?: unknown }).type === 'event_callback') await takeTurn();
    await next();
  });
  // Global middleware runs in order: claim the event before the Assistant or any listener sees it.
  app.use(dedupeEvents(deps));
  app.assistant(createAssistant(deps));

  // "@Service Coach what is…" in a channel: answered in the message's thread, so follow-up
  // mentions in that thread continue the same conversation.
  app.event('app_mention', async ({ event, body, client, context }) => {
    if (event.bot_id || (event.subtype !== undefined && event.subtype !== 'file_share')) return;
    if (!event.user || isDirectMessage(event.channel)) return; // DMs arrive as message.im too
    const threadTs = event.thread_ts ?? event.ts;
    await answerInConversation(client, deps, { team: teamOf(body), user: event.user, channel: event.channel, threadTs }, event.text, context.botUserId);
  });

  // Direct messages (outside Assistant threads, which the Assistant handles).
  app.event('message', async ({ event, body, client, context }) => {
    if (event.channel_type !== 'im' || !isNewUserMessage(event)) return;
    const threadTs = 'thread_ts' in event && typeof event.thread_ts === 'string' ? event.thread_ts : undefined;
    await answerInConversation(client, deps, { team: teamOf(body), user: event.user, channel: event.channel, threadTs }, event.text, context.botUserId);
  });
}
