/**
 * Runs interaction handlers safely: each interaction is claimed in the store first (a second
 * instance, or a replayed gateway event, leaves it alone), every failure is caught and logged
 * with ids and codes only (never text or tokens), and the learner gets a private apology when
 * Discord still accepts one. The client never sees an unhandled rejection. On shutdown the
 * runner stops taking new interactions and waits for those in flight.
 */
import {
  DiscordAPIError,
  HTTPError,
  MessageFlags,
  RESTJSONErrorCodes,
  type BaseInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { Deps } from '../../core/deps.js';
import { GENERIC_APOLOGY } from '../../core/errors.js';
import { NO_MENTIONS } from './render.js';

/** Interactions are claimed for their token's lifetime (15 minutes). */
const CLAIM_TTL_MS = 15 * 60_000;

/** What listeners hand their work to. */
export interface InteractionRunner {
  /** Handles one interaction in the background (listeners do not await it). */
  run(interaction: BaseInteraction, kind: string, handle: () => Promise<void>): void;
  /** Stops taking new interactions and resolves when those in flight are done. */
  drain(): Promise<void>;
}

/** @example const runner = createInteractionRunner(deps); registerListeners(client, deps, runner); */
export function createInteractionRunner(deps: Deps): InteractionRunner {
  const pending = new Set<Promise<void>>();
  let accepting = true;
  return {
    run(interaction, kind, handle) {
      // While shutting down, leave new interactions unclaimed so another instance can answer them.
      if (!accepting) return;
      const work = guard(interaction, deps, kind, handle).finally(() => pending.delete(work));
      pending.add(work);
    },
    async drain() {
      accepting = false;
      await Promise.allSettled([...pending]);
    },
  };
}

async function guard(interaction: BaseInteraction, deps: Deps, kind: string, handle: () => Promise<void>): Promise<void> {
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
