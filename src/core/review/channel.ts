/**
 * The channel a draft was written for. A tutor knows it; the reviewer otherwise guesses it from the
 * draft's layout. Unit 3 AC 2.4 and 3.3 ask for "acceptable practice for the type of written
 * communication": an email or letter opens with a salutation, closes with a sign-off and is set out
 * in paragraphs (a letter with a formal sign-off); a live-chat line or a text message needs
 * neither; a social-media reply is public. Light on purpose: the CLI imports it at load time.
 */
import { z } from 'zod';
import { UserFacingError } from '../errors.js';

/** The channels a review can be told about. */
export const CHANNELS = ['email', 'letter', 'chat', 'sms', 'social'] as const;

/** A draft's channel: `chat` is live chat or messaging, `sms` a text message, `social` a public social-media reply. */
export type Channel = (typeof CHANNELS)[number];


/** Options a caller may give a review. */
export interface ReviewOptions {
  /** The channel the draft is for; absent means "guess from the layout", as before channels existed. */
  channel?: Channel;
}

/** "email, letter, chat, sms or social", for messages. */
export const CHANNEL_LIST = `${CHANNELS.slice(0, -1).join(', ')} or ${CHANNELS[CHANNELS.length - 1]}`;

/**
 * The zod schema of a channel; the review command's option uses it, so slash commands get a
 * choice list, and a bad value reads "channel: must be one of email, letter, chat, sms or social".
 */
export const channelSchema = z.enum(CHANNELS, { error: `must be one of ${CHANNEL_LIST}` });

/** True for a valid channel name. */
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/**
 * Reads a channel typed by a person: case and surrounding spaces do not matter; null, undefined
 * and "" mean "not given".
 * @throws UserFacingError invalid_argument, naming the valid channels.
 * @example parseChannel(' SMS ') // 'sms'
 */
export function parseChannel(value: unknown): Channel | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const name = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (isChannel(name)) return name;
  const shown = typeof value === 'string' ? `"${value.slice(0, 30)}"` : 'that';
  throw new UserFacingError('invalid_argument', `I don't know the channel ${shown}. Use one of: ${CHANNEL_LIST}.`);
}

/** How a channel is named in a finding's message: "an email", "a text message". */
export const CHANNEL_NAMES: Record<Channel, string> = {
  email: 'an email',
  letter: 'a letter',
  chat: 'a live-chat message',
  sms: 'a text message',
  social: 'a public social-media reply',
};

/** Channels that follow business-letter conventions: salutation, close and paragraphs. */
export function isLetterLike(channel: Channel): boolean {
  return channel === 'email' || channel === 'letter';
}
