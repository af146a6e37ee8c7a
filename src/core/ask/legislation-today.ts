/**
 * "What applies today": the specification (2015–2017) names laws that have since been replaced.
 * When a question or a cited record names one, the answer says what applies now, in the words of
 * the curated legislation register (`knowledge/curated/legislation.json`).
 */
import type { LegislationEntry } from '../knowledge/types.js';
import { STOP_WORDS } from './text.js';
import type { AskKnowledge } from './types.js';

/** At most this many "today" lines, so a record citing many laws does not drown the answer. */
const MAX_LINES = 3;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A law that no longer applies as the specification names it, with what applies today. */
export interface LawToday {
  id: string;
  name: string;
  /** The register's whole "today" text (for the LLM's sources). */
  today: string;
  /** One or two sentences of it: the first, and the one that best answers the question. */
  brief: string;
}

const core = (value: string) =>
  value
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/\b(1[89]|20)\d\d\b/g, ' ')
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const cache = new WeakMap<LegislationEntry[], Array<{ entry: LegislationEntry; names: string[] }>>();

/** The register's replaced laws with their names in comparable form, worked out once. */
function superseded(register: LegislationEntry[]): Array<{ entry: LegislationEntry; names: string[] }> {
  let list = cache.get(register);
  if (!list) {
    list = register
      .filter((entry) => entry.status !== 'in-force' && entry.status !== 'amended')
      .map((entry) => ({ entry, names: [entry.name, ...entry.citedAs].map(core).filter((name) => name.split(' ').length >= 2) }));
    cache.set(register, list);
  }
  return list;
}

/**
 * The superseded laws named in the question (first) or in the given records.
 * @example lawsToday(kb, 'is the data protection act 1998 still a thing?', [])
 *   // [{ id: 'law.data-protection-act-1998', name: 'Data Protection Act 1998', today: 'Replaced by …' }]
 */
export function lawsToday(knowledge: AskKnowledge, question: string, recordIds: string[]): LawToday[] {
  const asked = ` ${core(question)} `;
  const years = new Set(question.match(/\b(?:1[89]|20)\d\d\b/g) ?? []);
  const fromQuestion: LegislationEntry[] = [];
  const fromRecords: Array<{ entry: LegislationEntry; order: number }> = [];
  for (const { entry, names } of superseded(knowledge.legislation)) {
    const named = names.some((name) => asked.includes(` ${name} `));
    // "Data Protection Act 2018" names the law that applies today, not the 1998 one.
    const otherYear = entry.year !== null && years.size > 0 && !years.has(String(entry.year));
    if (named && !otherYear) fromQuestion.push(entry);
    else {
      // Laws of the first (best) record come first.
      const order = recordIds.findIndex((id) => entry.citedIn.includes(id));
      if (order !== -1) fromRecords.push({ entry, order });
    }
  }
  const byRecord = fromRecords.sort((a, b) => a.order - b.order).map((found) => found.entry);
  // A question that names a law is about that law: the others its criterion lists are noise.
  const chosen = fromQuestion.length > 0 ? fromQuestion : byRecord;
  return chosen.slice(0, MAX_LINES).map((entry) => ({ id: `law.${entry.slug}`, name: entry.name, today: entry.today, brief: briefToday(entry.today, question) }));
}

/**
 * The first sentence of a "today" text (two when the first only says "Repealed and replaced."),
 * plus the sentence that shares most words with the question, if any does.
 * @example briefToday(dpa.today, 'what are the 7 data protection principles') // 'Repealed and replaced. Personal data … Their seven principles (…) …'
 */
export function briefToday(today: string, question: string): string {
  const sentences = today.split(/(?<=[.!?])\s+(?=[A-Z(])/);
  let lead = 0;
  while (lead < sentences.length - 1 && sentences.slice(0, lead + 1).join(' ').length < 40) lead++;
  const shown = sentences.slice(0, lead + 1);
  const asked = new Set((question.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((word) => !STOP_WORDS.has(word)).map(root));
  let best: { sentence: string; score: number } | null = null;
  for (const sentence of sentences.slice(lead + 1)) {
    const score = new Set((sentence.toLowerCase().match(/[a-z]{4,}/g) ?? []).map(root).filter((word) => asked.has(word))).size;
    if (score > 0 && (!best || score > best.score)) best = { sentence, score };
  }
  if (best) shown.push(best.sentence);
  return shown.join(' ');
}

/**
 * A law record as short lines: what it covered, what applies today (brief) and what replaced it,
 * with British dates; the register's bookkeeping ("Checked", the specification's spellings) is left out.
 */
export function lawLines(entry: LegislationEntry, question: string): string[] {
  const past = entry.status === 'replaced' || entry.status === 'revoked';
  const lines = [`**${past ? 'What it covered' : 'What it covers'}**: ${entry.governs}`, `**Today**: ${briefToday(entry.today, question)}`];
  if (entry.status !== 'in-force' && entry.status !== 'amended' && entry.replacedBy.length > 0) {
    const by = entry.replacedBy.map((r) => {
      const from = r.from ? `, from ${britishDate(r.from)}` : '';
      const scope = entry.status === 'partly-replaced' ? ` (${r.scope.charAt(0).toLowerCase()}${r.scope.slice(1).replace(/\.$/, '')})` : '';
      return `${r.name}${from}${scope}`;
    });
    lines.push(`**Replaced by**: ${by.join('; ')}.`);
  }
  return lines;
}

/** "2018-05-25" → "25 May 2018": the register stores ISO dates; learners read British ones. */
export function britishDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** A crude common root so "principles" meets "principle" and "protected" meets "protection". */
const root = (word: string) => word.slice(0, 6);
