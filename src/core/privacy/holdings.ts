/**
 * What Service Coach holds about one person, by namespace, in words a learner understands. Used
 * by `/forget-me` (before and after deleting), `coach privacy show` and docs/PRIVACY.md.
 */
import type { Deps } from '../deps.js';
import { STORE_NAMESPACES, type StoreNamespace } from '../store/create-stores.js';
import { namesUser } from './forget.js';

/** Plain-English description of each namespace's per-person records. */
export const NAMESPACE_LABELS: Record<StoreNamespace, string> = {
  conversations: 'what I remember of your recent questions, for follow-ups',
  'quiz-sessions': 'quizzes in progress',
  'quiz-progress': 'quiz progress, scores, streaks and revision schedule',
  'quiz-daily': 'daily-quiz answers',
  'quiz-bank': 'quiz questions',
  feedback: 'your ratings of answers',
  settings: 'settings',
  embeddings: 'search data',
  claims: 'short-lived markers that stop a click or message counting twice',
};

/** One stored record about the person: where it is and when it expires. */
export interface HeldRecord {
  namespace: StoreNamespace;
  key: string;
  /** Epoch ms when the store deletes it on its own, or null when it is kept until deleted. */
  expiresAt: number | null;
}

/**
 * Every record whose key names the user (the convention every feature follows; see forget.ts).
 * @example const held = await listHoldings('slack:T1:U2', deps);
 */
export async function listHoldings(userId: string, deps: Pick<Deps, 'stores'>): Promise<HeldRecord[]> {
  const held: HeldRecord[] = [];
  for (const namespace of STORE_NAMESPACES) {
    const store = deps.stores.ns(namespace);
    const keys: string[] = [];
    for await (const [key] of store.iterator!(undefined)) {
      if (namesUser(String(key), userId)) keys.push(String(key));
    }
    for (const key of keys.sort()) {
      const raw = await store.getRaw(key);
      held.push({ namespace, key, expiresAt: typeof raw?.expires === 'number' ? raw.expires : null });
    }
  }
  return held;
}

/** Counts per namespace, e.g. `{ 'quiz-progress': 4, conversations: 1 }`. */
export function countByNamespace(records: readonly { namespace: StoreNamespace }[]): Partial<Record<StoreNamespace, number>> {
  const counts: Partial<Record<StoreNamespace, number>> = {};
  for (const record of records) counts[record.namespace] = (counts[record.namespace] ?? 0) + 1;
  return counts;
}

/**
 * Lines such as "quiz progress, scores, streaks and revision schedule (4 records)", in the order
 * of {@link STORE_NAMESPACES}.
 */
export function describeCounts(counts: Partial<Record<string, number>>): string[] {
  return STORE_NAMESPACES.filter((namespace) => (counts[namespace] ?? 0) > 0).map((namespace) => {
    const n = counts[namespace]!;
    return `${NAMESPACE_LABELS[namespace]} (${n} record${n === 1 ? '' : 's'})`;
  });
}
