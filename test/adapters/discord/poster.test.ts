/**
 * The Discord poster (the daily quiz's port) sends a core Reply to a text channel through the
 * REST client, with buttons and no mention parsing, and reports failures to its caller.
 */
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordPoster } from '../../../src/adapters/discord/poster.js';
import { silentLogger } from '../../../src/core/logger.js';
import { heading, reply, text } from '../../../src/core/reply.js';
import { FAKE_CHANNEL_ID, startFakeDiscord, type FakeDiscord } from '../../fakes/discord-server.js';

let fake: FakeDiscord;
let poster: ReturnType<typeof createDiscordPoster>;
beforeAll(async () => {
  fake = await startFakeDiscord();
  poster = createDiscordPoster(new REST({ api: fake.apiUrl, retries: 1 }).setToken('fake-bot-token'), silentLogger());
});
afterAll(async () => fake.close());

const question = reply([heading('Daily quiz'), text('Which of these is one of the nine protected characteristics? @everyone')], {
  buttons: [[{ id: 'daily:slot-1:0', label: 'Age' }, { id: 'daily:slot-1:1', label: 'Postcode' }]],
});
const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'));

describe('Discord poster', () => {
  it('posts a reply with its buttons to the channel behind an opaque id, pinging nobody', async () => {
    await poster.post(`discord:${FAKE_CHANNEL_ID}`, question);
    const [post] = posts();
    expect(post!.path).toBe(`/channels/${FAKE_CHANNEL_ID}/messages`);
    expect(post!.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post!.body.embeds[0].title).toBe('Daily quiz');
    expect(post!.body.embeds[0].description).toContain('@\u200beveryone');
    expect(post!.body.components[0].components.map((b: { custom_id: string }) => b.custom_id)).toEqual(['daily:slot-1:0', 'daily:slot-1:1']);
  });

  it('refuses ids that are not Discord channels', async () => {
    await expect(poster.post('slack:T1:C1', question)).rejects.toThrow(/Discord channel/);
    await expect(poster.post('discord:general', question)).rejects.toThrow(/Discord channel/);
  });

  it('rejects when Discord refuses, so the scheduler knows the post did not happen', async () => {
    fake.fail('POST', /^\/channels\/\d+\/messages$/, { status: 403, body: { message: 'Missing Access', code: 50001 } });
    await expect(poster.post(FAKE_CHANNEL_ID, question)).rejects.toMatchObject({ status: 403 });
  });

  it('falls back to plain text with the buttons when the rendered body is rejected', async () => {
    fake.fail('POST', /^\/channels\/\d+\/messages$/, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const before = posts().length;
    await poster.post(FAKE_CHANNEL_ID, question);
    const plain = posts()[before + 1]!;
    expect(plain.body.content).toContain('Which of these is one of the nine protected characteristics?');
    expect(plain.body.components[0].components).toHaveLength(2);
  });
});
