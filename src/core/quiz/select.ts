/**
 * Which questions a session asks: due FSRS cards first (missed questions come back), then
 * questions the learner has not seen, leaning towards their weakest criteria, then the rest.
 * Never two questions from the same list in one session while there is a choice.
 */
import { mastery, type UserStats } from './progress-store.js';
import { dueQuestionIds, type StoredCard } from './srs.js';
import { createRng, type Rng } from './text.js';
import type { Question } from './types.js';

/** What selection needs to know about the learner and the request. */
export interface SelectionInput {
  questions: readonly Question[];
  count: number;
  unit: number | null;
  cards: Record<string, StoredCard>;
  stats: UserStats | undefined;
  now: number;
  seed: string | number;
}

/**
 * Picks `count` questions (fewer only when the unit has fewer).
 * @example selectQuestions({ questions: bank.questions, count: 5, unit: 1, cards, stats, now, seed })
 */
export function selectQuestions(input: SelectionInput): Question[] {
  const pool = input.questions.filter((q) => input.unit === null || q.unit === input.unit);
  const byId = new Map(pool.map((q) => [q.id, q]));
  const rng = createRng(input.seed);
  const due = dueQuestionIds(input.cards, input.now).flatMap((id) => byId.get(id) ?? []);
  const unseen = rankByWeakness(pool.filter((q) => !input.cards[q.id]), input.stats, rng);
  const later = pool
    .filter((q) => input.cards[q.id] && input.cards[q.id]!.due > input.now)
    .sort((a, b) => input.cards[a.id]!.due - input.cards[b.id]!.due);
  return pickDistinct([...due, ...unseen, ...later], input.count);
}

/** Unseen questions, weakest criteria first, shuffled within similar mastery by the seed. */
export function rankByWeakness(questions: readonly Question[], stats: UserStats | undefined, rng: Rng): Question[] {
  const keyed = questions.map((q) => {
    const tally = q.criterionId ? stats?.criteria[q.criterionId] : undefined;
    // Untried criteria sit at 0.5, between a weak one and a strong one; the jitter varies the order.
    const weight = (tally ? mastery(tally) : 0.5) + rng.int(0, 1000) / 3000;
    return { q, weight };
  });
  return keyed.sort((a, b) => a.weight - b.weight || a.q.id.localeCompare(b.q.id)).map(({ q }) => q);
}

/**
 * Takes questions in order, one per criterion (or list) first, so one question never gives away
 * the next one's answer; then fills up if still short.
 */
export function pickDistinct(ordered: readonly Question[], count: number): Question[] {
  const picked: Question[] = [];
  const topics = new Set<string>();
  const ids = new Set<string>();
  for (const q of ordered) {
    if (picked.length >= count) break;
    const topic = q.criterionId ?? q.topicKey;
    if (ids.has(q.id) || topics.has(topic)) continue;
    picked.push(q);
    ids.add(q.id);
    topics.add(topic);
  }
  for (const q of ordered) {
    if (picked.length >= count) break;
    if (ids.has(q.id)) continue;
    picked.push(q);
    ids.add(q.id);
  }
  return picked;
}
