/**
 * `/review [draft]`: feedback on a drafted customer reply — positive language, tone, data
 * protection and writing conventions — pinned to the draft's own words. Without a draft, the
 * adapters show a form with a multi-line box. Private: only the requester sees the feedback,
 * and the draft is never stored or logged.
 */
import { z } from 'zod';
import { reviewReply } from '../review/render.js';
import { reviewDraft } from '../review/review-draft.js';
import { defineCommand } from './types.js';

/** Longest draft the Slack and Discord forms accept (Slack's plain-text input allows 3,000). */
export const REVIEW_FORM_MAX = 3000;

export const reviewCommand = defineCommand({
  name: 'review',
  description: 'Get feedback on a reply you drafted to a customer (language, tone, GDPR, writing)',
  // Empty and over-long drafts are answered by the reviewer with a clear message, not a schema error.
  options: z.object({
    draft: z.string().default('').describe('The reply you wrote to the customer'),
  }),
  parseText: (text) => ({ draft: text }),
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
  run: async ({ draft }, _context, deps) => reviewReply(await reviewDraft(draft, deps), deps.knowledge),
});
