/**
 * `npm start` as operators run it (the app's own process): Discord only, so /healthz, /readyz and
 * /metrics are on PORT from our own server; SIGTERM stops taking work, lets an answer that is
 * waiting on a slow LLM finish, closes the store and exits 0, well within the grace period. And
 * two instances with the same configuration on one Redis: one holds the Discord gateway, the
 * other takes over when it stops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../adapters/discord/harness.js';
import { FAKE_APP_ID, startFakeDiscord, type FakeDiscord } from '../fakes/discord-server.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { startMainProcess } from '../helpers/main-process.js';
import { freePort, hasRedisServer, startRedis } from '../helpers/redis-server.js';

let discord: FakeDiscord;
let openai: FakeOpenAI;
const dir = mkdtempSync(join(tmpdir(), 'coach-npm-start-'));

beforeAll(async () => {
  discord = await startFakeDiscord();
  openai = await startFakeOpenAI();
});
afterAll(async () => {
  await discord.close();
  await openai.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start (Discord only)', () => {
  it('serves health endpoints on PORT and drains an in-flight answer on SIGTERM', async () => {
    const port = await freePort();
    const app = startMainProcess({
      STORE_URL: `sqlite://${join(dir, 'coach.sqlite')}`,
      PORT: String(port),
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_APPLICATION_ID: FAKE_APP_ID,
      DISCORD_API_URL: discord.apiUrl,
      ...openai.env(),
    });
    const { child } = app;
    try {
      await until(() => app.log.includes('"msg":"discord ready"') && app.log.includes('"msg":"health endpoints listening"'), 25_000);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready', store: 'ok', storeKind: 'sqlite', llm: 'closed' });
      expect(await (await fetch(`${base}/metrics`)).text()).toContain('coach_process_resident_memory_bytes');
      // The quiz bank, then Ask's models and the reviewer warm up in the background, so no first use waits.
      await until(() => app.log.includes('"msg":"ask and reviewer warmed up"'), 15_000);

      // A slow LLM: the answer is still being written when SIGTERM arrives.
      openai.onChat(() => ({ delayMs: 1500, json: { answer: 'LASS: Listen, Apologise, Solve, Say thank you.', sources: [1] } }));
      const token = discord.command('ask', [{ name: 'question', type: 3, value: 'What does LASS stand for?' }]);
      await discord.waitFor((r) => r.path.includes(`/${token}/callback`));
      const signalled = Date.now();
      child.kill('SIGTERM');
      const edit = await discord.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${token}`), 10_000);
      expect(JSON.stringify(edit.body)).toContain('Listen, Apologise');
      expect(await app.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(app.log).toContain('"msg":"shutting down"');
      expect(app.log).toContain('"msg":"discord stopped"');
      expect(app.log).not.toContain('grace period over');
      expect(app.log).not.toContain('unhandled');
      // The health server is gone with the process.
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } catch (error) {
      throw new Error(`${String(error)}\n${app.log.slice(-3000)}`);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});

describe.runIf(hasRedisServer())('npm start: two instances, one Redis, the same configuration', () => {
  it('runs one Discord gateway; the other instance takes over when the first stops', async () => {
    const redis = await startRedis();
    const env = { STORE_URL: redis.url, DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: FAKE_APP_ID, DISCORD_API_URL: discord.apiUrl };
    const a = startMainProcess({ ...env, PORT: String(await freePort()) });
    const b = startMainProcess({ ...env, PORT: String(await freePort()) });
    const ready = (log: string) => log.includes('"msg":"discord ready"');
    const waiting = (log: string) => log.includes('waiting to take over');
    try {
      await until(() => (ready(a.log) && waiting(b.log)) || (ready(b.log) && waiting(a.log)), 30_000);
      const [holder, standby] = ready(a.log) ? [a, b] : [b, a];
      const identifies = discord.identifies;
      holder.child.kill('SIGTERM');
      expect(await holder.exited).toBe(0);
      // The lease is released on a clean stop: the standby connects at its next check (10 s at most).
      await until(() => ready(standby.log), 15_000);
      expect(discord.identifies).toBe(identifies + 1);
      const token = discord.command('help');
      await discord.waitFor((r) => r.path.includes(`/${token}/callback`));
      standby.child.kill('SIGTERM');
      expect(await standby.exited).toBe(0);
    } catch (error) {
      throw new Error(`${String(error)}\nA: ${a.log.slice(-1500)}\nB: ${b.log.slice(-1500)}`);
    } finally {
      a.child.kill('SIGKILL');
      b.child.kill('SIGKILL');
      await redis.stop();
    }
  }, 70_000);
});
