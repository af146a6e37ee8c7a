/**
 * The one place where a request becomes a Reply, whatever happens: options are validated,
 * {@link UserFacingError}s become their message, and anything else is logged (with ids only)
 * and answered with a short apology. Adapters call these and never catch feature errors.
 */
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { GENERIC_APOLOGY, isUserFacing, UserFacingError } from '../errors.js';
import { notice, type Reply } from '../reply.js';
import { ACTIONS, COMMANDS } from './index.js';
import type { ActionDefinition, CommandContext, CommandDefinition } from './types.js';

/** Finds a command by name (case-insensitive, leading slash allowed). */
export function findCommand(name: string): CommandDefinition | undefined {
  const wanted = name.replace(/^\//, '').toLowerCase();
  return COMMANDS.find((command) => command.name === wanted);
}

/** Finds the action handler for a button id. */
export function findAction(id: string): ActionDefinition | undefined {
  const prefix = id.split(':', 1)[0];
  return ACTIONS.find((action) => action.prefix === prefix);
}

/**
 * Runs a command with raw options (from a platform's typed options or `parseText`).
 * @example const reply = await runCommand('ask', { question: 'What is LASS?' }, context, deps);
 */
export async function runCommand(name: string, rawOptions: Record<string, unknown>, context: CommandContext, deps: Deps): Promise<Reply> {
  const command = findCommand(name);
  if (!command) return notice(`I don't know the command "${name.slice(0, 40)}". Try /help.`);
  return measured(context, command.name, deps, async () => {
    await deps.rateLimiter.consume(context.userId);
    if (command.adminOnly && !context.isAdmin) {
      throw new UserFacingError('forbidden', 'Only someone who can manage this server or workspace can do that.');
    }
    const parsed = command.options.safeParse(rawOptions);
    if (!parsed.success) throw new UserFacingError('invalid_argument', describeInvalidOptions(command, parsed.error));
    return command.run(parsed.data, context, deps);
  });
}

/** Runs the handler for a clicked button. Unknown ids (old messages, restarts) get a clear message. */
export async function runAction(id: string, context: CommandContext, deps: Deps): Promise<Reply> {
  const action = findAction(id);
  if (!action) return notice('That button has expired. Start again with /help to see what I can do.');
  return measured(context, `action:${action.prefix}`, deps, async () => {
    await deps.rateLimiter.consume(context.userId);
    return action.run(id.slice(action.prefix.length + 1), context, deps);
  });
}

/** Runs one request with logging, metrics and the error-to-reply rule applied once. */
async function measured(context: CommandContext, name: string, deps: Deps, run: () => Promise<Reply>): Promise<Reply> {
  const started = performance.now();
  const fields = { surface: context.surface, command: name };
  let outcome = 'ok';
  try {
    const result = await run();
    deps.logger.info({ ...fields, ms: elapsed(started) }, 'request handled');
    return result;
  } catch (error) {
    outcome = isUserFacing(error) ? (error.code === 'rate_limited' ? 'rate_limited' : 'user_error') : 'error';
    if (outcome === 'rate_limited') deps.metrics.rateLimited.inc({ surface: context.surface });
    return errorReply(error, { ...fields, ms: elapsed(started) }, deps);
  } finally {
    deps.metrics.requests.inc({ ...fields, outcome });
    deps.metrics.latency.observe(fields, (performance.now() - started) / 1000);
  }
}

/** Turns any error into a reply: safe text for user-facing errors, an apology otherwise. */
export function errorReply(error: unknown, logFields: Record<string, unknown>, deps: Pick<Deps, 'logger'>): Reply {
  if (isUserFacing(error)) {
    deps.logger.info({ ...logFields, code: error.code }, 'user-facing error');
    return notice(error.message);
  }
  deps.logger.error({ ...logFields, err: error }, 'command failed');
  return notice(GENERIC_APOLOGY);
}

function describeInvalidOptions(command: CommandDefinition, error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    const option = issue.path.join('.') || 'input';
    return `• ${option}: ${friendlyIssue(issue)}`;
  });
  return `That /${command.name} request doesn't look right:\n${problems.join('\n')}`;
}

function friendlyIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' ? 'please write something' : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `please keep it under ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? 'must be a whole number' : 'is missing';
    default:
      return issue.message;
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
