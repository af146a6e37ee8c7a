/**
 * Configuration: the one and only reader of `process.env`.
 *
 * Every setting is declared once in {@link envSchema}; `.env.example` documents the same names.
 * `loadConfig()` validates everything at once and throws a {@link ConfigError} that lists every
 * problem (by variable name, never by value, so secrets are never printed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Cron } from 'croner';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const url = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((value) => (value === '' ? fallback : value))
    .pipe(z.url({ message: 'must be a URL such as ' + fallback }));

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isCron(value: string): boolean {
  try {
    new Cron(value, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/** Every environment variable Service Coach reads, with its default. */
export const envSchema = z
  .object({
    SLACK_BOT_TOKEN: optionalText.pipe(
      z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
    ),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.pipe(
      z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
    ),
    SLACK_API_URL: url('https://slack.com/api/'),
    PORT: z.coerce.number({ message: 'must be a port number' }).int('must be a whole number').min(0).max(65535, 'must be at most 65535').default(3000),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.pipe(z.string().regex(/^\d{5,25}$/, 'must be a numeric id').optional()),
    DISCORD_GUILD_ID: optionalText.pipe(z.string().regex(/^\d{5,25}$/, 'must be a numeric id').optional()),
    DISCORD_API_URL: url('https://discord.com/api'),
    DAILY_QUIZ_CHANNEL_ID: optionalText,
    DAILY_QUIZ_CRON: z
      .string()
      .trim()
      .default('0 9 * * 1-5')
      .refine(isCron, 'must be a cron expression such as "0 9 * * 1-5" (weekdays at 09:00)'),
    DAILY_QUIZ_TZ: z
      .string()
      .trim()
      .default('Europe/London')
      .refine(isTimeZone, 'must be an IANA time zone such as Europe/London'),
    DAILY_QUIZ_RESULTS_AFTER_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(0),
    STORE_URL: z
      .string()
      .trim()
      .default('sqlite://data/service-coach.sqlite')
      .refine(
        (value) => /^(sqlite|redis|rediss|memory):/.test(value),
        'must start with sqlite://, redis://, rediss:// or memory://',
      ),
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalText.pipe(z.url({ message: 'must be a URL' }).optional()),
    OPENAI_MODEL: z.string().trim().default('gpt-4o-mini'),
    OPENAI_EMBEDDING_MODEL: optionalText,
    LLM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(20_000).default(15_000),
    CONVERSATION_TTL_HOURS: positiveInt(24, 24 * 30),
    QUIZ_RETENTION_DAYS: positiveInt(365, 365 * 5),
    RATE_LIMIT_PER_MINUTE: positiveInt(20, 10_000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' })
      .default('info'),
  });

type RawEnv = Record<string, string | undefined>;
const isSet = (env: RawEnv, name: string) => (env[name] ?? '').trim() !== '';

/** Rules that tie settings together; checked on the raw values so every problem is listed at once. */
function crossFieldProblems(env: RawEnv): string[] {
  const problems: string[] = [];
  const hasBot = isSet(env, 'SLACK_BOT_TOKEN');
  if (hasBot && !isSet(env, 'SLACK_SIGNING_SECRET') && !isSet(env, 'SLACK_APP_TOKEN')) {
    problems.push('SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (!hasBot && (isSet(env, 'SLACK_SIGNING_SECRET') || isSet(env, 'SLACK_APP_TOKEN'))) {
    problems.push('SLACK_BOT_TOKEN is required when other SLACK_ settings are set');
  }
  if (isSet(env, 'DISCORD_TOKEN') && !isSet(env, 'DISCORD_APPLICATION_ID')) {
    problems.push('DISCORD_APPLICATION_ID is required with DISCORD_TOKEN (the application id from the Developer Portal)');
  }
  if (isSet(env, 'OPENAI_BASE_URL') && !isSet(env, 'OPENAI_API_KEY')) {
    problems.push('OPENAI_API_KEY is required with OPENAI_BASE_URL (local servers accept any value, e.g. "local")');
  }
  return problems;
}

/** The parsed configuration passed down to every part of the app. */
export interface Config {
  slack: {
    botToken: string;
    signingSecret: string | undefined;
    appToken: string | undefined;
    apiUrl: string;
  } | null;
  discord: {
    token: string;
    applicationId: string;
    guildId: string | undefined;
    apiUrl: string;
  } | null;
  dailyQuiz: { channelId: string | undefined; cron: string; timeZone: string; resultsAfterMinutes: number };
  store: { url: string };
  /** Null when no key is configured: then no LLM is used anywhere. */
  llm: {
    apiKey: string;
    baseUrl: string | undefined;
    model: string;
    embeddingModel: string | undefined;
    timeoutMs: number;
  } | null;
  limits: { conversationTtlMs: number; quizRetentionMs: number; ratePerMinute: number };
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

/** Invalid configuration: `problems` lists every variable that is wrong and how to fix it. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every setting.`);
    this.name = 'ConfigError';
  }
}

/** Options for {@link loadConfig}; tests pass `env` explicitly and no `.env` file. */
export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  /** Path of a dotenv file to merge under the environment; `null` disables it. */
  dotenvPath?: string | null;
}

const HOUR = 3_600_000;

/**
 * Reads and validates the configuration.
 * @example const config = loadConfig(); // process.env plus ./.env when present
 * @throws ConfigError listing every problem.
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? readProcessEnv(options.dotenvPath);
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    slack: e.SLACK_BOT_TOKEN
      ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL }
      : null,
    discord:
      e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID
        ? { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL }
        : null,
    dailyQuiz: {
      channelId: e.DAILY_QUIZ_CHANNEL_ID,
      cron: e.DAILY_QUIZ_CRON,
      timeZone: e.DAILY_QUIZ_TZ,
      resultsAfterMinutes: e.DAILY_QUIZ_RESULTS_AFTER_MINUTES,
    },
    store: { url: e.STORE_URL },
    llm: e.OPENAI_API_KEY
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseUrl: e.OPENAI_BASE_URL,
          model: e.OPENAI_MODEL,
          embeddingModel: e.OPENAI_EMBEDDING_MODEL,
          timeoutMs: e.LLM_TIMEOUT_MS,
        }
      : null,
    limits: {
      conversationTtlMs: e.CONVERSATION_TTL_HOURS * HOUR,
      quizRetentionMs: e.QUIZ_RETENTION_DAYS * 24 * HOUR,
      ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
    },
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
  };
}

function readProcessEnv(dotenvPath: string | null | undefined): Record<string, string | undefined> {
  const env = process.env;
  const path = dotenvPath === undefined ? resolve('.env') : dotenvPath;
  // Tests set SERVICE_COACH_SKIP_DOTENV so a developer's own .env never changes a test run.
  if (path === null || env.SERVICE_COACH_SKIP_DOTENV || !existsSync(path)) return { ...env };
  // Values already in the environment win over the file, as with dotenv's default.
  return { ...parseDotenv(readFileSync(path)), ...env };
}
