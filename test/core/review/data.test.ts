import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/core/knowledge/index.js';
import { REVIEW_CRITERIA, TUTOR_CRITERIA } from '../../../src/core/review/criteria.js';
import { compilePattern, loadReviewData } from '../../../src/core/review/data.js';
import { review } from '../../../src/core/review/engine.js';

const data = loadReviewData();
const files = [
  { category: 'positive-language', entries: data.phrasebook },
  { category: 'tone', entries: data.tone },
  { category: 'gdpr', entries: data.gdpr },
] as const;

describe('curated review data', () => {
  it('has the rule ids issue 4 names, spelled exactly', () => {
    expect(data.tone.map((e) => e.id)).toEqual(['blaming', 'dismissive', 'sarcastic', 'aggressive']);
    expect(data.gdpr.map((e) => e.id).sort()).toEqual(
      ['excessive_data_request', 'excessive_retention', 'insecure_sharing', 'marketing_without_consent', 'no_identity_check', 'password_request', 'third_party_data'],
    );
    expect(data.phrasebook.length).toBeGreaterThanOrEqual(10);
  });

  it('names only criteria that exist in the knowledge base', () => {
    const kb = loadKnowledgeBase();
    for (const id of REVIEW_CRITERIA) expect(kb.citation(id).source).toBe(id);
    expect(TUTOR_CRITERIA).toEqual(['u3.ac2.2', 'u3.ac2.4', 'u3.ac3.3', 'u1.ac4.5']);
    for (const { entries } of files) for (const entry of entries) for (const id of entry.criteria) expect(REVIEW_CRITERIA).toContain(id);
  });

  it('resolves every criterion a finding can carry', () => {
    const kb = loadKnowledgeBase();
    const result = review('YOU ARE WRONG!!! Your card 4929 1234 5678 9015 is blocked, ur fault lol. Send your password.');
    for (const finding of result.findings) for (const c of finding.criteria) expect(kb.citation(c.source).unit).toBe(c.unit);
  });

  for (const { category, entries } of files) {
    for (const entry of entries) {
      it(`${category}.${entry.id}: flags its examples and allows its counter-examples`, () => {
        for (const example of entry.examples.flag) {
          expect(review(example).findings.map((f) => `${f.category}.${f.rule}`), example).toContain(`${category}.${entry.id}`);
        }
        for (const example of entry.examples.allow) {
          expect(review(example).findings.map((f) => `${f.category}.${f.rule}`), example).not.toContain(`${category}.${entry.id}`);
        }
      });
    }
  }

  it('matches patterns on whole words and with curly apostrophes', () => {
    expect(compilePattern("can't").test('I can’t')).toBe(true);
    expect(compilePattern('no way').test('a noway b')).toBe(false);
    expect(compilePattern("(?:[\\w']+ )?x").test("it's x")).toBe(true);
  });
});
