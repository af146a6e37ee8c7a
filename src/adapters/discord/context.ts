/**
 * Opaque ids for the core, built from a Discord interaction. The core never sees a Discord
 * object: only `discord:<userId>`, `discord:<guildId>` (or `discord:dm:<userId>` outside a
 * server), `discord:<channelId>` and whether the member may manage the server.
 */
import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { CommandContext } from '../../core/commands/types.js';

const PREFIX = 'discord:';

/** `discord:<id>`: how a Discord user, server or channel id travels through the core. */
export const discordId = (id: string): string => `${PREFIX}${id}`;

/**
 * The raw Discord channel id behind an opaque id (`discord:123` → `123`), or null when the id
 * belongs to another platform or is not a snowflake (so nothing is sent to a wrong channel).
 */
export function channelSnowflake(opaqueId: string): string | null {
  const raw = opaqueId.startsWith(PREFIX) ? opaqueId.slice(PREFIX.length) : opaqueId;
  return /^\d{5,25}$/.test(raw) ? raw : null;
}

/**
 * The core's view of who is interacting and where.
 * @example runCommand('help', {}, contextOf(interaction), deps)
 */
export function contextOf(interaction: BaseInteraction): CommandContext {
  const userId = interaction.user.id;
  const channelId = interaction.channelId ?? `dm-${userId}`;
  return {
    surface: 'discord',
    userId: discordId(userId),
    scopeId: interaction.guildId ? discordId(interaction.guildId) : discordId(`dm:${userId}`),
    channelId: discordId(channelId),
    // Follow-up questions are remembered per channel (or per DM), as in a classroom conversation.
    conversationId: discordId(channelId),
    // Manage Server, as Discord resolved it for this member in this channel (Administrator implies it).
    isAdmin: interaction.inGuild() ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false) : false,
  };
}
