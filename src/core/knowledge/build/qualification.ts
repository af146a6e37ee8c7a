/**
 * Parses the qualification front matter: the key-information tables (section 2), the objective
 * and progression text, the structures (section 3) and the other numbered prose sections.
 * Fields are found by the row labels and headings every BTEC Specialist specification uses.
 */
import type { ProseSection, QualificationFacts, QualificationKind, QualificationStructure, SourceNote, Topic } from '../types.js';
import { isHeading, readBlocks, tableCells, type Block } from './blocks.js';
import { fail, type SourceContext } from './source-error.js';
import { slugify } from './text.js';

/** A numbered top-level section of the specification ("4 Assessment") and its line range. */
export interface SpecSection {
  number: number;
  heading: string;
  start: number;
  end: number;
}

const KEY_FIELDS: Array<[keyof QualificationFacts, RegExp]> = [
  ['title', /^Qualification title$/i],
  ['qn', /Qualification Number/i],
  ['accreditationStartDate', /^Accreditation start date$/i],
  ['approvedAgeRanges', /age range/i],
  ['credit', /^Credit value$/i],
  ['assessment', /^Assessment$/i],
  ['tqt', /Total Qualification Time|\bTQT\b/i],
  ['glh', /^Guided learning hours$/i],
  ['grading', /^Grading/i],
  ['entryRequirements', /^Entry requirements$/i],
  ['funding', /^Funding$/i],
];

/** "Pearson BTEC Level 2 Award in …" → "award". */
export function kindOf(title: string): QualificationKind | null {
  const match = /\b(Award|Certificate|Diploma)\b/.exec(title);
  return match ? (match[1]!.toLowerCase() as QualificationKind) : null;
}

/** Reads one key-information table into qualification facts. */
export function parseKeyTable(block: Extract<Block, { kind: 'table' }>, context: SourceContext): QualificationFacts {
  const values = new Map<keyof QualificationFacts, { value: string; line: number }>();
  for (const { cells, line } of tableCells(block)) {
    const field = KEY_FIELDS.find(([, pattern]) => pattern.test(cells[0] ?? ''));
    if (field && cells[1]) values.set(field[0], { value: cells[1], line });
  }
  const get = (key: keyof QualificationFacts) => values.get(key)?.value ?? fail(context, block.line, `the key information table has no "${key}" row`);
  const number = (key: keyof QualificationFacts) => {
    const value = get(key);
    if (!/^\d+$/.test(value)) fail(context, values.get(key)!.line, `"${value}" is not a number (${key})`);
    return Number(value);
  };
  const title = get('title');
  const kind = kindOf(title) ?? fail(context, block.line, `cannot tell the size (Award, Certificate, Diploma) of "${title}"`);
  return {
    kind,
    title,
    qn: get('qn'),
    accreditationStartDate: get('accreditationStartDate'),
    approvedAgeRanges: get('approvedAgeRanges').split(/\s+/),
    credit: number('credit'),
    tqt: number('tqt'),
    glh: number('glh'),
    assessment: get('assessment'),
    grading: get('grading'),
    entryRequirements: get('entryRequirements'),
    funding: values.has('funding') ? [get('funding')] : [],
    objective: [],
  };
}

/** Turns prose blocks into topics: each heading starts a topic; paragraphs, list entries and table rows are its items. */
export function proseTopics(blocks: Block[], firstTopic: string): Topic[] {
  const topics: Topic[] = [{ topic: firstTopic, items: [] }];
  for (const block of blocks) {
    if (isHeading(block) && block.kind === 'paragraph') topics.push({ topic: block.text, items: [] });
    else if (block.kind === 'paragraph') topics.at(-1)!.items.push(block.text);
    else if (block.kind === 'list') topics.at(-1)!.items.push(...block.items);
    else for (const { cells } of tableCells(block).slice(1)) if (cells.some(Boolean)) topics.at(-1)!.items.push(cells.filter(Boolean).join(': '));
  }
  return topics.filter((topic) => topic.items.length > 0);
}

/** A prose section as a record-ready structure. */
export function parseProseSection(lines: string[], section: SpecSection, context: SourceContext): ProseSection | null {
  const blocks = proseTopics(readBlocks(lines, section.start + 1, section.end, context), section.heading);
  return blocks.length > 0 ? { slug: slugify(section.heading), number: section.number, heading: section.heading, blocks } : null;
}

const stripStop = (value: string) => value.replace(/\.$/, '');

