/**
 * `/review [draft]`: feedback on a drafted customer reply — positive language, tone, data
 * protection and writing conventions — pinned to the draft's own words. Without a draft, the
 * adapters show a form with a multi-line box. Private: only the requester sees the feedback,
 * and the draft is never stored or logged.
 */
import { z } from 'zod';
import { channelSchema, CHANNELS, type Channel } from '../review/channel.js';
import { reviewReply } from '../review/render.js';
import { reviewDraft } from '../review/review-draft.js';
import { defineCommand } from './types.js';

/** Longest draft the Slack and Discord forms accept (Slack's plain-text input allows 3,000). */
export const REVIEW_FORM_MAX = 3000;

/** Words a person may type for a channel before a colon, besides the channel names themselves. */
const CHANNEL_WORDS: Record<string, Channel> = { 'live chat': 'chat', text: 'sms', 'text message': 'sms', 'social media': 'social' };
for (const channel of CHANNELS) CHANNEL_WORDS[channel] = channel;

/** "sms: <draft>" at the very start of the text: a channel word and a colon. */
const CHANNEL_PREFIX = new RegExp(`^\\s*(${Object.keys(CHANNEL_WORDS).sort((a, b) => b.length - a.length).join('|')})\\s*:\\s*`, 'iu');

/**
 * Reads `/review` text: the draft, optionally after a channel word ("sms: Your parcel…", "live
 * chat: Hi Sam…"). Other labels ("Re: your order") stay part of the draft.
 */
export function parseReviewText(text: string): { draft: string; channel?: Channel } {
  const prefix = CHANNEL_PREFIX.exec(text);
  if (!prefix) return { draft: text };
  return { channel: CHANNEL_WORDS[prefix[1]!.toLowerCase().replace(/\s+/g, ' ')]!, draft: text.slice(prefix[0].length) };
}

export const reviewCommand = defineCommand({
  name: 'review',
  description: 'Get feedback on a reply you drafted to a customer (language, tone, GDPR, writing)',
  // Empty and over-long drafts are answered by the reviewer with a clear message, not a schema error.
  options: z.object({
    // First, so Slack's usage hint reads "[channel] [draft]", as typed: "/review sms: Your parcel…".
    // A choice list on Slack and Discord; without it the reviewer judges the layout.
    channel: channelSchema
      .optional()
      .describe('Where the reply goes: email, letter, chat, sms or social (default: judged from the layout)'),
    draft: z.string().default('').describe('The reply you wrote to the customer'),
  }),
  parseText: parseReviewText,
  visibility: 'private',
  slow: true,
  form: {
    command: 'review',
    title: 'Review a reply',
    field: {
      name: 'draft',
      label: 'Your draft reply to the customer',
      placeholder: 'Dear Mrs Patel,\n\nThank you for letting us know…',
      maxLength: REVIEW_FORM_MAX,
      multiline: true,
    },
  },
  run: async ({ draft, channel }, _context, deps) => reviewReply(await reviewDraft(draft, deps, { channel }), deps.knowledge),
});
