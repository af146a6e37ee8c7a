/**
 * Buttons (block_actions) and the "Review this reply" message shortcut, through the real Bolt app
 * in HTTP mode against the fake Slack API.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NOTHING_TO_REVIEW, REVIEW_SHORTCUT } from '../../../src/adapters/slack/listeners/shortcuts/index.js';
import { CLASS_CHANNEL, LEARNER, TEAM, TUTOR, buttonClick, messageShortcut } from './payloads.js';
import { blockText, startSlackHarness, type SlackHarness } from './harness.js';
import { installTestCommands, seenContexts } from './test-commands.js';

let h: SlackHarness;
let restore: () => void;

beforeAll(async () => {
  restore = installTestCommands({ recordReview: true });
  h = await startSlackHarness();
});

afterAll(async () => {
  await h.close();
  restore();
});

beforeEach(() => {
  h.fake.calls.length = 0;
  h.fake.responses.length = 0;
  seenContexts.length = 0;
});

const responseTo = async (tag: string) => {
  await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === tag));
  return h.fake.responses.find((r) => r.tag === tag)!.body;
};

describe('buttons', () => {
  it('runs the core action and answers only the learner who clicked, with the citation', async () => {
    const result = await h.send.interaction(buttonClick({ value: 'test-pick:a', responseUrl: h.fake.responseUrl('pick'), messageTs: '1767604000.000100' }));
    expect(result.status).toBe(200);
    const body = await responseTo('pick');
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockText(body.blocks)).toContain('You picked a. &lt;!channel&gt; stays inert.');
    expect(blockText(body.blocks)).toContain('Unit 1 · AC 1.1');
    const seen = seenContexts.find((s) => s.name === 'test-pick')!;
    expect(seen.options).toBe('a');
    expect(seen.context).toMatchObject({ userId: `slack:${TEAM}:${LEARNER}`, conversationId: `slack:${TEAM}:${CLASS_CHANNEL}:1767604000.000100` });
  });

  it('gives each learner their own private answer to the same button', async () => {
    await h.send.interaction(buttonClick({ value: 'test-pick:b', user: LEARNER, responseUrl: h.fake.responseUrl('learner') }));
    await h.send.interaction(buttonClick({ value: 'test-pick:b', user: TUTOR, responseUrl: h.fake.responseUrl('tutor') }));
    expect((await responseTo('learner')).response_type).toBe('ephemeral');
    expect((await responseTo('tutor')).response_type).toBe('ephemeral');
    expect(seenContexts.map((s) => s.context.userId)).toEqual([`slack:${TEAM}:${LEARNER}`, `slack:${TEAM}:${TUTOR}`]);
  });

  it('replaces the original message when the reply says so', async () => {
    await h.send.interaction(buttonClick({ value: 'test-replace:b', responseUrl: h.fake.responseUrl('replace') }));
    const body = await responseTo('replace');
    expect(body.replace_original).toBe(true);
    expect(body.text).toBe('Replaced with b');
  });

  it('reads the core id from the value when the action_id was made unique', async () => {
    await h.send.interaction(buttonClick({ value: 'test-pick:c', actionId: 'test-pick:c#1', responseUrl: h.fake.responseUrl('unique') }));
    await responseTo('unique');
    expect(seenContexts[0]!.options).toBe('c');
  });

  it('answers an old or unknown button clearly, privately', async () => {
    await h.send.interaction(buttonClick({ value: 'quiz-answer:gone:2', responseUrl: h.fake.responseUrl('old') }));
    expect(await responseTo('old')).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/expired/) });
  });

  it('answers privately with chat.postEphemeral when the click has no response_url', async () => {
    await h.send.interaction(buttonClick({ value: 'test-pick:d', threadTs: '1767604100.000100' }));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').length === 1);
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.body).toMatchObject({ channel: CLASS_CHANNEL, user: LEARNER, thread_ts: '1767604100.000100' });
  });
});

describe('the "Review this reply" message shortcut', () => {
  it('reviews the chosen message and shows the result only to the tutor', async () => {
    const text = 'Dear customer, you should have read the &lt;terms&gt;. It&#39;s our policy.';
    const result = await h.send.interaction(messageShortcut({ text, responseUrl: h.fake.responseUrl('shortcut') }));
    expect(result.status).toBe(200);
    const body = await responseTo('shortcut');
    expect(body.response_type).toBe('ephemeral');
    const seen = seenContexts.find((s) => s.name === 'review')!;
    expect(seen.options).toEqual({ draft: "Dear customer, you should have read the <terms>. It's our policy." });
    expect(seen.context).toMatchObject({ userId: `slack:${TEAM}:${TUTOR}`, channelId: `slack:${TEAM}:${CLASS_CHANNEL}` });
    expect(blockText(body.blocks)).toContain('&lt;terms&gt;');
  });

  it('says so when the message has no text', async () => {
    await h.send.interaction(messageShortcut({ text: '', responseUrl: h.fake.responseUrl('empty') }));
    expect(await responseTo('empty')).toMatchObject({ response_type: 'ephemeral', text: NOTHING_TO_REVIEW });
    expect(seenContexts).toEqual([]);
  });

  it('uses the callback id the manifest declares', () => {
    expect(REVIEW_SHORTCUT.callbackId).toBe('review_message');
  });
});
