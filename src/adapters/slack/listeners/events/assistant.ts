/**
 * Slack's AI app surface (Bolt's `Assistant`): a greeting with suggested prompts when a learner
 * opens a thread, a "thinking" status while the answer is prepared, and the thread titled from
 * the first question. Workspaces without the feature never send these events; mentions, DMs and
 * commands work without it. Every Assistant-only call is best effort: if Slack refuses it (a
 * plain DM thread, a missing scope), the answer still goes out.
 */
import { Assistant, type AssistantConfig } from '@slack/bolt';
import type { Deps } from '../../../../core/deps.js';
import { attempt } from '../../deliver.js';
import { teamOf } from '../../ids.js';
import { fromSlackText } from '../../incoming.js';
import { SLACK_LIMITS } from '../../limits.js';
import { truncate } from '../../mrkdwn.js';
import { answerInConversation, isNewUserMessage } from './converse.js';

/** The greeting posted when a learner opens an Assistant thread. */
export const ASSISTANT_GREETING =
  'Hi! I am Service Coach. Ask me anything about the BTEC Level 2 Customer Service units and I will answer from the specification, with the unit and criterion.';

/** Suggested prompts for a new Assistant thread (also listed in the app manifest). */
export const SUGGESTED_PROMPTS = [
  { title: 'Internal or external?', message: 'What is the difference between internal and external customers?' },
  { title: 'Equality law', message: 'How does equality legislation affect customer service?' },
  { title: 'An angry customer', message: 'How should I deal with a customer who is shouting at me?' },
  { title: 'Customer data', message: 'What does GDPR mean for how I store customer information?' },
] as const;

/** Status shown while the answer is being prepared. */
export const THINKING_STATUS = 'is thinking…';

/** How long a thread's "already titled" mark is kept. */
const TITLE_CLAIM_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * We never read the channel a learner is viewing, so the thread context store does nothing:
 * Bolt's default would call conversations.replies (another scope) on every message.
 */
const noThreadContext: NonNullable<AssistantConfig['threadContextStore']> = {
  get: async () => ({}),
  save: async () => {},
};

/** Builds the Assistant with Service Coach's handlers. */
export function createAssistant(deps: Deps): Assistant {
  return new Assistant({
    threadContextStore: noThreadContext,
    threadStarted: async ({ event, client, setSuggestedPrompts }) => {
      // Posted directly rather than with the Assistant's say(), which would attach thread-context
      // metadata that we never read (see noThreadContext).
      const { channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
      await attempt(deps, 'chat.postMessage', () => client.chat.postMessage({ channel, thread_ts: threadTs, text: ASSISTANT_GREETING }));
      await attempt(deps, 'assistant.threads.setSuggestedPrompts', () =>
        setSuggestedPrompts({ title: 'Try one of these:', prompts: SUGGESTED_PROMPTS.map((prompt) => ({ ...prompt })) }),
      );
    },
    threadContextChanged: async () => {},
    userMessage: async ({ message, body, client, context, setStatus, setTitle }) => {
      if (!isNewUserMessage(message) || !('thread_ts' in message) || typeof message.thread_ts !== 'string') return;
      const origin = { team: teamOf(body), user: message.user, channel: message.channel, threadTs: message.thread_ts };
      await attempt(deps, 'assistant.threads.setStatus', () => setStatus(THINKING_STATUS));
      if (await firstInThread(deps, message.channel, message.thread_ts)) {
        const title = truncate(fromSlackText(message.text, context.botUserId), SLACK_LIMITS.assistantTitle);
        if (title) await attempt(deps, 'assistant.threads.setTitle', () => setTitle(title));
      }
      const sent = await answerInConversation(client, deps, origin, message.text, context.botUserId);
      // Slack clears the status when we post; after a failed post, clear it ourselves.
      if (!sent) await attempt(deps, 'assistant.threads.setStatus', () => setStatus(''));
    },
  });
}

async function firstInThread(deps: Deps, channel: string, threadTs: string): Promise<boolean> {
  try {
    return await deps.stores.claim(`slack:titled:${channel}:${threadTs}`, TITLE_CLAIM_TTL_MS);
  } catch {
    return false;
  }
}
