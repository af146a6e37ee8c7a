/**
 * `npm start` with DISCORD_TOKEN set runs the Discord bot: the app's own process logs in to the
 * fake Discord, answers /help, posts the daily question on a seconds-level schedule, and shuts
 * down cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_APP_ID, FAKE_CHANNEL_ID, startFakeDiscord, type FakeDiscord } from '../../fakes/discord-server.js';
import { until } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../../..');
let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => fake.close());

describe('npm start with Discord configured', () => {
  it('connects, answers a slash command, posts the daily question and stops on SIGTERM', async () => {
    const env = {
      PATH: process.env.PATH ?? '',
      SERVICE_COACH_SKIP_DOTENV: '1',
      STORE_URL: 'memory://',
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_APPLICATION_ID: FAKE_APP_ID,
      DISCORD_API_URL: fake.apiUrl,
      // A seconds-level schedule, so the daily question is due as soon as the bot starts.
      DAILY_QUIZ_CHANNEL_ID: FAKE_CHANNEL_ID,
      DAILY_QUIZ_CRON: '* * * * * *',
    };
    // The app's own process (npm and the tsx CLI would relay the signal through extra processes).
    const loader = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, join(ROOT, 'src/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    try {
      await until(() => stderr.includes('"msg":"discord ready"'), 25_000);
      const token = fake.command('help');
      const callback = await fake.waitFor((r) => r.path.includes(`/${token}/callback`));
      expect(callback.body.data.embeds[0].title).toContain('Service Coach');
      const daily = await fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${FAKE_CHANNEL_ID}/messages`, 10_000);
      expect(daily.body.embeds[0].title).toMatch(/^Daily question · /);
      expect(daily.body.components[0].components[0].custom_id).toMatch(/^qd:/);
      expect(daily.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toContain('"msg":"discord stopped"');
      expect(stderr).not.toContain('fake-bot-token');
    } catch (error) {
      throw new Error(`${String(error)}\n${stderr.slice(-3000)}`);
    } finally {
      child.kill('SIGKILL');
    }
  }, 45_000);
});
