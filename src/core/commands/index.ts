/**
 * Every user-facing command and button handler, in the order menus show them. Adding a command
 * means adding one file and one line here; Slack, Discord and the terminal pick it up.
 */
import { askCommand, askFeedbackAction } from './ask.js';
import { helpCommand } from './help.js';
import type { ActionDefinition, CommandDefinition } from './types.js';

export const COMMANDS: CommandDefinition[] = [askCommand as unknown as CommandDefinition, helpCommand as unknown as CommandDefinition];

export const ACTIONS: ActionDefinition[] = [askFeedbackAction];
