/**
 * The conversational surfaces (mentions, direct messages, Assistant threads) all do the same
 * translation: Slack text → the core's `ask` command → a reply in the same place.
 */
import type { webApi } from '@slack/bolt';
import { findCommand, runCommand } from '../../../../core/commands/dispatch.js';
import type { Deps } from '../../../../core/deps.js';
import { postReply } from '../../deliver.js';
import { slackContext, type SlackOrigin } from '../../ids.js';
import { fromSlackText } from '../../incoming.js';

/** The core command a message in conversation runs. */
export const CONVERSATION_COMMAND = 'ask';

/** The parts of a Slack message event we read. */
export interface MessageLike {
  type?: string;
  subtype?: string | undefined;
  bot_id?: string | undefined;
  user?: string | undefined;
  text?: string | undefined;
}

/**
 * True for a new message a person wrote: not from a bot, not an edit, deletion, join or other
 * subtype (a file shared with a caption counts as a message).
 */
export function isNewUserMessage(event: MessageLike): event is MessageLike & { user: string; text: string } {
  if (event.subtype !== undefined && event.subtype !== 'file_share') return false;
  if (event.bot_id) return false;
  return typeof event.user === 'string' && typeof event.text === 'string';
}

/**
 * Answers a message where it was written (in its thread when `origin.threadTs` is set).
 * An empty message (just the mention) gets the help reply, privately.
 * @returns true when Slack accepted the reply.
 */
export async function answerInConversation(
  client: webApi.WebClient,
  deps: Deps,
  origin: SlackOrigin,
  slackText: string,
  botUserId: string | undefined,
): Promise<boolean> {
  const context = slackContext(origin);
  const question = fromSlackText(slackText, botUserId);
  const command = findCommand(CONVERSATION_COMMAND);
  const reply = question
    ? await runCommand(CONVERSATION_COMMAND, command ? command.parseText(question) : { question }, context, deps)
    : await runCommand('help', {}, context, deps);
  return postReply(client, deps, { channel: origin.channel, user: origin.user, threadTs: origin.threadTs }, reply);
}
