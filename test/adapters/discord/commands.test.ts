/**
 * Slash-command JSON is built from the core command list (options from each zod schema) and is
 * valid for Discord; `registerCommands` sends it globally or to one server.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCommands } from '../../../src/adapters/discord/build-commands.js';
import { registerCommands } from '../../../src/adapters/discord/register.js';
import { COMMANDS } from '../../../src/core/commands/index.js';
import { defineCommand, type CommandDefinition } from '../../../src/core/commands/types.js';
import { notice } from '../../../src/core/reply.js';
import { FAKE_APP_ID, FAKE_GUILD_ID, startFakeDiscord, type FakeDiscord } from '../../fakes/discord-server.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const base = { parseText: () => ({}), visibility: 'public' as const, slow: false, run: async () => notice('ok') };
const quizLike = defineCommand({
  ...base,
  name: 'practice',
  description: 'A quick practice quiz',
  options: z.object({
    unit: z.number().int().min(1).max(11).optional().describe('Unit number (1–11)'),
    count: z.number().int().min(1).max(20).default(5).describe('How many questions'),
    topic: z.string().max(200).describe('What to practise'),
    level: z.enum(['easy', 'hard']).optional().describe('Difficulty'),
    hints: z.boolean().optional().describe('Show hints'),
  }),
});
const formLike = defineCommand({
  ...base,
  name: 'check-draft',
  description: 'Feedback on a draft reply',
  options: z.object({ draft: z.string().min(1).max(3000).describe('Your draft') }),
  form: { command: 'check-draft', title: 'Draft', field: { name: 'draft', label: 'Draft', placeholder: '…', maxLength: 3000, multiline: true } },
});
const adminLike = defineCommand({ ...base, name: 'settings', description: 'Change server settings', options: z.object({}), adminOnly: true });
const defs = [quizLike, formLike, adminLike] as unknown as CommandDefinition[];

/** Discord's rules for a chat-input command, from its developer documentation ("Application Commands"). */
function problems(command: ReturnType<typeof buildCommands>[number]): string[] {
  const out: string[] = [];
  const name = /^[-_\p{Ll}\p{N}]{1,32}$/u;
  if (!name.test(command.name)) out.push(`name ${command.name}`);
  if (command.description.length < 1 || command.description.length > 100) out.push(`description of ${command.name}`);
  const options = command.options ?? [];
  if (options.length > 25) out.push('too many options');
  let seenOptional = false;
  for (const option of options) {
    if (!name.test(option.name)) out.push(`option name ${option.name}`);
    if (option.description.length < 1 || option.description.length > 100) out.push(`option description ${option.name}`);
    if (option.required && seenOptional) out.push(`required option ${option.name} after an optional one`);
    if (!option.required) seenOptional = true;
  }
  return out;
}

describe('Discord slash commands', () => {
  it('builds a valid command for every command the core registers', () => {
    const built = buildCommands(COMMANDS);
    expect(built.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    expect(built.flatMap(problems)).toEqual([]);
    expect(built.find((c) => c.name === 'help')).toEqual({
      name: 'help',
      description: 'What Service Coach can do and how to ask',
      type: 1,
      options: [],
      default_member_permissions: null,
      integration_types: [0],
      contexts: [0, 1],
    });
  });

  it('maps option types, limits and choices from the zod schema, required options first', () => {
    const [practice] = buildCommands([quizLike as unknown as CommandDefinition]);
    expect(problems(practice!)).toEqual([]);
    expect(practice!.options).toEqual([
      { name: 'topic', description: 'What to practise', required: true, type: 3, max_length: 200 },
      { name: 'unit', description: 'Unit number (1–11)', required: false, type: 4, min_value: 1, max_value: 11 },
      { name: 'count', description: 'How many questions', required: false, type: 4, min_value: 1, max_value: 20 },
      { name: 'level', description: 'Difficulty', required: false, type: 3, choices: [{ name: 'easy', value: 'easy' }, { name: 'hard', value: 'hard' }] },
      { name: 'hints', description: 'Show hints', required: false, type: 5 },
    ]);
  });

  it('leaves a form field to the modal and keeps admin commands to server managers', () => {
    const [form, admin] = buildCommands([formLike, adminLike] as unknown as CommandDefinition[]);
    expect(form!.options).toEqual([]);
    expect(admin).toMatchObject({ default_member_permissions: '32', contexts: [0] });
  });

  describe('registration', () => {
    let fake: FakeDiscord;
    beforeAll(async () => {
      fake = await startFakeDiscord();
    });
    afterAll(async () => fake.close());

    it('registers globally with a bulk overwrite when no server is given', async () => {
      const config = { token: 'fake-bot-token', applicationId: FAKE_APP_ID, guildId: undefined, apiUrl: fake.apiUrl };
      const result = await registerCommands(config, [...COMMANDS, ...defs]);
      expect(result).toEqual({ scope: 'global', names: [...COMMANDS.map((c) => c.name), 'practice', 'check-draft', 'settings'] });
      const put = await fake.waitFor((r) => r.method === 'PUT');
      expect(put.path).toBe(`/applications/${FAKE_APP_ID}/commands`);
      expect(put.body).toEqual(buildCommands([...COMMANDS, ...defs]));
    });

    it('registers for one server when DISCORD_GUILD_ID is set', async () => {
      const config = { token: 'fake-bot-token', applicationId: FAKE_APP_ID, guildId: FAKE_GUILD_ID, apiUrl: fake.apiUrl };
      expect((await registerCommands(config)).scope).toBe('guild');
      const put = await fake.waitFor((r) => r.method === 'PUT' && r.path.includes('/guilds/'));
      expect(put.path).toBe(`/applications/${FAKE_APP_ID}/guilds/${FAKE_GUILD_ID}/commands`);
    });

    it('npm run discord:register registers and says where, or explains a rejected token', async () => {
      const script = async (env: Record<string, string>) => {
        const loader = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
        const child = spawn(process.execPath, ['--import', loader, join(ROOT, 'src/adapters/discord/register-script.ts')], {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', SERVICE_COACH_SKIP_DOTENV: '1', DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: FAKE_APP_ID, DISCORD_API_URL: fake.apiUrl, ...env },
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        const [code] = (await once(child, 'close')) as [number];
        return { code, out };
      };
      const ok = await script({ DISCORD_GUILD_ID: FAKE_GUILD_ID });
      expect(ok).toEqual({ code: 0, out: `Registered ${COMMANDS.length} commands in server ${FAKE_GUILD_ID}: ${COMMANDS.map((c) => `/${c.name}`).join(', ')}\n` });
      fake.fail('PUT', /\/commands$/, { status: 401, body: { message: '401: Unauthorized', code: 0 } });
      const rejected = await script({});
      expect(rejected.code).toBe(1);
      expect(rejected.out).toMatch(/Discord rejected DISCORD_TOKEN \(401\)/);
      expect(rejected.out).not.toContain('fake-bot-token');
    }, 30_000);

    it('surfaces a refusal from Discord instead of claiming success', async () => {
      fake.fail('PUT', /\/commands$/, { status: 403, body: { message: 'Missing Access', code: 50001 } });
      const config = { token: 'fake-bot-token', applicationId: FAKE_APP_ID, guildId: FAKE_GUILD_ID, apiUrl: fake.apiUrl };
      await expect(registerCommands(config)).rejects.toMatchObject({ status: 403, code: 50001 });
    });
  });
});
