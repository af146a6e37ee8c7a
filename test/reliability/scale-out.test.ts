/**
 * Several instances on one Redis never double-answer: two Slack apps behind one endpoint given
 * the same events, two Discord clients receiving the same interactions, two daily-quiz
 * schedulers ticking the same slots, and one user's rate limit counted across both instances.
 * Each instance has its own dependencies (its own connection, metrics and limiter), as two
 * processes would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/start.js';
import { startSlack, type SlackHandle } from '../../src/adapters/slack/start.js';
import { runCommand } from '../../src/core/commands/dispatch.js';
import { getQuizBank } from '../../src/core/quiz/bank/build-bank.js';
import type { DailyQuizPoster } from '../../src/core/quiz/daily/post.js';
import { createDailyQuizScheduler } from '../../src/core/quiz/daily/scheduler.js';
import { toPlainText, type Reply } from '../../src/core/reply.js';
import { createStores } from '../../src/core/store/create-stores.js';
import { envelope, mention } from '../adapters/slack/payloads.js';
import { FAKE_APP_ID, startFakeDiscord } from '../fakes/discord-server.js';
import { slackSender, startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { hasRedisServer, startRedis, type RunningRedis } from '../helpers/redis-server.js';
import { testContext, testDeps, type TestDeps } from '../helpers/test-deps.js';

const SECRET = 'scale-out-signing-secret';

describe.runIf(hasRedisServer())('two instances on one Redis', () => {
  let redis: RunningRedis;
  const opened: TestDeps[] = [];
  /** A fresh instance: its own Redis connection, metrics and rate limiter. */
  const instance = async (env: Record<string, string> = {}) => {
    const deps = await testDeps({ stores: await createStores(redis.url) }, env);
    opened.push(deps);
    return deps;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(opened.map((deps) => deps.stores.close()));
    await redis.stop();
  });

  describe('Slack', () => {
    let fake: FakeSlackApi;
    const apps: SlackHandle[] = [];
    beforeAll(async () => {
      fake = await startFakeSlackApi();
    });
    afterAll(async () => {
      await Promise.all(apps.map((app) => app.stop()));
      await fake.close();
    });

    it('answers each event once when both instances receive it, retries included', async () => {
      const senders: Array<ReturnType<typeof slackSender>> = [];
      for (let i = 0; i < 2; i++) {
        const deps = await instance({ SLACK_BOT_TOKEN: 'xoxb-scale', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
        const app = await startSlack(deps, { port: 0, host: '127.0.0.1', botId: 'B0BOT', botUserId: 'U0BOT' });
        apps.push(app);
        senders.push(slackSender(`http://127.0.0.1:${(app.server!.address() as { port: number }).port}/slack/events`, SECRET));
      }
      const events = Array.from({ length: 25 }, (_, i) => envelope(mention(`<@U0BOT> What does LASS stand for? (${i})`, { ts: `1767601000.${1000 + i}` })));
      // Both instances get every event at once, and Slack retries each one to the other instance.
      const deliveries = events.flatMap((event) => [senders[0]!.event(event), senders[1]!.event(event), senders[1]!.event(event, { retryNum: 1 })]);
      expect((await Promise.all(deliveries)).every((d) => d.status === 200)).toBe(true);
      await fake.waitFor(() => fake.callsTo('chat.postMessage').length >= 25, 15_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const threads = fake.callsTo('chat.postMessage').map((call) => call.body.thread_ts);
      expect(threads).toHaveLength(25);
      expect(new Set(threads).size).toBe(25);
      const dedupe = await Promise.all(opened.slice(-2).map(async (deps) => (await deps.metrics.dedupeHits.get()).values[0]?.value ?? 0));
      expect(dedupe[0]! + dedupe[1]!).toBe(50);
    }, 40_000);
  });

  it('answers each Discord interaction once when both gateway connections receive it', async () => {
    const fake = await startFakeDiscord();
    const env = { DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: FAKE_APP_ID, DISCORD_API_URL: fake.apiUrl };
    const runtimes = [await startDiscord(await instance(env)), await startDiscord(await instance(env))];
    try {
      // The fake sends every dispatch to every connected client, as two sessions would get it.
      const tokens = Array.from({ length: 10 }, () => fake.command('help'));
      await Promise.all(tokens.map((token) => fake.waitFor((r) => r.path.includes(`/${token}/callback`))));
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const token of tokens) expect(fake.forToken(token).filter((r) => r.path.includes('/callback'))).toHaveLength(1);
    } finally {
      await Promise.all(runtimes.map((r) => r.stop()));
      await fake.close();
    }
  }, 40_000);

  it('posts each daily-quiz slot once when both schedulers tick it', async () => {
    const env = { DAILY_QUIZ_CHANNEL_ID: 'discord:700000000000000009', DAILY_QUIZ_CRON: '0 9 * * 1-5', DAILY_QUIZ_TZ: 'Europe/London' };
    const posts: Reply[] = [];
    const poster: DailyQuizPoster = { post: async (_channel, reply) => void posts.push(reply) };
    const schedulers = [];
    const clocks = [];
    for (let i = 0; i < 2; i++) {
      const deps = await instance(env);
      clocks.push(deps.clock);
      schedulers.push(createDailyQuizScheduler({ deps, bank: getQuizBank(deps.knowledge), poster }));
    }
    try {
      for (const day of ['2026-01-05', '2026-01-06', '2026-01-07']) {
        for (const clock of clocks) clock.set(`${day}T09:00:02Z`);
        await Promise.all(schedulers.flatMap((s) => [s.tick(), s.tick()]));
      }
      // One message per slot (from the second slot on, the previous results come with the question).
      expect(posts).toHaveLength(3);
      expect(posts.map((reply) => /Daily question · (\w+)/.exec(toPlainText(reply))?.[1])).toEqual(['Monday', 'Tuesday', 'Wednesday']);
    } finally {
      for (const s of schedulers) s.stop();
    }
  });

  it('counts one user’s rate limit across both instances', async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '6' };
    const [a, b] = [await instance(env), await instance(env)];
    const context = testContext({ userId: 'slack:T1:URATE' });
    const replies = [];
    for (let i = 0; i < 10; i++) replies.push(toPlainText(await runCommand('help', {}, context, i % 2 === 0 ? a : b)));
    const limited = replies.filter((text) => /faster than I can keep up with/.test(text));
    expect(limited).toHaveLength(4);
    expect(replies.slice(0, 6).every((text) => /Service Coach/.test(text))).toBe(true);
    // Another user is not affected.
    expect(toPlainText(await runCommand('help', {}, testContext({ userId: 'slack:T1:UOTHER' }), b))).toMatch(/Service Coach/);
  });
});
