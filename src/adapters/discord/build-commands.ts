/**
 * Slash-command definitions for Discord, built from the core command list and each command's
 * zod schema (via `slashOptions`), so the menu Discord shows and the validation the core applies
 * can never disagree. `npm run discord:register` sends this JSON to Discord.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { slashOptions, type SlashOption } from '../../core/commands/slash-options.js';
import type { CommandDefinition } from '../../core/commands/types.js';
import { DISCORD_LIMITS, truncate } from './render.js';

/**
 * One chat-input command per core command. A command with a `form` opens a modal instead, so its
 * form field is not a slash option (slash options are single-line; drafts are paragraphs).
 * Admin-only commands are hidden from members without Manage Server and offered in servers only;
 * the core still checks `isAdmin`, because server owners can override command permissions.
 * @example buildCommands(COMMANDS) // [{ name: 'help', description: '…', type: 1, options: [] }, …]
 */
export function buildCommands(commands: readonly CommandDefinition[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => ({
    name: command.name,
    description: truncate(command.description, DISCORD_LIMITS.commandDescription),
    type: ApplicationCommandType.ChatInput,
    options: slashOptions(command)
      .filter((option) => option.name !== command.form?.field.name)
      .slice(0, DISCORD_LIMITS.commandOptions)
      .map(toDiscordOption),
    default_member_permissions: command.adminOnly ? String(PermissionFlagsBits.ManageGuild) : null,
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: command.adminOnly ? [InteractionContextType.Guild] : [InteractionContextType.Guild, InteractionContextType.BotDM],
  }));
}

function toDiscordOption(option: SlashOption): APIApplicationCommandBasicOption {
  const base = {
    name: option.name.toLowerCase(),
    description: truncate(option.description, DISCORD_LIMITS.optionDescription),
    required: option.required,
  };
  if (option.type === 'boolean') return { ...base, type: ApplicationCommandOptionType.Boolean };
  if (option.type === 'integer') {
    return {
      ...base,
      type: ApplicationCommandOptionType.Integer,
      ...(option.minValue !== undefined && { min_value: option.minValue }),
      ...(option.maxValue !== undefined && { max_value: option.maxValue }),
      ...(option.choices && { choices: choices(option.choices).map(({ name, value }) => ({ name, value: Number(value) })) }),
    };
  }
  return {
    ...base,
    type: ApplicationCommandOptionType.String,
    ...(option.choices
      ? { choices: choices(option.choices) }
      : { max_length: Math.min(option.maxLength ?? DISCORD_LIMITS.optionStringLength, DISCORD_LIMITS.optionStringLength) }),
  };
}

function choices(values: string[]): Array<{ name: string; value: string }> {
  return values.slice(0, DISCORD_LIMITS.optionChoices).map((value) => ({
    name: truncate(value, DISCORD_LIMITS.optionChoiceName),
    value: value.slice(0, DISCORD_LIMITS.optionChoiceName),
  }));
}
