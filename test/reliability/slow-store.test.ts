/**
 * A store that hangs (a frozen redis-server) must not hold a Slack acknowledgement or a Discord
 * defer: both platforms give up after 3 seconds. The answers still arrive, and quiz commands say
 * they are unavailable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack } from '../../src/adapters/slack/start.js';
import { STORE_UNAVAILABLE_MESSAGE } from '../../src/core/commands/dispatch.js';
import { createStores } from '../../src/core/store/create-stores.js';
import { commandFields, envelope, mention } from '../adapters/slack/payloads.js';
import { startHarness } from '../adapters/discord/harness.js';
import { slackSender, startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { hasRedisServer } from '../helpers/redis-server.js';
import { testDeps } from '../helpers/test-deps.js';
import { controlledRedis, type ControlledRedis } from './redis-control.js';

const SECRET = 'slow-store-signing-secret';

describe.runIf(hasRedisServer())('a hung store', () => {
  let redis: ControlledRedis;
  let fake: FakeSlackApi;
  beforeAll(async () => {
    redis = await controlledRedis();
    fake = await startFakeSlackApi();
  });
  afterAll(async () => {
    redis.thaw();
    await redis.stop();
    await fake.close();
  });

  it('does not delay Slack acknowledgements; the answer and the quiz notice still arrive', async () => {
    const deps = await testDeps({ stores: await createStores(redis.url) }, { SLACK_BOT_TOKEN: 'xoxb-slow', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
    const slack = await startSlack(deps, { port: 0, host: '127.0.0.1', botId: 'B0BOT', botUserId: 'U0BOT' });
    const address = slack.server!.address() as { port: number };
    const send = slackSender(`http://127.0.0.1:${address.port}/slack/events`, SECRET);
    redis.freeze();
    try {
      const quiz = await send.command(commandFields({ command: '/quiz', text: '', responseUrl: fake.responseUrl('quiz') }));
      const event = await send.event(envelope(mention('<@U0BOT> What does LASS stand for?')));
      expect([quiz.status, event.status]).toEqual([200, 200]);
      // Waiting for the frozen store would take at least the 1-second claim timeout.
      expect(quiz.ms).toBeLessThan(900);
      expect(event.ms).toBeLessThan(900);
      await fake.waitFor(() => fake.responses.some((r) => r.tag === 'quiz') && fake.callsTo('chat.postMessage').length > 0, 8000);
      expect(JSON.stringify(fake.responses.find((r) => r.tag === 'quiz')!.body)).toContain("I can't reach my saved data right now");
      expect(JSON.stringify(fake.callsTo('chat.postMessage')[0]!.body)).toMatch(/Listen/);
    } finally {
      redis.thaw();
      await slack.stop();
      await deps.stores.close();
    }
  }, 30_000);

  it('does not delay the Discord defer past the 3-second deadline', async () => {
    const h = await startHarness({ stores: await createStores(redis.url) });
    redis.freeze();
    try {
      const sent = Date.now();
      const token = h.fake.command('ask', [{ name: 'question', type: 3, value: 'What does LASS stand for?' }]);
      const callback = await h.callback(token);
      expect(callback.body.type).toBe(5);
      expect(callback.at - sent).toBeLessThan(2000);
      const edit = await h.webhook(token, 'PATCH');
      expect(JSON.stringify(edit.body)).toMatch(/Listen/);
      const quiz = h.fake.command('quiz');
      const quizReply = await h.callback(quiz);
      expect(JSON.stringify(quizReply.body)).toContain(STORE_UNAVAILABLE_MESSAGE.slice(0, 40));
    } finally {
      redis.thaw();
      await h.close();
    }
  }, 30_000);
});
