/**
 * Answering an interaction within Discord's rules, in one place:
 * - acknowledge within 3 seconds: slow work is deferred first (ephemeral or not is decided AT
 *   DEFER TIME with `flags`, because it cannot change afterwards); quick work that overruns a
 *   2-second budget is deferred too, then edited;
 * - the token lives 15 minutes: edits and follow-ups come after the one acknowledgement;
 * - a REST failure is logged with ids only and never crashes the client; the user gets an
 *   apology when Discord still accepts one.
 */
import {
  DiscordAPIError,
  HTTPError,
  MessageFlags,
  RESTJSONErrorCodes,
  type Interaction,
  type MessageComponentInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { Deps } from '../../core/deps.js';
import { GENERIC_APOLOGY } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import { NO_MENTIONS, renderPlain, renderReply, type DiscordMessage } from './render.js';

/** How an interaction is answered, known before the core runs (from the command or action). */
export interface AnswerPlan {
  /** Defer at once: the core may take longer than Discord's 3-second deadline. */
  slow: boolean;
  /** Only the requester sees the answer; also the flag used if a defer is needed. */
  private: boolean;
}

/** Quick work gets this long before it is deferred anyway, leaving a margin under Discord's 3 s. */
export const ACK_BUDGET_MS = 2000;
/** Interactions are claimed this long, so a second instance or a replayed event does nothing. */
const CLAIM_TTL_MS = 15 * 60_000;
const LATE = Symbol('late');
const ephemeralFlag = (isPrivate: boolean) => (isPrivate ? { flags: MessageFlags.Ephemeral as const } : {});
const wantsPrivate = (reply: Reply, plan: AnswerPlan) => reply.ephemeral || plan.private;

/**
 * Answers a command or modal submit: reply at once, or defer and then edit.
 * @param produce runs the core (never rejects: the core turns errors into replies)
 */
export async function answerInteraction(interaction: RepliableInteraction, plan: AnswerPlan, produce: () => Promise<Reply>): Promise<void> {
  if (plan.slow) {
    await interaction.deferReply(ephemeralFlag(plan.private));
    return finishDeferred(interaction, plan, await produce());
  }
  const work = produce();
  const early = await within(work, ACK_BUDGET_MS);
  if (early !== LATE) {
    return withFallback(early, (message) => interaction.reply({ ...message, ...ephemeralFlag(wantsPrivate(early, plan)) }));
  }
  await interaction.deferReply(ephemeralFlag(plan.private));
  return finishDeferred(interaction, plan, await work);
}

/**
 * Answers a button click. `replaceOriginal` replies update the message that carried the button;
 * anything else is a new message, ephemeral for feedback meant for the learner who clicked.
 */
export async function answerComponent(interaction: MessageComponentInteraction, plan: AnswerPlan, produce: () => Promise<Reply>): Promise<void> {
  const work = plan.slow ? null : produce();
  const early = work ? await within(work, ACK_BUDGET_MS) : LATE;
  if (early !== LATE) {
    if (early.replaceOriginal) return withFallback(early, (message) => interaction.update(forEdit(message)));
    return withFallback(early, (message) => interaction.reply({ ...message, ...ephemeralFlag(wantsPrivate(early, plan)) }));
  }
  // A deferred update shows no placeholder; afterwards @original is the message with the button.
  await interaction.deferUpdate();
  const result = await (work ?? produce());
  if (result.replaceOriginal) return withFallback(result, (message) => interaction.editReply(forEdit(message)));
  return withFallback(result, (message) => interaction.followUp({ ...message, ...ephemeralFlag(wantsPrivate(result, plan)) }));
}

async function finishDeferred(interaction: RepliableInteraction, plan: AnswerPlan, result: Reply): Promise<void> {
  if (result.ephemeral && !plan.private) {
    // The placeholder is public but this answer is for the requester only (a refusal, an
    // error): remove the placeholder and answer privately rather than show it to the channel.
    await interaction.deleteReply().catch(() => undefined);
    return withFallback(result, (message) => interaction.followUp({ ...message, flags: MessageFlags.Ephemeral }));
  }
  return withFallback(result, (message) => interaction.editReply(forEdit(message)));
}

/** Edits replace the whole message: empty content and arrays clear what was there before. */
function forEdit(message: DiscordMessage): DiscordMessage & { content: string } {
  return { ...message, content: message.content ?? '' };
}

/** Sends the rendered reply; if Discord rejects the body (400), sends the plain-text fallback. */
async function withFallback(result: Reply, send: (message: DiscordMessage) => Promise<unknown>): Promise<void> {
  try {
    await send(renderReply(result));
  } catch (error) {
    if (!(error instanceof DiscordAPIError) || error.status !== 400) throw error;
    await send(renderPlain(result));
  }
}

async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one interaction handler: claims the interaction (another instance, or a replay, leaves it
 * alone), and catches every failure so the client keeps running. Logs ids and codes, never text.
 */
export async function guard(interaction: Interaction, deps: Deps, kind: string, handle: () => Promise<void>): Promise<void> {
  const started = performance.now();
  const fields = { surface: 'discord', kind, interactionId: interaction.id, guildId: interaction.guildId ?? null };
  try {
    if (!(await claim(interaction.id, deps))) {
      deps.logger.info(fields, 'discord interaction already handled elsewhere');
      return;
    }
    await handle();
    deps.logger.debug({ ...fields, ms: Math.round(performance.now() - started) }, 'discord interaction answered');
  } catch (error) {
    deps.logger.error({ ...fields, ...describeError(error), ms: Math.round(performance.now() - started) }, 'discord interaction failed');
    if (interaction.isRepliable()) await apologise(interaction, error);
  }
}

async function claim(interactionId: string, deps: Deps): Promise<boolean> {
  try {
    return await deps.stores.claim(`discord:interaction:${interactionId}`, CLAIM_TTL_MS);
  } catch (error) {
    // A store outage should not leave a learner unanswered: answer, at the small risk of twice.
    deps.logger.warn({ surface: 'discord', interactionId, ...describeError(error) }, 'interaction claim failed; answering anyway');
    return true;
  }
}

/** Best effort: an apology if Discord will still take one (not for an expired interaction). */
async function apologise(interaction: RepliableInteraction, error: unknown): Promise<void> {
  const code = error instanceof DiscordAPIError ? error.code : null;
  if (code === RESTJSONErrorCodes.UnknownInteraction || code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) return;
  const message = { content: GENERIC_APOLOGY, embeds: [], components: [], allowedMentions: NO_MENTIONS };
  try {
    if (interaction.deferred || interaction.replied) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  } catch {
    // Discord is not accepting anything for this interaction; the failure is already logged.
  }
}

/**
 * What may be logged about a failure: the HTTP status and Discord's error code, or the error's
 * name and stack for our own bugs. Never the request URL (it holds the interaction token) or body.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) return { error: 'DiscordAPIError', status: error.status, code: error.code, method: error.method };
  if (error instanceof HTTPError) return { error: 'HTTPError', status: error.status, method: error.method };
  if (error instanceof Error) return { error: error.name, err: { type: error.name, message: error.message, stack: error.stack } };
  return { error: 'unknown' };
}
