/**
 * /healthz, /readyz and /metrics: on our own small server (Discord-only and Socket Mode) and next
 * to /slack/events in Slack's HTTP mode. Readiness follows the store; the LLM circuit is reported
 * but never makes the instance unready. Metrics include requests, latency and the LLM's calls and
 * fallbacks (wired from llm.onEvent).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack } from '../../src/adapters/slack/start.js';
import { runCommand } from '../../src/core/commands/dispatch.js';
import { healthRoutes, startHealthServer, type HealthServer } from '../../src/core/health.js';
import type { Stores } from '../../src/core/store/create-stores.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { startFakeSlackApi } from '../fakes/slack-api.js';
import { testContext, testDeps, type TestDeps } from '../helpers/test-deps.js';

/** The memory store with a switch that makes it stop answering. */
function switchableStores(inner: Stores) {
  let down = false;
  const stores = new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'ping') return () => (down ? Promise.reject(new Error('connection refused')) : target.ping());
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { stores, setDown: (value: boolean) => void (down = value) };
}

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
};

describe('health endpoints on their own server', () => {
  let openai: FakeOpenAI;
  let deps: TestDeps;
  let server: HealthServer;
  let base: string;
  let storeSwitch: ReturnType<typeof switchableStores>;

  beforeAll(async () => {
    openai = await startFakeOpenAI();
    const plain = await testDeps();
    storeSwitch = switchableStores(plain.stores);
    deps = await testDeps({ stores: storeSwitch.stores }, openai.env());
    server = await startHealthServer(healthRoutes(deps), 0, '127.0.0.1');
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    await openai.close();
  });

  it('/healthz says the process is up', async () => {
    const health = await get(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.text)).toMatchObject({ status: 'ok' });
  });

  it('/readyz follows the store, and recovers with it', async () => {
    expect(JSON.parse((await get(`${base}/readyz`)).text)).toEqual({ status: 'ready', store: 'ok', storeKind: 'memory', llm: 'closed' });
    storeSwitch.setDown(true);
    const down = await get(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toMatchObject({ status: 'unavailable', store: 'unavailable' });
    storeSwitch.setDown(false);
    expect((await get(`${base}/readyz`)).status).toBe(200);
  });

  it('/metrics serves Prometheus text with requests, latency, LLM calls and fallbacks; an open LLM circuit stays ready', async () => {
    const context = testContext();
    // Nothing scripted: the fake OpenAI answers 500, so every ask falls back offline and the circuit opens.
    for (let i = 0; i < 4; i++) await runCommand('ask', { question: 'What does LASS stand for?' }, context, deps);
    const metrics = await get(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.text).toMatch(/coach_requests_total\{surface="terminal",command="ask",outcome="ok"\} 4/);
    expect(metrics.text).toMatch(/coach_request_duration_seconds_bucket\{le="[\d.]+",surface="terminal",command="ask"\} \d+/);
    expect(metrics.text).toMatch(/coach_llm_calls_total\{outcome="error",reason="http_error"\} \d+/);
    expect(metrics.text).toMatch(/coach_llm_calls_total\{outcome="circuit_open",reason="http_error"\} 1/);
    expect(metrics.text).toMatch(/coach_fallbacks_total\{feature="ask",reason="(http_error|circuit_open)"\} \d+/);
    const ready = await get(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({ status: 'ready', llm: 'open' });
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    expect((await get(`${base}/`)).status).toBe(404);
    expect((await get(`${base}/slack/events`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});

describe('health endpoints next to Slack in HTTP mode', () => {
  it('serves all three on the Slack port, beside /slack/events', async () => {
    const fake = await startFakeSlackApi();
    const deps = await testDeps({}, { SLACK_BOT_TOKEN: 'xoxb-health', SLACK_SIGNING_SECRET: 'health-secret', SLACK_API_URL: fake.apiUrl });
    const slack = await startSlack(deps, { port: 0, host: '127.0.0.1', botId: 'B0BOT', botUserId: 'U0BOT', customRoutes: healthRoutes(deps) });
    try {
      const base = `http://127.0.0.1:${(slack.server!.address() as { port: number }).port}`;
      expect((await get(`${base}/healthz`)).status).toBe(200);
      expect(JSON.parse((await get(`${base}/readyz`)).text)).toMatchObject({ status: 'ready', llm: 'off' });
      expect((await get(`${base}/metrics`)).text).toContain('# TYPE coach_requests_total counter');
      // Unsigned requests to the Slack endpoint are still refused.
      expect((await fetch(`${base}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(401);
    } finally {
      await slack.stop();
      await fake.close();
    }
  });
});
