/**
 * Runs Service Coach on Discord: one discord.js client with only the Guilds intent (no message
 * content, nothing privileged), every interaction routed through the listeners, and a poster for
 * the daily quiz. Gateway reconnects are left to discord.js; every client-level error is logged.
 */
import { once } from 'node:events';
import { Client, DiscordAPIError, Events, GatewayIntentBits, Options } from 'discord.js';
import type { Config } from '../../core/config.js';
import type { Deps } from '../../core/deps.js';
import type { Logger } from '../../core/logger.js';
import { registerListeners } from './listeners/index.js';
import { createDiscordPoster, type DailyQuizPoster } from './poster.js';
import { NO_MENTIONS } from './render.js';
import { createInteractionRunner, describeError } from './runner.js';

export { createDiscordPoster };

/** A running Discord connection. */
export interface DiscordRuntime {
  client: Client<true>;
  /** Sends core Replies to channels (the daily quiz). */
  poster: DailyQuizPoster;
  /** Stops taking interactions, lets those in flight finish, then disconnects from the gateway. */
  stop(): Promise<void>;
}

/**
 * Creates the client. `apiUrl` is the REST base (`DISCORD_API_URL`); the gateway address is then
 * read from that API, which is how tests run the real client against a fake Discord.
 */
export function createDiscordClient(apiUrl: string): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: apiUrl, timeout: 10_000, retries: 2 },
    // The default for everything sent through the client; payloads also set it explicitly.
    allowedMentions: NO_MENTIONS,
    // Nothing here reads messages: do not keep them in memory.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
  });
}

/**
 * Logs in and resolves once the client is ready.
 * @example const discord = await startDiscord(deps); … await discord.stop();
 * @throws when Discord is not configured or rejects the token.
 */
export async function startDiscord(deps: Deps): Promise<DiscordRuntime> {
  const config = deps.config.discord;
  if (!config) throw new Error('Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID.');
  const client = createDiscordClient(config.apiUrl);
  watch(client, deps.logger);
  const runner = createInteractionRunner(deps);
  registerListeners(client, deps, runner);
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw loginError(error, config);
  }
  deps.logger.info({ surface: 'discord', guilds: client.guilds.cache.size, applicationId: config.applicationId }, 'discord ready');
  const running = client as Client<true>;
  return {
    client: running,
    poster: createDiscordPoster(client.rest, deps.logger),
    async stop() {
      await runner.drain();
      await client.destroy();
      deps.logger.info({ surface: 'discord' }, 'discord stopped');
    },
  };
}

/** Listeners that keep every client-level problem in the log instead of unhandled. */
function watch(client: Client, logger: Logger): void {
  const fields = { surface: 'discord' };
  client.on(Events.Error, (error) => logger.error({ ...fields, ...describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (warning) => logger.warn({ ...fields, warning }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ ...fields, shardId, closeCode: event.code }, 'discord gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ ...fields, shardId }, 'discord gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ ...fields, shardId, replayed }, 'discord gateway resumed'));
  client.on(Events.ShardError, (error, shardId) => logger.warn({ ...fields, shardId, ...describeError(error) }, 'discord gateway error'));
  client.rest.on('rateLimited', (info) =>
    // Webhook routes carry the interaction token, which must never reach the log.
    logger.info({ ...fields, route: info.route.replace(/\/webhooks\/([^/]+)\/[^/]+/, '/webhooks/$1/:token'), retryAfterMs: info.retryAfter, global: info.global }, 'discord rate limited'),
  );
}

function loginError(error: unknown, config: NonNullable<Config['discord']>): Error {
  // discord.js reports a 401 at login as TokenInvalid; either way the token is the thing to check.
  const rejected = (error instanceof DiscordAPIError && error.status === 401) || (error instanceof Error && 'code' in error && error.code === 'TokenInvalid');
  if (rejected) return new Error('Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Developer Portal ("Bot" page).');
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`Could not connect to Discord at ${config.apiUrl}: ${reason}`);
}
