/**
 * Buttons: the custom id is the core's opaque action id, passed to `runAction` unchanged. Unknown
 * or expired ids (an old quiz, a restarted process) get the core's "expired" notice, privately.
 */
import { Events, type Client, type MessageComponentInteraction } from 'discord.js';
import { findAction, runAction } from '../../../core/commands/dispatch.js';
import type { Deps } from '../../../core/deps.js';
import { contextOf } from '../context.js';
import { answerComponent } from '../respond.js';
import type { InteractionRunner } from '../runner.js';

/** Registers the button listener on the client. */
export function register(client: Client, deps: Deps, runner: InteractionRunner): void {
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isMessageComponent()) return;
    runner.run(interaction, 'component', () => handleComponent(interaction, deps));
  });
}

async function handleComponent(interaction: MessageComponentInteraction, deps: Deps): Promise<void> {
  const action = findAction(interaction.customId);
  // Without a handler the answer is the core's "expired" notice: quick, and for the clicker only.
  const plan = action ? { slow: action.slow, private: action.visibility === 'private' } : { slow: false, private: true };
  return answerComponent(interaction, plan, () => runAction(interaction.customId, contextOf(interaction), deps));
}
