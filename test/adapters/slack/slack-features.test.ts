/**
 * The real features through Slack: ask, quiz and review as registered in the core (each block
 * runs once its command is registered). Real Bolt app, fake Slack API, offline (no LLM).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formCallbackId } from '../../../src/adapters/slack/render.js';
import { findCommand } from '../../../src/core/commands/dispatch.js';
import { CLASS_CHANNEL, LEARNER, TEAM, TUTOR, buttonClick, commandFields, envelope, formSubmission, mention, messageShortcut } from './payloads.js';
import { blockText, startSlackHarness, type SlackHarness } from './harness.js';

let h: SlackHarness;

beforeAll(async () => {
  h = await startSlackHarness();
});

afterAll(async () => {
  await h.close();
});

beforeEach(() => {
  h.fake.calls.length = 0;
  h.fake.responses.length = 0;
});

const responseTo = async (tag: string) => {
  await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === tag), 10_000);
  return h.fake.responses.find((r) => r.tag === tag)!.body;
};
const buttonsOf = (blocks: any[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements);
const contextOf = (blocks: any[]) => blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements.map((e: any) => e.text)).join(' ');

describe.runIf(findCommand('ask'))('ask in Slack', () => {
  it("answers a learner's @mention in its thread with a cited answer and feedback buttons", async () => {
    await h.send.event(envelope(mention('whats the diff between ppl i work with and ppl who buy stuff', { ts: '1767605000.000100' })));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1, 10_000);
    const { body } = h.fake.callsTo('chat.postMessage')[0]!;
    expect(body.channel).toBe(CLASS_CHANNEL);
    expect(body.thread_ts).toBe('1767605000.000100');
    expect(contextOf(body.blocks)).toMatch(/Unit \d+/);
    expect(body.text.toLowerCase()).toContain('customer');
    expect(buttonsOf(body.blocks).map((b: any) => b.text.text)).toEqual(['Helpful', 'Not helpful']);
  });

  it('stores a click on "Helpful" and thanks only the learner who clicked', async () => {
    await h.send.event(envelope(mention('what does LASS stand for?', { ts: '1767605100.000100' })));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1, 10_000);
    const helpful = buttonsOf(h.fake.callsTo('chat.postMessage')[0]!.body.blocks).find((b: any) => b.text.text === 'Helpful');
    await h.send.interaction(buttonClick({ value: helpful.value, actionId: helpful.action_id, responseUrl: h.fake.responseUrl('vote'), threadTs: '1767605100.000100' }));
    const vote = await responseTo('vote');
    expect(vote.response_type).toBe('ephemeral');
    await h.send.interaction(buttonClick({ value: helpful.value, responseUrl: h.fake.responseUrl('again') }));
    expect((await responseTo('again')).text).toMatch(/already/i);
  });

  it('continues the conversation for a follow-up mention in the same thread', async () => {
    const threadTs = '1767605200.000100';
    await h.send.event(envelope(mention('what does LASS stand for?', { ts: threadTs })));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1, 10_000);
    await h.send.event(envelope(mention('and what about unit 3?', { ts: '1767605260.000100', threadTs })));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 2, 10_000);
    expect(h.fake.callsTo('chat.postMessage').map((c) => c.body.thread_ts)).toEqual([threadTs, threadTs]);
    const stored = (await h.deps.stores.ns<{ turns: unknown[] }>('conversations').get(`ask:slack:${TEAM}:${LEARNER}:slack:${TEAM}:${CLASS_CHANNEL}:${threadTs}`))!;
    expect(stored.turns).toHaveLength(2);
  });

  it('answers /ask in the channel through the response_url', async () => {
    await h.send.command(commandFields({ command: '/ask', text: 'what is an internal customer?', responseUrl: h.fake.responseUrl('ask') }));
    const body = await responseTo('ask');
    expect(body.response_type).toBe('in_channel');
    expect(contextOf(body.blocks)).toMatch(/Unit \d+/);
  });
});

describe.runIf(findCommand('quiz'))('quiz in Slack', () => {
  it('runs a whole quiz privately: each click replaces the question with feedback, the source and the next question', async () => {
    await h.send.command(commandFields({ command: '/quiz', text: 'unit 1 count 3', user: LEARNER, responseUrl: h.fake.responseUrl('quiz-0') }));
    let message = await responseTo('quiz-0');
    expect(message.response_type).toBe('ephemeral');
    for (let step = 1; step <= 3; step += 1) {
      const buttons = buttonsOf(message.blocks);
      expect(buttons.length).toBeGreaterThanOrEqual(3);
      await h.send.interaction(buttonClick({ value: buttons[0].value, actionId: buttons[0].action_id, user: LEARNER, responseUrl: h.fake.responseUrl(`quiz-${step}`) }));
      message = await responseTo(`quiz-${step}`);
      expect(message).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
      expect(blockText(message.blocks)).toMatch(/Correct!|Not quite/);
      // The source travels with the feedback (inline mid-quiz, as a context line at the end).
      expect(blockText(message.blocks) + contextOf(message.blocks)).toMatch(/Source/);
    }
    expect(blockText(message.blocks)).toContain('Quiz finished');
    expect(contextOf(message.blocks)).toMatch(/Source/);
    expect(buttonsOf(message.blocks).map((b: any) => b.text.text)).toEqual(['Another quiz']);
  });

  it('offers a quiz to a learner who asks "quiz me on unit 3" in a mention, privately, and starts it on a click', async () => {
    await h.send.event(envelope(mention('can you quiz me on unit 3', { ts: '1767605300.000100' })));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').length === 1, 10_000);
    const offer = h.fake.callsTo('chat.postEphemeral')[0]!.body;
    expect(offer.user).toBe(LEARNER);
    expect(blockText(offer.blocks)).toContain('Unit 3 — Communicating with Customers');
    const [start] = buttonsOf(offer.blocks);
    expect(start.text.text).toBe('Start a quiz');
    await h.send.interaction(buttonClick({ value: start.value, actionId: start.action_id, user: LEARNER, responseUrl: h.fake.responseUrl('offered') }));
    const quiz = await responseTo('offered');
    expect(quiz.response_type).toBe('ephemeral');
    expect(blockText(quiz.blocks)).toContain('Question 1 of 5');
  });

  it("does not let another learner answer someone else's quiz", async () => {
    await h.send.command(commandFields({ command: '/quiz', user: LEARNER, responseUrl: h.fake.responseUrl('mine') }));
    const [first] = buttonsOf((await responseTo('mine')).blocks);
    await h.send.interaction(buttonClick({ value: first.value, user: TUTOR, responseUrl: h.fake.responseUrl('theirs') }));
    const reply = await responseTo('theirs');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.replace_original).toBe(false);
    expect(blockText(reply.blocks)).not.toMatch(/Correct!|Not quite/);
  });

  it.runIf(findCommand('class-report'))('gives a workspace admin (the tutor) the class report privately, and nobody else', async () => {
    h.fake.admins.add(TUTOR);
    await h.send.command(commandFields({ command: '/class-report', user: TUTOR, responseUrl: h.fake.responseUrl('report') }));
    await h.send.command(commandFields({ command: '/class-report', user: LEARNER, responseUrl: h.fake.responseUrl('no-report') }));
    const report = await responseTo('report');
    expect(report.response_type).toBe('ephemeral');
    expect(report.blocks.length).toBeGreaterThan(1);
    expect((await responseTo('no-report')).text).toMatch(/Only someone who can manage/);
  });

  it('shows /progress and the workspace /leaderboard privately', async () => {
    await h.send.command(commandFields({ command: '/progress', responseUrl: h.fake.responseUrl('progress') }));
    await h.send.command(commandFields({ command: '/leaderboard', responseUrl: h.fake.responseUrl('leaderboard') }));
    expect((await responseTo('progress')).response_type).toBe('ephemeral');
    expect((await responseTo('leaderboard')).blocks.length).toBeGreaterThan(0);
    expect((await responseTo('leaderboard')).response_type).toBe('ephemeral');
  });
});

describe.runIf(findCommand('review'))('review in Slack', () => {
  const draft = 'hi. you should have read the terms. its our policy and i cant do anything. send me your card number';

  it('lets a tutor review a draft from a modal, with the feedback sent privately by DM', async () => {
    await h.send.command(commandFields({ command: '/review', user: TUTOR, responseUrl: h.fake.responseUrl('review-form'), triggerId: 'trigger-review' }));
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length === 1, 10_000);
    const { view } = h.fake.callsTo('views.open')[0]!.body;
    expect(view.blocks[0].element).toMatchObject({ type: 'plain_text_input', multiline: true });
    await h.send.interaction(formSubmission({ callbackId: formCallbackId('review'), value: draft, user: TUTOR, privateMetadata: view.private_metadata }));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').some((c) => c.body.channel === TUTOR), 10_000);
    const dm = h.fake.callsTo('chat.postMessage').find((c) => c.body.channel === TUTOR)!.body;
    expect(dm.blocks.length).toBeGreaterThan(1);
    expect(contextOf(dm.blocks) + blockText(dm.blocks)).toMatch(/Unit 3|AC 2\.2|Unit 1|AC 4\.5/);
  });

  it('keeps a channel typed before the form ("/review sms:") for the submission', async () => {
    await h.send.command(commandFields({ command: '/review', text: 'sms:', user: TUTOR, responseUrl: h.fake.responseUrl('review-sms-form'), triggerId: 'trigger-review-sms' }));
    await h.fake.waitFor(() => h.fake.callsTo('views.open').some((c) => c.body.trigger_id === 'trigger-review-sms'), 10_000);
    const { view } = h.fake.callsTo('views.open').find((c) => c.body.trigger_id === 'trigger-review-sms')!.body;
    const before = h.fake.callsTo('chat.postMessage').length;
    await h.send.interaction(formSubmission({ callbackId: formCallbackId('review'), value: draft, user: TUTOR, privateMetadata: view.private_metadata }));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').slice(before).some((c) => c.body.channel === TUTOR), 10_000);
    const dm = h.fake.callsTo('chat.postMessage').slice(before).find((c) => c.body.channel === TUTOR)!.body;
    expect(contextOf(dm.blocks) + blockText(dm.blocks)).toMatch(/Reviewed as a text message/);
  });

  it('reviews a draft given after /review privately', async () => {
    await h.send.command(commandFields({ command: '/review', text: draft, user: TUTOR, responseUrl: h.fake.responseUrl('review-inline') }));
    expect((await responseTo('review-inline')).response_type).toBe('ephemeral');
  });

  it('reviews another message with the "Review this reply" shortcut, privately', async () => {
    await h.send.interaction(messageShortcut({ text: draft, responseUrl: h.fake.responseUrl('review-shortcut') }));
    const body = await responseTo('review-shortcut');
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks.length).toBeGreaterThan(1);
  });
});
