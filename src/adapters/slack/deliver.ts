/**
 * Sending replies to Slack, and the one place Slack delivery errors are handled.
 *
 * The Web API client fails fast (no retries, 429s rejected rather than waited out; see app.ts),
 * so a failed send surfaces here within seconds. We log ids and Slack's error code (never text),
 * try once to tell the person with a short private note, and never let the error escape: a
 * Slack listener must not end in an unhandled rejection.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { Deps } from '../../core/deps.js';
import type { Reply } from '../../core/reply.js';
import { takeTurn } from '../../core/turns.js';
import { isDirectMessage } from './ids.js';
import { renderReply, type SlackMessage } from './render.js';

/** Said privately when Slack refused our reply because of its rate limit. */
export const SLACK_BUSY_NOTE = 'Slack is busy right now, so I could not send my reply. Please try again in a minute.';
/** Said privately when Slack refused our reply for another reason (e.g. I am not in the channel). */
export const SLACK_FAILED_NOTE = 'I could not post my reply here. Try me in a direct message, or ask someone to add me to this channel.';

/** Where a reply goes in a conversation. */
export interface ConversationTarget {
  channel: string;
  /** The person who asked: private replies go only to them. */
  user: string;
  /** Reply in this thread. */
  threadTs?: string | undefined;
}

/** What went wrong in a Slack call, for logs and for choosing the note to the user. */
export interface SlackFailure {
  code: string;
  /** Slack's error string, e.g. "channel_not_found" or "ratelimited". */
  slackError?: string;
  rateLimited: boolean;
}

/** Classifies an error thrown by the Web API client or by `respond()`. */
export function describeSlackFailure(error: unknown): SlackFailure {
  const coded = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown } | null;
  const code = typeof coded?.code === 'string' ? coded.code : 'unknown';
  const slackError = typeof coded?.data?.error === 'string' ? coded.data.error : undefined;
  const rateLimited = code === 'slack_webapi_rate_limited_error' || slackError === 'ratelimited' || coded?.statusCode === 429;
  return { code, ...(slackError && { slackError }), rateLimited };
}

/**
 * Runs one Slack call; on failure logs it (ids and codes only) and resolves undefined.
 * @example await attempt(deps, 'assistant.threads.setStatus', () => setStatus('is thinking…'));
 */
export async function attempt<T>(deps: Pick<Deps, 'logger'>, method: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    deps.logger.warn({ surface: 'slack', method, ...describeSlackFailure(error) }, 'slack call failed');
    return undefined;
  }
}

/**
 * Posts a reply in a channel, DM or thread: publicly with chat.postMessage, or privately to the
 * requester with chat.postEphemeral when the reply is ephemeral (a DM is already private).
 * @returns true when Slack accepted the reply.
 */
export async function postReply(client: webApi.WebClient, deps: Pick<Deps, 'logger'>, target: ConversationTarget, reply: Reply): Promise<boolean> {
  // Rendering and the Web API call wait their turn behind acknowledgements (core/turns.ts).
  await takeTurn();
  const message = renderReply(reply);
  const privately = reply.ephemeral && !isDirectMessage(target.channel);
  const method = privately ? 'chat.postEphemeral' : 'chat.postMessage';
  try {
    await send(client, target, message, privately);
    return true;
  } catch (error) {
    const failure = describeSlackFailure(error);
    deps.logger.warn({ surface: 'slack', method, ...failure }, 'slack reply failed');
    await attempt(deps, 'chat.postEphemeral', () =>
      send(client, target, { text: failure.rateLimited ? SLACK_BUSY_NOTE : SLACK_FAILED_NOTE, blocks: [] }, true),
    );
    return false;
  }
}

async function send(client: webApi.WebClient, target: ConversationTarget, message: SlackMessage, privately: boolean): Promise<void> {
  const thread = target.threadTs ? { thread_ts: target.threadTs } : {};
  if (privately) {
    await client.chat.postEphemeral({ channel: target.channel, user: target.user, ...thread, ...message });
  } else {
    await client.chat.postMessage({ channel: target.channel, ...thread, ...message, unfurl_links: false, unfurl_media: false });
  }
}

/** How a response_url reply is shown. */
export interface RespondMode {
  /** Only the requester sees it. */
  ephemeral: boolean;
  /** Replace the message that carried the button. */
  replaceOriginal?: boolean;
}

/**
 * Answers through a response_url (slash commands, buttons, message shortcuts). When that fails
 * (expired URL, Slack unavailable), falls back to a private chat.postEphemeral where possible.
 * @returns true when Slack accepted the reply.
 */
export async function respondReply(
  respond: RespondFn,
  deps: Pick<Deps, 'logger'>,
  reply: Reply,
  mode: RespondMode,
  fallback?: { client: webApi.WebClient; target: ConversationTarget },
): Promise<boolean> {
  await takeTurn();
  const message = renderReply(reply);
  try {
    await respond({
      ...message,
      response_type: mode.ephemeral ? 'ephemeral' : 'in_channel',
      replace_original: mode.replaceOriginal ?? false,
    });
    return true;
  } catch (error) {
    deps.logger.warn({ surface: 'slack', method: 'response_url', ...describeSlackFailure(error) }, 'slack reply failed');
    if (!fallback) return false;
    return postReply(fallback.client, deps, fallback.target, { ...reply, ephemeral: true, replaceOriginal: false });
  }
}
