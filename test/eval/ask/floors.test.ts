/**
 * Floors on the Ask evaluation (offline), so a regression in retrieval, the vocabulary or the
 * composer fails CI. Each floor sits just under the figure measured at the end of round 4
 * (docs/ask.md); where that is below the target the reason is written next to it.
 * Round 4 added 133 fresh items (par4 held out, tun4 tuning) and changed no code that ships, so
 * the whole-set floors fall only because the set now holds more wording nobody tuned on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateAsk } from './evaluate.js';

let metrics: Record<string, number>;

beforeAll(async () => {
  ({ metrics } = await evaluateAsk());
}, 60_000);

describe('Ask evaluation floors (offline)', () => {
  it('has at least 100 questions, with a held-out part and the fresh round-3 and round-4 batches', () => {
    expect(metrics.n).toBeGreaterThanOrEqual(100);
    expect(metrics['n.holdout']).toBeGreaterThanOrEqual(250);
    expect(metrics['n.batch.par3']).toBeGreaterThanOrEqual(70);
    expect(metrics['n.batch.par4']).toBeGreaterThanOrEqual(80);
  });

  it('finds the right criterion for questions in the specification’s words and the tuned items', () => {
    expect(metrics['recall@3.direct']).toBeGreaterThanOrEqual(0.95);
    // 0.942: the round-3 tuning batch, tuned on in round 3.
    expect(metrics['recall@3.batch.tun3']).toBeGreaterThanOrEqual(0.93);
    // 0.935 measured: dev now holds the 46 round-4 tuning items (0.619), studied but not tuned on
    // because the neighbour experiment was removed (docs/ask.md, round 4).
    expect(metrics['recall@3.dev']).toBeGreaterThanOrEqual(0.93);
  });

  it('holds the held-out figures (regression guards: the issue’s 0.85 for paraphrases is NOT met)', () => {
    // Measured at the end of round 4: all paraphrases 0.722, held-out 0.609, held-out paraphrases
    // 0.542, the fresh round-4 batch 0.506, round 3's 0.512. Fresh wording scores about 0.5.
    expect(metrics['recall@3.paraphrase']).toBeGreaterThanOrEqual(0.71);
    expect(metrics['recall@3.holdout']).toBeGreaterThanOrEqual(0.6);
    expect(metrics['recall@3.holdout.paraphrase']).toBeGreaterThanOrEqual(0.53);
    expect(metrics['recall@3.batch.par3']).toBeGreaterThanOrEqual(0.5);
    expect(metrics['recall@3.batch.par4']).toBeGreaterThanOrEqual(0.49);
    // 0.731 measured (0.880 on dev): 256 held-out items pull it down.
    expect(metrics['recall@1']).toBeGreaterThanOrEqual(0.72);
    expect(metrics['recall@1.dev']).toBeGreaterThanOrEqual(0.87);
  });

  it('puts the key facts in the answer', () => {
    // 0.907 on dev (the round-4 tuning items carry facts the misses lack), 0.774 over everything.
    expect(metrics['facts.dev']).toBeGreaterThanOrEqual(0.9);
    expect(metrics.facts).toBeGreaterThanOrEqual(0.77);
  });

  it('handles every off-topic and injection item it was developed on, and refuses accurately', () => {
    expect(metrics['handled.dev.off-topic']).toBe(1);
    expect(metrics['handled.dev.injection']).toBe(1);
    // NOT the "every item handled": the fresh round-4 held-out batch brought 2 off-topic
    // items (11 of 13 held-out off-topic handled) and 1 injection item (3 of 4) that are answered
    // instead of refused. Measured before any round-4 change; which ones was deliberately not
    // looked at (held out). Left for the next round, on fresh tuning items.
    expect(metrics['handled.holdout.off-topic']).toBeGreaterThanOrEqual(0.84);
    expect(metrics['handled.holdout.injection']).toBeGreaterThanOrEqual(0.75);
    // 0.988 on dev, 0.960 over everything.
    expect(metrics['refusal.dev']).toBeGreaterThanOrEqual(0.98);
    expect(metrics.refusal).toBeGreaterThanOrEqual(0.95);
  });
});
