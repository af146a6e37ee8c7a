/**
 * Floors on the reviewer's figures (docs/review.md records the measured values): a rule change
 * that makes the reviewer worse on the labelled corpus fails here.
 */
import { describe, expect, it } from 'vitest';
import { runReviewEval } from './suite.js';

describe('review evaluation floors', async () => {
  const { metrics } = await runReviewEval();

  // Round 3: 1.000 / 0.969 / 0.985 / 0.976 on the 157 development drafts.
  it.each(['positive-language', 'tone', 'gdpr', 'writing'])('keeps F1 >= 0.95 on the development part for %s', (category) => {
    expect(metrics[`dev.f1.${category}`]).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps false alarms on good drafts at or under 10% (development part)', () => {
    expect(metrics['dev.falseAlarmRate']).toBeLessThanOrEqual(0.1);
  });

  it('keeps the negative-wording spans covered', () => {
    expect(metrics['dev.spanHitRate']).toBeGreaterThanOrEqual(0.95);
    expect(metrics['holdout.spanHitRate']).toBeGreaterThanOrEqual(0.85);
  });

  it('holds the held-out figures it reached before any tuning against them', () => {
    // 0.889 after round 2, 0.854 after round 3 (tone 0.769, GDPR 0.917, writing 0.824).
    expect(metrics['holdout.f1.overall']).toBeGreaterThanOrEqual(0.85);
    expect(metrics['holdout.f1.gdpr']).toBeGreaterThanOrEqual(0.9);
    expect(metrics['holdout.f1.positive-language']).toBeGreaterThanOrEqual(0.85);
    expect(metrics['holdout.falseAlarmRate']).toBeLessThanOrEqual(0.25);
  });

  it('holds the fresh held-out figures (drafts written by someone who had not seen the rules)', () => {
    // Round 2 rules → round 3 (read once): overall F1 0.704 → 0.750, positive language 0.857 →
    // 0.919, tone 0.611 → 0.667, GDPR 0.696 → 0.696, writing 0.645 → 0.690, 1 of 10 good drafts
    // flagged. Far under the 0.9: the rules generalise less well than the development part.
    expect(metrics['fresh.f1.overall']).toBeGreaterThanOrEqual(0.74);
    expect(metrics['fresh.falseAlarmRate']).toBeLessThanOrEqual(0.1);
  });

  it('meets the overall targets on the whole corpus (not per category: tone and writing are under 0.9)', () => {
    // All 213 drafts after round 3: overall F1 0.926; per category positive language 0.971, tone
    // 0.893, GDPR 0.939, writing 0.912; false alarms 3/68.
    expect(metrics['all.f1.overall']).toBeGreaterThanOrEqual(0.9);
    expect(metrics['all.falseAlarmRate']).toBeLessThanOrEqual(0.1);
  });
});
