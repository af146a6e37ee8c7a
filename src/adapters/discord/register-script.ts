/**
 * `npm run discord:register`: sends the slash commands to Discord, for one server when
 * DISCORD_GUILD_ID is set and globally otherwise. Run it again after adding or changing a command.
 */
import { DiscordAPIError } from 'discord.js';
import { reportError } from '../../cli/program.js';
import { loadConfig } from '../../core/config.js';
import { registerCommands } from './register.js';

try {
  const config = loadConfig();
  if (!config.discord) {
    throw new Error('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see docs/discord.md) before registering commands.');
  }
  const discord = config.discord;
  const result = await registerCommands(discord).catch((error: unknown) => {
    throw explain(error, discord.apiUrl);
  });
  const where = result.scope === 'guild' ? `in server ${discord.guildId}` : 'globally (may take up to an hour to appear)';
  process.stdout.write(`Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(', ')}\n`);
} catch (error) {
  process.exitCode = reportError(error);
}

/** A readable reason, naming the setting to check; never the token. */
function explain(error: unknown, apiUrl: string): Error {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return new Error('Discord rejected DISCORD_TOKEN (401): copy the bot token again from the Developer Portal ("Bot" page).');
    if (error.status === 403 || error.status === 404) {
      return new Error(`Discord refused the registration (${error.status} ${error.code}): check DISCORD_APPLICATION_ID, and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope.`);
    }
    return new Error(`Discord refused the registration (${error.status} ${error.code}): ${error.message}`);
  }
  return new Error(`Could not reach Discord at ${apiUrl} (${error instanceof Error ? error.message : String(error)}). Check the network and DISCORD_API_URL.`);
}
