/**
 * "Can you give me an example?" after an answer: the specification's own examples for the record
 * the conversation is about (its "e.g." items), what the criterion expects of examples in an
 * assessment, and — when the specification gives none — an honest "it gives no example" with
 * a pointer to what the criterion asks. Curated definitions may add a standard example, marked
 * as not the specification's words. Nothing is invented.
 */
import type { KnowledgeRecord } from '../knowledge/types.js';
import { verbGuidance } from './command-verbs.js';
import { leadLine, type Composed } from './compose.js';
import { definitionsFor } from './definitions.js';
import type { AskKnowledge } from './types.js';

/** A short request for an example that needs the previous answer to make sense. */
const EXAMPLE_REQUEST =
  /^(?:(?:and|so|ok(?:ay)?|but)\s+)?(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:please\s+|pls\s+)?(?:(?:give|show|tell|got|have|need|want)\s+(?:me\s+|us\s+)?)?(?:an?|some|any|another|more|one)?\s*(?:examples?|e\.?g\.?|for instance|instance)(?:\s+(?:of|for)\s+(?:that|this|it|them|those|these|one))?(?:\s+(?:please|pls|plz))?\s*[?.!]*$/i;
const LIKE_WHAT = /^(?:(?:and|so)\s+)?(?:like what|such as|for example|e\.?g\.?|example)\s*[?.!]*$/i;

/** Most "e.g." items shown. */
const MAX_EXAMPLES = 6;
const HAS_EXAMPLE = /\be\.g\.|\bfor example\b|\bsuch as\b|\bexamples include\b/i;
const GUIDANCE = /^Assessment guidance/;

/**
 * True for a bare request for an example ("can you give me an example?", "like what?"), which
 * only makes sense as a follow-up.
 * @example isExampleRequest('can you give me an example?') // true
 */
export function isExampleRequest(question: string): boolean {
  const trimmed = question.trim();
  return EXAMPLE_REQUEST.test(trimmed) || LIKE_WHAT.test(trimmed);
}

/**
 * The example answer for a record the conversation is about.
 * @example composeExamples(kb, kb.record('u9.ac4.2')!) // lead, the "e.g." items, what the criterion expects
 */
export function composeExamples(knowledge: AskKnowledge, record: KnowledgeRecord): Composed {
  const content = record.sections.filter((s) => !GUIDANCE.test(s.heading) && !/^(Checked|How the specification names it)$/.test(s.heading));
  const examples = content
    .flatMap((section) => section.items.filter((item) => HAS_EXAMPLE.test(item)).map((item) => `**${section.heading}**: ${item}`))
    .slice(0, MAX_EXAMPLES);
  const expects = record.sections
    .filter((s) => GUIDANCE.test(s.heading))
    .flatMap((s) => s.items)
    .filter((sentence) => /\bexamples?\b/i.test(sentence))
    .slice(0, 2);
  const definitions = record.kind === 'criterion' ? definitionsFor(knowledge, record.id).filter((d) => HAS_EXAMPLE.test(d.entry.meaning)) : [];

  const parts: Composed['parts'] = [{ kind: 'lead', text: leadLine(record) }];
  if (examples.length > 0) {
    parts.push({ kind: 'text', text: 'The specification gives these examples:' }, { kind: 'point', text: '', items: examples });
  } else {
    parts.push({ kind: 'text', text: `The specification gives no examples for this${record.kind === 'criterion' ? ' criterion' : ''}, so I won't make one up.` });
  }
  for (const definition of definitions.slice(0, 2)) {
    parts.push({ kind: 'text', text: `**${definition.entry.term}** (a standard example, not the specification's words): ${definition.entry.meaning}` });
  }
  if (expects.length > 0) parts.push({ kind: 'text', text: `**What the criterion expects**: ${expects.join(' ')}` });
  if (record.kind === 'criterion') {
    parts.push({ kind: 'text', text: 'Use examples from an organisation you know, such as your workplace, a placement or a shop you use; your tutor can check they fit.' });
    const verb = verbGuidance(record.verb);
    if (verb) parts.push({ kind: 'verb', text: verb });
  }
  const citations = [record.id, ...definitions.slice(0, 2).map((d) => `glossary.${d.entry.slug}`)].filter((id) => knowledge.record(id));
  return { parts, citations, listed: examples.map((text) => ({ text, record: record.id })) };
}
