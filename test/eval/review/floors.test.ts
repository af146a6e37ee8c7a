/**
 * Floors on the reviewer's figures (docs/review.md records the measured values): a rule change
 * that makes the reviewer worse on the labelled corpus fails here.
 */
import { describe, expect, it } from 'vitest';
import { runReviewEval } from './suite.js';

describe('review evaluation floors', async () => {
  const { metrics } = await runReviewEval();

  // Round 4: 1.000 / 0.995 / 0.988 / 0.993 on the 197 development drafts (round 3: 1.000 / 0.969 /
  // 0.985 / 0.976 on 157). The floor sits just under, leaving room for one more mismatch per category.
  it.each(['positive-language', 'tone', 'gdpr', 'writing'])('keeps F1 >= 0.98 on the development part for %s', (category) => {
    expect(metrics[`dev.f1.${category}`]).toBeGreaterThanOrEqual(0.98);
  });

  it('keeps false alarms on good drafts at or under 5% (development part: 0 of 58 after round 4)', () => {
    expect(metrics['dev.falseAlarmRate']).toBeLessThanOrEqual(0.05);
  });

  it('keeps the negative-wording spans covered', () => {
    expect(metrics['dev.spanHitRate']).toBeGreaterThanOrEqual(0.98);
    expect(metrics['holdout.spanHitRate']).toBeGreaterThanOrEqual(0.85);
  });

  it('holds the held-out figures it reached before any tuning against them', () => {
    // 0.889 after round 2, 0.854 after round 3, 0.876 after round 4 (tone 0.769 → 0.846, GDPR 0.917,
    // writing 0.824, positive language 0.909).
    expect(metrics['holdout.f1.overall']).toBeGreaterThanOrEqual(0.86);
    expect(metrics['holdout.f1.gdpr']).toBeGreaterThanOrEqual(0.9);
    expect(metrics['holdout.f1.positive-language']).toBeGreaterThanOrEqual(0.85);
    expect(metrics['holdout.falseAlarmRate']).toBeLessThanOrEqual(0.25);
  });

  it('holds the fresh held-out figures (drafts written by someone who had not seen the rules)', () => {
    // Round 2 rules → round 3 (read once): overall F1 0.704 → 0.750, positive language 0.857 →
    // 0.919, tone 0.611 → 0.667, GDPR 0.696 → 0.696, writing 0.645 → 0.690, 1 of 10 good drafts
    // flagged. Far under the 0.9: the rules generalise less well than the development part.
    // Round 4: 0.750 → 0.766 (GDPR 0.696 → 0.750, tone 0.667 → 0.684).
    expect(metrics['fresh.f1.overall']).toBeGreaterThanOrEqual(0.75);
    expect(metrics['fresh.falseAlarmRate']).toBeLessThanOrEqual(0.1);
  });

  it('holds the second fresh held-out figures (fresh2, round 4, written without sight of the rules)', () => {
    // Round-3 rules (d8bcffb) 0.689; first read when the file appeared (rules at 17254ba) 0.700;
    // after round 4 0.700 (positive language 0.800, tone 0.714, GDPR 0.722, writing 0.581); 1 of
    // 10 good drafts flagged. The round-4 widening did not reach this writer's wording.
    expect(metrics['fresh2.f1.overall']).toBeGreaterThanOrEqual(0.69);
    expect(metrics['fresh2.falseAlarmRate']).toBeLessThanOrEqual(0.1);
  });

  it('meets the overall targets on the whole corpus (not per category: writing is under 0.9)', () => {
    // All 213 drafts after round 3: overall F1 0.926; per category positive language 0.971, tone
    // 0.893, GDPR 0.939, writing 0.912; false alarms 3/68. All 293 after round 4 (with the 40 new
    // development drafts and fresh2): overall 0.915; positive language 0.951, tone 0.910, GDPR
    // 0.921, writing 0.882; false alarms 4/86.
    expect(metrics['all.f1.overall']).toBeGreaterThanOrEqual(0.9);
    expect(metrics['all.f1.tone']).toBeGreaterThanOrEqual(0.9);
    expect(metrics['all.falseAlarmRate']).toBeLessThanOrEqual(0.1);
  });
});
