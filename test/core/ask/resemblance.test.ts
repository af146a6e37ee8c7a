import { describe, expect, it } from 'vitest';
import { createResemblance } from '../../../src/core/ask/resemblance.js';

const sets = (...phrasings: string[]) => phrasings.map((p) => new Set(p.split(' ')));

// Three records' learner phrasings, as term sets (the index hands them over stemmed).
const model = createResemblance(
  new Map([
    ['body-language', sets('glare arm cross counter', 'customer glare angri', 'sign custom about kick off')],
    ['complaints', sets('custom complain refund', 'angri custom shout refund', 'custom complain about order')],
    ['upselling', sets('sell bigger one', 'custom buy bigger tv', 'add warranti sale')],
    ['no-phrasings', []],
  ]),
);

describe('resemblance of a question to the learner phrasings', () => {
  it('scores the record whose single phrasing is worded most like the question highest', () => {
    const scores = model.score(['glare', 'arm', 'cross']);
    const best = [...scores.entries()].sort((a, b) => b[1].nearest - a[1].nearest)[0]!;
    expect(best[0]).toBe('body-language');
    expect(best[1].nearest).toBeGreaterThan(0.8);
  });

  it('learns which everyday word goes with which record, even from one shared word', () => {
    const scores = model.score(['warranti']);
    expect(scores.get('upselling')!.posterior).toBeGreaterThan(0.9);
    expect(scores.get('upselling')!.posterior).toBeGreaterThan(scores.get('complaints')?.posterior ?? 0);
  });

  it('gives a word many records share little weight against a rare one', () => {
    const scores = model.score(['custom', 'shout']);
    const ranked = [...scores.entries()].sort((a, b) => b[1].posterior - a[1].posterior).map(([id]) => id);
    expect(ranked[0]).toBe('complaints');
  });

  it('returns posteriors that sum to at most 1 and cosines between 0 and 1', () => {
    const scores = [...model.score(['custom', 'bigger', 'angri']).values()];
    expect(scores.reduce((sum, s) => sum + s.posterior, 0)).toBeLessThanOrEqual(1 + 1e-9);
    for (const s of scores) {
      expect(s.nearest).toBeGreaterThanOrEqual(0);
      expect(s.nearest).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('says nothing about a question none of whose words any phrasing uses', () => {
    expect(model.score(['footbal', 'score']).size).toBe(0);
    expect(model.score([]).size).toBe(0);
  });

  it('never returns a record without phrasings, and is deterministic', () => {
    const first = model.score(['custom', 'about']);
    expect(first.has('no-phrasings')).toBe(false);
    expect([...model.score(['custom', 'about']).entries()]).toEqual([...first.entries()]);
  });
});
