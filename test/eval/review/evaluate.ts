/**
 * Scores the reviewer against the labelled corpus: per-rule and per-category precision, recall
 * and F1 (a rule counts once per draft), span coverage for negative wording, and the false-alarm
 * rate on good drafts (a good draft with any finding at all is a false alarm).
 */
import { findAll } from '../../../src/core/review/engine.js';
import type { Finding } from '../../../src/core/review/types.js';
import { reviewChannel, type CorpusItem } from './corpus.js';

/** Counts for one rule or category. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** What one draft got wrong. */
export interface Mismatch {
  id: string;
  missed: string[];
  extra: string[];
}

/** Everything the evaluator measured on a set of drafts. */
export interface Evaluation {
  drafts: number;
  goodDrafts: number;
  byRule: Map<string, Counts>;
  byCategory: Map<string, Counts>;
  overall: Counts;
  /** Expected negative-wording spans hit by a positive-language finding / all such spans. */
  spanHits: number;
  spanTotal: number;
  /** Mean share of each expected span's characters covered by positive-language findings. */
  spanCoverage: number;
  falseAlarmDrafts: string[];
  mismatches: Mismatch[];
  msPerDraft: number;
}

export const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export const f1 = (c: Counts) => {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

const bump = (map: Map<string, Counts>, key: string, field: keyof Counts) => {
  const counts = map.get(key) ?? { tp: 0, fp: 0, fn: 0 };
  counts[field] += 1;
  map.set(key, counts);
};

function spanOf(text: string, excerpt: string, findings: Finding[]): { start: number; end: number } {
  let at = text.indexOf(excerpt);
  let first = at;
  while (at !== -1) {
    const span = { start: at, end: at + excerpt.length };
    if (findings.some((f) => f.start < span.end && span.start < f.end)) return span;
    at = text.indexOf(excerpt, at + 1);
  }
  if (first === -1) first = 0;
  return { start: first, end: first + excerpt.length };
}

/**
 * Evaluates the reviewer on some drafts. With `withChannel` (the default) each draft's channel
 * from its header is passed to the reviewer, as a tutor would; without it the reviewer guesses
 * from the layout, as for a user who leaves the channel out.
 */
export function evaluate(items: CorpusItem[], { withChannel = true }: { withChannel?: boolean } = {}): Evaluation {
  const byRule = new Map<string, Counts>();
  const byCategory = new Map<string, Counts>();
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const falseAlarmDrafts: string[] = [];
  const mismatches: Mismatch[] = [];
  let spanHits = 0;
  let spanTotal = 0;
  let coverageSum = 0;
  const started = performance.now();
  for (const item of items) {
    const { findings } = findAll(item.text, { channel: withChannel ? reviewChannel(item.channel) : undefined });
    const predicted = new Set(findings.map((f) => `${f.category}.${f.rule}`));
    const expected = new Set(item.expect.map((e) => e.key));
    const missed = [...expected].filter((k) => !predicted.has(k));
    const extra = [...predicted].filter((k) => !expected.has(k));
    for (const key of predicted) {
      const field = expected.has(key) ? 'tp' : 'fp';
      bump(byRule, key, field);
      bump(byCategory, key.split('.')[0]!, field);
      overall[field] += 1;
    }
    for (const key of missed) {
      bump(byRule, key, 'fn');
      bump(byCategory, key.split('.')[0]!, 'fn');
      overall.fn += 1;
    }
    if (item.good && findings.length > 0) falseAlarmDrafts.push(item.id);
    if (missed.length > 0 || extra.length > 0) mismatches.push({ id: item.id, missed, extra });
    const negative = findings.filter((f) => f.category === 'positive-language');
    for (const label of item.expect.filter((e) => e.key.startsWith('positive-language.') && e.excerpt)) {
      const span = spanOf(item.text, label.excerpt!, negative);
      spanTotal += 1;
      const hitting = negative.filter((f) => f.start < span.end && span.start < f.end);
      if (hitting.length > 0) spanHits += 1;
      let covered = 0;
      for (let i = span.start; i < span.end; i += 1) if (hitting.some((f) => f.start <= i && i < f.end)) covered += 1;
      coverageSum += covered / (span.end - span.start);
    }
  }
  return {
    drafts: items.length,
    goodDrafts: items.filter((i) => i.good).length,
    byRule,
    byCategory,
    overall,
    spanHits,
    spanTotal,
    spanCoverage: spanTotal === 0 ? 1 : coverageSum / spanTotal,
    falseAlarmDrafts,
    mismatches,
    msPerDraft: (performance.now() - started) / Math.max(1, items.length),
  };
}
