/**
 * What the quiz remembers about learners, and nothing more: per-user statistics, FSRS cards and a
 * short answer log (question ids, correctness, time), plus one record per learner per scope for
 * leaderboards and the tutor's class view. Every key names the opaque user id, so erasure finds
 * everything; every write refreshes a TTL of QUIZ_RETENTION_DAYS, so idle data expires on its own.
 */
import type { Deps } from '../deps.js';
import { reviewCard, type StoredCard } from './srs.js';
import { weekOf } from './time.js';
import type { AnswerEvent, Tally } from './types.js';

/** A learner's statistics across every scope. */
export interface UserStats {
  all: Tally;
  criteria: Record<string, Tally>;
  units: Record<string, Tally>;
  lastAt: number;
}

/** A learner's statistics within one server/workspace (leaderboards, class view). */
export interface MemberStats extends UserStats {
  weeks: Record<string, Tally>;
  daily: Tally;
}

/** One answer as logged: ids and correctness only. */
export interface LoggedAnswer {
  q: string;
  ok: boolean;
  t: number;
  src: AnswerEvent['source'];
}

const LOG_LIMIT = 500;

/** Store keys; each contains the user id as a whole segment (see privacy/forget.ts). */
export const progressKeys = {
  stats: (userId: string) => `user|${userId}|stats`,
  cards: (userId: string) => `user|${userId}|cards`,
  log: (userId: string) => `user|${userId}|log`,
  streak: (userId: string) => `user|${userId}|streak`,
  member: (scopeId: string, userId: string) => `member|${scopeId}|${userId}`,
  memberPrefix: (scopeId: string) => `member|${scopeId}|`,
} as const;

const store = (deps: Pick<Deps, 'stores'>) => deps.stores.ns<unknown>('quiz-progress');

/**
 * Records one scored answer everywhere it counts: statistics, the FSRS card, the log and the
 * learner's record in the scope. Returns the learner's updated overall statistics.
 */
export async function recordAnswer(event: AnswerEvent, deps: Pick<Deps, 'stores' | 'config'>): Promise<UserStats> {
  const ttl = deps.config.limits.quizRetentionMs;
  const ns = store(deps);
  const stats = (await getUserStats(event.userId, deps)) ?? emptyStats();
  addTo(stats, event);
  const member = (await getMemberStats(event.scopeId, event.userId, deps)) ?? { ...emptyStats(), weeks: {}, daily: tally() };
  addTo(member, event);
  bump(member.weeks, weekOf(event.at, deps.config.dailyQuiz.timeZone), event.correct);
  if (event.source === 'daily') add(member.daily, event.correct);

  const cards = (await ns.get(progressKeys.cards(event.userId))) as Record<string, StoredCard> | undefined;
  const nextCards = { ...cards, [event.questionId]: reviewCard(cards?.[event.questionId], event.correct, event.at) };
  const log = ((await ns.get(progressKeys.log(event.userId))) as LoggedAnswer[] | undefined) ?? [];
  const kept = [...log, { q: event.questionId, ok: event.correct, t: event.at, src: event.source }]
    .filter((entry) => entry.t > event.at - ttl)
    .slice(-LOG_LIMIT);

  await Promise.all([
    ns.set(progressKeys.stats(event.userId), stats, ttl),
    ns.set(progressKeys.member(event.scopeId, event.userId), member, ttl),
    ns.set(progressKeys.cards(event.userId), nextCards, ttl),
    ns.set(progressKeys.log(event.userId), kept, ttl),
  ]);
  return stats;
}

/** A learner's overall statistics, or undefined before their first answer. */
export async function getUserStats(userId: string, deps: Pick<Deps, 'stores'>): Promise<UserStats | undefined> {
  return (await store(deps).get(progressKeys.stats(userId))) as UserStats | undefined;
}

/** A learner's statistics in one scope. */
export async function getMemberStats(scopeId: string, userId: string, deps: Pick<Deps, 'stores'>): Promise<MemberStats | undefined> {
  return (await store(deps).get(progressKeys.member(scopeId, userId))) as MemberStats | undefined;
}

/** A learner's FSRS cards by question id. */
export async function getCards(userId: string, deps: Pick<Deps, 'stores'>): Promise<Record<string, StoredCard>> {
  return ((await store(deps).get(progressKeys.cards(userId))) as Record<string, StoredCard> | undefined) ?? {};
}

/** A learner's answer log, oldest first. */
export async function getAnswerLog(userId: string, deps: Pick<Deps, 'stores'>): Promise<LoggedAnswer[]> {
  return ((await store(deps).get(progressKeys.log(userId))) as LoggedAnswer[] | undefined) ?? [];
}

/** Every learner's record in a scope (leaderboards, class view), keyed by user id. */
export async function listMembers(scopeId: string, deps: Pick<Deps, 'stores'>): Promise<Map<string, MemberStats>> {
  const prefix = progressKeys.memberPrefix(scopeId);
  const members = new Map<string, MemberStats>();
  for await (const [key, value] of store(deps).iterator!(undefined)) {
    const name = String(key);
    if (name.startsWith(prefix) && value) members.set(name.slice(prefix.length), value as MemberStats);
  }
  return members;
}

/** Laplace-smoothed accuracy, so one lucky answer does not count as mastery: (c + 1) / (n + 2). */
export function mastery(value: Tally): number {
  return (value.c + 1) / (value.n + 2);
}

/** A criterion counts as mastered after at least three answers with 80% or more right. */
export function isMastered(value: Tally): boolean {
  return value.n >= 3 && value.c / value.n >= 0.8;
}

export const tally = (): Tally => ({ n: 0, c: 0 });

function emptyStats(): UserStats {
  return { all: tally(), criteria: {}, units: {}, lastAt: 0 };
}

function addTo(stats: UserStats, event: AnswerEvent): void {
  add(stats.all, event.correct);
  if (event.criterionId) bump(stats.criteria, event.criterionId, event.correct);
  if (event.unit !== null) bump(stats.units, String(event.unit), event.correct);
  stats.lastAt = Math.max(stats.lastAt, event.at);
}

function bump(map: Record<string, Tally>, key: string, correct: boolean): void {
  map[key] ??= tally();
  add(map[key], correct);
}

function add(value: Tally, correct: boolean): void {
  value.n += 1;
  if (correct) value.c += 1;
}
