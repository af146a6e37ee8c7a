/**
 * Retention: nothing is kept longer than its purpose needs.
 *
 * Most records carry a store TTL (conversation memory `CONVERSATION_TTL_HOURS`, quiz sessions 2 h,
 * daily posts and answers 14 days, answer ratings 30 days, quiz progress `QUIZ_RETENTION_DAYS`
 * from the last write). The sweep enforces the quiz-history retention on top, by the records' own
 * timestamps, so it also holds for data written under a longer setting and for active learners:
 * - answer-log entries, revision cards and weekly tallies older than the retention are removed;
 * - a learner's totals, streak and per-server record go once they have not answered for the whole
 *   retention period (totals are running counts, so they cannot be aged out answer by answer);
 * - daily-quiz answers older than the retention and conversation memory older than its TTL go;
 * - every namespace is walked, which makes backends that expire lazily (SQLite) drop expired rows.
 * `npm start` runs it daily (once across instances); `coach privacy sweep` runs it by hand.
 */
import type { Deps } from '../deps.js';
import type { LoggedAnswer, MemberStats, UserStats } from '../quiz/progress-store.js';
import type { StoredCard } from '../quiz/srs.js';
import type { StreakState } from '../quiz/streaks.js';
import { STORE_NAMESPACES } from '../store/create-stores.js';

/** What a sweep changed: records deleted and records trimmed, by namespace. */
export interface SweepReport {
  deleted: Record<string, number>;
  trimmed: Record<string, number>;
  cutoff: number;
}

type Verdict = { action: 'keep' } | { action: 'delete' } | { action: 'trim'; value: unknown };
const KEEP: Verdict = { action: 'keep' };
const DELETE: Verdict = { action: 'delete' };

/**
 * Applies the retention rules once.
 * @example const report = await sweepRetention(deps); // { deleted: { 'quiz-progress': 12 }, … }
 */
export async function sweepRetention(deps: Pick<Deps, 'stores' | 'clock' | 'config' | 'logger'>): Promise<SweepReport> {
  const now = deps.clock.now();
  const cutoff = now - deps.config.limits.quizRetentionMs;
  const conversationCutoff = now - deps.config.limits.conversationTtlMs;
  const report: SweepReport = { deleted: {}, trimmed: {}, cutoff };
  for (const namespace of STORE_NAMESPACES) {
    const store = deps.stores.ns(namespace);
    const changes: Array<[string, Verdict]> = [];
    // Walking the namespace also removes rows whose TTL has passed (keyv deletes them on sight).
    for await (const [key, value] of store.iterator!(undefined)) {
      const verdict = judge(namespace, String(key), value, cutoff, conversationCutoff);
      if (verdict.action !== 'keep') changes.push([String(key), verdict]);
    }
    for (const [key, verdict] of changes) {
      if (verdict.action === 'delete') {
        await store.delete(key);
        report.deleted[namespace] = (report.deleted[namespace] ?? 0) + 1;
      } else if (verdict.action === 'trim') {
        const raw = await store.getRaw(key);
        const ttl = typeof raw?.expires === 'number' ? Math.max(raw.expires - Date.now(), 1000) : undefined;
        await store.set(key, verdict.value, ttl);
        report.trimmed[namespace] = (report.trimmed[namespace] ?? 0) + 1;
      }
    }
  }
  deps.logger.info({ deleted: report.deleted, trimmed: report.trimmed }, 'retention sweep done');
  return report;
}

function judge(namespace: string, key: string, value: unknown, cutoff: number, conversationCutoff: number): Verdict {
  if (value === undefined || value === null) return KEEP;
  if (namespace === 'quiz-progress') return judgeProgress(key, value, cutoff);
  if (namespace === 'quiz-daily' && key.startsWith('answer|')) return (value as { at?: number }).at! < cutoff ? DELETE : KEEP;
  if (namespace === 'conversations') {
    const turns = (value as { turns?: Array<{ at?: number }> }).turns ?? [];
    return turns.every((turn) => (turn.at ?? 0) < conversationCutoff) ? DELETE : KEEP;
  }
  return KEEP;
}

function judgeProgress(key: string, value: unknown, cutoff: number): Verdict {
  const kind = key.split('|', 1)[0];
  if (kind === 'member') {
    const member = value as MemberStats;
    if (member.lastAt < cutoff) return DELETE;
    const cutoffWeek = new Date(cutoff).toISOString().slice(0, 10);
    const weeks = Object.fromEntries(Object.entries(member.weeks ?? {}).filter(([week]) => week >= cutoffWeek));
    return Object.keys(weeks).length < Object.keys(member.weeks ?? {}).length ? { action: 'trim', value: { ...member, weeks } } : KEEP;
  }
  if (kind !== 'user') return KEEP;
  // user|<id>|<field>: the id contains colons but never "|".
  switch (key.slice(key.lastIndexOf('|') + 1)) {
    case 'stats':
      return (value as UserStats).lastAt < cutoff ? DELETE : KEEP;
    case 'streak': {
      const lastDay = (value as StreakState).lastDay;
      return lastDay === null || lastDay < new Date(cutoff).toISOString().slice(0, 10) ? DELETE : KEEP;
    }
    case 'log': {
      const log = value as LoggedAnswer[];
      const kept = log.filter((entry) => entry.t >= cutoff);
      if (kept.length === 0) return DELETE;
      return kept.length < log.length ? { action: 'trim', value: kept } : KEEP;
    }
    case 'cards': {
      const cards = Object.entries(value as Record<string, StoredCard>);
      const kept = cards.filter(([, card]) => (card.lastReview ?? card.due) >= cutoff);
      if (kept.length === 0) return DELETE;
      return kept.length < cards.length ? { action: 'trim', value: Object.fromEntries(kept) } : KEEP;
    }
    default:
      return KEEP;
  }
}
