/**
 * The daily quiz's records in the `quiz-daily` namespace: each post, each channel's rotation and
 * results history, and each learner's answer (keyed by post and user id, so erasure finds it).
 */
import type { Deps } from '../../deps.js';
import type { Tally } from '../types.js';

/** One posted daily question. */
export interface DailyPost {
  id: string;
  channelId: string;
  scopeId: string | null;
  questionId: string;
  /** The scheduled slot (epoch ms) this post fills. */
  slot: number;
  postedAt: number;
  previousPostId: string | null;
  timeZone: string;
  /** When the results are due on their own (DAILY_QUIZ_RESULTS_AFTER_MINUTES), or null for "with the next post". */
  resultsDueAt: number | null;
  /** Set when answers stop being accepted (results shown). */
  closedAt: number | null;
}

/** A channel's rotation and what it has shown so far. */
export interface ChannelState {
  lastSlot: number;
  latestPostId: string | null;
  previousPostId: string | null;
  /** Question ids already posted in this rotation. */
  used: string[];
  /** How the channel did per criterion (counts only), to lean towards its weakest criteria. */
  criteria: Record<string, Tally>;
}

/** One learner's answer to a daily post. */
export interface DailyAnswer {
  choice: number;
  correct: boolean;
  at: number;
}

/** Posts and answers are kept for a fortnight: long enough for results and streaks. */
export const DAILY_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export const dailyKeys = {
  post: (postId: string) => `post|${postId}`,
  channel: (channelId: string) => `channel|${channelId}`,
  answer: (postId: string, userId: string) => `answer|${postId}|${userId}`,
  answerPrefix: (postId: string) => `answer|${postId}|`,
} as const;

const ns = (deps: Pick<Deps, 'stores'>) => deps.stores.ns<unknown>('quiz-daily');

export async function getPost(postId: string, deps: Pick<Deps, 'stores'>): Promise<DailyPost | undefined> {
  return (await ns(deps).get(dailyKeys.post(postId))) as DailyPost | undefined;
}

export async function savePost(post: DailyPost, deps: Pick<Deps, 'stores'>): Promise<void> {
  await ns(deps).set(dailyKeys.post(post.id), post, DAILY_TTL_MS);
}

export async function getChannelState(channelId: string, deps: Pick<Deps, 'stores'>): Promise<ChannelState | undefined> {
  return (await ns(deps).get(dailyKeys.channel(channelId))) as ChannelState | undefined;
}

/** Channel state has no user data and no expiry: the rotation must survive quiet weeks. */
export async function saveChannelState(channelId: string, state: ChannelState, deps: Pick<Deps, 'stores'>): Promise<void> {
  await ns(deps).set(dailyKeys.channel(channelId), state);
}

export async function saveAnswer(postId: string, userId: string, answer: DailyAnswer, deps: Pick<Deps, 'stores'>): Promise<void> {
  await ns(deps).set(dailyKeys.answer(postId, userId), answer, DAILY_TTL_MS);
}

export async function getAnswer(postId: string, userId: string, deps: Pick<Deps, 'stores'>): Promise<DailyAnswer | undefined> {
  return (await ns(deps).get(dailyKeys.answer(postId, userId))) as DailyAnswer | undefined;
}

/** How many answered a post and how many were right (counted from the stored answers). */
export async function tallyAnswers(postId: string, deps: Pick<Deps, 'stores'>): Promise<Tally> {
  const prefix = dailyKeys.answerPrefix(postId);
  const result: Tally = { n: 0, c: 0 };
  for await (const [key, value] of ns(deps).iterator!(undefined)) {
    if (!String(key).startsWith(prefix) || !value) continue;
    result.n += 1;
    if ((value as DailyAnswer).correct) result.c += 1;
  }
  return result;
}
