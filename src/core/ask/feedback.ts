/**
 * "Helpful" / "Not helpful" on answers, for the tutor report. When an answer is shown, its cited
 * record ids are kept (never the question) under the answer's opaque id; a vote is stored with
 * those ids under a key holding the user id (so erasure finds it). One vote per user per answer.
 */
import type { CommandContext } from '../commands/types.js';
import type { Deps } from '../deps.js';
import { notice, type Reply } from '../reply.js';
import type { Answer } from './types.js';

/** Button-id prefix of the feedback action. */
export const FEEDBACK_PREFIX = 'ask-feedback';
/** How long an answer can be rated, and how long votes are kept. */
export const ANSWER_RATING_WINDOW_MS = 30 * 24 * 3_600_000;

export type Vote = 'up' | 'down';

interface AnswerMeta {
  sources: string[];
  at: number;
}

/** A stored vote: the answer's citation ids and the verdict, no text. */
export interface StoredVote {
  vote: Vote;
  sources: string[];
  at: number;
}

const answerKey = (answerId: string) => `answer:${answerId}`;
const voteKey = (answerId: string, userId: string) => `vote:${answerId}:${userId}`;
const PAYLOAD = /^([a-f0-9]{16}):(up|down)$/;

/** The two button ids of an answer. */
export function feedbackButtonIds(answerId: string): Record<Vote, string> {
  return { up: `${FEEDBACK_PREFIX}:${answerId}:up`, down: `${FEEDBACK_PREFIX}:${answerId}:down` };
}

/** Keeps the cited ids of an answer that carries feedback buttons. */
export async function rememberAnswer(answer: Answer, deps: Pick<Deps, 'stores' | 'clock' | 'logger'>): Promise<void> {
  const meta: AnswerMeta = { sources: answer.citations.map((c) => c.source), at: deps.clock.now() };
  try {
    await deps.stores.ns<AnswerMeta>('feedback').set(answerKey(answer.id), meta, ANSWER_RATING_WINDOW_MS);
  } catch (error) {
    deps.logger.warn({ err: error, feature: 'ask' }, 'answer not kept for feedback');
  }
}

/**
 * Records a vote from a button payload (`<answerId>:up|down`); the payload is untrusted.
 * @example await recordFeedback('0123456789abcdef:up', context, deps) // "Thanks…" notice
 */
export async function recordFeedback(payload: string, context: CommandContext, deps: Pick<Deps, 'stores' | 'clock' | 'logger'>): Promise<Reply> {
  const match = PAYLOAD.exec(payload);
  if (!match) return notice('That button is not valid any more.');
  const [, answerId, vote] = match as unknown as [string, string, Vote];
  const meta = await deps.stores.ns<AnswerMeta>('feedback').get(answerKey(answerId));
  if (!meta) return notice('That answer is too old to rate now. Thanks anyway!');
  const first = await deps.stores.claim(`${FEEDBACK_PREFIX}:${answerId}:${context.userId}`, ANSWER_RATING_WINDOW_MS);
  if (!first) return notice('You have already rated this answer. Thanks!');
  const stored: StoredVote = { vote, sources: meta.sources, at: deps.clock.now() };
  await deps.stores.ns<StoredVote>('feedback').set(voteKey(answerId, context.userId), stored, ANSWER_RATING_WINDOW_MS);
  deps.logger.info({ feature: 'ask', action: 'feedback', vote, sources: meta.sources }, 'answer rated');
  return notice(vote === 'up' ? 'Thanks, glad it helped!' : 'Thanks for telling me. Your tutor will see which answers need work.');
}

/** Votes per cited record, for the tutor report: `{ 'u1.ac4.4': { helpful: 3, notHelpful: 1 } }`. */
export async function feedbackSummary(deps: Pick<Deps, 'stores'>): Promise<Record<string, { helpful: number; notHelpful: number }>> {
  const summary: Record<string, { helpful: number; notHelpful: number }> = {};
  const store = deps.stores.ns<StoredVote>('feedback');
  for await (const [key, value] of store.iterator!(undefined)) {
    if (!String(key).startsWith('vote:') || !value) continue;
    const vote = value as StoredVote;
    for (const source of vote.sources) {
      const entry = (summary[source] ??= { helpful: 0, notHelpful: 0 });
      if (vote.vote === 'up') entry.helpful++;
      else entry.notHelpful++;
    }
  }
  return summary;
}
