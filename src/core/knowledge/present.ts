/**
 * Plain-text views of the knowledge base for people: the counts behind `coach kb stats` and the
 * readable records behind `coach kb show <unit> [<criterion>]`.
 */
import type { KnowledgeBase } from './index.js';
import type { KnowledgeRecord } from './types.js';

/** A table of counts per unit, then the totals of notes, laws and glossary entries. */
export function formatStats(kb: KnowledgeBase): string {
  const header = ['Unit', 'LOs', 'ACs', 'Topics', 'Items', 'Guidance', 'Title'];
  const rows = kb.units.map((unit) => {
    const criteria = unit.outcomes.flatMap((outcome) => outcome.criteria);
    return [
      String(unit.number),
      String(unit.outcomes.length),
      String(criteria.length),
      String(criteria.reduce((sum, c) => sum + c.amplification.length, 0)),
      String(criteria.reduce((sum, c) => sum + c.amplification.reduce((n, t) => n + t.items.length, 0), 0)),
      String(criteria.reduce((sum, c) => sum + c.guidance.length, 0)),
      unit.title,
    ];
  });
  const total = (index: number) => String(rows.reduce((sum, row) => sum + Number(row[index]), 0));
  rows.push(['All', total(1), total(2), total(3), total(4), total(5), '']);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padStart(widths[i]!))).join('  ').trimEnd();
  const kinds = new Map<string, number>();
  for (const record of kb.records) kinds.set(record.kind, (kinds.get(record.kind) ?? 0) + 1);
  return [
    `Knowledge base ${kb.version}`,
    '',
    line(header),
    ...rows.map(line),
    '',
    `Topic notes: ${kb.notes.length} (${kb.notes.reduce((n, note) => n + note.sections.length, 0)} sections)`,
    `Legislation register: ${kb.legislation.length} entries (${kb.legislation.filter((e) => e.status === 'replaced' || e.status === 'revoked').length} replaced or revoked, ${kb.legislation.filter((e) => e.status === 'partly-replaced').length} partly replaced)`,
    `Glossary: ${kb.glossary.length} entries`,
    `Records: ${kb.records.length} (${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')})`,
  ].join('\n');
}

function renderRecord(record: KnowledgeRecord, kb: KnowledgeBase): string {
  const lines: string[] = [];
  for (const section of record.sections) {
    lines.push('', section.heading, ...section.items.map((item) => `  • ${item}`));
  }
  const related = record.related
    .map((id) => kb.record(id))
    .filter((other): other is KnowledgeRecord => other !== undefined && (other.kind === 'note' || other.kind === 'legislation'))
    .map((other) => `  • ${other.id}: ${other.title}`);
  if (related.length > 0) lines.push('', 'Related notes and legislation', ...related);
  return lines.join('\n');
}

/** The outcome of `show`: the text, or a message saying what does not exist. */
export type ShowResult = { ok: true; text: string } | { ok: false; message: string };

/** A readable unit or criterion; unknown units and criteria get a message listing what exists. */
export function showRecord(kb: KnowledgeBase, unitArg: string, criterionArg?: string): ShowResult {
  const numbers = kb.units.map((unit) => unit.number);
  const unit = /^\d+$/.test(unitArg.trim()) ? kb.units.find((candidate) => candidate.number === Number(unitArg)) : undefined;
  if (!unit) return { ok: false, message: `There is no unit "${unitArg}". Units are ${numbers[0]}–${numbers.at(-1)}.` };
  if (criterionArg === undefined) {
    const record = kb.record(`u${unit.number}`)!;
    return { ok: true, text: `Unit ${unit.number}: ${unit.title}${renderRecord(record, kb)}` };
  }
  const ac = criterionArg.trim().replace(/^ac\s*/i, '');
  const criterion = kb.criteria.find((candidate) => candidate.unit === unit.number && candidate.ac === ac);
  if (!criterion) {
    const available = kb.criteria.filter((candidate) => candidate.unit === unit.number).map((candidate) => candidate.ac);
    return { ok: false, message: `Unit ${unit.number} has no assessment criterion "${criterionArg}". It has ${available.join(', ')}.` };
  }
  const record = kb.record(criterion.id)!;
  const head = [
    `Unit ${unit.number}: ${unit.title}`,
    `Learning outcome ${criterion.lo}: ${criterion.loTitle}`,
    `AC ${criterion.ac} (${criterion.verb}): ${criterion.text}`,
  ].join('\n');
  const delivery = criterion.delivery ? `\n\nDelivery (learning outcome ${criterion.lo})\n${criterion.delivery.split('\n\n').map((p) => `  ${p}`).join('\n')}` : '';
  return { ok: true, text: `${head}${renderRecord(record, kb)}${delivery}` };
}
