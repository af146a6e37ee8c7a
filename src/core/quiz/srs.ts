/**
 * Spaced repetition with ts-fsrs: every answered question gets an FSRS card; a wrong answer is
 * graded "Again" (due again within minutes), a right one "Good" ("Easy" the first time it is
 * seen), so it is due later and later. Sessions
 * put due cards first, so missed questions come back in the learner's next quizzes.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';

/** A card as stored (JSON-safe: dates as epoch milliseconds). */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: number | null;
}

// No fuzz: the same answers at the same times give the same schedule (tests and reproducibility).
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true }));

/**
 * Schedules the next review of a question after an answer.
 * @example const card = reviewCard(undefined, false, now); // missed: due again in about a minute
 */
export function reviewCard(previous: StoredCard | undefined, correct: boolean, now: number): StoredCard {
  const card = previous ? toCard(previous) : createEmptyCard(new Date(now));
  // Right first time means the learner knew it: Easy sends it days ahead instead of re-asking in
  // ten minutes. After that, Good; a miss is always Again.
  const grade: Grade = !correct ? Rating.Again : previous ? Rating.Good : Rating.Easy;
  return fromCard(scheduler.next(card, new Date(now), grade).card);
}

/** Question ids whose cards are due at `now`, most overdue first. */
export function dueQuestionIds(cards: Record<string, StoredCard>, now: number): string[] {
  return Object.entries(cards)
    .filter(([, card]) => card.due <= now)
    .sort(([a, left], [b, right]) => left.due - right.due || a.localeCompare(b))
    .map(([id]) => id);
}

function toCard(stored: StoredCard): Card {
  return {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: 0,
    scheduled_days: stored.scheduledDays,
    learning_steps: stored.learningSteps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state,
    ...(stored.lastReview !== null && { last_review: new Date(stored.lastReview) }),
  };
}

function fromCard(card: Card): StoredCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}
