/**
 * The curated registers: every law the specification names is in the legislation register with
 * what applies today; glossary entries and note links point at records that really say so.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/core/knowledge/index.js';
import { specText } from './helpers.js';

const kb = loadKnowledgeBase();
const normalise = (value: string) => value.toLowerCase().replace(/^the\s+/, '').replace(/[()]/g, '').replace(/\s+/g, ' ').trim();

/** Every "… Act", "… Regulations", "… Order" or "… Directive" named in the specification's text. */
function lawsNamed(text: string): string[] {
  const names = new Set<string>();
  const pattern = /((?:(?:[A-Z][\w'’-]*,?|of|and|the|for|from|at|on|in|\([A-Z][\w ,]*\))\s+){1,10})(Act|Regulations|Order|Directive)\b(\s*\(?\d{4}\)?)?/g;
  for (const match of text.replace(/<\/?i>/g, '').matchAll(pattern)) {
    const name = `${match[1]}${match[2]}${match[3] ?? ''}`.replace(/^(?:(?:The|the|Legislation|and|of)\s+)+/, '').trim();
    if (/^[A-Z]/.test(name) && !/^(?:Act|Regulations)$/.test(name)) names.add(name);
  }
  return [...names];
}

describe('the legislation register', () => {
  it('covers every Act and Regulations named in the specification', () => {
    const named = lawsNamed(specText());
    expect(named.length).toBeGreaterThanOrEqual(15);
    const covered = kb.legislation.flatMap((entry) => entry.citedAs.map(normalise));
    const missing = named.filter((name) => !covered.includes(normalise(name)));
    expect(missing).toEqual([]);
  });

  it('also covers the laws the specification names only by acronym or topic', () => {
    for (const cited of ['COSHH (2002)', 'RIDDOR (2013)', 'Manual Handling']) {
      expect(kb.legislation.some((entry) => entry.citedAs.includes(cited)), cited).toBe(true);
    }
  });

  it('says what replaced the laws that have been replaced, and from when', () => {
    const entry = (slug: string) => kb.legislation.find((e) => e.slug === slug)!;
    expect(entry('data-protection-act-1998')).toMatchObject({ status: 'replaced' });
    expect(entry('data-protection-act-1998').replacedBy.map((r) => [r.name, r.from])).toEqual([
      ['Data Protection Act 2018', '2018-05-25'],
      ['General Data Protection Regulation (EU GDPR)', '2018-05-25'],
      ['UK GDPR', '2021-01-01'],
    ]);
    for (const slug of ['sale-of-goods-act-1979', 'supply-of-goods-and-services-act-1982']) {
      expect(entry(slug).status).toBe('partly-replaced');
      expect(entry(slug).replacedBy).toEqual([expect.objectContaining({ name: 'Consumer Rights Act 2015', from: '2015-10-01' })]);
      expect(entry(slug).today).toMatch(/business-to-business/);
    }
    expect(entry('consumer-protection-from-unfair-trading-regulations-2008').replacedBy[0]).toMatchObject({ from: '2025-04-06' });
    expect(entry('consumer-protection-from-unfair-trading-regulations-2008').replacedBy[0]!.name).toMatch(/^Digital Markets, Competition and Consumers Act 2024/);
    expect(entry('disability-discrimination-act-1995').replacedBy[0]).toMatchObject({ name: 'Equality Act 2010', from: '2010-10-01' });
    expect(entry('payment-services-regulations-2009').replacedBy[0]).toMatchObject({ name: 'Payment Services Regulations 2017', from: '2018-01-13' });
  });

  it('points every citation at a criterion that names the law', () => {
    for (const entry of kb.legislation) {
      expect(entry.checked.length, entry.slug).toBeGreaterThan(20);
      for (const id of entry.citedIn) expect(kb.record(id), `${entry.slug} → ${id}`).toBeDefined();
    }
    expect(kb.record('u1.ac4.1')!.related).toEqual(expect.arrayContaining(['law.sale-of-goods-act-1979', 'law.consumer-protection-from-unfair-trading-regulations-2008']));
  });
});

describe('the glossary', () => {
  it('has the acronyms and models learners meet', () => {
    const terms = kb.glossary.map((entry) => entry.term);
    for (const term of ['LASS', 'HEAT', 'CARP', 'SMART', 'PDCA', 'FCR', 'CSAT', 'SLA', 'USP', 'KPI', 'COSHH', 'RIDDOR', 'WEEE', 'ACAS', 'PESTLE', 'SWOT', 'GLH', 'TQT', 'QN', 'URN', 'CPD', 'RPL', 'NOS']) {
      expect(terms, term).toContain(term);
    }
  });

  it('records both expansions of SMART, each where it appears', () => {
    const smart = kb.glossary.find((entry) => entry.slug === 'smart')!;
    expect(smart.expansions.map((e) => [e.basis, e.citedIn])).toEqual([
      ['specification', ['u8.ac2.2']],
      ['topic-note', ['note.leading-a-team.misconceptions']],
    ]);
    expect(kb.record('u8.ac2.2')!.text).toContain('specific, measurable, achievable, realistic and time-based');
    expect(kb.record('note.leading-a-team.misconceptions')!.text).toContain('Specific, Measurable, Achievable, Relevant, Time-bound');
  });

  it('points every entry at existing records that mention it', () => {
    for (const entry of kb.glossary) {
      expect(entry.appearsIn.length, entry.slug).toBeGreaterThan(0);
      for (const id of [...entry.appearsIn, ...entry.expansions.flatMap((e) => e.citedIn)]) expect(kb.record(id), `${entry.slug} → ${id}`).toBeDefined();
      for (const expansion of entry.expansions) {
        if (expansion.basis !== 'standard') expect(expansion.citedIn.length, `${entry.slug}: a sourced expansion says where`).toBeGreaterThan(0);
      }
      expect(kb.record(`glossary.${entry.slug}`)!.related).toEqual(entry.appearsIn);
    }
  });
});

describe('topic notes', () => {
  it('has the four notes, each with the five sections', () => {
    expect(kb.notes.map((note) => note.slug)).toEqual(['employee-rights', 'equality', 'leading-a-team', 'rules-and-procedures']);
    for (const note of kb.notes) expect(note.sections.map((s) => s.kind)).toEqual(['synopsis', 'concepts', 'exam-tips', 'misconceptions', 'marking-points']);
    const concepts = kb.record('note.equality.concepts')!;
    expect(concepts.sections[0]!.items[1]).toBe("Complaint Handling: The process of acknowledging, investigating, and resolving customer complaints effectively, including the use of the 'LASS' model (Listen, Apologise, Solve, Say thank you).");
  });

  it('links each note to the criteria it supports, both ways', () => {
    expect(kb.record('note.equality.synopsis')!.related).toContain('u1.ac4.4');
    expect(kb.record('u1.ac4.4')!.related).toContain('note.equality.synopsis');
    expect(kb.record('note.employee-rights.concepts')!.related).toContain('u7.ac2.1');
  });
});
