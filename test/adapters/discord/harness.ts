/**
 * Runs the real adapter (`startDiscord`) against the fake Discord, with real in-memory deps and a
 * logger whose lines the test can read (to check that failures are logged with ids only).
 */
import { createLogger } from '../../../src/core/logger.js';
import type { Deps } from '../../../src/core/deps.js';
import { startDiscord, type DiscordRuntime } from '../../../src/adapters/discord/start.js';
import { FAKE_APP_ID, startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../../fakes/discord-server.js';
import { testDeps, type TestDeps } from '../../helpers/test-deps.js';

export interface Harness {
  fake: FakeDiscord;
  deps: TestDeps;
  discord: DiscordRuntime;
  /** Every log line written so far, parsed. */
  logs: Array<Record<string, unknown>>;
  /** The interaction callback (the first response) for a token. */
  callback(token: string): Promise<RecordedRequest>;
  /** The first webhook call (edit, follow-up, delete) for a token matching the method. */
  webhook(token: string, method: 'PATCH' | 'POST' | 'DELETE'): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/**
 * @param overrides dependencies to replace (the logger is always the capturing one unless given)
 * @param env extra configuration, e.g. DAILY_QUIZ_CHANNEL_ID
 */
export async function startHarness(overrides: Partial<Deps> = {}, env: Record<string, string> = {}): Promise<Harness> {
  const fake = await startFakeDiscord();
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const deps = await testDeps(
    { logger, ...overrides },
    { DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: FAKE_APP_ID, DISCORD_API_URL: fake.apiUrl, ...env },
  );
  const discord = await startDiscord(deps);
  return {
    fake,
    deps,
    discord,
    logs,
    callback: (token) => fake.waitFor((r) => r.method === 'POST' && r.path.startsWith('/interactions/') && r.path.includes(`/${token}/`)),
    webhook: (token, method) => fake.waitFor((r) => r.method === method && r.path.startsWith('/webhooks/') && r.path.includes(`/${token}`)),
    async close() {
      await discord.stop();
      await fake.close();
      await deps.stores.close();
    },
  };
}

/** Resolves after `ms` of real time (the client talks to the fake over real sockets). */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `condition` holds (for state that no HTTP request signals, like a gateway resume). */
export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await pause(20);
  }
}
