/**
 * The one place where a request becomes a Reply, whatever happens: options are validated,
 * {@link UserFacingError}s become their message, and anything else is logged (with ids only)
 * and answered with a short apology. Adapters call these and never catch feature errors.
 */
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { GENERIC_APOLOGY, isUserFacing, UserFacingError } from '../errors.js';
import { notice, type Reply } from '../reply.js';
import { isStoreUnavailable } from '../store/guarded-stores.js';
import { ACTIONS, COMMANDS } from './index.js';
import type { ActionDefinition, CommandContext, CommandDefinition } from './types.js';

/**
 * Most characters of text one request may carry, whatever the surface. Features have their own,
 * smaller limits with kinder messages (a question 2,000, a draft 20,000); this backstop stops
 * megabytes of pasted text before any work is done on it.
 */
export const MAX_REQUEST_CHARS = 25_000;
/** Longest button id accepted back from a platform (ours are at most 100). */
const MAX_ACTION_ID = 200;

/** Shown when the store cannot be reached: quiz features need it, ask and review do not. */
export const STORE_UNAVAILABLE_MESSAGE =
  "I can't reach my saved data right now, so quizzes, progress, leaderboards and settings are unavailable for a moment. " +
  'Please try again in a few minutes. Asking questions and reviewing drafts still work.';

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
    await consumeRate(context.userId, deps);
    if (textLength(rawOptions) > MAX_REQUEST_CHARS) {
      throw new UserFacingError('input_too_long', `That is too long for me: please keep it under ${MAX_REQUEST_CHARS.toLocaleString('en-GB')} characters.`);
    }
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
  const action = id.length <= MAX_ACTION_ID ? findAction(id) : undefined;
  if (!action) return notice('That button has expired. Start again with /help to see what I can do.');
  return measured(context, `action:${action.prefix}`, deps, async () => {
    await consumeRate(context.userId, deps);
    return action.run(id.slice(action.prefix.length + 1), context, deps);
  });
}

/** Requests being handled right now, and who is waiting for there to be none (shutdown). */
let inFlightCount = 0;
let idleWaiters: Array<() => void> = [];

/** How many commands and button clicks are being handled right now (all surfaces). */
export function inFlight(): number {
  return inFlightCount;
}

/**
 * Resolves true once no request is in flight, or false if `timeoutMs` passes first. Shutdown
 * calls it after the platforms stop taking work, before closing the store.
 */
export function whenIdle(timeoutMs: number): Promise<boolean> {
  if (inFlightCount === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      idleWaiters = idleWaiters.filter((w) => w !== wake);
      resolve(false);
    }, timeoutMs);
    idleWaiters.push(wake);
  });
}

/** Runs one request with logging, metrics and the error-to-reply rule applied once. */
async function measured(context: CommandContext, name: string, deps: Deps, run: () => Promise<Reply>): Promise<Reply> {
  const started = performance.now();
  const fields = { surface: context.surface, command: name };
  let outcome = 'ok';
  inFlightCount += 1;
  try {
    const result = await run();
    deps.logger.info({ ...fields, ms: elapsed(started) }, 'request handled');
    return result;
  } catch (error) {
    outcome = isUserFacing(error) ? (error.code === 'rate_limited' ? 'rate_limited' : 'user_error') : isStoreUnavailable(error) ? 'unavailable' : 'error';
    if (outcome === 'rate_limited') deps.metrics.rateLimited.inc({ surface: context.surface });
    return errorReply(error, { ...fields, ms: elapsed(started) }, deps);
  } finally {
    deps.metrics.requests.inc({ ...fields, outcome });
    deps.metrics.latency.observe(fields, (performance.now() - started) / 1000);
    inFlightCount -= 1;
    if (inFlightCount === 0) for (const wake of idleWaiters.splice(0)) wake();
  }
}

/** Longest the rate limiter may take: on a hung Redis the request goes ahead rather than waiting. */
const RATE_LIMIT_TIMEOUT_MS = 500;
/** After the limiter was slow, requests skip it for this long instead of each waiting again. */
const RATE_LIMIT_COOL_DOWN_MS = 5000;
let rateLimiterSlowUntil = 0;

/**
 * Counts the request against the user's limit; a refusal throws. A broken limiter (rate-limiter-
 * flexible falls back to memory on Redis errors) or a slow one (a hung Redis) lets it through:
 * answering is worth more than limiting during an outage.
 */
async function consumeRate(userId: string, deps: Deps): Promise<void> {
  if (Date.now() < rateLimiterSlowUntil) return;
  let timer: NodeJS.Timeout | undefined;
  const check = deps.rateLimiter.consume(userId);
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), RATE_LIMIT_TIMEOUT_MS)));
  try {
    if ((await Promise.race([check, late])) === 'late') {
      check.catch(() => undefined);
      rateLimiterSlowUntil = Date.now() + RATE_LIMIT_COOL_DOWN_MS;
      deps.logger.warn({ timeoutMs: RATE_LIMIT_TIMEOUT_MS, coolDownMs: RATE_LIMIT_COOL_DOWN_MS }, 'rate limiter slow; requests allowed for a while');
    }
  } catch (error) {
    if (isUserFacing(error)) throw error;
    deps.logger.warn({ err: error }, 'rate limiter failed; request allowed');
  } finally {
    clearTimeout(timer);
  }
}

/** Total characters of the string values in a request's raw options. */
function textLength(options: Record<string, unknown>): number {
  return Object.values(options).reduce<number>((sum, value) => sum + (typeof value === 'string' ? value.length : 0), 0);
}

/**
 * Turns any error into a reply: safe text for user-facing errors, a clear "unavailable" when the
 * store is out (the quiz features need it), an apology otherwise.
 */
export function errorReply(error: unknown, logFields: Record<string, unknown>, deps: Pick<Deps, 'logger'>): Reply {
  if (isStoreUnavailable(error)) {
    deps.logger.warn({ ...logFields, code: 'unavailable', operation: error.operation, reason: error.reason }, 'store unavailable for a request');
    return notice(STORE_UNAVAILABLE_MESSAGE);
  }
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
