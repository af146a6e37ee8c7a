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
  const result = await registerCommands(config.discord);
  const where = result.scope === 'guild' ? `in server ${config.discord.guildId}` : 'globally (may take up to an hour to appear)';
  process.stdout.write(`Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(', ')}\n`);
} catch (error) {
  process.exitCode = reportError(
    error instanceof DiscordAPIError ? new Error(`Discord refused the registration (${error.status} ${error.code}): ${error.message}`) : error,
  );
}
