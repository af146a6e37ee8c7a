/**
 * The builder against the real sources: the committed JSON is exactly what the sources produce,
 * every criterion is there with clean text, and the content matches the specification.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledge, type BuiltKnowledge } from '../../../src/core/knowledge/build/build-knowledge.js';
import { compareKnowledge } from '../../../src/core/knowledge/build/compare.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../src/core/knowledge/index.js';
import { KNOWLEDGE_DIR } from './helpers.js';

/** The criteria the specification has, unit by unit (from the issue). */
const EXPECTED: Record<number, string> = {
  1: '1.1-1.6 2.1-2.3 3.1-3.4 4.1-4.5',
  2: '1.1-1.7 2.1-2.3 3.1-3.5',
  3: '1.1-1.3 2.1-2.4 3.1-3.3',
  4: '1.1-1.3 2.1-2.3 3.1-3.5',
  5: '1.1-1.3 2.1-2.6 3.1-3.2',
  6: '1.1-1.5 2.1-2.4',
  7: '1.1-1.2 2.1-2.3 3.1-3.4',
  8: '1.1-1.3 2.1-2.3 3.1-3.3',
  9: '1.1-1.3 2.1-2.2 3.1-3.6 4.1-4.5',
  10: '1.1-1.3 2.1-2.5 3.1-3.2 4.1',
  11: '1.1-1.3 2.1-2.3',
};
const expand = (ranges: string) =>
  ranges.split(' ').flatMap((range) => {
    const [from, to = from] = range.split('-') as [string, string?];
    const [lo, first] = from.split('.').map(Number) as [number, number];
    const last = Number(to.split('.')[1]);
    return Array.from({ length: last - first + 1 }, (_, i) => `${lo}.${first + i}`);
  });

let built: BuiltKnowledge;
let kb: KnowledgeBase;
beforeAll(() => {
  built = buildKnowledge({ dir: KNOWLEDGE_DIR });
  kb = loadKnowledgeBase();
});

