/**
 * The score, calibrated to how a tutor grades a practice reply: 100 minus a penalty per rule.
 * Repeats of one rule count for less (the learner has one habit to fix, not five), and each rule's
 * total is capped. Problems with how the customer is treated (tone and negative wording, Unit 3
 * AC 2.1, 2.2, 3.2) weigh more than slips in writing conventions, and any error (a GDPR breach or a
 * threat) keeps the reply out of the pass range, because it must not be sent as it is.
 *
 * | finding                                    | first | each repeat | cap per rule |
 * |--------------------------------------------|-------|-------------|--------------|
 * | error (GDPR breach, threat)                | 25    | 10          | 40           |
 * | warning: tone or positive language         | 12    | 6           | 24           |
 * | warning: writing conventions               | 10    | 5           | 20           |
 * | info (jargon, "you need to", a "hi," greeting) | 3 | 1           | 5            |
 *
 * With any error the score is at most 50. Bands: 95–100 ready to send, 60–94 nearly there
 * (fix what is listed), 0–59 not yet (a tutor would ask for a rewrite).
 */
import type { Category, Finding, Severity } from './types.js';

/** One row of the table above. */
export interface Weight {
  first: number;
  repeat: number;
  cap: number;
}

/** The weights documented above (and in docs/review.md). */
export const WEIGHTS = {
  error: { first: 25, repeat: 10, cap: 40 },
  relationshipWarning: { first: 12, repeat: 6, cap: 24 },
  writingWarning: { first: 10, repeat: 5, cap: 20 },
  info: { first: 3, repeat: 1, cap: 5 },
} as const satisfies Record<string, Weight>;

/** The highest score a reply with any error can have: below the pass mark. */
export const MAX_WITH_ERROR = 50;

/** What a score means for the learner. */
export type ScoreBand = 'ready to send' | 'nearly there' | 'not yet';

/** The lowest score of each band. */
export const BANDS: ReadonlyArray<{ band: ScoreBand; from: number }> = [
  { band: 'ready to send', from: 95 },
  { band: 'nearly there', from: 60 },
  { band: 'not yet', from: 0 },
];

/**
 * The band a score falls in.
 * @example scoreBand(56) // 'not yet'
 */
export function scoreBand(score: number): ScoreBand {
  return BANDS.find((b) => score >= b.from)!.band;
}

const RELATIONSHIP: readonly Category[] = ['tone', 'positive-language'];

function weightOf(severity: Severity, category: Category): Weight {
  if (severity === 'error') return WEIGHTS.error;
  if (severity === 'info') return WEIGHTS.info;
  return RELATIONSHIP.includes(category) ? WEIGHTS.relationshipWarning : WEIGHTS.writingWarning;
}

const rank = (severity: Severity) => (severity === 'error' ? 2 : severity === 'warning' ? 1 : 0);

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
    // A rule whose findings differ in severity (shouting in capitals is a warning, a threat an error) counts at its worst.
    const worst = group.reduce((w, f) => (rank(f.severity) > rank(w.severity) ? f : w));
    const weight = weightOf(worst.severity, worst.category);
    penalty += Math.min(weight.cap, weight.first + weight.repeat * (group.length - 1));
  }
  const score = Math.max(0, Math.round(100 - penalty));
  return findings.some((f) => f.severity === 'error') ? Math.min(score, MAX_WITH_ERROR) : score;
}
