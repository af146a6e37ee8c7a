/**
 * Commands are data: each user-facing command is one definition (name, description, a zod schema
 * for its options, how to read free text, and `run`). Slack, Discord and the terminal all build
 * their commands from the same list (`commands/index.ts`).
 */
import type { z } from 'zod';
import type { Deps } from '../deps.js';
import type { FormSpec, Reply } from '../reply.js';

/** Which surface a request came from. Features should rarely care; renderers do. */
export type Surface = 'slack' | 'discord' | 'terminal';

/**
 * Who asked, and where, as opaque ids built by the adapter (e.g. `slack:T1:U2`). The core never
 * sees platform payloads.
 */
export interface CommandContext {
  surface: Surface;
  /** The person, e.g. "slack:T1:U2", "discord:123", "terminal:local". */
  userId: string;
  /** The workspace or server: leaderboards and settings are per scope, e.g. "discord:G1". */
  scopeId: string;
  /** The channel, e.g. "slack:T1:C1". */
  channelId: string;
  /** A thread, DM or terminal session: follow-up questions are remembered per conversation. */
  conversationId: string;
  /** True when the platform says the person may manage the server or workspace. */
  isAdmin: boolean;
}

/**
 * One user-facing command.
 * @example
 * export const askCommand = defineCommand({
 *   name: 'ask', description: 'Ask about the qualification',
 *   options: z.object({ question: z.string().describe('Your question') }),
 *   parseText: (text) => ({ question: text }),
 *   visibility: 'public', slow: true,
 *   run: async ({ question }, context, deps) => answer(question, context, deps),
 * });
 */
export interface CommandDefinition<Schema extends z.ZodObject = z.ZodObject> {
  /** Lower-case, hyphenated; the slash command name on every platform. */
  name: string;
  /** One line, at most 100 characters (Discord's limit). */
  description: string;
  /** Options; each field's `.describe()` text becomes the slash option's description. */
  options: Schema;
  /** Reads free text (a Slack command's text, a terminal line) into raw options. */
  parseText(text: string): Record<string, unknown>;
  /** Whether the reply is shown to the channel or only to the requester. */
  visibility: 'public' | 'private';
  /** True when `run` may take longer than a platform's acknowledgement deadline (LLM calls). */
  slow: boolean;
  /** When set and the form's field is missing, adapters show this form instead of running. */
  form?: FormSpec;
  /** Only server/workspace admins may run it. */
  adminOnly?: boolean;
  run(options: z.infer<Schema>, context: CommandContext, deps: Deps): Promise<Reply>;
}

/** Type-preserving helper for writing a command definition. */
export function defineCommand<Schema extends z.ZodObject>(definition: CommandDefinition<Schema>): CommandDefinition<Schema> {
  return definition;
}

/**
 * Handles button clicks whose id starts with `${prefix}:`. The rest of the id is the payload,
 * which the handler validates: ids come back from the platform and are untrusted.
 */
export interface ActionDefinition {
  prefix: string;
  /** Whether the reply goes only to the clicker. */
  visibility: 'public' | 'private';
  slow: boolean;
  run(payload: string, context: CommandContext, deps: Deps): Promise<Reply>;
}
