/**
 * Personal data and secrets never reach the logs from the Slack surfaces, even at trace level
 * and when Slack calls fail.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formCallbackId } from '../../../src/adapters/slack/render.js';
import { createLogger } from '../../../src/core/logger.js';
import { buttonClick, commandFields, directMessage, envelope, formSubmission, mention, messageShortcut } from './payloads.js';
import { BOT_TOKEN, SIGNING_SECRET, settle, startSlackHarness, type SlackHarness } from './harness.js';
import { installTestCommands } from './test-commands.js';

const SECRETS = ['Priya Sharma', '4111 1111 1111 1111', 'priya.sharma@example.com', '07700 900123', 'SW1A 1AA'];
const personal = `My name is ${SECRETS[0]}, card ${SECRETS[1]}, email ${SECRETS[2]}, phone ${SECRETS[3]}, postcode ${SECRETS[4]}`;

let h: SlackHarness;
let restore: () => void;
let output = '';

beforeAll(async () => {
  restore = installTestCommands({ recordAsk: true, recordReview: true });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  h = await startSlackHarness({ logger: createLogger('trace', sink) });
});

afterAll(async () => {
  await h.close();
  restore();
});

describe('Slack logs', () => {
  it('hold ids and codes but no message text, personal data or secrets from any surface', async () => {
    await h.send.command(commandFields({ command: '/echo', text: personal, responseUrl: h.fake.responseUrl('c') }));
    await h.send.command(commandFields({ command: '/check-draft', text: personal, responseUrl: h.fake.responseUrl('d') }));
    await h.send.event(envelope(mention(personal)));
    await h.send.event(envelope(directMessage(personal)));
    await h.send.event(envelope(directMessage(personal, { thread_ts: '1767606000.000100' })));
    await h.send.interaction(buttonClick({ value: 'test-pick:x', responseUrl: h.fake.responseUrl('b') }));
    await h.send.interaction(messageShortcut({ text: personal, responseUrl: h.fake.responseUrl('s') }));
    await h.send.interaction(formSubmission({ callbackId: formCallbackId('check-draft'), value: personal }));
    h.fake.fail('chat.postMessage', { status: 429, times: 1 });
    await h.send.event(envelope(mention(personal)));
    await h.send.event(envelope(mention(personal)), { secret: 'wrong-secret' });
    await h.fake.waitFor(() => h.fake.responses.length >= 4 && h.fake.callsTo('chat.postMessage').length >= 5, 10_000);
    await settle(300);

    expect(output).toContain('"surface":"slack"');
    expect(output).toContain("request handled");
    expect(output).toContain("slack reply failed");
    for (const secret of [...SECRETS, BOT_TOKEN, SIGNING_SECRET]) expect(output).not.toContain(secret);
  });
});
