/**
 * REST failures never crash the client: expired interactions and server errors are logged with
 * ids only, rate limits and transient errors are retried by discord.js, a rejected body falls
 * back to plain text, and the next interaction is still answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMANDS } from '../../../src/core/commands/index.js';
import { defineCommand, type CommandDefinition } from '../../../src/core/commands/types.js';
import { GENERIC_APOLOGY } from '../../../src/core/errors.js';
import { heading, reply, text } from '../../../src/core/reply.js';
import { pause, startHarness, until, type Harness } from './harness.js';

const SECRET_WORDS = 'my private question about Mrs Patel';
const slow = defineCommand({
  name: 'test-slow',
  description: 'A slow command',
  options: z.object({ words: z.string().max(200).optional().describe('Words') }),
  parseText: () => ({}),
  visibility: 'public',
  slow: true,
  run: async () => reply([heading('Answer'), text('Done.')]),
});

let h: Harness;
beforeAll(async () => {
  COMMANDS.push(slow as unknown as CommandDefinition);
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  COMMANDS.pop();
});

const callbacks = (token: string) => h.fake.forToken(token).filter((r) => r.path.endsWith('/callback'));

async function helpStillWorks(): Promise<void> {
  const { body } = await h.callback(h.fake.command('help'));
  expect(body.type).toBe(4);
  expect(h.discord.client.isReady()).toBe(true);
}

describe('Discord reliability', () => {
  it('has an error listener on the client, so a client error is never unhandled', () => {
    expect(h.discord.client.listenerCount('error')).toBeGreaterThan(0);
    expect(() => h.discord.client.emit('error', new Error('boom'))).not.toThrow();
  });

  it('logs an expired interaction (404 Unknown interaction) by id and keeps running', async () => {
    h.fake.fail('POST', /\/callback$/, { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    const token = h.fake.command('test-slow', [{ name: 'words', type: 3, value: SECRET_WORDS }]);
    await h.callback(token);
    await pause(200);
    const failure = h.logs.find((line) => line.msg === 'discord interaction failed');
    expect(failure).toMatchObject({ surface: 'discord', kind: 'command', status: 404, code: 10062, interactionId: expect.any(String) });
    // No edit or apology is attempted on an interaction Discord no longer knows.
    expect(h.fake.forToken(token).filter((r) => r.path.startsWith('/webhooks/'))).toEqual([]);
    const logged = JSON.stringify(h.logs);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(SECRET_WORDS);
    expect(logged).not.toContain('fake-bot-token');
    await helpStillWorks();
  });

  it('retries a transient 500 and answers', async () => {
    h.fake.fail('POST', /\/callback$/, { status: 500 });
    const token = h.fake.command('help');
    await until(() => callbacks(token).length === 2);
    await pause(100);
    expect(callbacks(token)).toHaveLength(2);
  });

  it('waits out a 429 with retry-after and then answers', async () => {
    h.fake.fail('POST', /\/callback$/, {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
      headers: { 'retry-after': '0.3', 'x-ratelimit-scope': 'user' },
    });
    const token = h.fake.command('help');
    await until(() => callbacks(token).length === 2, 3000);
    const [limited, answered] = callbacks(token);
    expect(answered).toBeDefined();
    expect(answered!.at - limited!.at).toBeGreaterThanOrEqual(250);
  });

  it('apologises privately when editing the answer keeps failing', async () => {
    h.fake.fail('PATCH', /\/messages\/@original$/, { status: 500, times: 10 });
    const token = h.fake.command('test-slow');
    const apology = await h.webhook(token, 'POST');
    expect(apology.body).toMatchObject({ content: GENERIC_APOLOGY, flags: 64, allowed_mentions: { parse: [] } });
    expect(h.logs.some((line) => line.msg === 'discord interaction failed' && line.status === 500)).toBe(true);
    h.fake.clearFailures();
    await helpStillWorks();
  });

  it('falls back to plain text when Discord rejects the rendered body', async () => {
    h.fake.fail('PATCH', /\/messages\/@original$/, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const token = h.fake.command('test-slow');
    await until(() => h.fake.forToken(token).filter((r) => r.method === 'PATCH').length === 2);
    const [rejected, plain] = h.fake.forToken(token).filter((r) => r.method === 'PATCH');
    expect(rejected!.body.embeds).toHaveLength(1);
    expect(plain!.body).toMatchObject({ content: 'Answer\n\nDone.', embeds: [], allowed_mentions: { parse: [] } });
  });

  it('logs a gateway drop and leaves reconnecting to discord.js', async () => {
    const identifies = h.fake.identifies;
    h.fake.dropConnections();
    await until(() => h.fake.identifies > identifies || h.fake.resumes > 0, 10_000);
    expect(h.logs.some((line) => line.msg === 'discord gateway disconnected' || line.msg === 'discord gateway reconnecting')).toBe(true);
    await helpStillWorks();
  });

  it('stops gracefully: the answer in flight is delivered, then the client disconnects', async () => {
    const token = h.fake.command('test-slow');
    await h.callback(token);
    await h.discord.stop();
    expect((await h.webhook(token, 'PATCH')).body.embeds[0].title).toBe('Answer');
    expect(h.discord.client.isReady()).toBe(false);
    expect(h.logs.some((line) => line.msg === 'discord stopped')).toBe(true);
  });
});
