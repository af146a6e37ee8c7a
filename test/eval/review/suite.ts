/**
 * `npm run eval -- review`: the reviewer's figures on the development part, the held-out parts
 * (written with it; fresh and fresh2, written by people who had not seen the rules) and all together. Mismatches are listed for the development part only, so
 * nobody tunes rules against the held-out drafts by accident. Each draft's channel (from its
 * header) is passed to the reviewer; the same figures without it (the reviewer guessing from the
 * layout, as for a user who leaves it out) follow as totals, under `guess.*`.
 */
import { warmUpReviewer } from '../../../src/core/review/engine.js';
import { ratio, type Suite, type SuiteReport } from '../suite.js';
import { loadCorpus, type CorpusItem } from './corpus.js';
import { evaluate, f1, precision, recall, type Counts, type Evaluation } from './evaluate.js';

const CATEGORIES = ['positive-language', 'tone', 'gdpr', 'writing'];
const row = (name: string, c: Counts) =>
  `  ${name.padEnd(40)} P ${ratio(precision(c))}  R ${ratio(recall(c))}  F1 ${ratio(f1(c))}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;

function metricsOf(prefix: string, e: Evaluation): Record<string, number> {
  const metrics: Record<string, number> = {
    [`${prefix}.f1.overall`]: f1(e.overall),
    [`${prefix}.falseAlarmRate`]: e.falseAlarmDrafts.length / Math.max(1, e.goodDrafts),
    [`${prefix}.spanHitRate`]: e.spanTotal === 0 ? 1 : e.spanHits / e.spanTotal,
    [`${prefix}.spanCoverage`]: e.spanCoverage,
  };
  for (const category of CATEGORIES) {
    const counts = e.byCategory.get(category) ?? { tp: 0, fp: 0, fn: 0 };
    metrics[`${prefix}.f1.${category}`] = f1(counts);
    metrics[`${prefix}.precision.${category}`] = precision(counts);
    metrics[`${prefix}.recall.${category}`] = recall(counts);
  }
  return metrics;
}

function linesOf(title: string, e: Evaluation, showMismatches: boolean, showRules = true): string[] {
  const lines = [`${title}: ${e.drafts} drafts (${e.goodDrafts} good), ${e.msPerDraft.toFixed(2)} ms per draft`];
  lines.push(' by category:');
  for (const category of CATEGORIES) lines.push(row(category, e.byCategory.get(category) ?? { tp: 0, fp: 0, fn: 0 }));
  lines.push(row('overall (micro)', e.overall));
  if (showRules) {
    lines.push(' by rule:');
    for (const [rule, counts] of [...e.byRule.entries()].sort(([a], [b]) => a.localeCompare(b))) lines.push(row(rule, counts));
  }
  lines.push(` negative-wording spans: ${e.spanHits}/${e.spanTotal} hit, mean character coverage ${ratio(e.spanCoverage)}`);
  // Draft ids are named for the development part only: naming held-out drafts invites tuning on them.
  const which = showMismatches && e.falseAlarmDrafts.length ? ` (${e.falseAlarmDrafts.join(', ')})` : '';
  lines.push(` false alarms on good drafts: ${e.falseAlarmDrafts.length}/${e.goodDrafts} = ${ratio(e.falseAlarmDrafts.length / Math.max(1, e.goodDrafts))}${which}`);
  if (showMismatches && e.mismatches.length > 0) {
    lines.push(' mismatches:');
    for (const m of e.mismatches) lines.push(`  ${m.id}: ${m.missed.length ? `missed ${m.missed.join(', ')}` : ''}${m.missed.length && m.extra.length ? '; ' : ''}${m.extra.length ? `extra ${m.extra.join(', ')}` : ''}`);
  }
  return lines;
}

/** One line of totals: F1 per category and overall, and false alarms. */
function totalsLine(name: string, e: Evaluation): string {
  const f = (category: string) => ratio(f1(e.byCategory.get(category) ?? { tp: 0, fp: 0, fn: 0 }));
  return `  ${name.padEnd(8)} F1 positive-language ${f('positive-language')}  tone ${f('tone')}  gdpr ${f('gdpr')}  writing ${f('writing')}  overall ${ratio(f1(e.overall))}; false alarms ${e.falseAlarmDrafts.length}/${e.goodDrafts}`;
}

/** Runs the evaluation on both parts; tests hold floors on the returned metrics. */
export async function runReviewEval(): Promise<SuiteReport & { dev: Evaluation; holdout: Evaluation }> {
  await warmUpReviewer();
  const dev = loadCorpus('dev');
  const holdout = loadCorpus('holdout');
  const fresh = loadCorpus('fresh');
  const fresh2 = loadCorpus('fresh2');
  const all: CorpusItem[] = [...dev, ...holdout, ...fresh, ...fresh2];
  const devEval = evaluate(dev);
  const holdoutEval = evaluate(holdout);
  const freshEval = evaluate(fresh);
  const fresh2Eval = evaluate(fresh2);
  const allEval = evaluate(all);
  const guessed = { dev: evaluate(dev, { withChannel: false }), holdout: evaluate(holdout, { withChannel: false }), fresh: evaluate(fresh, { withChannel: false }), fresh2: evaluate(fresh2, { withChannel: false }), all: evaluate(all, { withChannel: false }) };
  const guessedMetrics = Object.fromEntries(Object.entries(guessed).flatMap(([part, e]) => Object.entries(metricsOf(`guess.${part}`, e))));
  return {
    dev: devEval,
    holdout: holdoutEval,
    metrics: { ...metricsOf('dev', devEval), ...metricsOf('holdout', holdoutEval), ...metricsOf('fresh', freshEval), ...metricsOf('fresh2', fresh2Eval), ...metricsOf('all', allEval), ...guessedMetrics },
    lines: [
      ...linesOf('Development part (tuned on)', devEval, true),
      '',
      ...linesOf('Held-out part (never tuned on)', holdoutEval, false),
      '',
      ...linesOf('Fresh held-out part (written without sight of the rules, never tuned on)', freshEval, false),
      '',
      ...linesOf('Second fresh held-out part (round 4, written without sight of the rules, never tuned on)', fresh2Eval, false),
      '',
      ...linesOf('All drafts', allEval, false, false),
      '',
      'Without the channel (the reviewer guesses it from the layout), totals only:',
      ...Object.entries(guessed).map(([part, e]) => totalsLine(part, e)),
    ],
  };
}

export const reviewEvalSuite: Suite = { name: 'review', run: runReviewEval };
