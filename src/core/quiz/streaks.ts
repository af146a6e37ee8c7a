/**
 * Daily-quiz streaks: consecutive days a learner answered the daily question, counted in the
 * daily quiz's time zone. A schedule that skips days (weekdays only) must not break a streak, so
 * answering the post that directly follows the one answered last also continues it.
 */
import type { Deps } from '../deps.js';
import { progressKeys } from './progress-store.js';
import { dayBefore, localDay } from './time.js';

/** What is kept per learner: counts, the last local day and the last post answered. */
export interface StreakState {
  current: number;
  best: number;
  lastDay: string | null;
  lastPostId: string | null;
}

/** The daily post being answered, as far as streaks care. */
export interface StreakAnswer {
  postId: string;
  /** The post before this one in the same channel, if any. */
  previousPostId: string | null;
  at: number;
  timeZone: string;
}

/**
 * The streak after answering a daily question (pure).
 * Same local day again: unchanged. The previous day, or the post straight after the last one
 * answered: one longer. Anything else: a new streak of 1.
 */
export function nextStreak(state: StreakState | undefined, answer: StreakAnswer): StreakState {
  const day = localDay(answer.at, answer.timeZone);
  if (!state || state.lastDay === null) return { current: 1, best: Math.max(1, state?.best ?? 0), lastDay: day, lastPostId: answer.postId };
  if (state.lastDay === day) return { ...state, lastPostId: answer.postId };
  const continues = state.lastDay === dayBefore(day) || (answer.previousPostId !== null && state.lastPostId === answer.previousPostId);
  const current = continues ? state.current + 1 : 1;
  return { current, best: Math.max(state.best, current), lastDay: day, lastPostId: answer.postId };
}

/**
 * The streak to show now: still alive when the learner answered today or yesterday, or answered
 * one of the channel's two latest posts (the latest may still be open, e.g. after a weekend).
 */
export function liveStreak(state: StreakState | undefined, now: number, timeZone: string, recentPostIds: readonly string[] = []): number {
  if (!state || state.lastDay === null) return 0;
  const today = localDay(now, timeZone);
  if (state.lastDay === today || state.lastDay === dayBefore(today)) return state.current;
  return state.lastPostId !== null && recentPostIds.includes(state.lastPostId) ? state.current : 0;
}

/** Updates and stores a learner's streak after a daily answer. */
export async function recordDailyStreak(userId: string, answer: StreakAnswer, deps: Pick<Deps, 'stores' | 'config'>): Promise<StreakState> {
  const ns = deps.stores.ns<StreakState>('quiz-progress');
  const next = nextStreak(await ns.get(progressKeys.streak(userId)), answer);
  await ns.set(progressKeys.streak(userId), next, deps.config.limits.quizRetentionMs);
  return next;
}

/** A learner's stored streak state. */
export async function getStreak(userId: string, deps: Pick<Deps, 'stores'>): Promise<StreakState | undefined> {
  return deps.stores.ns<StreakState>('quiz-progress').get(progressKeys.streak(userId));
}
