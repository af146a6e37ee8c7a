/**
 * Conversation memory for follow-ups ("and what about the second one?"). A conversation (Slack
 * thread, DM, terminal session) remembers its last few turns for a limited time
 * (`CONVERSATION_TTL_HOURS`), per user: keys hold the opaque user id so erasure finds them.
 * Only record ids, the unit and knowledge-base text are stored — never the learner's question.
 */
import type { CommandContext } from '../commands/types.js';
import type { Deps } from '../deps.js';
import type { References } from './references.js';
import type { ConversationTurn } from './types.js';

/** Turns kept per conversation. */
export const MAX_TURNS = 3;

interface StoredConversation {
  turns: ConversationTurn[];
}

/** The store key of a user's conversation. */
export const conversationKey = (context: Pick<CommandContext, 'userId' | 'conversationId'>) => `ask:${context.userId}:${context.conversationId}`;

/**
 * The conversation's most recent turn, or null. A store failure means no memory, not no answer.
 */
export async function lastTurn(context: CommandContext, deps: Pick<Deps, 'stores' | 'logger' | 'clock' | 'config'>): Promise<ConversationTurn | null> {
  try {
    const stored = await deps.stores.ns<StoredConversation>('conversations').get(conversationKey(context));
    const turn = stored?.turns.at(-1) ?? null;
    if (!turn || deps.clock.now() - turn.at > deps.config.limits.conversationTtlMs) return null;
    return turn;
  } catch (error) {
    deps.logger.warn({ err: error, feature: 'ask' }, 'conversation memory unavailable');
    return null;
  }
}

/** Appends a turn, keeping the last {@link MAX_TURNS}, with the configured time to live. */
export async function rememberTurn(turn: ConversationTurn, context: CommandContext, deps: Pick<Deps, 'stores' | 'logger' | 'config'>): Promise<void> {
  try {
    const store = deps.stores.ns<StoredConversation>('conversations');
    const key = conversationKey(context);
    const stored = (await store.get(key)) ?? { turns: [] };
    await store.set(key, { turns: [...stored.turns, turn].slice(-MAX_TURNS) }, deps.config.limits.conversationTtlMs);
  } catch (error) {
    deps.logger.warn({ err: error, feature: 'ask' }, 'conversation memory not saved');
  }
}

/** How a question continues the previous turn. */
export type FollowUp =
  /** "the second one": a thing the previous answer listed. */
  | { kind: 'item'; record: string; heading: string | null }
  /** "tell me more": everything in the previous answer's record. */
  | { kind: 'more'; record: string }
  /** "how is it assessed?", "what about 2.3?": the previous record or unit is the context. */
  | { kind: 'context'; record: string };

const MORE = /^(?:and\s+)?(?:tell me more|more|go on|say more|explain (?:that|it|this|more)|more (?:info|information|detail|details)|can you explain (?:that|it|more)|what else)\b/i;
/** Starts by carrying on ("and…", "what about…"). */
const CONTINUATION = /^(?:and|so|what about|how about|and what about|ok(?:ay)?|but|also)\b/i;
/** Refers back with a pronoun ("how is it assessed?", "what does that mean?"), not "this course". */
const POINTS_BACK = /\b(?:it|them|those|these|that one|this one|that|this)\b(?!\s+(?:course|qualification|unit|btec|criterion|one|[a-z]+(?:s|ing|ion|ment)\b))/i;
/** Pronoun questions longer than this are new questions that happen to say "it". */
const MAX_POINTING_WORDS = 6;

/**
 * Works out whether a question follows on from the previous turn.
 * @example detectFollowUp('and what about the second one?', turn, refs) // { kind: 'item', … }
 */
export function detectFollowUp(question: string, turn: ConversationTurn | null, references: References): FollowUp | null {
  if (!turn || turn.records.length === 0) return null;
  const words = question.trim().split(/\s+/).length;
  if (words > 10) return null;
  const ordinal = references.ordinal ?? (/\blast one\b/i.test(question) ? turn.listed.length : null);
  if (ordinal !== null && ordinal >= 1 && references.ac === null && references.unit === null) {
    const item = turn.listed[ordinal - 1];
    if (item) return { kind: 'item', record: item.record, heading: /^\*\*(.+?)\*\*/.exec(item.text)?.[1] ?? null };
    const record = turn.records[ordinal - 1];
    if (record) return { kind: 'item', record, heading: null };
  }
  if (MORE.test(question.trim())) return { kind: 'more', record: turn.records[0]! };
  if (references.unit !== null || references.acronyms.some((a) => a.strong)) return null;
  const trimmed = question.trim();
  if (references.ac !== null || CONTINUATION.test(trimmed) || (words <= MAX_POINTING_WORDS && POINTS_BACK.test(trimmed))) {
    return { kind: 'context', record: turn.records[0]! };
  }
  return null;
}
