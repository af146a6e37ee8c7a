/**
 * `npm start` as operators run it (the app's own process): Discord only, so /healthz, /readyz and
 * /metrics are on PORT from our own server; SIGTERM stops taking work, lets an answer that is
 * waiting on a slow LLM finish, closes the store and exits 0, well within the grace period.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../adapters/discord/harness.js';
import { FAKE_APP_ID, startFakeDiscord, type FakeDiscord } from '../fakes/discord-server.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { freePort } from '../helpers/redis-server.js';

const ROOT = resolve(import.meta.dirname, '../..');
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
    const env = {
      PATH: process.env.PATH ?? '',
      SERVICE_COACH_SKIP_DOTENV: '1',
      STORE_URL: `sqlite://${join(dir, 'coach.sqlite')}`,
      LOG_LEVEL: 'info',
      PORT: String(port),
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_APPLICATION_ID: FAKE_APP_ID,
      DISCORD_API_URL: discord.apiUrl,
      ...openai.env(),
    };
    const loader = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, join(ROOT, 'src/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    try {
      await until(() => stderr.includes('"msg":"discord ready"') && stderr.includes('"msg":"health endpoints listening"'), 25_000);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready', store: 'ok', storeKind: 'sqlite', llm: 'closed' });
      expect(await (await fetch(`${base}/metrics`)).text()).toContain('coach_process_resident_memory_bytes');

      // A slow LLM: the answer is still being written when SIGTERM arrives.
      openai.onChat(() => ({ delayMs: 1500, json: { answer: 'LASS: Listen, Apologise, Solve, Say thank you.', sources: [1] } }));
      const token = discord.command('ask', [{ name: 'question', type: 3, value: 'What does LASS stand for?' }]);
      await discord.waitFor((r) => r.path.includes(`/${token}/callback`));
      const signalled = Date.now();
      child.kill('SIGTERM');
      const edit = await discord.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${token}`), 10_000);
      expect(JSON.stringify(edit.body)).toContain('Listen, Apologise');
      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(stderr).toContain('"msg":"shutting down"');
      expect(stderr).toContain('"msg":"discord stopped"');
      expect(stderr).not.toContain('grace period over');
      expect(stderr).not.toContain('unhandled');
      // The health server is gone with the process.
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } catch (error) {
      throw new Error(`${String(error)}\n${stderr.slice(-3000)}`);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
