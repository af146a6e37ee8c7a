/**
 * Parses a "Unit amplification" table cell into topics with items.
 *
 * The cell is PDF-extracted HTML: `<ul>` lists whose entries start with "□", an occasional
 * `<p>…</p>` entry, nested sub-lists whose entries start with "•", and topic names in `<i>…</i>`
 * followed by a colon (inside or outside the italics). Items are separated by semicolons at the
 * top level only: commas, "e.g." and "i.e." lists and anything in parentheses stay inside an item.
 */
import type { Topic } from '../types.js';
import { balancedParentheses, clean, splitTopLevel } from './text.js';

/** An entry without a colon ("□ Customer expectations and customer satisfaction") becomes a topic with no items. */
const ITALIC_TOPIC = /^<i>([\s\S]*?)<\/i>\s*:?\s*([\s\S]*)$/;
const PLAIN_TOPIC = /^([^:()<]{2,90}):\s*([\s\S]*)$/;

/** Text left dangling before a sub-list, e.g. "self-assessment instruments, e.g." */
const DANGLING = /[\s,;:]*(?:\b(?:e\.g|i\.e)\.?)?[\s,;:]*$/;

function itemsOf(text: string): string[] {
  return splitTopLevel(text, ';')
    .map((item) => clean(item).replace(/[;,]$/, '').trim())
    .filter((item) => item.length > 0);
}

function parseEntry(entry: string): Topic {
  const [lead = '', ...subItems] = entry.split('•');
  let topic: string;
  let rest: string;
  const italic = ITALIC_TOPIC.exec(lead.trim());
  const plain = italic ? null : PLAIN_TOPIC.exec(clean(lead));
  if (italic) {
    topic = clean(italic[1]!).replace(/\s*:$/, '');
    rest = italic[2]!;
  } else if (plain) {
    topic = plain[1]!.trim();
    rest = plain[2]!;
  } else {
    topic = clean(lead);
    rest = '';
  }
  if (subItems.length > 0) rest = clean(rest).replace(DANGLING, '');
  const items = itemsOf(rest);
  for (const sub of subItems) {
    // Sub-list entries keep their own "<i>Name:</i> text" as one item: "Visual learners: learn through seeing".
    const item = clean(sub).replace(/[;,]$/, '').trim();
    if (item) items.push(item);
  }
  return { topic, items };
}

/** Result of parsing one cell: the topics and anything odd worth recording as a source note. */
export interface AmplificationResult {
  topics: Topic[];
  problems: string[];
}

/**
 * @example parseAmplification('<ul> □ <i>Purpose</i>: a; b (c; d) □ <i>Scope</i>: e')
 * // topics: [{ topic: 'Purpose', items: ['a', 'b (c; d)'] }, { topic: 'Scope', items: ['e'] }]
 */
export function parseAmplification(cell: string): AmplificationResult {
  const problems: string[] = [];
  const normalised = cell
    .replace(/<ul\b[^>]*>|<\/ul>/gi, ' ')
    .replace(/<p\b[^>]*>/gi, '□')
    .replace(/<\/p>/gi, ' ');
  const topics = normalised
    .split('□')
    .map((entry) => entry.trim())
    .filter((entry) => clean(entry).length > 0)
    .map(parseEntry);
  for (const topic of topics) {
    if (!balancedParentheses([topic.topic, ...topic.items].join(' '))) problems.push(`the amplification topic "${topic.topic}" has unbalanced parentheses`);
  }
  return { topics, problems };
}
