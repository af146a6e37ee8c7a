/**
 * Practice sessions: a learner asks for N questions (optionally from one unit), answers them one
 * at a time, and each answer is scored at once. Sessions live in the store with a TTL, keyed by
 * the owner's id; a button carries the session id and a short tag of the owner so an answer to
 * someone else's quiz gets a clear message instead of being scored.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import { UserFacingError } from '../errors.js';
import { getCards, getUserStats, recordAnswer } from './progress-store.js';
import { selectQuestions } from './select.js';
import { shortHash } from './text.js';
import type { Question, QuizBank } from './types.js';

/** How long an unfinished session can still be answered. */
export const SESSION_TTL_MS = 2 * 60 * 60 * 1000;
export const MIN_COUNT = 1;
export const MAX_COUNT = 20;

/** A session as stored: question ids and per-question results, nothing else. */
export interface QuizSession {
  id: string;
  userId: string;
  scopeId: string;
  unit: number | null;
  questionIds: string[];
  /** The choice made for each question answered so far. */
  choices: number[];
  correct: number;
  createdAt: number;
}

/** What answering returns: the scored question and what comes next. */
export interface AnswerOutcome {
  question: Question;
  chosen: number;
  correct: boolean;
  session: QuizSession;
  /** The next question, or null when the session is finished. */
  next: Question | null;
}

const key = (userId: string, sessionId: string) => `session|${userId}|${sessionId}`;

/** The short owner tag carried in button ids (not the id itself). */
export const ownerTag = (userId: string) => shortHash(userId, 6);

/**
 * Starts a session. Throws a {@link UserFacingError} for a count out of range or a unit with no
 * questions.
 * @example const { session, question } = await startSession({ userId, scopeId, count: 5, unit: 3 }, bank, deps);
 */
export async function startSession(
  request: { userId: string; scopeId: string; count: number; unit: number | null; seed?: string | number },
  bank: QuizBank,
  deps: Pick<Deps, 'stores' | 'clock'>,
): Promise<{ session: QuizSession; question: Question }> {
  if (!Number.isInteger(request.count) || request.count < MIN_COUNT || request.count > MAX_COUNT) {
    throw new UserFacingError('invalid_argument', `A quiz can have ${MIN_COUNT} to ${MAX_COUNT} questions.`);
  }
  if (request.unit !== null && !bank.units.includes(request.unit)) {
    throw new UserFacingError('not_found', `There is no unit ${request.unit}. Units ${bank.units[0]}–${bank.units.at(-1)} have questions.`);
  }
  const now = deps.clock.now();
  const [cards, stats] = await Promise.all([getCards(request.userId, deps), getUserStats(request.userId, deps)]);
  const id = randomUUID().replace(/-/g, '').slice(0, 10);
  const questions = selectQuestions({
    questions: bank.questions, count: request.count, unit: request.unit, cards, stats, now, seed: request.seed ?? id,
  });
  const session: QuizSession = {
    id, userId: request.userId, scopeId: request.scopeId, unit: request.unit,
    questionIds: questions.map((q) => q.id), choices: [], correct: 0, createdAt: now,
  };
  await deps.stores.ns<QuizSession>('quiz-sessions').set(key(request.userId, id), session, SESSION_TTL_MS);
  return { session, question: questions[0]! };
}

/**
 * Scores one answer. The owner tag, index and choice come from a button id, so they are checked:
 * someone else's session, an expired one, a question already answered or a choice that does not
 * exist each get their own clear message.
 */
export async function answerSession(
  request: { userId: string; sessionId: string; owner: string; index: number; choice: number },
  bank: QuizBank,
  deps: Pick<Deps, 'stores' | 'clock' | 'config'>,
): Promise<AnswerOutcome> {
  if (request.owner !== ownerTag(request.userId)) {
    throw new UserFacingError('forbidden', "That quiz belongs to someone else. Start your own with /quiz.");
  }
  const store = deps.stores.ns<QuizSession>('quiz-sessions');
  const session = await store.get(key(request.userId, request.sessionId));
  if (!session) throw new UserFacingError('expired', 'That quiz has expired. Start a new one with /quiz.');
  if (request.index < session.choices.length) {
    throw new UserFacingError('invalid_argument', `You have already answered question ${request.index + 1}.`);
  }
  if (request.index !== session.choices.length) throw new UserFacingError('invalid_argument', 'Please answer the questions in order.');
  const question = bank.get(session.questionIds[request.index] ?? '');
  if (!question) throw new UserFacingError('expired', 'That question is no longer in the bank. Start a new quiz with /quiz.');
  if (!Number.isInteger(request.choice) || request.choice < 0 || request.choice >= question.choices.length) {
    throw new UserFacingError('invalid_argument', 'That is not one of the choices.');
  }
  // Two quick clicks (or two instances) must score a question once: claim it before scoring.
  // The key names the user too, so erasure (a key scan for the user id) removes these claims.
  if (!(await deps.stores.claim(`quiz-answer|${request.userId}|${session.id}|${request.index}`, SESSION_TTL_MS))) {
    throw new UserFacingError('invalid_argument', `You have already answered question ${request.index + 1}.`);
  }
  const correct = request.choice === question.answer;
  const updated: QuizSession = { ...session, choices: [...session.choices, request.choice], correct: session.correct + (correct ? 1 : 0) };
  const remaining = SESSION_TTL_MS - (deps.clock.now() - session.createdAt);
  await store.set(key(request.userId, session.id), updated, Math.max(remaining, 60_000));
  await recordAnswer(
    {
      userId: request.userId, scopeId: session.scopeId, questionId: question.id, criterionId: question.criterionId,
      unit: question.unit, correct, at: deps.clock.now(), source: 'session',
    },
    deps,
  );
  const nextId = updated.questionIds[updated.choices.length];
  return { question, chosen: request.choice, correct, session: updated, next: nextId ? bank.get(nextId) ?? null : null };
}
