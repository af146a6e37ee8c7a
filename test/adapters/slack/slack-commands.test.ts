/**
 * The real Bolt app in HTTP mode against the fake Slack API: request signing, slash commands,
 * forms (modals) and failing Slack calls.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formCallbackId } from '../../../src/adapters/slack/render.js';
import { FORM_SUBMITTED_NOTE } from '../../../src/adapters/slack/listeners/views/index.js';
import { SLACK_BUSY_NOTE } from '../../../src/adapters/slack/deliver.js';
import { CLASS_CHANNEL, LEARNER, TEAM, TUTOR, commandFields, envelope, formSubmission, mention } from './payloads.js';
import { BOT_TOKEN, blockText, settle, startSlackHarness, type SlackHarness } from './harness.js';
import { installTestCommands, seenContexts } from './test-commands.js';

let h: SlackHarness;
let restore: () => void;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  restore = installTestCommands({ recordAsk: true });
  process.on('unhandledRejection', onUnhandled);
  h = await startSlackHarness();
});

afterAll(async () => {
  await h.close();
  restore();
  process.off('unhandledRejection', onUnhandled);
});

afterEach(() => {
  expect(unhandled).toEqual([]);
});

async function waitResponse(tag: string) {
  await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === tag));
  return h.fake.responses.find((r) => r.tag === tag)!.body;
}

describe('Slack requests are verified', () => {
  it('checks the bot token once at start-up with the configured API URL and token', () => {
    const authTests = h.fake.callsTo('auth.test');
    expect(authTests).toHaveLength(1);
    expect(authTests[0]!.token).toBe(BOT_TOKEN);
  });

  it('answers Slack URL verification with the challenge', async () => {
    const result = await h.send.event({ type: 'url_verification', token: 't', challenge: 'challenge-123' });
    expect(result.status).toBe(200);
    expect(result.body).toContain('challenge-123');
  });

  it('rejects a request signed with the wrong secret with 401 and does nothing', async () => {
    const before = h.fake.calls.length;
    const result = await h.send.event(envelope(mention('what is LASS?')), { secret: 'not-the-secret' });
    expect(result.status).toBe(401);
    await settle();
    expect(h.fake.calls.length).toBe(before);
  });

  it('rejects a correctly signed but stale request (older than five minutes) with 401', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const result = await h.send.command(commandFields({ command: '/help', responseUrl: h.fake.responseUrl('stale') }), { timestamp: stale });
    expect(result.status).toBe(401);
    await settle();
    expect(h.fake.responses.filter((r) => r.tag === 'stale')).toEqual([]);
  });

  it('rejects a request with no signature headers with 401', async () => {
    const response = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
  });
});

describe('slash commands', () => {
  it('answers /help privately through the response_url, listing the registered commands', async () => {
    const result = await h.send.command(commandFields({ command: '/help', responseUrl: h.fake.responseUrl('help') }));
    expect(result.status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'help'));
    const response = h.fake.responses.find((r) => r.tag === 'help')!;
    expect(response.body.response_type).toBe('ephemeral');
    expect(response.body.text).toContain('/help');
    expect(response.body.blocks[0]).toMatchObject({ type: 'header' });
    expect(blockText(response.body.blocks)).toContain('*/help*');
  });

  it('acknowledges within a few hundred milliseconds even when the command takes seconds', async () => {
    const result = await h.send.command(commandFields({ command: '/slow-echo', text: 'hello', responseUrl: h.fake.responseUrl('slow') }));
    expect(result.status).toBe(200);
    expect(result.ms).toBeLessThan(500);
    expect(h.fake.responses.some((r) => r.tag === 'slow')).toBe(false);
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'slow'), 5000);
    const response = h.fake.responses.find((r) => r.tag === 'slow')!;
    expect(response.body.response_type).toBe('in_channel');
    expect(response.body.text).toBe('You said: hello');
  });

  it('passes opaque ids, not Slack payloads, to the core', async () => {
    await h.send.command(commandFields({ command: '/echo', text: 'ids please', responseUrl: h.fake.responseUrl('ids') }));
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'ids'));
    const seen = seenContexts.filter((s) => s.name === 'echo').at(-1)!;
    expect(seen.context).toEqual({
      surface: 'slack',
      userId: `slack:${TEAM}:${LEARNER}`,
      scopeId: `slack:${TEAM}`,
      channelId: `slack:${TEAM}:${CLASS_CHANNEL}`,
      conversationId: `slack:${TEAM}:${CLASS_CHANNEL}:${LEARNER}`,
      isAdmin: false,
    });
  });

  it('renders a public reply in the channel with escaped user text, a citation line and buttons', async () => {
    const text = '&lt;!channel&gt; see &lt;http://evil.test|your bank&gt; &amp; &lt;@U999&gt;';
    await h.send.command(commandFields({ command: '/echo', text, responseUrl: h.fake.responseUrl('escape') }));
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'escape'));
    const { body } = h.fake.responses.find((r) => r.tag === 'escape')!;
    expect(body.response_type).toBe('in_channel');
    const all = blockText(body.blocks) + body.text;
    expect(all).not.toMatch(/<!channel>|<http|<@U999>/);
    // Slack sent what the learner typed, escaped; the core saw it literally; the reply escapes it again.
    expect(blockText(body.blocks)).toContain('*You said:* &lt;!channel&gt; see &lt;http://evil.test|your bank&gt; &amp; &lt;@U999&gt;');
    expect(body.blocks.find((b: any) => b.type === 'context').elements.map((e: any) => e.text)).toEqual([
      '*Source:*',
      'Unit 1 · AC 1.1 — Identify internal and external customers',
    ]);
    const actions = body.blocks.find((b: any) => b.type === 'actions');
    expect(actions.elements.map((e: any) => [e.action_id, e.value, e.text.text])).toEqual([
      ['test-pick:a', 'test-pick:a', 'Pick A'],
      ['test-replace:b', 'test-replace:b', 'Replace'],
    ]);
  });

  it('shows invalid input as a clear private message', async () => {
    await h.send.command(commandFields({ command: '/echo', text: '', responseUrl: h.fake.responseUrl('invalid') }));
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'invalid'));
    const { body } = h.fake.responses.find((r) => r.tag === 'invalid')!;
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/\/echo request doesn't look right/);
  });

  it('answers a command the core does not know with a pointer to /help', async () => {
    await h.send.command(commandFields({ command: '/teleport', responseUrl: h.fake.responseUrl('unknown') }));
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'unknown'));
    expect(h.fake.responses.find((r) => r.tag === 'unknown')!.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/don't know the command.*\/help/) });
  });

  it('lets a workspace admin run an admin-only command, asking Slack only then, and refuses others', async () => {
    h.fake.admins.add(TUTOR);
    const infoCalls = h.fake.callsTo('users.info').length;
    await h.send.command(commandFields({ command: '/help', responseUrl: h.fake.responseUrl('no-info') }));
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'no-info'));
    expect(h.fake.callsTo('users.info')).toHaveLength(infoCalls);

    await h.send.command(commandFields({ command: '/admin-echo', user: TUTOR, responseUrl: h.fake.responseUrl('admin') }));
    await h.send.command(commandFields({ command: '/admin-echo', user: LEARNER, responseUrl: h.fake.responseUrl('not-admin') }));
    expect((await waitResponse('admin')).text).toBe('Admin area');
    expect((await waitResponse('not-admin')).text).toMatch(/Only someone who can manage this server or workspace/);
    expect(h.fake.callsTo('users.info').slice(infoCalls).map((c) => c.body.user)).toEqual([TUTOR, LEARNER]);
    expect(seenContexts.filter((s) => s.name === 'admin-echo').map((s) => s.context.isAdmin)).toEqual([true]);
  });

  it('treats a failed admin check as "not an admin"', async () => {
    h.fake.fail('users.info', { error: 'missing_scope', times: 1 });
    await h.send.command(commandFields({ command: '/admin-echo', user: TUTOR, responseUrl: h.fake.responseUrl('scope') }));
    expect((await waitResponse('scope')).text).toMatch(/Only someone who can manage/);
  });

  it('explains that a Discord-only command is not available in Slack', async () => {
    await h.send.command(commandFields({ command: '/daily-quiz', responseUrl: h.fake.responseUrl('daily') }));
    const body = await waitResponse('daily');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/\/daily-quiz is not available in Slack|don't know the command/);
  });

  it('falls back to a private chat.postEphemeral when the response_url fails', async () => {
    h.fake.fail('response_url', { status: 404, times: 1 });
    await h.send.command(commandFields({ command: '/help', responseUrl: h.fake.responseUrl('expired') }));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').some((c) => String(c.body.text).includes('/help')));
    const call = h.fake.callsTo('chat.postEphemeral').at(-1)!;
    expect(call.body).toMatchObject({ channel: CLASS_CHANNEL, user: LEARNER });
    expect(call.token).toBe(BOT_TOKEN);
  });
});

