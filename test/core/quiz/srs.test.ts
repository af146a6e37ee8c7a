import { describe, expect, it } from 'vitest';
import { getQuizBank } from '../../../src/core/quiz/bank/build-bank.js';
import { getCards } from '../../../src/core/quiz/progress-store.js';
import { answerSession, ownerTag, startSession } from '../../../src/core/quiz/sessions.js';
import { dueQuestionIds, reviewCard } from '../../../src/core/quiz/srs.js';
import { testDeps } from '../../helpers/test-deps.js';

const MINUTE = 60_000;

describe('spaced repetition (ts-fsrs)', () => {
  it('brings a missed question back in the next quiz once it is due', async () => {
    const deps = await testDeps();
    const bank = getQuizBank(deps.knowledge);
    const user = { userId: 'terminal:srs-learner', scopeId: 'terminal:class' };
    const first = await startSession({ ...user, count: 3, unit: null, seed: 'first' }, bank, deps);
    const missed = first.question;
    await answerSession({ userId: user.userId, sessionId: first.session.id, owner: ownerTag(user.userId), index: 0, choice: (missed.answer + 1) % missed.choices.length }, bank, deps);

    const cards = await getCards(user.userId, deps);
    expect(cards[missed.id]!.due - deps.clock.now()).toBeLessThanOrEqual(10 * MINUTE);
    // Not due yet a second later: a new quiz starts with something else.
    deps.clock.advance(1000);
    const early = await startSession({ ...user, count: 3, unit: null, seed: 'early' }, bank, deps);
    expect(early.session.questionIds).not.toContain(missed.id);

    deps.clock.advance(15 * MINUTE);
    const later = await startSession({ ...user, count: 3, unit: null, seed: 'later' }, bank, deps);
    expect(later.question.id).toBe(missed.id);
  });

  it('sends a question answered right the first time days ahead, and a miss back within minutes', () => {
    const now = Date.parse('2026-01-05T09:00:00Z');
    const right = reviewCard(undefined, true, now);
    const wrong = reviewCard(undefined, false, now);
    expect(right.due - now).toBeGreaterThan(24 * 60 * MINUTE);
    expect(wrong.due - now).toBeLessThanOrEqual(10 * MINUTE);
    expect(dueQuestionIds({ a: right, b: wrong }, now + 11 * MINUTE)).toEqual(['b']);
    const relearned = reviewCard(wrong, true, wrong.due);
    expect(relearned.lapses).toBe(wrong.lapses);
    expect(relearned.reps).toBe(2);
  });
});
