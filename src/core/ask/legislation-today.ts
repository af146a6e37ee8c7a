/**
 * "What applies today": the specification (2015–2017) names laws that have since been replaced.
 * When a question or a cited record names one, the answer says what applies now, in the words of
 * the curated legislation register (`knowledge/curated/legislation.json`).
 */
import type { LegislationEntry } from '../knowledge/types.js';
import type { AskKnowledge } from './types.js';

/** At most this many "today" lines, so a record citing many laws does not drown the answer. */
const MAX_LINES = 4;

/** A law that no longer applies as the specification names it, with what applies today. */
export interface LawToday {
  id: string;
  name: string;
  today: string;
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
  return [...fromQuestion, ...byRecord].slice(0, MAX_LINES).map((entry) => ({ id: `law.${entry.slug}`, name: entry.name, today: entry.today }));
}
