/**
 * Discord modals for commands with a `form` (for example `/review`, whose draft is a paragraph):
 * the modal's custom id names the command, and carries the command's other slash options when
 * they fit in Discord's 100 characters, so the submit runs the same request.
 */
import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import type { CommandDefinition } from '../../core/commands/types.js';
import type { FormSpec } from '../../core/reply.js';
import { DISCORD_LIMITS, truncate } from './render.js';

const FORM_PREFIX = 'form:';

/**
 * The modal for a command's form.
 * @example await interaction.showModal(buildModal(reviewCommand, {}));
 */
export function buildModal(command: CommandDefinition & { form: FormSpec }, carried: Record<string, unknown>): ModalBuilder {
  const { form } = command;
  const input = new TextInputBuilder()
    .setCustomId(form.field.name)
    .setStyle(form.field.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short)
    .setPlaceholder(truncate(form.field.placeholder, DISCORD_LIMITS.textInputPlaceholder))
    .setMinLength(1)
    .setMaxLength(Math.min(Math.max(form.field.maxLength, 1), DISCORD_LIMITS.textInputValue))
    .setRequired(true);
  return new ModalBuilder()
    .setCustomId(formId(command.name, carried))
    .setTitle(truncate(form.title, DISCORD_LIMITS.modalTitle))
    .addLabelComponents(new LabelBuilder().setLabel(truncate(form.field.label, DISCORD_LIMITS.textInputLabel)).setTextInputComponent(input));
}

/** `form:<command>` or `form:<command>:<json of other options>` when that fits in 100 characters. */
function formId(command: string, carried: Record<string, unknown>): string {
  const base = `${FORM_PREFIX}${command}`;
  if (Object.keys(carried).length === 0) return base;
  const withOptions = `${base}:${JSON.stringify(carried)}`;
  return withOptions.length <= DISCORD_LIMITS.customId ? withOptions : base;
}

/**
 * Reads a modal's custom id back. It comes from Discord, so it is untrusted: anything malformed
 * gives null, and carried options are validated again by the command's schema in the core.
 */
export function parseFormId(customId: string): { command: string; carried: Record<string, unknown> } | null {
  if (!customId.startsWith(FORM_PREFIX)) return null;
  const rest = customId.slice(FORM_PREFIX.length);
  const split = rest.indexOf(':');
  const command = split === -1 ? rest : rest.slice(0, split);
  if (!/^[a-z0-9-]{1,32}$/.test(command)) return null;
  if (split === -1) return { command, carried: {} };
  try {
    const carried: unknown = JSON.parse(rest.slice(split + 1));
    const plain = typeof carried === 'object' && carried !== null && !Array.isArray(carried);
    return { command, carried: plain ? (carried as Record<string, unknown>) : {} };
  } catch {
    return { command, carried: {} };
  }
}
