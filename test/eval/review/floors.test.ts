/**
 * Floors on the reviewer's figures (docs/review.md records the measured values): a rule change
 * that makes the reviewer worse on the labelled corpus fails here.
 */
import { describe, expect, it } from 'vitest';
import { runReviewEval } from './suite.js';

describe('review evaluation floors', async () => {
  const { metrics } = await runReviewEval();

  it.each(['positive-language', 'tone', 'gdpr', 'writing'])('keeps F1 >= 0.9 on the development part for %s', (category) => {
    expect(metrics[`dev.f1.${category}`]).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps false alarms on good drafts at or under 10% (development part)', () => {
    expect(metrics['dev.falseAlarmRate']).toBeLessThanOrEqual(0.1);
  });

  it('keeps the negative-wording spans covered', () => {
    expect(metrics['dev.spanHitRate']).toBeGreaterThanOrEqual(0.95);
    expect(metrics['holdout.spanHitRate']).toBeGreaterThanOrEqual(0.85);
  });

  it('holds the held-out figures it reached before any tuning against them', () => {
    expect(metrics['holdout.f1.overall']).toBeGreaterThanOrEqual(0.85);
    expect(metrics['holdout.f1.gdpr']).toBeGreaterThanOrEqual(0.9);
    expect(metrics['holdout.f1.positive-language']).toBeGreaterThanOrEqual(0.85);
    expect(metrics['holdout.falseAlarmRate']).toBeLessThanOrEqual(0.25);
  });

  it('meets the targets on the whole corpus', () => {
    expect(metrics['all.f1.overall']).toBeGreaterThanOrEqual(0.9);
    expect(metrics['all.falseAlarmRate']).toBeLessThanOrEqual(0.1);
  });
});
