/**
 * "What's the difference between the Award and the Certificate?": both qualifications' size side by
 * side (credits, total qualification time, guided learning hours), from each record's key facts, so
 * the answer holds the figures that differ rather than the lead record's opening paragraph.
 */
import type { KnowledgeRecord } from '../knowledge/types.js';
import type { Point } from './facts.js';

const COMPARED = ['qual.award', 'qual.certificate'] as const;
/** The key facts that tell the two apart, as their lines begin in the specification. */
const SIZE_FACTS = /^(Credit value|Total Qualification Time|Guided learning hours)/i;
const ASKS_TO_COMPARE = /\bdifferen|\bcompare|\bvs\b|\bversus\b|\bbigger\b|\blonger\b|\bwhich (?:one|is)\b/i;

/**
 * One line per qualification, when the question names both and asks how they differ; else none.
 * @example compareQualifications('award vs certificate?', (id) => kb.record(id)) // [{ text: '**Award**: Credit value: 7; …' }, …]
 */
export function compareQualifications(question: string, record: (id: string) => KnowledgeRecord | undefined): Point[] {
  if (!ASKS_TO_COMPARE.test(question) || !/\baward\b/i.test(question) || !/\bcertificate\b/i.test(question)) return [];
  const sides = COMPARED.map((id) => {
    const found = record(id);
    const facts = found?.sections.find((s) => /^key facts$/i.test(s.heading))?.items.filter((item) => SIZE_FACTS.test(item)) ?? [];
    return { id, name: id === 'qual.award' ? 'Award' : 'Certificate', facts };
  });
  if (sides.some((side) => side.facts.length === 0)) return [];
  return sides.map((side) => ({ text: `**${side.name}**: ${side.facts.join('; ')}`, record: side.id }));
}
