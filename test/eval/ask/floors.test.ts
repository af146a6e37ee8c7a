/**
 * Floors on the Ask evaluation (offline), so a regression in retrieval, the vocabulary, the learner
 * phrasings or the composer fails CI. Each floor sits just under the figure measured at the end of
 * round 6 (docs/ask.md); where that is below the target the reason is written next to it.
 * Round 5 added the learner phrasings (knowledge/phrasings.json) and the fresh par5 batch (112
 * held-out items written by another engineer, independently of the phrasings); round 6 widened the
 * phrasings to 15-19 per criterion, and par6 (111 held-out items, written independently after the
 * round-6 phrasings were final) joined the set; figures over the whole set moved with it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateAsk } from './evaluate.js';

let metrics: Record<string, number>;

beforeAll(async () => {
  ({ metrics } = await evaluateAsk());
}, 60_000);

describe('Ask evaluation floors (offline)', () => {
  it('has at least 100 questions, with a held-out part and the fresh round-3 to round-6 batches', () => {
    expect(metrics.n).toBeGreaterThanOrEqual(100);
    expect(metrics['n.holdout']).toBeGreaterThanOrEqual(470);
    expect(metrics['n.batch.par3']).toBeGreaterThanOrEqual(70);
    expect(metrics['n.batch.par4']).toBeGreaterThanOrEqual(80);
    expect(metrics['n.batch.par5']).toBeGreaterThanOrEqual(100);
    expect(metrics['n.batch.par6']).toBeGreaterThanOrEqual(100);
  });

  it('finds the right criterion for questions in the specification’s words and the tuned items', () => {
    // 1.000 in every round: phrasings must never cost a question in the specification's own words.
    expect(metrics['recall@3.direct']).toBe(1);
    // 1.000: the round-3 tuning batch (0.942 before the phrasings).
    expect(metrics['recall@3.batch.tun3']).toBeGreaterThanOrEqual(0.98);
    // 0.951 measured (0.935 before the phrasings, 0.948 after round 5).
    expect(metrics['recall@3.dev']).toBeGreaterThanOrEqual(0.94);
  });

  it('holds the held-out figures (regression guards: the issue’s 0.85 for paraphrases is NOT met)', () => {
    // Measured (no phrasings → round 5 → round 6): all paraphrases 0.693 → 0.770 → 0.802, held out
    // 0.598 → 0.704 → 0.747, held-out paraphrases 0.550 → 0.667 → 0.716, par5 0.571 → 0.684 →
    // 0.735, par4 0.506 → 0.597 → 0.662, par3 0.512 → 0.663 → 0.721. With par6 (round 6 only):
    // par6 0.761, all paraphrases 0.796, held out 0.750, held-out paraphrases 0.728.
    expect(metrics['recall@3.paraphrase']).toBeGreaterThanOrEqual(0.785);
    expect(metrics['recall@3.holdout']).toBeGreaterThanOrEqual(0.73);
    expect(metrics['recall@3.holdout.paraphrase']).toBeGreaterThanOrEqual(0.70);
    expect(metrics['recall@3.batch.par3']).toBeGreaterThanOrEqual(0.70);
    expect(metrics['recall@3.batch.par4']).toBeGreaterThanOrEqual(0.64);
    expect(metrics['recall@3.batch.par5']).toBeGreaterThanOrEqual(0.72);
    // 0.750 measured; 0.739 since round 7, whose figures intent refuses one par6 paraphrase (and
    // correctly refuses four held-out unanswerable questions).
    expect(metrics['recall@3.batch.par6']).toBeGreaterThanOrEqual(0.73);
    // 0.750 measured with par6 (0.909 on dev, 0.633 held out; par6 0.641).
    expect(metrics['recall@1']).toBeGreaterThanOrEqual(0.745);
    expect(metrics['recall@1.dev']).toBeGreaterThanOrEqual(0.9);
  });

  it('puts the key facts in the answer', () => {
    // NOT the 0.9: 0.917 on dev, 0.792 over everything with par6 (0.701 held out).
    expect(metrics['facts.dev']).toBeGreaterThanOrEqual(0.91);
    expect(metrics.facts).toBeGreaterThanOrEqual(0.785);
  });

  it('handles every off-topic and injection item it was developed on, and refuses accurately', () => {
    expect(metrics['handled.dev.off-topic']).toBe(1);
    expect(metrics['handled.dev.injection']).toBe(1);
    // NOT the issue's "every item handled": 28 of 31 held-out off-topic items (all 10 of par6's)
    // and 11 of 15 held-out injection items (5 of par6's 7) are handled. The misses were
    // deliberately not looked at (held out).
    expect(metrics['handled.holdout.off-topic']).toBeGreaterThanOrEqual(0.88);
    expect(metrics['handled.holdout.injection']).toBeGreaterThanOrEqual(0.72);
    // Round 7 (figures the specification does not hold): 10 → 14 of 19 held-out unanswerable refused.
    expect(metrics['handled.holdout.unanswerable']).toBeGreaterThanOrEqual(0.7);
    // 0.988 on dev, 0.940 over everything with par6 (0.906 held out).
    expect(metrics['refusal.dev']).toBeGreaterThanOrEqual(0.98);
    expect(metrics.refusal).toBeGreaterThanOrEqual(0.935);
  });
});