/** Section 2: key facts for each qualification, objectives, progression and the rest of its text. */
export function parseSummary(lines: string[], section: SpecSection, context: SourceContext) {
  const blocks = readBlocks(lines, section.start + 1, section.end, context);
  const qualifications = blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table').map((block) => parseKeyTable(block, context));
  if (qualifications.length === 0) fail(context, section.start + 1, 'section 2 has no key information table ("| Qualification title | … |")');
  const progression = { paragraphs: [] as string[], qualifications: [] as string[], jobRoles: [] as string[] };
  const summary: Topic[] = [];
  let heading = '';
  let current: QualificationFacts | undefined;
  let lastParagraph = '';
  for (const block of blocks) {
    if (block.kind === 'table') continue;
    if (block.kind === 'paragraph' && isHeading(block)) {
      heading = block.text;
      if (!/objective|^Progression/i.test(heading)) summary.push({ topic: heading, items: [] });
      continue;
    }
    const texts = block.kind === 'paragraph' ? [block.text] : block.items;
    if (/objective/i.test(heading)) {
      if (block.kind === 'paragraph') current = qualifications.find((facts) => block.text.includes(facts.title)) ?? current;
      (current ?? qualifications[0]!).objective.push(...texts);
    } else if (/^Progression/i.test(heading)) {
      if (block.kind === 'paragraph') progression.paragraphs.push(block.text);
      else if (/job roles?/i.test(lastParagraph)) progression.jobRoles.push(...texts.map(stripStop));
      else progression.qualifications.push(...texts.map(stripStop));
    } else if (summary.length > 0) {
      summary.at(-1)!.items.push(...texts);
    }
    if (block.kind === 'paragraph') lastParagraph = block.text;
  }
  if (progression.paragraphs.length === 0) fail(context, section.start + 1, 'section 2 has no "Progression …" text');
  return { qualifications, progression, summary: summary.filter((topic) => topic.items.length > 0) };
}

/** Section 3: each qualification's units and rules of combination, checked against each other. */
export function parseStructures(lines: string[], section: SpecSection, qualifications: QualificationFacts[], context: SourceContext, notes: SourceNote[]): QualificationStructure[] {
  const structures: Array<QualificationStructure & { line: number }> = [];
  for (const block of readBlocks(lines, section.start + 1, section.end, context)) {
    const named = block.kind === 'paragraph' ? qualifications.find((facts) => facts.title === block.text) : undefined;
    if (named) {
      structures.push({ kind: named.kind, title: named.title, statement: [], totalCredits: 0, mandatoryCredits: 0, minOptionalCredits: 0, units: [], line: block.line });
      continue;
    }
    const structure = structures.at(-1);
    if (!structure) continue;
    if (block.kind === 'paragraph') {
      const rule = /^(\d+) credits must be achieved from the (\d+) mandatory units?/i.exec(block.text);
      if (rule) [structure.totalCredits, structure.mandatoryCredits] = [Number(rule[1]), Number(rule[1])];
      if (rule || /credits?/i.test(block.text)) structure.statement.push(block.text);
    } else if (block.kind === 'table') {
      const rows = tableCells(block);
      const header = rows[0]!.cells;
      if (header.some((cell) => /reference number/i.test(cell))) {
        structure.units.push(...readUnitRows(rows, context));
      } else {
        for (const { cells } of rows) {
          const [label = '', value = ''] = cells;
          if (!/^\d+$/.test(value)) continue;
          structure.statement.push(`${label}: ${value}`);
          if (/optional/i.test(label)) structure.minOptionalCredits = Number(value);
          else if (/mandatory/i.test(label)) structure.mandatoryCredits = Number(value);
          else structure.totalCredits = Number(value);
        }
      }
    }
  }
  if (structures.length === 0) fail(context, section.start + 1, 'section 3 names none of the qualifications from section 2');
  return structures.map(({ line, ...structure }) => {
    if (structure.units.length === 0) fail(context, line, `the structure of "${structure.title}" has no units table`);
    if (structure.totalCredits === 0) fail(context, line, `the structure of "${structure.title}" states no credit rule`);
    const mandatory = structure.units.filter((unit) => unit.group === 'mandatory').reduce((sum, unit) => sum + unit.credit, 0);
    if (mandatory !== structure.mandatoryCredits) notes.push({ line, note: `${structure.title}: the mandatory units add up to ${mandatory} credits but the rule says ${structure.mandatoryCredits}.` });
    if (structure.mandatoryCredits + structure.minOptionalCredits !== structure.totalCredits) {
      notes.push({ line, note: `${structure.title}: ${structure.mandatoryCredits} mandatory + ${structure.minOptionalCredits} optional credits do not make the ${structure.totalCredits} required.` });
    }
    return structure;
  });
}

function readUnitRows(rows: Array<{ cells: string[]; line: number }>, context: SourceContext): QualificationStructure['units'] {
  const header = rows[0]!.cells;
  const column = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell));
  const at = { number: column(/^Unit$/i), urn: column(/reference number/i), title: column(/units$/i), level: column(/^Level$/i), credit: column(/^Credit/i), glh: column(/Guided learning/i) };
  if (Object.values(at).some((index) => index < 0)) fail(context, rows[0]!.line, 'a structure table lacks one of the columns Unit, Unit reference number, …units, Level, Credit, Guided learning hours');
  let group: 'mandatory' | 'optional' = /optional/i.test(header[at.title]!) ? 'optional' : 'mandatory';
  const units: QualificationStructure['units'] = [];
  for (const { cells, line } of rows.slice(1)) {
    if (!cells[at.number]) {
      if (/optional units/i.test(cells[at.title] ?? '')) group = 'optional';
      else if (/mandatory units/i.test(cells[at.title] ?? '')) group = 'mandatory';
      continue;
    }
    const numbers = [at.number, at.level, at.credit, at.glh].map((index) => cells[index] ?? '');
    if (!numbers.every((value) => /^\d+$/.test(value))) fail(context, line, 'a structure table row has a non-numeric unit number, level, credit or GLH');
    units.push({ number: Number(cells[at.number]), urn: cells[at.urn]!, title: cells[at.title]!, level: Number(cells[at.level]), credit: Number(cells[at.credit]), glh: Number(cells[at.glh]), group });
  }
  return units;
}
