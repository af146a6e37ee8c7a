/**
 * Turns a range of source lines into blocks: paragraphs (wrapped lines joined), lists ("- item")
 * and Markdown tables (rows wrapped across lines joined; a row cut off is an error). Paragraphs
 * split by a PDF page break mid-sentence are joined back together.
 */
import { fail, type SourceContext } from './source-error.js';
import { clean, continuesOnNextParagraph } from './text.js';

/** One table row: its raw cells (not yet cleaned) and the line it starts on. */
export interface TableRow {
  cells: string[];
  line: number;
}

export type Block =
  | { kind: 'paragraph'; line: number; text: string }
  | { kind: 'list'; line: number; items: string[] }
  | { kind: 'table'; line: number; rows: TableRow[] };

type Kind = Block['kind'];

function kindOf(line: string): Kind {
  if (line.startsWith('|')) return 'table';
  if (/^\s*[-*] /.test(line)) return 'list';
  return 'paragraph';
}

/** Splits a Markdown row into cells, without the outer pipes. */
export function splitRow(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

const isSeparatorRow = (row: string) => /^\|[\s:|-]+\|$/.test(row.trim());

/**
 * Reads lines `from`..`to` (0-based, end exclusive) of `lines` into blocks.
 * @param context names the file and unit in errors
 */
export function readBlocks(lines: string[], from: number, to: number, context: SourceContext): Block[] {
  const blocks: Block[] = [];
  let i = from;
  while (i < to) {
    const raw = lines[i]!;
    if (raw.trim() === '') {
      i += 1;
      continue;
    }
    const kind = kindOf(raw);
    const start = i;
    if (kind === 'table') {
      const rows: TableRow[] = [];
      while (i < to && kindOf(lines[i]!) === 'table') {
        const rowStart = i;
        let row = lines[i]!.trim();
        // A row wrapped by the PDF extraction continues until a line closes it with a pipe.
        while (!row.endsWith('|')) {
          i += 1;
          if (i >= to || lines[i]!.trim() === '') fail(context, rowStart + 1, 'a table row is cut off (it never closes with "|")');
          row += ` ${lines[i]!.trim()}`;
        }
        if (!isSeparatorRow(row)) rows.push({ cells: splitRow(row), line: rowStart + 1 });
        i += 1;
      }
      blocks.push({ kind, line: start + 1, rows });
    } else if (kind === 'list') {
      const items: string[] = [];
      while (i < to && lines[i]!.trim() !== '' && kindOf(lines[i]!) !== 'table') {
        const line = lines[i]!;
        if (kindOf(line) === 'list') items.push(line.replace(/^\s*[-*] /, ''));
        else items[items.length - 1] += ` ${line.trim()}`;
        i += 1;
      }
      blocks.push({ kind, line: start + 1, items: items.map(clean).filter(Boolean) });
    } else {
      const parts: string[] = [];
      while (i < to && lines[i]!.trim() !== '' && kindOf(lines[i]!) === 'paragraph') {
        parts.push(lines[i]!.trim());
        i += 1;
      }
      const text = clean(parts.join(' '));
      const previous = blocks.at(-1);
      if (previous?.kind === 'paragraph' && continuesOnNextParagraph(previous.text, text)) previous.text = `${previous.text} ${text}`;
      else if (text) blocks.push({ kind, line: start + 1, text });
    }
  }
  return blocks;
}

/**
 * A heading is a short single-line paragraph with no closing punctuation, e.g. "Unit aim" or
 * "Progression opportunities through Pearson qualifications".
 */
export function isHeading(block: Block): boolean {
  return block.kind === 'paragraph' && block.text.length <= 90 && /^[A-Z0-9]/.test(block.text) && !/[.:;,!?]$/.test(block.text) && !/^www\.|^https?:/.test(block.text);
}

/** The cleaned cells of a table's rows, for key/value tables. */
export function tableCells(block: Extract<Block, { kind: 'table' }>): Array<{ cells: string[]; line: number }> {
  return block.rows.map((row) => ({ cells: row.cells.map(clean), line: row.line }));
}
