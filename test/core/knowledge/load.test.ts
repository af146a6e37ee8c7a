/**
 * The runtime loader: fast, validated, citations only from record metadata, and a readable
 * error (never a half-loaded base) when a file is broken.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeLoadError, loadKnowledgeBase } from '../../../src/core/knowledge/index.js';
import { scratchKnowledge } from './helpers.js';

describe('loadKnowledgeBase', () => {
  it('loads in well under 50 ms', () => {
    loadKnowledgeBase();
    const times = Array.from({ length: 5 }, () => {
      const started = performance.now();
      loadKnowledgeBase();
      return performance.now() - started;
    });
    expect(Math.min(...times)).toBeLessThan(50);
  });

  it('exposes stable ids, flat criteria and a content version', () => {
    const kb = loadKnowledgeBase();
    expect(kb.version).toMatch(/^[0-9a-f]{12}$/);
    expect(loadKnowledgeBase().version).toBe(kb.version);
    for (const id of ['u1', 'u1.lo4', 'u1.ac4.4', 'qual.award', 'qual.certificate', 'qual.structure', 'qual.progression', 'note.equality.misconceptions', 'law.equality-act-2010', 'glossary.smart']) {
      expect(kb.record(id), id).toBeDefined();
    }
    expect(new Set(kb.records.map((r) => r.id)).size).toBe(kb.records.length);
    expect(kb.criteria[0]).toMatchObject({ id: 'u1.ac1.1', unit: 1, lo: 1, ac: '1.1', verb: 'State' });
    for (const record of kb.records) expect(record.text.length, record.id).toBeGreaterThan(record.title.length);
  });

  it('builds citations only from record metadata', () => {
    const kb = loadKnowledgeBase();
    expect(kb.citation('u1.ac4.4')).toEqual({ source: 'u1.ac4.4', unit: 1, ac: '4.4', title: 'Explain how equality legislation affects customer service' });
    expect(kb.citation('u3')).toEqual({ source: 'u3', unit: 3, ac: null, title: 'Communicating with Customers' });
    expect(kb.citation('note.equality.misconceptions')).toEqual({
      source: 'note.equality.misconceptions', unit: null, ac: null, title: 'Equality in customer service delivery: Common Misconceptions & Mistakes to Avoid',
    });
    expect(kb.citation('qual.award')).toMatchObject({ unit: null, title: 'Pearson BTEC Level 2 Award in Principles of Customer Service' });
    expect(kb.citation('law.data-protection-act-1998')).toMatchObject({ unit: null, title: 'Data Protection Act 1998' });
    expect(() => kb.citation('u99.ac1.1')).toThrow(KnowledgeLoadError);
  });

  it('rejects a file that is not JSON, naming the file', () => {
    const dir = scratchKnowledge();
    writeFileSync(join(dir, 'units.json'), '{ "oops": ');
    expect(() => loadKnowledgeBase(dir)).toThrow(/units\.json is not valid JSON .*npm run kb:build/);
  });

  it('rejects JSON that does not match the schema, naming where', () => {
    const dir = scratchKnowledge();
    const units = JSON.parse(readFileSync(join(dir, 'units.json'), 'utf8'));
    units[0].outcomes[0].criteria[0].amplification[0].items[0] = '<ul> □ dirty';
    writeFileSync(join(dir, 'units.json'), JSON.stringify(units));
    expect(() => loadKnowledgeBase(dir)).toThrow(/units\.json does not match the knowledge base schema:\n {2}at 0\.outcomes\.0\.criteria\.0\.amplification\.0\.items\.0: contains HTML/);
  });

  it('rejects a curated entry that points at a record that does not exist', () => {
    const dir = scratchKnowledge();
    const laws = JSON.parse(readFileSync(join(dir, 'curated', 'legislation.json'), 'utf8'));
    laws[0].citedIn.push('u1.ac9.9');
    writeFileSync(join(dir, 'curated', 'legislation.json'), JSON.stringify(laws));
    expect(() => loadKnowledgeBase(dir)).toThrow(/broken references:\n {2}law "equality-act-2010" is cited in "u1\.ac9\.9", which is not a record/);
  });

  it('says how to fix a missing file', () => {
    expect(() => loadKnowledgeBase('/nonexistent-knowledge')).toThrow(/qualification\.json is missing\. Run "npm run kb:build"/);
  });
});
