/**
 * Floors on the Ask evaluation (offline), so a regression in retrieval, the vocabulary or the
 * composer fails CI. Each floor sits just under the figure measured at the end of round 3
 * (docs/ask.md); where that is below the target the reason is written next to it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateAsk } from './evaluate.js';

let metrics: Record<string, number>;

beforeAll(async () => {
  ({ metrics } = await evaluateAsk());
}, 60_000);

describe('Ask evaluation floors (offline)', () => {
  it('has at least 100 questions, with a held-out part and the round-3 fresh batch', () => {
    expect(metrics.n).toBeGreaterThanOrEqual(100);
    expect(metrics['n.holdout']).toBeGreaterThanOrEqual(150);
    expect(metrics['n.batch.par3']).toBeGreaterThanOrEqual(70);
  });

  it('finds the right criterion for questions in the specification’s words and the tuned items', () => {
    expect(metrics['recall@3.direct']).toBeGreaterThanOrEqual(0.95);
    expect(metrics['recall@3.dev']).toBeGreaterThanOrEqual(0.97);
  });

  it('holds the held-out figures (regression guards: the issue’s 0.85 for paraphrases is NOT met)', () => {
    // Measured at the end of round 3: all paraphrases 0.800, held-out 0.660, held-out paraphrases
    // 0.565, the fresh round-3 batch 0.512 (0.442 before round 3). The whole-set paraphrase figure
    // is below 0.85 because the set now holds 81 fresh held-out paraphrases that tuning never saw.
    expect(metrics['recall@3.paraphrase']).toBeGreaterThanOrEqual(0.79);
    expect(metrics['recall@3.holdout']).toBeGreaterThanOrEqual(0.65);
    expect(metrics['recall@3.holdout.paraphrase']).toBeGreaterThanOrEqual(0.55);
    expect(metrics['recall@3.batch.par3']).toBeGreaterThanOrEqual(0.5);
    // 0.810 measured; the held-out batches pull it below the 0.9 it had on round-1 items.
    expect(metrics['recall@1']).toBeGreaterThanOrEqual(0.8);
  });

  it('puts the key facts in the answer', () => {
    expect(metrics['facts.dev']).toBeGreaterThanOrEqual(0.95);
    // 0.848 measured over everything: held-out misses carry no facts.
    expect(metrics.facts).toBeGreaterThanOrEqual(0.84);
  });

  it('handles every off-topic and injection item, and refuses accurately', () => {
    expect(metrics['handled.off-topic']).toBe(1);
    expect(metrics['handled.injection']).toBe(1);
    expect(metrics.refusal).toBeGreaterThanOrEqual(0.97);
  });
});
