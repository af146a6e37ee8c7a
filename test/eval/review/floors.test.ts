/**
 * Floors on the reviewer's figures (docs/review.md records the measured values): a rule change
 * that makes the reviewer worse on the labelled corpus fails here. Since round 5 each draft is
 * reviewed with the channel from its header (`dev.*`, `fresh2.*`, …); `guess.*` holds the same
 * figures without it, as for a user who leaves the channel out.
 */
import { describe, expect, it } from 'vitest';
import { runReviewEval } from './suite.js';

describe('review evaluation floors', async () => {
  const { metrics } = await runReviewEval();

  // Round 4: 1.000 / 0.995 / 0.988 / 0.993 on the 197 development drafts (round 3: 1.000 / 0.969 /
  // 0.985 / 0.976 on 157). Round 5, with the channel, on 213 (16 channel drafts added): 1.000 /
  // 0.995 / 0.983 / 0.994 (dv5-01's "Re: Account 55102938" is read as bank details). The floor sits
  // just under, leaving room for one more mismatch per category.
  it.each(['positive-language', 'tone', 'gdpr', 'writing'])('keeps F1 >= 0.98 on the development part for %s', (category) => {
    expect(metrics[`dev.f1.${category}`]).toBeGreaterThanOrEqual(0.98);
  });

  it('keeps false alarms on good drafts at or under 5% (development part: 0 of 58 after round 4, 0 of 65 after round 5)', () => {
    expect(metrics['dev.falseAlarmRate']).toBeLessThanOrEqual(0.05);
  });

  it('keeps the negative-wording spans covered', () => {
    expect(metrics['dev.spanHitRate']).toBeGreaterThanOrEqual(0.98);
    expect(metrics['holdout.spanHitRate']).toBeGreaterThanOrEqual(0.85);
  });

  it('holds the held-out figures it reached before any tuning against them', () => {
    // 0.889 after round 2, 0.854 after round 3, 0.876 after round 4 (tone 0.769 → 0.846, GDPR 0.917,
    // writing 0.824, positive language 0.909); 0.886 after round 5 (tone 0.880: a PO Box or a
    // postcode's second half is no longer jargon; the channel changed nothing here).
    expect(metrics['holdout.f1.overall']).toBeGreaterThanOrEqual(0.88);
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
    // 10 good drafts flagged. The round-4 widening did not reach this writer's wording. Round 5,
    // told each draft's channel: 0.738 (writing 0.581 → 0.688, GDPR 0.722 → 0.757: a social reply
    // is public with or without an @handle), 0 of 10 good drafts flagged; without it still 0.700.
    expect(metrics['fresh2.f1.overall']).toBeGreaterThanOrEqual(0.73);
    expect(metrics['fresh2.f1.writing']).toBeGreaterThanOrEqual(0.68);
    expect(metrics['fresh2.falseAlarmRate']).toBeLessThanOrEqual(0.1);
  });

  it('meets the overall targets on the whole corpus, and 0.9 per category with the channel', () => {
    // All 213 drafts after round 3: overall F1 0.926; per category positive language 0.971, tone
    // 0.893, GDPR 0.939, writing 0.912; false alarms 3/68. All 293 after round 4 (with the 40 new
    // development drafts and fresh2): overall 0.915; positive language 0.951, tone 0.910, GDPR
    // 0.921, writing 0.882; false alarms 4/86. All 309 after round 5, with the channel: overall
    // 0.921; 0.951 / 0.914 / 0.922 / 0.903; false alarms 2/93.
    expect(metrics['all.f1.overall']).toBeGreaterThanOrEqual(0.91);
    for (const category of ['positive-language', 'tone', 'gdpr', 'writing']) expect(metrics[`all.f1.${category}`]).toBeGreaterThanOrEqual(0.9);
    expect(metrics['all.falseAlarmRate']).toBeLessThanOrEqual(0.05);
  });

  it('holds the figures a user gets without giving the channel (the layout guess)', () => {
    // Round 5, channel not passed: development 0.975 (the 16 channel drafts need it: writing 0.931,
    // 3 of 65 good drafts flagged), held-out 0.886, fresh 0.766, fresh2 0.700, all 0.906 (6/93).
    expect(metrics['guess.dev.f1.overall']).toBeGreaterThanOrEqual(0.97);
    expect(metrics['guess.holdout.f1.overall']).toBeGreaterThanOrEqual(0.88);
    expect(metrics['guess.fresh.f1.overall']).toBeGreaterThanOrEqual(0.75);
    expect(metrics['guess.fresh2.f1.overall']).toBeGreaterThanOrEqual(0.69);
    expect(metrics['guess.all.f1.overall']).toBeGreaterThanOrEqual(0.9);
    expect(metrics['guess.all.falseAlarmRate']).toBeLessThanOrEqual(0.1);
  });
});
