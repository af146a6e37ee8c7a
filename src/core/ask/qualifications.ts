/**
 * The two qualifications in a question: which of the Award and the Certificate it names, the figure
 * it asks of them ("How many GLH is the Certificate?": retrieval favours that record), and, when it
 * asks how they differ, both sizes side by side (credits, total qualification time, guided learning
 * hours) from each record's key facts, rather than the lead record's opening paragraph.
 */
import type { KnowledgeRecord } from '../knowledge/types.js';
import type { Point } from './facts.js';

const COMPARED = ['qual.award', 'qual.certificate'] as const;
/** The key facts that tell the two apart, as their lines begin in the specification. */
const SIZE_FACTS = /^(Credit value|Total Qualification Time|Guided learning hours)/i;
const ASKS_FOR_A_FIGURE = /\bhow (?:many|much|long)\b|\b(?:credits?|glh|tqt|hours|qualification number|qn|age|ages|old)\b|\bdifferen/i;
const ASKS_TO_COMPARE = /\bdifferen|\bcompare|\bvs\b|\bversus\b|\bbigger\b|\blonger\b|\bwhich (?:one|is)\b/i;

/** The qualification records a question names ("my certificate" is the learner's own, not the qualification). */
function qualificationsNamed(question: string): string[] {
  return [
    ...(/\baward\b/i.test(question) ? ['qual.award'] : []),
    ...(/\bcertificate\b/i.test(question) && !/\bmy certificate\b/i.test(question) ? ['qual.certificate'] : []),
  ];
}

/** The qualification records a question names while asking for a figure or a comparison ("how many credits is the award"). */
export function qualificationsAskedAbout(question: string): string[] {
  return ASKS_FOR_A_FIGURE.test(question) ? qualificationsNamed(question) : [];
}

/**
 * One line per qualification, when the question names both and asks how they differ; else none.
 * @example compareQualifications('award vs certificate?', (id) => kb.record(id)) // [{ text: '**Award**: Credit value: 7; …' }, …]
 */
export function compareQualifications(question: string, record: (id: string) => KnowledgeRecord | undefined): Point[] {
  if (!ASKS_TO_COMPARE.test(question) || qualificationsNamed(question).length < COMPARED.length) return [];
  const sides = COMPARED.map((id) => {
    const found = record(id);
    const facts = found?.sections.find((s) => /^key facts$/i.test(s.heading))?.items.filter((item) => SIZE_FACTS.test(item)) ?? [];
    return { id, name: id === 'qual.award' ? 'Award' : 'Certificate', facts };
  });
  if (sides.some((side) => side.facts.length === 0)) return [];
  return sides.map((side) => ({ text: `**${side.name}**: ${side.facts.join('; ')}`, record: side.id }));
}
