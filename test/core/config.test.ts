import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/core/config.js';

/** The defaults .env.example documents, so the schema's defaults and the documentation agree. */
const documentedDefaults = parse(readFileSync('.env.example'));

const load = (env: Record<string, string>) => loadConfig({ env });

function problemsOf(env: Record<string, string>): string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('runs on the embedded defaults with nothing set: terminal chat, SQLite, no LLM', () => {
    const config = load({});
    expect(config.slack).toBeNull();
    expect(config.discord).toBeNull();
    expect(config.llm).toBeNull();
    expect(config.store.url).toBe('sqlite://data/service-coach.sqlite');
    expect(config.port).toBe(3000);
    expect(config.dailyQuiz).toMatchObject({ cron: '0 9 * * 1-5', timeZone: 'Europe/London' });
  });

  it('reads the Slack, Discord and LLM sections when their settings are present', () => {
    const config = load({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'shh',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      DISCORD_TOKEN: 'abc',
      DISCORD_APPLICATION_ID: '123456789',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:9998/v1',
      PORT: '0',
    });
    expect(config.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 'shh', appToken: undefined, apiUrl: 'http://127.0.0.1:9999/api/' });
    // Unset, the Discord REST base is the public API that .env.example documents.
    expect(config.discord?.apiUrl).toBe(documentedDefaults.DISCORD_API_URL);
    expect(config.llm).toMatchObject({ apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:9998/v1', model: 'gpt-4o-mini' });
    expect(config.port).toBe(0);
  });

  it('treats empty values as unset, as in a copied .env.example', () => {
    expect(load({ SLACK_BOT_TOKEN: '', OPENAI_API_KEY: '  ', SLACK_API_URL: '' }).slack).toBeNull();
    expect(load({ OPENAI_API_KEY: '' }).llm).toBeNull();
  });

  it('lists every problem at once, by variable name', () => {
    const problems = problemsOf({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      DAILY_QUIZ_TZ: 'Mars/Olympus',
      DAILY_QUIZ_CRON: 'every morning',
      STORE_URL: 'postgres://db',
      DISCORD_TOKEN: 'abc',
      SLACK_BOT_TOKEN: 'xoxp-user-token',
    });
    const names = problems.map((p) => p.split(' ')[0]);
    expect(names).toEqual(
      expect.arrayContaining(['PORT', 'LOG_LEVEL', 'DAILY_QUIZ_TZ', 'DAILY_QUIZ_CRON', 'STORE_URL', 'DISCORD_APPLICATION_ID', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']),
    );
  });

  it('never prints secret values in its errors', () => {
    const secret = 'xoxp-super-secret-value';
    const error = (() => {
      try {
        load({ SLACK_BOT_TOKEN: secret, OPENAI_BASE_URL: 'not a url', DISCORD_TOKEN: 'discord-secret' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).not.toContain(secret);
    expect(error?.message).not.toContain('discord-secret');
    expect(error?.message).toContain('SLACK_BOT_TOKEN');
  });

  it('accepts Socket Mode without a signing secret', () => {
    expect(load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe('xapp-1');
  });
});

describe('.env.example', () => {
  it('documents every setting the schema reads, and nothing else', async () => {
    const { envSchema } = await import('../../src/core/config.js');
    const documented = [...readFileSync('.env.example', 'utf8').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(Object.keys(envSchema.shape)));
  });

  it('loads as a valid configuration when copied unchanged', () => {
    expect(() => loadConfig({ env: documentedDefaults })).not.toThrow();
  });
});
