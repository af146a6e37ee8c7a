/**
 * Registers the slash commands with Discord: globally (every server the bot is in; Discord may
 * take up to an hour to show changes) or for one server (`DISCORD_GUILD_ID`; instant, for
 * testing). A bulk overwrite, so commands removed from the core disappear from Discord too.
 */
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { COMMANDS } from '../../core/commands/index.js';
import type { CommandDefinition } from '../../core/commands/types.js';
import type { Config } from '../../core/config.js';
import { buildCommands } from './build-commands.js';

/** What was registered, for the script's message. */
export interface RegisterResult {
  scope: 'global' | 'guild';
  names: string[];
}

/**
 * @example await registerCommands(loadConfig().discord!) // { scope: 'guild', names: ['help', …] }
 */
export async function registerCommands(
  config: NonNullable<Config['discord']>,
  commands: readonly CommandDefinition[] = COMMANDS,
): Promise<RegisterResult> {
  const rest = new REST({ api: config.apiUrl, retries: 2, timeout: 15_000 }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const registered = (await rest.put(route, { body: buildCommands(commands) })) as RESTPutAPIApplicationCommandsResult;
  return { scope: config.guildId ? 'guild' : 'global', names: registered.map((command) => command.name) };
}
