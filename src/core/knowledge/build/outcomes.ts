/**
 * Reads the "Learning outcomes, assessment criteria and unit amplification" tables of one unit.
 *
 * Columns are found from each table's header, so both layouts the PDF produces work: the full
 * five-column table (LO number, LO title, AC number, AC text, amplification) and the four-column
 * continuation table printed after a page break ("| | 1.5 | State … | … |"). A continuation row
 * belongs to the learning outcome above it; a row with no AC number continues the previous
 * criterion. Numbering is checked as it goes, so a missing or garbled row is an error with a line.
 */
import type { SourceNote } from '../types.js';
import { parseAmplification } from './amplification.js';
import type { Block } from './blocks.js';
import { fail, type SourceContext } from './source-error.js';
import { clean } from './text.js';

/** A criterion as read from the table, before guidance is attached. */
export interface ParsedCriterion {
  ac: string;
  verb: string;
  text: string;
  amplification: ReturnType<typeof parseAmplification>['topics'];
  line: number;
}

/** A learning outcome as read from the table. */
export interface ParsedOutcome {
  number: number;
  title: string;
  line: number;
  criteria: ParsedCriterion[];
}

interface Columns {
  lo: number;
  loTitle: number | null;
  ac: number;
  acText: number;
  amplification: number;
  width: number;
}

function columnsOf(header: string[], line: number, context: SourceContext): Columns {
  const find = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell));
  const lo = find(/learning outcomes?/i);
  const ac = find(/assessment criteri/i);
  const amplification = find(/amplification/i);
  if (lo < 0 || ac < 0 || amplification < 0 || !(lo < ac && ac + 1 < amplification)) {
    fail(context, line, 'expected a table headed "Learning outcomes | Assessment criteria | Unit amplification"');
  }
  return { lo, loTitle: ac - lo >= 2 ? lo + 1 : null, ac, acText: ac + 1, amplification, width: header.length };
}

interface Draft extends Omit<ParsedCriterion, 'verb' | 'amplification'> {
  rawAmplification: string;
}

/** Parses every outcome table of a unit, in order. */
export function parseOutcomeTables(tables: Array<Extract<Block, { kind: 'table' }>>, context: SourceContext, notes: SourceNote[]): ParsedOutcome[] {
  const outcomes: Array<Omit<ParsedOutcome, 'criteria'> & { drafts: Draft[] }> = [];
  for (const table of tables) {
    const [header, ...rows] = table.rows;
    if (!header) fail(context, table.line, 'an empty learning outcomes table');
    const columns = columnsOf(header.cells.map(clean), header.line, context);
    for (const row of rows) {
      if (row.cells.length !== columns.width) {
        fail(context, row.line, `a learning outcomes table row has ${row.cells.length} cells where the header has ${columns.width}: is the row cut off or garbled?`);
      }
      let loNumber = clean(row.cells[columns.lo]!);
      let loTitle = columns.loTitle === null ? '' : clean(row.cells[columns.loTitle]!);
      const combined = /^(\d+)\s+(\S.*)$/.exec(loNumber);
      if (columns.loTitle === null && combined) [loNumber, loTitle] = [combined[1]!, combined[2]!];
      const acId = clean(row.cells[columns.ac]!);
      const acText = clean(row.cells[columns.acText]!);
      const rawAmplification = row.cells[columns.amplification]!;

      if (loNumber) {
        if (!/^\d+$/.test(loNumber)) fail(context, row.line, `"${loNumber}" is not a learning outcome number`);
        const expected = (outcomes.at(-1)?.number ?? 0) + 1;
        if (Number(loNumber) !== expected) fail(context, row.line, `learning outcome ${loNumber} found where learning outcome ${expected} was expected`);
        if (!loTitle) fail(context, row.line, `learning outcome ${loNumber} has no title`);
        outcomes.push({ number: expected, title: loTitle, line: row.line, drafts: [] });
      } else if (loTitle) {
        // A learning outcome title wrapped onto the next row.
        const current = outcomes.at(-1) ?? fail(context, row.line, 'text in the learning outcome column before any learning outcome');
        current.title = `${current.title} ${loTitle}`;
      }
      const outcome = outcomes.at(-1);
      if (acId) {
        const match = /^(\d+)\.(\d+)$/.exec(acId);
        if (!match) fail(context, row.line, `"${acId}" is not an assessment criterion number`);
        if (!outcome) fail(context, row.line, `assessment criterion ${acId} comes before any learning outcome`);
        const expectedMinor = (outcome.drafts.length > 0 ? Number(outcome.drafts.at(-1)!.ac.split('.')[1]) : 0) + 1;
        if (Number(match[1]) !== outcome.number || Number(match[2]) !== expectedMinor) {
          fail(context, row.line, `assessment criterion ${acId} found where ${outcome.number}.${expectedMinor} was expected`);
        }
        if (!acText) fail(context, row.line, `assessment criterion ${acId} has no text`);
        outcome.drafts.push({ ac: acId, text: acText, rawAmplification, line: row.line });
      } else if (acText || clean(rawAmplification)) {
        // A criterion whose text or amplification was split across rows (or pages).
        const previous = outcome?.drafts.at(-1) ?? fail(context, row.line, 'criterion text or amplification with no assessment criterion number before it');
        if (acText) previous.text = `${previous.text} ${acText}`;
        previous.rawAmplification = `${previous.rawAmplification} ${rawAmplification}`;
      }
    }
  }
  if (outcomes.length === 0) fail(context, tables[0]?.line ?? 1, 'no learning outcomes found');
  return outcomes.map(({ drafts, ...outcome }) => {
    if (drafts.length === 0) fail(context, outcome.line, `learning outcome ${outcome.number} has no assessment criteria`);
    return { ...outcome, criteria: drafts.map((draft) => finish(draft, context, notes)) };
  });
}

function finish(draft: Draft, context: SourceContext, notes: SourceNote[]): ParsedCriterion {
  const verb = /^([A-Z][a-z]+)\b/.exec(draft.text)?.[1];
  if (!verb) fail(context, draft.line, `assessment criterion ${draft.ac} does not start with a command verb: "${draft.text.slice(0, 40)}"`);
  const { topics, problems } = parseAmplification(draft.rawAmplification);
  if (topics.length === 0) notes.push({ line: draft.line, note: `Assessment criterion ${draft.ac} has no unit amplification.` });
  for (const problem of problems) notes.push({ line: draft.line, note: `Assessment criterion ${draft.ac}: ${problem}.` });
  return { ac: draft.ac, verb, text: draft.text, amplification: topics, line: draft.line };
}
