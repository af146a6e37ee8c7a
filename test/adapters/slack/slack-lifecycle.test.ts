/**
 * Starting and stopping Slack: the token check at start-up, extra HTTP routes for health and
 * metrics, and a graceful stop that lets answers in progress finish.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../../src/adapters/slack/app.js';
import { SlackStartError, startSlack } from '../../../src/adapters/slack/start.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import { createStores } from '../../../src/core/store/create-stores.js';
import { testDeps } from '../../helpers/test-deps.js';
import { commandFields, directMessage, envelope } from './payloads.js';
import { BOT_TOKEN, SIGNING_SECRET, startSlackHarness } from './harness.js';
import { installTestCommands } from './test-commands.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeApi(): Promise<FakeSlackApi> {
  const fake = await startFakeSlackApi();
  cleanups.push(() => fake.close());
  return fake;
}

describe('starting Slack', () => {
  it('refuses to build the app without Slack settings', async () => {
    expect(() => createSlackApp(testDepsSync())).toThrow(/SLACK_BOT_TOKEN/);
  });

  it('stops start-up with a clear error when Slack rejects the bot token', async () => {
    const fake = await fakeApi();
    fake.fail('auth.test', { error: 'invalid_auth' });
    const deps = await testDeps({}, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    const started = startSlack(deps, { port: 0, host: '127.0.0.1' });
    await expect(started).rejects.toBeInstanceOf(SlackStartError);
    await expect(started).rejects.toThrow(/SLACK_BOT_TOKEN \(invalid_auth\)/);
  });

  it('serves extra routes (health, metrics) next to /slack/events', async () => {
    const fake = await fakeApi();
    const deps = await testDeps({}, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    const slack = await startSlack(deps, {
      port: 0,
      host: '127.0.0.1',
      customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') }],
    });
    cleanups.push(() => slack.stop());
    const { port } = slack.server!.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
    expect(slack.mode).toBe('http');
  });
});

describe('stopping Slack', () => {
  it('finishes the answer in progress before stop() resolves', async () => {
    const restore = installTestCommands();
    cleanups.push(restore);
    const h = await startSlackHarness();
    cleanups.push(async () => {
      await h.fake.close();
      await h.deps.stores.close();
    });
    await h.send.command(commandFields({ command: '/slow-echo', text: 'bye', responseUrl: h.fake.responseUrl('last') }));
    expect(h.slack.inFlight()).toBe(1);
    await h.slack.stop();
    expect(h.fake.responses.map((r) => r.tag)).toContain('last');
    expect(h.slack.inFlight()).toBe(0);
  });
});

function testDepsSync() {
  return { config: { slack: null } } as unknown as Parameters<typeof createSlackApp>[0];
}

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('connects through apps.connections.open and handles events and commands over the socket', async () => {
    const restore = installTestCommands({ recordAsk: true });
    cleanups.push(restore);
    const fake = await fakeApi();
    const deps = await testDeps({}, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-test', SLACK_API_URL: fake.apiUrl });
    const slack = await startSlack(deps);
    cleanups.push(() => slack.stop());
    expect(slack.mode).toBe('socket');
    expect(slack.server).toBeUndefined();
    expect(fake.callsTo('apps.connections.open')[0]!.token).toBe('xapp-1-test');
    await fake.waitFor(() => fake.socket.connections() === 1);

    const eventId = fake.socket.push('events_api', envelope(directMessage('what is an external customer?')));
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length === 1);
    expect(fake.socket.acks.map((a) => a.envelope_id)).toContain(eventId);
    expect(fake.callsTo('chat.postMessage')[0]!.body.text).toContain('Answer to: what is an external customer?');

    const commandId = fake.socket.push('slash_commands', commandFields({ command: '/help', responseUrl: fake.responseUrl('socket-help') }));
    await fake.waitFor(() => fake.responses.some((r) => r.tag === 'socket-help'));
    expect(fake.socket.acks.map((a) => a.envelope_id)).toContain(commandId);
  });
});

describe('a store outage', () => {
  it('still answers events when the event claim cannot be made (a rare duplicate beats silence)', async () => {
    const restore = installTestCommands({ recordAsk: true });
    cleanups.push(restore);
    const stores = await createStores('memory://');
    stores.claim = async () => {
      throw new Error('store down');
    };
    const h = await startSlackHarness({ stores });
    cleanups.push(() => h.close());
    await h.send.event(envelope(directMessage('are you there?')));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1);
  });
});
