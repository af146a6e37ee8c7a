/**
 * Starting the Discord adapter fails clearly, naming the setting to check, and leaves nothing
 * running behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../../src/adapters/discord/start.js';
import { FAKE_APP_ID, startFakeDiscord, type FakeDiscord } from '../../fakes/discord-server.js';
import { testDeps } from '../../helpers/test-deps.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => fake.close());

describe('starting Discord', () => {
  it('says what to set when Discord is not configured', async () => {
    await expect(startDiscord(await testDeps())).rejects.toThrow(/set DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
  });

  it('names DISCORD_TOKEN, never its value, when Discord rejects it', async () => {
    fake.fail('GET', /^\/gateway\/bot$/, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
    const deps = await testDeps({}, { DISCORD_TOKEN: 'revoked-token', DISCORD_APPLICATION_ID: FAKE_APP_ID, DISCORD_API_URL: fake.apiUrl });
    const failure = await startDiscord(deps).then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.message).toMatch(/Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
    expect(failure?.message).not.toContain('revoked-token');
    expect(fake.identifies).toBe(0);
  });

  it('names the address when Discord cannot be reached', async () => {
    const deps = await testDeps({}, { DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: FAKE_APP_ID, DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    await expect(startDiscord(deps)).rejects.toThrow(/Could not connect to Discord at http:\/\/127\.0\.0\.1:9\/api/);
  });
});
