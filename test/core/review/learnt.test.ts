/**
 * Round 6: the sentence classifier learnt from `knowledge/review/examples.json`. Sentences here were
 * written for these tests (not copied from the examples or the corpus): each class is found in
 * wording no phrase rule lists, harmless look-alikes are left alone, and the result is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { review } from '../../../src/core/review/engine.js';
import { loadReviewData } from '../../../src/core/review/data.js';
import { analyse } from '../../../src/core/review/analyse.js';
import { createLearntModel, examplesSchema, learntFindings, LEARNT_RULES, loadExamples, loadLearntModel } from '../../../src/core/review/rules/learnt.js';
import { loadCorpus } from '../../eval/review/corpus.js';

const keys = (text: string, learnt = true) => review(text, { learnt }).findings.map((f) => `${f.category}.${f.rule}`);

describe('the examples file', () => {
  const examples = loadExamples();

  it('has 25+ sentences for every learnt rule and 150+ harmless ones, with no sentence in two classes', () => {
    for (const rule of LEARNT_RULES) expect(examples.classes[rule].length).toBeGreaterThanOrEqual(25);
    expect(examples.classes.harmless.length).toBeGreaterThanOrEqual(150);
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const [label, list] of Object.entries(examples.classes)) {
      for (const sentence of list) {
        const key = sentence.toLowerCase();
        if (seen.has(key)) repeats.push(`${label} and ${seen.get(key)}: "${sentence}"`);
        seen.set(key, label);
      }
    }
    expect(repeats).toEqual([]);
  });

  it('rejects a malformed file with a readable message', () => {
    expect(examplesSchema.safeParse({ about: 'x', classes: { harmless: ['An ordinary sentence here.'] } }).success).toBe(false);
    expect(() => loadExamples('/nonexistent/examples.json')).toThrow(/examples\.json: cannot read it as JSON/);
  });

  it('copies no corpus sentence (the same words, or nearly the same)', () => {
    const words = (value: string) => value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const jaccard = (a: Set<string>, b: Set<string>) => {
      let shared = 0;
      for (const word of a) if (b.has(word)) shared += 1;
      return shared / (a.size + b.size - shared);
    };
    const corpus = (['dev', 'holdout', 'fresh', 'fresh2'] as const).flatMap((part) =>
      loadCorpus(part).flatMap((item) =>
        item.text
          .split(/(?<=[.!?])\s+|\n+/)
          .map((sentence) => words(sentence))
          .filter((list) => list.length >= 4)
          .map((list) => ({ id: item.id, text: list.join(' '), set: new Set(list) })),
      ),
    );
    const copies: string[] = [];
    for (const [label, list] of Object.entries(examples.classes)) {
      for (const example of list) {
        const own = words(example);
        const set = new Set(own);
        for (const sentence of corpus) {
          // Only the example and the draft id are reported: held-out drafts must not be shown.
          if (own.join(' ') === sentence.text || jaccard(set, sentence.set) >= 0.6) copies.push(`${label}: "${example}" is too close to a sentence of ${sentence.id}`);
        }
      }
    }
    expect(copies).toEqual([]);
  });
});
