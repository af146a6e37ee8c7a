/**
 * `npm start` with DISCORD_TOKEN set runs the Discord bot: the app's own process logs in to the
 * fake Discord, answers /help, posts the daily question on a seconds-level schedule, and shuts
 * down cleanly on SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_APP_ID, FAKE_CHANNEL_ID, startFakeDiscord, type FakeDiscord } from '../../fakes/discord-server.js';
import { startMainProcess } from '../../helpers/main-process.js';
import { until } from './harness.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => fake.close());

describe('npm start with Discord configured', () => {
  it('connects, answers a slash command, posts the daily question and stops on SIGTERM', async () => {
    const app = startMainProcess({
      STORE_URL: 'memory://',
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_APPLICATION_ID: FAKE_APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      // A seconds-level schedule, so the daily question is due as soon as the bot starts.
      DAILY_QUIZ_CHANNEL_ID: FAKE_CHANNEL_ID,
      DAILY_QUIZ_CRON: '* * * * * *',
    });
    const { child } = app;
    try {
      await until(() => app.log.includes('"msg":"discord ready"'), 25_000);
      const token = fake.command('help');
      const callback = await fake.waitFor((r) => r.path.includes(`/${token}/callback`));
      expect(callback.body.data.embeds[0].title).toContain('Service Coach');
      const daily = await fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${FAKE_CHANNEL_ID}/messages`, 10_000);
      expect(daily.body.embeds[0].title).toMatch(/^Daily question · /);
      expect(daily.body.components[0].components[0].custom_id).toMatch(/^qd:/);
      expect(daily.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      expect(app.log).toContain('"msg":"discord stopped"');
      expect(app.log).not.toContain('fake-bot-token');
    } catch (error) {
      throw new Error(`${String(error)}\n${app.log.slice(-3000)}`);
    } finally {
      child.kill('SIGKILL');
    }
  }, 45_000);
});
