/**
 * Modal submits: the text typed into a command's form runs that command (`form.command`) with
 * the field filled in. The result is always ephemeral: a form holds a learner's own work.
 */
import { Events, type Client, type ModalSubmitInteraction } from 'discord.js';
import { findCommand, runCommand } from '../../../core/commands/dispatch.js';
import type { Deps } from '../../../core/deps.js';
import { notice } from '../../../core/reply.js';
import { contextOf } from '../context.js';
import { parseFormId } from '../modal.js';
import { answerInteraction } from '../respond.js';
import type { InteractionRunner } from '../runner.js';

const EXPIRED_FORM = 'That form has expired. Run the command again to open a fresh one.';

/** Registers the modal-submit listener on the client. */
export function register(client: Client, deps: Deps, runner: InteractionRunner): void {
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isModalSubmit()) return;
    runner.run(interaction, 'modal', () => handleModal(interaction, deps));
  });
}

async function handleModal(interaction: ModalSubmitInteraction, deps: Deps): Promise<void> {
  const parsed = parseFormId(interaction.customId);
  const form = parsed ? findCommand(parsed.command)?.form : undefined;
  const value = form ? interaction.fields.fields.get(form.field.name) : undefined;
  if (!parsed || !form || !value || !('value' in value) || typeof value.value !== 'string') {
    return answerInteraction(interaction, { slow: false, private: true }, async () => notice(EXPIRED_FORM));
  }
  const target = findCommand(form.command);
  const options = { ...parsed.carried, [form.field.name]: value.value };
  return answerInteraction(interaction, { slow: target?.slow ?? true, private: true }, () =>
    runCommand(form.command, options, contextOf(interaction), deps),
  );
}
