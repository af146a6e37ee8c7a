/**
 * Round 6: totals with the learnt sentence classifier off and on, per corpus part
 * (`npx tsx test/eval/review/learnt-totals.ts`). Totals only: no held-out draft or mismatch is shown.
 */
import { warmUpReviewer } from '../../../src/core/review/engine.js';
import { ratio } from '../suite.js';
import { loadCorpus } from './corpus.js';
import { evaluate, f1, precision, recall } from './evaluate.js';

warmUpReviewer();
for (const part of ['dev', 'holdout', 'fresh', 'fresh2'] as const) {
  const items = loadCorpus(part);
  for (const learnt of [false, true]) {
    const e = evaluate(items, { learnt });
    const cat = (c: string) => { const k = e.byCategory.get(c) ?? { tp: 0, fp: 0, fn: 0 }; return `${c} P ${ratio(precision(k))} R ${ratio(recall(k))} F1 ${ratio(f1(k))}`; };
    console.log(`${part.padEnd(8)} learnt ${learnt ? 'on ' : 'off'}: ${cat('tone')}; ${cat('gdpr')}; overall F1 ${ratio(f1(e.overall))}; false alarms ${e.falseAlarmDrafts.length}/${e.goodDrafts}`);
  }
}