describe('forms', () => {
  it('opens a modal with a multi-line input when a form command has no text', async () => {
    await h.send.command(commandFields({ command: '/check-draft', user: TUTOR, responseUrl: h.fake.responseUrl('form'), triggerId: 'trigger-form' }));
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length > 0);
    const { body } = h.fake.callsTo('views.open').at(-1)!;
    expect(body.trigger_id).toBe('trigger-form');
    expect(body.view).toMatchObject({ type: 'modal', callback_id: formCallbackId('check-draft'), title: { text: 'Check a draft' } });
    expect(body.view.blocks[0]).toMatchObject({
      type: 'input',
      element: { type: 'plain_text_input', multiline: true, max_length: 3000, placeholder: { text: 'Dear customer…' } },
    });
    expect(JSON.parse(body.view.private_metadata)).toEqual({ channel: CLASS_CHANNEL });
    await settle();
    expect(h.fake.responses.filter((r) => r.tag === 'form')).toEqual([]);
  });

  it('runs the command with the text given after it instead of opening the form', async () => {
    const opened = h.fake.callsTo('views.open').length;
    await h.send.command(commandFields({ command: '/check-draft', text: 'Dear Sam, thanks', user: TUTOR, responseUrl: h.fake.responseUrl('inline') }));
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'inline'));
    expect(h.fake.responses.find((r) => r.tag === 'inline')!.body.response_type).toBe('ephemeral');
    expect(h.fake.callsTo('views.open')).toHaveLength(opened);
  });

  it('runs the command with the submitted text and sends the result privately by DM', async () => {
    const result = await h.send.interaction(
      formSubmission({ callbackId: formCallbackId('check-draft'), value: 'Dear customer, <!here> you must calm down.', privateMetadata: JSON.stringify({ channel: CLASS_CHANNEL }) }),
    );
    expect(result.status).toBe(200);
    const ack = JSON.parse(result.body);
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view)).toContain(FORM_SUBMITTED_NOTE.slice(0, 30));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').some((c) => c.body.channel === TUTOR));
    const dm = h.fake.callsTo('chat.postMessage').find((c) => c.body.channel === TUTOR)!;
    expect(blockText(dm.body.blocks)).toContain('>Dear customer, &lt;!here&gt; you must calm down.');
    const seen = seenContexts.filter((s) => s.name === 'check-draft').at(-1)!;
    expect(seen.options).toEqual({ draft: 'Dear customer, <!here> you must calm down.' });
    expect(seen.context.userId).toBe(`slack:${TEAM}:${TUTOR}`);
    expect(seen.context.channelId).toBe(`slack:${TEAM}:${CLASS_CHANNEL}`);
  });

  it('says privately how else to run the command when Slack will not open the modal', async () => {
    h.fake.fail('views.open', { error: 'expired_trigger_id', times: 1 });
    await h.send.command(commandFields({ command: '/check-draft', responseUrl: h.fake.responseUrl('noform') }));
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'noform'));
    expect(h.fake.responses.find((r) => r.tag === 'noform')!.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('/check-draft your text'),
    });
  });
});

