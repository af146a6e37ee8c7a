/**
 * Slash commands: every chat-input command goes to the core by name. A command with a `form`
 * opens its modal as the FIRST response (a modal cannot follow a defer); everything else is
 * answered by `answerInteraction` (reply, or defer then edit).
 */
import { Events, type ChatInputCommandInteraction, type Client } from 'discord.js';
import { findCommand, runCommand } from '../../../core/commands/dispatch.js';
import { slashOptions } from '../../../core/commands/slash-options.js';
import type { CommandDefinition } from '../../../core/commands/types.js';
import type { Deps } from '../../../core/deps.js';
import { contextOf } from '../context.js';
import { buildModal } from '../modal.js';
import { answerInteraction } from '../respond.js';
import type { InteractionRunner } from '../runner.js';

/** Registers the slash-command listener on the client. */
export function register(client: Client, deps: Deps, runner: InteractionRunner): void {
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    runner.run(interaction, 'command', () => handleCommand(interaction, deps));
  });
}

async function handleCommand(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void> {
  const command = findCommand(interaction.commandName);
  const context = contextOf(interaction);
  if (!command) {
    // A command registered by an older version of the bot: the core explains, privately.
    return answerInteraction(interaction, { slow: false, private: true }, () => runCommand(interaction.commandName, {}, context, deps));
  }
  const options = readOptions(interaction, command);
  if (command.form && options[command.form.field.name] === undefined) {
    await interaction.showModal(buildModal({ ...command, form: command.form }, options));
    return;
  }
  return answerInteraction(interaction, { slow: command.slow, private: command.visibility === 'private' }, () =>
    runCommand(command.name, options, context, deps),
  );
}

/**
 * The interaction's option values keyed by the core's option names. Discord lower-cases option
 * names, so they are matched back to the schema's keys; values are validated by the core.
 */
function readOptions(interaction: ChatInputCommandInteraction, command: CommandDefinition): Record<string, unknown> {
  const names = new Map(slashOptions(command).map((option) => [option.name.toLowerCase(), option.name]));
  const options: Record<string, unknown> = {};
  for (const option of interaction.options.data) {
    const name = names.get(option.name);
    if (name && option.value !== undefined) options[name] = option.value;
  }
  return options;
}