describe('building the knowledge base from knowledge/sources', () => {
  it('produces exactly the committed JSON', () => {
    expect(compareKnowledge(KNOWLEDGE_DIR, built)).toEqual([]);
  });

  it('finds every assessment criterion of every unit, in order', () => {
    expect(kb.units.map((unit) => unit.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const unit of kb.units) {
      expect(kb.criteria.filter((c) => c.unit === unit.number).map((c) => c.ac), `Unit ${unit.number}`).toEqual(expand(EXPECTED[unit.number]!));
    }
    expect(kb.criteria).toHaveLength(125);
  });

  it('keeps unit facts: reference numbers, levels, credits and guided learning hours', () => {
    const facts = kb.units.map((u) => `${u.number} ${u.urn} L${u.level} ${u.credit}cr ${u.glh}h`);
    expect(facts).toEqual([
      '1 K/506/9011 L2 4cr 32h', '2 M/506/9012 L2 3cr 22h', '3 T/506/9013 L2 2cr 15h', '4 L/506/9017 L2 2cr 18h',
      '5 R/506/9018 L2 2cr 17h', '6 Y/506/9019 L2 2cr 18h', '7 R/506/8662 L2 3cr 20h', '8 K/506/8666 L2 4cr 30h',
      '9 L/506/9020 L2 3cr 23h', '10 F/505/6927 L1 2cr 20h', '11 A/506/1964 L2 4cr 40h',
    ]);
    expect(kb.units[9]!.essentialResources[0]).toContain('The Health and Safety Toolbox');
  });

  it('reads each command verb from the criterion text', () => {
    const verb = (id: string) => kb.criteria.find((c) => c.id === id)!.verb;
    expect([verb('u1.ac1.1'), verb('u1.ac4.4'), verb('u1.ac1.6'), verb('u10.ac1.2'), verb('u2.ac3.1'), verb('u3.ac3.1'), verb('u10.ac4.1')]).toEqual([
      'State', 'Explain', 'Describe', 'Identify', 'Outline', 'Listen', 'Comply',
    ]);
    for (const criterion of kb.criteria) expect(criterion.text.startsWith(criterion.verb)).toBe(true);
  });

  it('lists the nine protected characteristics under Unit 1 AC 4.4', () => {
    const criterion = kb.criteria.find((c) => c.id === 'u1.ac4.4')!;
    expect(criterion.text).toBe('Explain how equality legislation affects customer service');
    const act = criterion.amplification.find((topic) => topic.topic === 'Equality Act (2010)')!;
    const characteristics = act.items.find((item) => item.startsWith('nine protected characteristics'))!;
    for (const name of ['age', 'disability', 'race', 'religion and beliefs', 'sex', 'sexual orientation', 'pregnancy and maternity', 'gender reassignment', 'marriage and civil partnership']) {
      expect(characteristics).toContain(name);
    }
  });

  it('gives examples of positive language under Unit 3 AC 2.2', () => {
    const criterion = kb.criteria.find((c) => c.id === 'u3.ac2.2')!;
    expect(criterion.verb).toBe('Outline');
    const positive = criterion.amplification.find((topic) => topic.topic === 'Positive customer service language')!;
    expect(positive.items[0]).toBe("words that convey support and develop confidence and reassurance, e.g. 'I can', 'I will ensure', 'I understand'");
  });

  it('splits amplification at top-level semicolons only, keeping commas, e.g./i.e. and parentheses inside items', () => {
    const topics = kb.criteria.find((c) => c.id === 'u1.ac3.1')!.amplification;
    expect(topics.map((t) => t.topic)).toEqual(['Achieving the customer service offer', 'Customer loyalty']);
    // The semicolon inside the parentheses does not split the item.
    expect(topics[1]!.items).toEqual([
      'definition (attitudinal, behavioural)',
      'impact of achievement of service offer (positive customer relationships, customer confidence, trust in service offer, commitment to organisation; customer recommendations)',
    ]);
    const brand = kb.criteria.find((c) => c.id === 'u1.ac1.3')!.amplification[0]!;
    expect(brand.items).toContain("types of brands, i.e. manufacturer's (individual, family, combination), own label");
  });

  it('reads the <p> entry and the nested "•" lists as topics and items', () => {
    expect(kb.criteria.find((c) => c.id === 'u1.ac3.3')!.amplification.map((t) => t.topic)).toEqual(['Organisational values', 'Image', "Effect on customers' perceptions"]);
    const styles = kb.criteria.find((c) => c.id === 'u8.ac1.1')!.amplification[0]!;
    expect(styles).toEqual({
      topic: 'Learning styles',
      items: ['e.g. ways in which team members prefer to learn and work', 'Visual learners: learn through seeing', 'Auditory learners: learn through listening', 'Reading writing learners: learn by processing text', 'Kinaesthetic learners: learn by doing'],
    });
    expect(kb.criteria.find((c) => c.id === 'u8.ac1.2')!.amplification[0]!.topic).toBe('Identification of own team role');
  });

  it('joins continuation tables after a page break to the learning outcome above', () => {
    const ac34 = kb.criteria.find((c) => c.id === 'u1.ac3.4')!;
    expect([ac34.lo, ac34.loTitle]).toEqual([3, 'Understand the value of customer loyalty to an organisation']);
    expect(kb.criteria.find((c) => c.id === 'u9.ac3.6')!.lo).toBe(3);
  });

  it('leaves no HTML, bullets, pipes, Markdown or empty items in any criterion', () => {
    for (const criterion of kb.criteria) {
      for (const value of [criterion.text, criterion.loTitle, ...criterion.guidance, ...criterion.amplification.flatMap((t) => [t.topic, ...t.items])]) {
        expect(value, criterion.id).not.toMatch(/<\/?[a-z]|[□•|*]|^\s|\s$|\s{2}/i);
        expect(value.length, criterion.id).toBeGreaterThan(0);
      }
    }
  });

  it('attributes tutor guidance to every criterion a sentence names, ranges included', () => {
    const guidance = (id: string) => kb.criteria.find((c) => c.id === id)!.guidance;
    // "The presentation should cover all the requirements in assessment criteria 1.2–1.7."
    for (const ac of ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7']) {
      expect(guidance(`u2.ac${ac}`).some((s) => s.includes('assessment criteria 1.2–1.7'))).toBe(true);
    }
    expect(guidance('u2.ac1.1').some((s) => s.includes('1.2–1.7'))).toBe(false);
    // "(1.5 and 1.7)" at the end of a sentence, and "For 1.4 and 1.6," at the start of one.
    expect(guidance('u2.ac1.5').some((s) => s.endsWith('(1.5 and 1.7).'))).toBe(true);
    expect(guidance('u2.ac1.7').some((s) => s.endsWith('(1.5 and 1.7).'))).toBe(true);
    expect(guidance('u2.ac1.6').some((s) => s.startsWith('For 1.4 and 1.6,'))).toBe(true);
    // A list of five criteria.
    for (const ac of ['4.1', '4.2', '4.3', '4.4', '4.5']) expect(guidance(`u1.ac${ac}`)[0]).toMatch(/^To achieve assessment criteria 4\.1, 4\.2, 4\.3, 4\.4 and 4\.5/);
    expect(guidance('u10.ac1.2')).toEqual(['For 1.2, the learner needs to identify two different sources of workplace health and safety information.']);
  });

  it('gives each learning outcome its delivery guidance and its own assessment sentences', () => {
    const lo4 = kb.units[0]!.outcomes[3]!;
    expect(lo4.delivery[0]).toMatch(/^Learning outcome 4 focusses on the legal and ethical requirements/);
    expect(kb.criteria.find((c) => c.id === 'u1.ac4.4')!.delivery).toBe(lo4.delivery.join('\n\n'));
    expect(lo4.assessment[0]).toMatch(/^This booklet should include the key provisions/);
    // A unit whose delivery names no outcome gives every outcome the general delivery.
    expect(kb.units[9]!.outcomes[0]!.delivery).toEqual(kb.units[9]!.delivery);
  });

  it('records, rather than fixes, a guidance sentence that names a criterion the unit lacks', () => {
    const unit3 = kb.units[2]!;
    expect(unit3.sourceNotes).toHaveLength(1);
    expect(unit3.sourceNotes[0]!.note).toMatch(/assessment criterion 1\.4, which this unit does not have/);
    expect(built.warnings.some((warning) => warning.includes('Unit 3') && warning.includes('1.4'))).toBe(true);
  });

  it('keeps typos exactly as the source has them', () => {
    expect(kb.criteria.find((c) => c.id === 'u9.ac2.1')!.amplification[0]!.items).toContain('Trades Description Act 1968');
    expect(kb.units[1]!.aim[2]).toMatch(/^Learners will know learn how/);
  });
});

describe('the qualification records', () => {
  it('has both qualifications with their key facts', () => {
    const [award, certificate] = kb.qualification.qualifications;
    expect(award).toMatchObject({ kind: 'award', qn: '601/5358/1', credit: 7, tqt: 70, glh: 54, accreditationStartDate: '01/01/2015', approvedAgeRanges: ['16-18', '19+'] });
    expect(certificate).toMatchObject({ kind: 'certificate', qn: '601/5359/3', credit: 15, tqt: 150, glh: 112 });
    expect(award!.title).toBe('Pearson BTEC Level 2 Award in Principles of Customer Service');
    expect(award!.grading).toBe('The qualification and units are at pass grade.');
  });

  it('has the structures and their rules of combination', () => {
    const [award, certificate] = kb.qualification.structures;
    expect(award).toMatchObject({ kind: 'award', totalCredits: 7, mandatoryCredits: 7, minOptionalCredits: 0 });
    expect(award!.units.map((u) => `${u.number}:${u.group}`)).toEqual(['1:mandatory', '2:mandatory']);
    expect(certificate).toMatchObject({ kind: 'certificate', totalCredits: 15, mandatoryCredits: 9, minOptionalCredits: 6 });
    expect(certificate!.units.filter((u) => u.group === 'mandatory').map((u) => u.number)).toEqual([1, 2, 3]);
    expect(certificate!.units.filter((u) => u.group === 'optional').map((u) => u.number)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(kb.qualification.sourceNotes).toEqual([]);
  });

  it('has progression routes, job roles and facts learners ask about', () => {
    expect(kb.qualification.progression.jobRoles).toEqual(['Customer Service Adviser', 'Customer Service Operator', 'Customer Service Agent', 'Help Desk Operative', 'Receptionist', 'Call Centre Adviser']);
    expect(kb.qualification.progression.qualifications).toContain('Pearson BTEC Level 3 Award in Principles of Customer Service');
    expect(kb.record('qual.access-and-recruitment')!.text).toContain('Learners may be aged between 14 and 16');
    expect(kb.record('qual.units')!.text).toContain('The most recent legislation should be taught and assessed internally.');
    expect(kb.record('qual.structure')!.text).toContain('15 credits in total: 9 from mandatory units and at least 6 from optional units');
  });
});
