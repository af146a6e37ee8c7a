/**
 * Floors on the quiz bank's distractor plausibility (docs/quiz.md records the measured values,
 * before and after): a generator change that brings back wrong answers which give themselves away
 * (a risk offered against a benefit, "Advertisements" as a protected characteristic) fails here.
 */
import { describe, expect, it } from 'vitest';
import { quizEvalSuite } from './quiz.js';

describe('quiz evaluation floors', async () => {
  const { metrics } = await quizEvalSuite.run();

  it('keeps the bank valid and covering', () => {
    expect(metrics['bank.invalid_after_build']).toBe(0);
    expect(metrics['coverage.units']).toBe(1);
    expect(metrics['coverage.criteria']).toBeGreaterThanOrEqual(0.95);
  });

  it('draws most wrong answers from plausible pools (was 0.05 before round 2)', () => {
    expect(metrics['distractors.plausible_share']).toBeGreaterThanOrEqual(0.5);
    expect(metrics['distractors.same_kind_share']).toBeGreaterThanOrEqual(0.3);
    expect(metrics['distractors.same_unit_and_kind_share']).toBeGreaterThanOrEqual(0.15);
    expect(metrics['questions.all_plausible_share']).toBeGreaterThanOrEqual(0.25);
  });

  it('almost never sets a bad thing against a good list or the other way round (was 0.27)', () => {
    expect(metrics['distractors.opposite_share']).toBeLessThanOrEqual(0.02);
  });
});
