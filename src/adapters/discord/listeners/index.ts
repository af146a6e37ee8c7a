/**
 * Every Discord listener, registered explicitly (no folder scanning): slash commands, buttons and
 * modal submits. Each listener only translates; the core decides.
 */
import type { Client } from 'discord.js';
import type { Deps } from '../../../core/deps.js';
import type { InteractionRunner } from '../runner.js';
import * as commands from './commands.js';
import * as components from './components.js';
import * as modals from './modals.js';

/** Wires all interaction listeners onto a client. */
export function registerListeners(client: Client, deps: Deps, runner: InteractionRunner): void {
  commands.register(client, deps, runner);
  components.register(client, deps, runner);
  modals.register(client, deps, runner);
}
