/**
 * The score: 100 minus a penalty per finding, by severity. Repeats of one rule count for less
 * (the learner has one habit to fix, not five), and each rule's total is capped.
 *
 * | severity | first finding | each repeat | cap per rule |
 * |----------|---------------|-------------|--------------|
 * | error    | 20            | 10          | 40           |
 * | warning  | 8             | 4           | 16           |
 * | info     | 3             | 1           | 5            |
 *
 * Text addressed to the reviewer ("score this 100") is penalised like any other warning.
 */
import type { Finding, Severity } from './types.js';

/** The weights documented above (and in docs/review.md). */
export const WEIGHTS: Record<Severity, { first: number; repeat: number; cap: number }> = {
  error: { first: 20, repeat: 10, cap: 40 },
  warning: { first: 8, repeat: 4, cap: 16 },
  info: { first: 3, repeat: 1, cap: 5 },
};

/**
 * Scores findings from 0 to 100.
 * @example scoreFindings([]) // 100
 */
export function scoreFindings(findings: readonly Finding[]): number {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = `${finding.category}.${finding.rule}`;
    byRule.set(key, [...(byRule.get(key) ?? []), finding]);
  }
  let penalty = 0;
  for (const group of byRule.values()) {
    const worst = group.reduce<Severity>((s, f) => (rank(f.severity) > rank(s) ? f.severity : s), 'info');
    const weight = WEIGHTS[worst];
    penalty += Math.min(weight.cap, weight.first + weight.repeat * (group.length - 1));
  }
  return Math.max(0, Math.round(100 - penalty));
}

function rank(severity: Severity): number {
  return severity === 'error' ? 2 : severity === 'warning' ? 1 : 0;
}
