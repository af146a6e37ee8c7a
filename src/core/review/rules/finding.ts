/** Small helpers every rule uses to build findings with exact offsets. */
import { criteriaFor } from '../criteria.js';
import type { Category, CriterionId, Finding, GdprPrinciple, Severity } from '../types.js';

/** What a rule supplies; the excerpt is always cut from the draft itself. */
export interface FindingInput {
  category: Category;
  rule: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  suggestion: string | null;
  principle?: GdprPrinciple | null;
  criteria?: readonly CriterionId[];
}

/** Builds a finding whose excerpt is exactly `text.slice(start, end)`. */
export function makeFinding(text: string, input: FindingInput): Finding {
  return {
    category: input.category,
    rule: input.rule,
    severity: input.severity,
    start: input.start,
    end: input.end,
    excerpt: text.slice(input.start, input.end),
    message: input.message,
    suggestion: input.suggestion,
    principle: input.principle ?? null,
    criteria: criteriaFor(input.category, input.criteria ?? []),
  };
}

/** Every match of a global pattern in a text, with offsets. */
export function allMatches(pattern: RegExp, text: string, offset = 0): Array<{ start: number; end: number; value: string }> {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return [...text.matchAll(global)].map((m) => ({ start: offset + m.index, end: offset + m.index + m[0].length, value: m[0] }));
}

/** True when two half-open ranges overlap. */
export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Keeps the first of any overlapping findings of the same category and rule (longest first within a rule). */
export function dropOverlaps(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const f of findings) {
    if (!kept.some((k) => k.category === f.category && k.rule === f.rule && overlaps(k, f))) kept.push(f);
  }
  return kept;
}
