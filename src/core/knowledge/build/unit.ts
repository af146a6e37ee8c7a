/**
 * Parses one unit of a specification: the header facts, aim, essential resources, the outcome
 * tables and the information for tutors. The section headings it looks for are those every unit
 * of a BTEC Specialist specification has; nothing depends on a unit's title or content.
 */
import type { SourceNote, Unit } from '../types.js';
import { isHeading, readBlocks, type Block } from './blocks.js';
import { parseOutcomeTables } from './outcomes.js';
import { parseResources } from './resources.js';
import { fail, type SourceContext } from './source-error.js';
import { attributeGuidance, type SentenceSplitter } from './tutors.js';

/** The headings of a unit, in the order they appear. */
const SECTIONS = [
  { key: 'aim', label: 'Unit aim', pattern: /^Unit aim$/i },
  { key: 'essential', label: 'Essential resources', pattern: /^Essential resources$/i },
  { key: 'outcomes', label: 'Learning outcomes, assessment criteria and unit amplification', pattern: /^Learning outcomes,? assessment criteria/i },
  { key: 'tutors', label: 'Information for tutors', pattern: /^Information for tutors$/i },
  { key: 'delivery', label: 'Delivery', pattern: /^Delivery$/i },
  { key: 'assessment', label: 'Assessment', pattern: /^Assessment$/i },
  { key: 'resources', label: 'Suggested resources', pattern: /^Suggested resources$/i },
] as const;
type SectionKey = (typeof SECTIONS)[number]['key'] | 'header';

const FACTS = {
  urn: /^Unit reference number:\s*(\S+)$/i,
  level: /^Level:\s*(\d+)$/i,
  credit: /^Credit value:\s*(\d+)$/i,
  glh: /^Guided learning hours:\s*(\d+)$/i,
} as const;
const FACT_LABELS = { urn: 'Unit reference number', level: 'Level', credit: 'Credit value', glh: 'Guided learning hours' } as const;

/** Where a unit is in the source: its header line (0-based index) and the end of its range. */
export interface UnitRange {
  number: number;
  title: string;
  start: number;
  end: number;
}

/** Parses the unit whose header is at `range.start`. */
export function parseUnit(lines: string[], range: UnitRange, file: string, split: SentenceSplitter): Unit {
  const context: SourceContext = { file, unit: range.number };
  const headerLine = range.start + 1;
  const blocks = readBlocks(lines, range.start + 1, range.end, context);
  const sections = new Map<SectionKey, Block[]>([['header', []]]);
  let current: SectionKey = 'header';
  for (const block of blocks) {
    const section = isHeading(block) ? SECTIONS.find(({ pattern }) => block.kind === 'paragraph' && pattern.test(block.text)) : undefined;
    if (section && !sections.has(section.key)) {
      current = section.key;
      sections.set(current, []);
    } else {
      sections.get(current)!.push(block);
    }
  }
  for (const { key, label } of SECTIONS) {
    if (!sections.has(key)) fail(context, headerLine, `the unit has no "${label}" section`);
  }

  const facts: Partial<Record<keyof typeof FACTS, string>> = {};
  for (const block of sections.get('header')!) {
    if (block.kind !== 'paragraph') continue;
    for (const [key, pattern] of Object.entries(FACTS) as Array<[keyof typeof FACTS, RegExp]>) {
      const match = pattern.exec(block.text);
      if (!match) continue;
      if (facts[key]) fail(context, block.line, `a second "${block.text.split(':')[0]}" line: is the header of the next unit missing?`);
      facts[key] = match[1]!;
    }
  }
  for (const block of [...sections.get('aim')!, ...sections.get('essential')!]) {
    if (block.kind === 'paragraph' && FACTS.urn.test(block.text)) fail(context, block.line, 'a second "Unit reference number" line: is the header of the next unit missing?');
  }
  for (const key of Object.keys(FACTS) as Array<keyof typeof FACTS>) {
    if (!facts[key]) fail(context, headerLine, `the unit header has no "${FACT_LABELS[key]}:" line`);
  }

  const notes: SourceNote[] = [];
  const tables = sections.get('outcomes')!.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');
  if (tables.length === 0) fail(context, headerLine, 'the unit has no learning outcomes table');
  const outcomes = parseOutcomeTables(tables, context, notes);
  const guidance = attributeGuidance(outcomes, sections.get('delivery')!, sections.get('assessment')!, split, notes);
  const prose = (key: SectionKey) => sections.get(key)!.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? block.items : []));
  const aim = prose('aim');
  if (aim.length === 0) fail(context, headerLine, 'the unit aim is empty');

  return {
    number: range.number,
    title: range.title,
    urn: facts.urn!,
    level: Number(facts.level),
    credit: Number(facts.credit),
    glh: Number(facts.glh),
    aim,
    essentialResources: prose('essential'),
    outcomes: outcomes.map((outcome) => ({
      number: outcome.number,
      title: outcome.title,
      delivery: guidance.outcomeDelivery.get(outcome.number) ?? guidance.unitDelivery,
      assessment: guidance.outcomeAssessment.get(outcome.number) ?? [],
      criteria: outcome.criteria.map((criterion) => ({ ...criterion, guidance: guidance.criterionGuidance.get(criterion.ac) ?? [] })),
    })),
    delivery: guidance.unitDelivery,
    assessment: guidance.unitAssessment,
    resources: parseResources(sections.get('resources')!),
    sourceNotes: notes.sort((a, b) => a.line - b.line),
    line: headerLine,
  };
}
