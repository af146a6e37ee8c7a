/**
 * The real discord.js client against the fake Discord: slash commands, buttons and modals go
 * through the core and come back as interaction callbacks and webhook edits that Discord accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACTIONS, COMMANDS } from '../../../src/core/commands/index.js';
import { defineCommand, type ActionDefinition, type CommandDefinition } from '../../../src/core/commands/types.js';
import { heading, notice, quote, reply, text } from '../../../src/core/reply.js';
import { MANAGE_GUILD } from '../../fakes/discord-server.js';
import { pause, startHarness, type Harness } from './harness.js';

const EPHEMERAL = 64;

// Test-only commands and actions, registered the way features register theirs: the adapter is
// generic over the core lists, so these exercise exactly the paths ask, quiz and review use.
const whoami = defineCommand({
  name: 'test-whoami',
  description: 'Echoes the context the adapter built',
  options: z.object({}),
  parseText: () => ({}),
  visibility: 'private',
  slow: false,
  run: async (_options, context) => reply([text(JSON.stringify(context))], { ephemeral: true }),
});
const slowPrivate = defineCommand({
  name: 'test-think',
  description: 'A slow private command (like an LLM call)',
  options: z.object({ topic: z.string().max(200).describe('What to think about') }),
  parseText: (value) => ({ topic: value }),
  visibility: 'private',
  slow: true,
  run: async ({ topic }) => {
    await pause(300);
    return reply([heading('Thought about it'), quote(topic)], { ephemeral: true, citations: [{ source: 'u1.ac1.1', unit: 1, ac: '1.1', title: 'Describe customer service' }] });
  },
});
const slowPublicRefusal = defineCommand({
  name: 'test-refuse',
  description: 'A slow public command whose answer turns out to be private',
  options: z.object({}),
  parseText: () => ({}),
  visibility: 'public',
  slow: true,
  run: async () => notice('Only you should see this refusal.'),
});
const overrun = defineCommand({
  name: 'test-overrun',
  description: 'A quick command that takes longer than expected',
  options: z.object({}),
  parseText: () => ({}),
  visibility: 'public',
  slow: false,
  run: async () => {
    await pause(2600);
    return reply([text('Finally done.')]);
  },
});
const echo = defineCommand({
  name: 'test-echo',
  description: 'Echoes user text publicly',
  options: z.object({ words: z.string().max(500).describe('Words to repeat') }),
  parseText: (value) => ({ words: value }),
  visibility: 'public',
  slow: false,
  run: async ({ words }) => reply([heading(`You said ${words}`), text(words), quote(words)]),
});
const draft = defineCommand({
  name: 'test-draft',
  description: 'Takes a paragraph through a form',
  options: z.object({ draft: z.string().min(1).max(3000).describe('Your reply'), tone: z.enum(['formal', 'friendly']).optional() }),
  parseText: (value) => ({ draft: value }),
  visibility: 'private',
  slow: true,
  form: { command: 'test-draft', title: 'Check a customer reply', field: { name: 'draft', label: 'Your reply to the customer', placeholder: 'Dear Mrs Patel, …', maxLength: 3000, multiline: true } },
  run: async ({ draft: value, tone }) => reply([text(`Feedback on ${value.length} characters (${tone ?? 'any'} tone).`)], { ephemeral: true }),
});
const pick: ActionDefinition = {
  prefix: 'test-pick',
  visibility: 'private',
  slow: false,
  run: async (payload, context) =>
    payload === 'replace'
      ? reply([text('Closed.')], { replaceOriginal: true })
      : reply([text(`${context.userId} picked ${payload}`)], { ephemeral: true }),
};
const slowPick: ActionDefinition = {
  prefix: 'test-slowpick',
  visibility: 'private',
  slow: true,
  run: async (payload) => {
    await pause(200);
    return payload === 'replace' ? reply([text('Replaced later.')], { replaceOriginal: true }) : reply([text('Thought it over.')], { ephemeral: true });
  },
};
const added = [whoami, slowPrivate, slowPublicRefusal, overrun, echo, draft] as unknown as CommandDefinition[];

let h: Harness;
beforeAll(async () => {
  COMMANDS.push(...added);
  ACTIONS.push(pick, slowPick);
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  COMMANDS.splice(COMMANDS.length - added.length, added.length);
  ACTIONS.splice(ACTIONS.indexOf(pick), 2);
});

describe('Discord adapter with the real client', () => {
  it('connects with only the Guilds intent', () => {
    expect(h.discord.client.isReady()).toBe(true);
    expect(h.discord.client.options.intents.toArray()).toEqual(['Guilds']);
  });

  it('answers /help privately with an embed and no mentions', async () => {
    const token = h.fake.command('help');
    const { body } = await h.callback(token);
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds[0].title).toContain('Service Coach');
    expect(body.data.embeds[0].description).toContain('/help');
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('answers a command Discord still shows but the bot no longer has, privately', async () => {
    const { body } = await h.callback(h.fake.command('retired-command'));
    expect(body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/don't know the command "retired-command"/) });
  });

  it('builds opaque ids and admin status from the interaction', async () => {
    const member = JSON.parse((await h.callback(h.fake.command('test-whoami', [], { userId: '600000000000000042' }))).body.data.content);
    expect(member).toMatchObject({ surface: 'discord', userId: 'discord:600000000000000042', scopeId: 'discord:800000000000000001', channelId: 'discord:700000000000000001', conversationId: 'discord:700000000000000001', isAdmin: false });
    const admin = JSON.parse((await h.callback(h.fake.command('test-whoami', [], { permissions: MANAGE_GUILD }))).body.data.content);
    expect(admin.isAdmin).toBe(true);
    const dm = JSON.parse((await h.callback(h.fake.command('test-whoami', [], { guildId: null, channelId: '700000000000000099', userId: '600000000000000007', permissions: MANAGE_GUILD }))).body.data.content);
    expect(dm).toMatchObject({ scopeId: 'discord:dm:600000000000000007', channelId: 'discord:700000000000000099', isAdmin: false });
  });

  it('defers a slow private command as ephemeral, then edits the original', async () => {
    const token = h.fake.command('test-think', [{ name: 'topic', type: 3, value: 'the **LASS** model' }]);
    const deferred = await h.callback(token);
    expect(deferred.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await h.webhook(token, 'PATCH');
    expect(edit.path).toMatch(/\/messages\/@original$/);
    expect(edit.body.embeds[0].title).toBe('Thought about it');
    expect(edit.body.embeds[0].description).toBe('> the \\*\\*LASS\\*\\* model');
    expect(edit.body.embeds[0].footer.text).toBe('Source: Unit 1 · AC 1.1 — Describe customer service');
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(edit.at - deferred.at).toBeGreaterThanOrEqual(250);
  });

  it('swaps a public placeholder for a private follow-up when the answer is private', async () => {
    const token = h.fake.command('test-refuse');
    const deferred = (await h.callback(token)).body;
    expect(deferred.type).toBe(5);
    expect(deferred.data.flags & EPHEMERAL).toBe(0);
    await h.webhook(token, 'DELETE');
    const followUp = await h.webhook(token, 'POST');
    expect(followUp.body.flags).toBe(EPHEMERAL);
    expect(followUp.body.content).toBe('Only you should see this refusal.');
  });

  it('defers a quick command that overruns its budget, well inside three seconds', async () => {
    const started = Date.now();
    const token = h.fake.command('test-overrun');
    const deferred = await h.callback(token);
    expect(deferred.body.type).toBe(5);
    expect(deferred.body.data.flags & EPHEMERAL).toBe(0);
    expect(deferred.at - started).toBeLessThan(2900);
    expect((await h.webhook(token, 'PATCH')).body.content).toBe('Finally done.');
  });

  it('never pings: mention syntax in user text is neutralised and mentions are not parsed', async () => {
    const words = 'hi @everyone and @here, ping <@&123456789012> and <@123456789012> or <@!123456789012>';
    const { body } = await h.callback(h.fake.command('test-echo', [{ name: 'words', type: 3, value: words }]));
    expect(body.data.flags).toBeUndefined();
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const embed = body.data.embeds[0];
    for (const rendered of [embed.title, embed.description]) {
      expect(rendered).not.toMatch(/@everyone|@here|<@&?!?\d+>/);
      expect(rendered).toContain('@\u200beveryone');
      expect(rendered).toContain('<\u200b@&123456789012>');
    }
  });

  it('tells the clicker privately that an unknown or expired button has expired', async () => {
    const { body } = await h.callback(h.fake.button('quiz:old-session-from-before-a-restart:2'));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/expired/);
  });

  it('routes a button to its action, privately, with the clicker as the user', async () => {
    const { body } = await h.callback(h.fake.button('test-pick:b', { userId: '600000000000000005' }));
    expect(body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: 'discord:600000000000000005 picked b' } });
  });

  it('updates the message that carried the button when the reply replaces it', async () => {
    const { body } = await h.callback(h.fake.button('test-pick:replace'));
    expect(body.type).toBe(7);
    expect(body.data).toMatchObject({ content: 'Closed.', embeds: [], components: [] });
  });

  it('acknowledges a slow button at once, then answers the clicker privately', async () => {
    const token = h.fake.button('test-slowpick:a');
    expect((await h.callback(token)).body).toEqual({ type: 6 });
    const followUp = await h.webhook(token, 'POST');
    expect(followUp.body).toMatchObject({ content: 'Thought it over.', flags: EPHEMERAL });
  });

  it('acknowledges a slow button at once, then edits the message that carried it', async () => {
    const token = h.fake.button('test-slowpick:replace');
    expect((await h.callback(token)).body).toEqual({ type: 6 });
    const edit = await h.webhook(token, 'PATCH');
    expect(edit.path).toMatch(/\/messages\/@original$/);
    expect(edit.body).toMatchObject({ content: 'Replaced later.', embeds: [], components: [] });
  });

  it('opens a modal as the first response and runs the command with the submitted text', async () => {
    const open = await h.callback(h.fake.command('test-draft', [{ name: 'tone', type: 3, value: 'formal' }]));
    expect(open.body.type).toBe(9);
    const modal = open.body.data;
    expect(modal.custom_id).toBe('form:test-draft:{"tone":"formal"}');
    expect(modal.title).toBe('Check a customer reply');
    expect(modal.components[0]).toMatchObject({ type: 18, label: 'Your reply to the customer', component: { type: 4, custom_id: 'draft', style: 2, max_length: 3000, required: true } });

    const token = h.fake.modalSubmit(modal.custom_id, { draft: 'Dear Mrs Patel, thank you for waiting.' });
    expect((await h.callback(token)).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect((await h.webhook(token, 'PATCH')).body.content).toBe('Feedback on 38 characters (formal tone).');
  });

  it('answers a modal for a form that no longer exists with a clear private message', async () => {
    const { body } = await h.callback(h.fake.modalSubmit('form:retired-command', { draft: 'text' }));
    expect(body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/expired/) });
  });

  it('answers an interaction once even when the gateway delivers it twice', async () => {
    const token = h.fake.command('help');
    await h.callback(token);
    const interaction = h.fake.requests.length;
    // Replay the same INTERACTION_CREATE (a second instance or a resumed session would see it again).
    const last = h.fake.lastDispatch('INTERACTION_CREATE');
    h.fake.dispatch('INTERACTION_CREATE', last);
    await pause(300);
    expect(h.fake.forToken(token).filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
    expect(h.fake.requests.length).toBe(interaction);
  });
});