describe('Slack API failures', () => {
  it('fails fast on a 429 from chat.postMessage, tells the learner privately, and does not crash', async () => {
    h.fake.fail('chat.postMessage', { status: 429, retryAfter: 30, times: 1 });
    const before = h.fake.callsTo('chat.postMessage').length;
    const started = Date.now();
    await h.send.event(envelope(mention('what is an internal customer?')));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral').some((c) => c.body.text === SLACK_BUSY_NOTE));
    expect(Date.now() - started).toBeLessThan(3000);
    await settle(300);
    // One attempt only: no retry after the 30 s the rate limit asked for.
    expect(h.fake.callsTo('chat.postMessage').length - before).toBe(1);
    const note = h.fake.callsTo('chat.postEphemeral').find((c) => c.body.text === SLACK_BUSY_NOTE)!;
    expect(note.body).toMatchObject({ channel: CLASS_CHANNEL, user: LEARNER });
  });

  it('survives Slack errors on every call of a request (no unhandled rejection, app still answers)', async () => {
    h.fake.fail('chat.postMessage', { error: 'channel_not_found', times: 1 });
    h.fake.fail('chat.postEphemeral', { error: 'channel_not_found', times: 1 });
    await h.send.event(envelope(mention('hello?')));
    await settle(300);
    const result = await h.send.command(commandFields({ command: '/help', responseUrl: h.fake.responseUrl('after-errors') }));
    expect(result.status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'after-errors'));
  });
});
