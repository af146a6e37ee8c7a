/**
 * Mentions, direct messages, the Assistant surface and event de-duplication, through the real
 * Bolt app in HTTP mode against the fake Slack API. `ask` is replaced by a recording stand-in
 * here so the tests can see exactly which conversation each message belongs to.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ASSISTANT_GREETING, SUGGESTED_PROMPTS, THINKING_STATUS } from '../../../src/adapters/slack/listeners/events/assistant.js';
import { CLASS_CHANNEL, LEARNER, LEARNER_DM, TEAM, assistantThreadStarted, directMessage, envelope, mention } from './payloads.js';
import { blockText, settle, startSlackHarness, type SlackHarness } from './harness.js';
import { installTestCommands, seenContexts } from './test-commands.js';

let h: SlackHarness;
let restore: () => void;

beforeAll(async () => {
  restore = installTestCommands({ recordAsk: true });
  h = await startSlackHarness();
});

afterAll(async () => {
  await h.close();
  restore();
});

beforeEach(() => {
  h.fake.calls.length = 0;
  seenContexts.length = 0;
});

const posts = () => h.fake.callsTo('chat.postMessage');
const asks = () => seenContexts.filter((s) => s.name === 'ask');

describe('@mentions in a channel', () => {
  it('answers in the thread of the mention with the citation as a context line', async () => {
    const event = mention('whats the diff between ppl i work with and ppl who buy stuff', { ts: '1767602000.000100' });
    const result = await h.send.event(envelope(event));
    expect(result.status).toBe(200);
    await h.fake.waitFor(() => posts().length === 1);
    const { body } = posts()[0]!;
    expect(body).toMatchObject({ channel: CLASS_CHANNEL, thread_ts: '1767602000.000100', unfurl_links: 'false' }); // form-encoded by the client
    expect(body.text).toContain('Answer to: whats the diff between ppl i work with and ppl who buy stuff');
    expect(blockText(body.blocks)).toContain('Unit 1 · AC 1.1');
    // The bot's own mention is removed from the question.
    expect(asks()[0]!.options).toEqual({ question: 'whats the diff between ppl i work with and ppl who buy stuff' });
    expect(asks()[0]!.context.conversationId).toBe(`slack:${TEAM}:${CLASS_CHANNEL}:1767602000.000100`);
  });

  it('continues the same conversation for a follow-up mention in that thread', async () => {
    await h.send.event(envelope(mention('first question', { ts: '1767602100.000100' })));
    await h.send.event(envelope(mention('and what about colleagues?', { ts: '1767602150.000200', threadTs: '1767602100.000100' })));
    await h.fake.waitFor(() => posts().length === 2);
    expect(asks().map((s) => s.context.conversationId)).toEqual([
      `slack:${TEAM}:${CLASS_CHANNEL}:1767602100.000100`,
      `slack:${TEAM}:${CLASS_CHANNEL}:1767602100.000100`,
    ]);
    expect(posts().map((p) => p.body.thread_ts)).toEqual(['1767602100.000100', '1767602100.000100']);
  });

  it('answers a bare mention with the help, privately, in the thread', async () => {
    await h.send.event(envelope({ ...mention('', { ts: '1767602200.000100' }), text: `<@U0BOT>` }));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').length === 1);
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.body).toMatchObject({ channel: CLASS_CHANNEL, user: LEARNER, thread_ts: '1767602200.000100' });
    expect(posts()).toEqual([]);
  });

  it('ignores mentions written by bots', async () => {
    await h.send.event(envelope({ ...mention('loop?'), bot_id: 'B0OTHER' }));
    await settle();
    expect(posts()).toEqual([]);
    expect(asks()).toEqual([]);
  });
});

describe('direct messages', () => {
  it('answers a DM in the DM, with the DM as the conversation', async () => {
    await h.send.event(envelope(directMessage('what is an internal customer?')));
    await h.fake.waitFor(() => posts().length === 1);
    expect(posts()[0]!.body.channel).toBe(LEARNER_DM);
    expect(posts()[0]!.body.thread_ts).toBeUndefined();
    expect(asks()[0]!.context).toMatchObject({ userId: `slack:${TEAM}:${LEARNER}`, conversationId: `slack:${TEAM}:${LEARNER_DM}` });
  });

  it('ignores edits, deletions, bot messages and messages outside DMs', async () => {
    await h.send.event(envelope(directMessage('edited', { subtype: 'message_changed' })));
    await h.send.event(envelope(directMessage('deleted', { subtype: 'message_deleted' })));
    await h.send.event(envelope(directMessage('from a bot', { bot_id: 'B0OTHER', subtype: 'bot_message' })));
    await h.send.event(envelope(directMessage('from an integration', { bot_id: 'B0OTHER' })));
    await h.send.event(envelope(directMessage('in a channel', { channel_type: 'channel', channel: CLASS_CHANNEL })));
    await settle(300);
    expect(posts()).toEqual([]);
    expect(asks()).toEqual([]);
  });
});

describe('event de-duplication', () => {
  it('answers a retried event (same event_id, x-slack-retry-num: 1) exactly once', async () => {
    const body = envelope(mention('what is LASS?'), 'EvRetry1');
    await h.send.event(body);
    const retry = await h.send.event(body, { retryNum: 1 });
    expect(retry.status).toBe(200);
    await h.fake.waitFor(() => posts().length === 1);
    await settle(300);
    expect(posts()).toHaveLength(1);
    const dedupe = (await h.deps.metrics.registry.getMetricsAsJSON()).find((m) => m.name === 'coach_dedupe_hits_total');
    expect(dedupe?.values[0]).toMatchObject({ labels: { surface: 'slack' }, value: 1 });
  });

  it('answers the same event delivered twice at the same moment exactly once', async () => {
    const body = envelope(directMessage('twice?'), 'EvTwice1');
    const results = await Promise.all([h.send.event(body), h.send.event(body), h.send.event(body, { retryNum: 2 })]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await h.fake.waitFor(() => posts().length === 1);
    await settle(300);
    expect(posts()).toHaveLength(1);
    expect(asks()).toHaveLength(1);
  });

  it('treats different events as different, even with the same text', async () => {
    await h.send.event(envelope(directMessage('same words')));
    await h.send.event(envelope(directMessage('same words')));
    await h.fake.waitFor(() => posts().length === 2);
  });
});

describe('the Assistant surface', () => {
  it('greets a new thread and sets suggested prompts', async () => {
    await h.send.event(envelope(assistantThreadStarted('1767603000.000100')));
    await h.fake.waitFor(() => h.fake.callsTo('assistant.threads.setSuggestedPrompts').length === 1);
    expect(posts()[0]!.body).toMatchObject({ channel: LEARNER_DM, thread_ts: '1767603000.000100', text: ASSISTANT_GREETING });
    expect(posts()[0]!.body.metadata).toBeUndefined();
    const prompts = h.fake.callsTo('assistant.threads.setSuggestedPrompts')[0]!.body;
    expect(prompts).toMatchObject({ channel_id: LEARNER_DM, thread_ts: '1767603000.000100' });
    expect(prompts.prompts).toEqual(SUGGESTED_PROMPTS.map((p) => ({ ...p })));
  });

  it('shows a thinking status, titles the thread from the first question, and answers in the thread', async () => {
    const threadTs = '1767603100.000100';
    await h.send.event(envelope(directMessage('How do I calm down an angry customer?', { thread_ts: threadTs })));
    await h.fake.waitFor(() => posts().length === 1);
    const order = h.fake.calls.map((c) => c.method);
    expect(order.indexOf('assistant.threads.setStatus')).toBeLessThan(order.indexOf('chat.postMessage'));
    expect(h.fake.callsTo('assistant.threads.setStatus')[0]!.body).toMatchObject({ channel_id: LEARNER_DM, thread_ts: threadTs, status: THINKING_STATUS });
    expect(h.fake.callsTo('assistant.threads.setTitle')[0]!.body).toMatchObject({ thread_ts: threadTs, title: 'How do I calm down an angry customer?' });
    expect(posts()[0]!.body).toMatchObject({ channel: LEARNER_DM, thread_ts: threadTs });
    expect(asks()[0]!.context.conversationId).toBe(`slack:${TEAM}:${LEARNER_DM}:${threadTs}`);

    await h.send.event(envelope(directMessage('and if they swear?', { thread_ts: threadTs })));
    await h.fake.waitFor(() => posts().length === 2);
    expect(h.fake.callsTo('assistant.threads.setTitle')).toHaveLength(1);
    expect(asks()[1]!.context.conversationId).toBe(asks()[0]!.context.conversationId);
  });

  it('still answers when Slack refuses the Assistant calls (a workspace without the feature)', async () => {
    h.fake.fail('assistant.threads.setStatus', { error: 'not_allowed', times: 1 });
    h.fake.fail('assistant.threads.setTitle', { error: 'not_allowed', times: 1 });
    await h.send.event(envelope(directMessage('a DM thread reply', { thread_ts: '1767603200.000100' })));
    await h.fake.waitFor(() => posts().length === 1);
    expect(posts()[0]!.body.thread_ts).toBe('1767603200.000100');
  });

  it('clears the status when the answer could not be posted', async () => {
    h.fake.fail('chat.postMessage', { error: 'channel_not_found', times: 1 });
    await h.send.event(envelope(directMessage('will this fail?', { thread_ts: '1767603300.000100' })));
    await h.fake.waitFor(() => h.fake.callsTo('assistant.threads.setStatus').length === 2);
    expect(h.fake.callsTo('assistant.threads.setStatus')[1]!.body.status).toBe('');
  });
});
