/**
 * Answering an interaction within Discord's rules, in one place:
 * - acknowledge within 3 seconds: slow work is deferred first (ephemeral or not is decided AT
 *   DEFER TIME with `flags`, because it cannot change afterwards); quick work that overruns a
 *   2-second budget is deferred too, then edited;
 * - the token lives 15 minutes: edits and follow-ups come after the one acknowledgement;
 * - a body Discord rejects (400) is sent again as plain text.
 * Failures beyond that are caught, logged and apologised for by the runner (`runner.ts`).
 */
import { DiscordAPIError, MessageFlags, type MessageComponentInteraction, type RepliableInteraction } from 'discord.js';
import type { Reply } from '../../core/reply.js';
import { takeTurn } from '../../core/turns.js';
import { renderPlain, renderReply, type DiscordMessage } from './render.js';

/** How an interaction is answered, known before the core runs (from the command or action). */
export interface AnswerPlan {
  /** Defer at once: the core may take longer than Discord's 3-second deadline. */
  slow: boolean;
  /** Only the requester sees the answer; also the flag used if a defer is needed. */
  private: boolean;
}

/** Quick work gets this long before it is deferred anyway, leaving a margin under Discord's 3 s. */
export const ACK_BUDGET_MS = 2000;
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
    // Acknowledged: the slow work now takes its turn behind other interactions' acknowledgements.
    await takeTurn();
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
