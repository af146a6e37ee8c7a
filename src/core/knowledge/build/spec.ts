/**
 * Parses a whole BTEC Specialist specification: finds the numbered sections ("4 Assessment",
 * "12 Units") and the unit headers ("Unit 3: Title"), then hands each part to its parser.
 * Section and unit numbers must run in order; a missing header is an error with its line.
 */
import type { Qualification, SourceNote, Unit } from '../types.js';
import { parseProseSection, parseStructures, parseSummary, type SpecSection } from './qualification.js';
import { fail, type SourceContext } from './source-error.js';
import type { SentenceSplitter } from './tutors.js';
import { parseUnit, type UnitRange } from './unit.js';

/** What a specification yields. */
export interface ParsedSpecification {
  qualification: Qualification;
  units: Unit[];
}

const standalone = (lines: string[], index: number) => (lines[index - 1] ?? '').trim() === '' && (lines[index + 1] ?? '').trim() === '';

/** Numbered top-level sections, in order (1, 2, 3, …); a heading out of order is not one. */
function findSections(lines: string[]): SpecSection[] {
  const sections: SpecSection[] = [];
  lines.forEach((raw, index) => {
    const match = /^(\d{1,2}) ([A-Z][^|]*[^.|])$/.exec(raw.trim());
    if (!match || !standalone(lines, index) || Number(match[1]) !== sections.length + 1) return;
    if (sections.length > 0) sections.at(-1)!.end = index;
    sections.push({ number: Number(match[1]), heading: match[2]!.trim(), start: index, end: lines.length });
  });
  return sections;
}

function findUnits(lines: string[], section: SpecSection, context: SourceContext): UnitRange[] {
  const units: UnitRange[] = [];
  for (let index = section.start + 1; index < section.end; index += 1) {
    const match = /^Unit (\d+): (\S.*)$/.exec(lines[index]!.trim());
    if (!match || !standalone(lines, index)) continue;
    const number = Number(match[1]);
    const expected = units.length + 1;
    if (number !== expected) {
      fail({ ...context, unit: number }, index + 1, `found the header of Unit ${number} where Unit ${expected} was expected: is a unit header missing or mistyped?`);
    }
    if (units.length > 0) units.at(-1)!.end = index;
    units.push({ number, title: match[2]!.trim(), start: index, end: section.end });
  }
  if (units.length === 0) fail(context, section.start + 1, 'the Units section has no "Unit N: Title" headers');
  return units;
}

/**
 * @param file the source's name, used in error messages
 * @param split the sentence splitter for tutor guidance
 * @throws KnowledgeSourceError naming the line (and unit) of the first problem
 */
export function parseSpecification(text: string, file: string, split: SentenceSplitter): ParsedSpecification {
  const lines = text.split(/\r?\n/);
  const context: SourceContext = { file, unit: null };
  const sections = findSections(lines);
  if (sections.length < 3) fail(context, 1, 'no numbered sections ("1 …", "2 …", "3 …") found: is this a BTEC Specialist specification?');
  const unitsSection = sections.find((section) => /^Units$/i.test(section.heading)) ?? fail(context, 1, 'no "Units" section found');
  const ranges = findUnits(lines, unitsSection, context);
  const units = ranges.map((range) => parseUnit(lines, range, file, split));

  const notes: SourceNote[] = [];
  const summary = parseSummary(lines, sections[1]!, context);
  const structures = parseStructures(lines, sections[2]!, summary.qualifications, context, notes);
  for (const structure of structures) {
    for (const listed of structure.units) {
      const unit = units.find((candidate) => candidate.number === listed.number);
      const line = sections[2]!.start + 1;
      if (!unit) fail(context, line, `the structure of "${structure.title}" lists Unit ${listed.number}, which the specification does not contain`);
      for (const key of ['urn', 'title', 'level', 'credit', 'glh'] as const) {
        if (unit[key] !== listed[key]) notes.push({ line, note: `Unit ${unit.number}: the structure table gives ${key} "${listed[key]}" but the unit says "${unit[key]}".` });
      }
    }
  }
  // Sections 1 and 4 onwards up to the units, plus the units' preamble (what each unit section
  // means, and that the most recent legislation should be taught).
  const prose = [...sections.filter((section) => section.number === 1 || (section.number > 3 && section.number < unitsSection.number)), { ...unitsSection, end: ranges[0]!.start }]
    .map((section) => parseProseSection(lines, section, context))
    .filter((section) => section !== null);
  const titles = summary.qualifications.map((facts) => facts.title);
  return {
    qualification: { titles, qualifications: summary.qualifications, structures, progression: summary.progression, summary: summary.summary, sections: prose, sourceNotes: notes },
    units,
  };
}
