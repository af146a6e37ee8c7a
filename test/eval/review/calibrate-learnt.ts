/**
 * Calibrates the learnt sentence classifier's thresholds on the DEVELOPMENT drafts only
 * (`npx tsx test/eval/review/calibrate-learnt.ts`). For each pair of thresholds it prints:
 * - new findings the classifier would add (rule not already found in that sentence), split into
 *   right (the draft is labelled with the rule) and wrong (it is not), and good drafts it would flag;
 * - a recall proxy: of the sentences the phrase rules flag for a learnt rule, how many the classifier
 *   alone reads as that rule (wording the rules list is, to the classifier, unseen wording).
 * Held-out parts are never read here.
 */
import { findAll, warmUpReviewer } from '../../../src/core/review/engine.js';
import { featuresOf, LEARNT_RULES, loadLearntModel } from '../../../src/core/review/rules/learnt.js';
import { overlaps } from '../../../src/core/review/rules/finding.js';
import { loadReviewData } from '../../../src/core/review/data.js';
import { loadCorpus, reviewChannel } from './corpus.js';

warmUpReviewer();
const model = loadLearntModel();
const learnt = new Set<string>(LEARNT_RULES);
const rows: Array<{ id: string; good: boolean; labels: Set<string>; label: string; posterior: number; nearest: number; ruleFound: string[]; categories: string[]; sentence: string }> = [];
for (const item of loadCorpus('dev')) {
  const { findings, analysis } = findAll(item.text, { channel: reviewChannel(item.channel), learnt: false });
  for (const span of analysis.sentences) {
    const tokens = analysis.tokens.filter((t) => t.start >= span.start && t.end <= span.end);
    if (tokens.filter((t) => t.type === 'word').length < 4) continue;
    const c = model.classify(featuresOf(tokens));
    const here = findings.filter((f) => overlaps(f, span));
    const ruleFound = here.map((f) => `${f.category}.${f.rule}`).filter((k) => learnt.has(k));
    const categories = here.map((f) => f.category);
    rows.push({ id: item.id, good: item.good, labels: new Set(item.expect.map((e) => e.key)), ...c, ruleFound, categories, sentence: span.text });
  }
}

// The curated look-alikes every phrase rule must allow ("examples.allow" in the knowledge files):
// a second calibration set, never trained on.
const data = loadReviewData();
const allows = [...data.tone, ...data.gdpr, ...data.phrasebook].flatMap((rule) => rule.examples.allow).map((text) => ({ text, ...model.classifyText(text) }));

const verbose = process.argv.includes('--verbose');
for (const posterior of [0.6, 0.7, 0.8, 0.9, 0.95, 0.99]) {
  for (const nearest of [0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
    let right = 0;
    let wrong = 0;
    const goodFlagged = new Set<string>();
    let proxyHit = 0;
    let proxyTotal = 0;
    const wrongOnes: string[] = [];
    for (const r of rows) {
      const fires = r.label !== 'harmless' && r.posterior >= posterior && r.nearest >= nearest;
      for (const rule of r.ruleFound) {
        proxyTotal += 1;
        if (fires && r.label === rule) proxyHit += 1;
      }
      // As learntFindings: a sentence a rule already flagged in the same category is left alone.
      const category = r.label.split('.')[0]!;
      if (!fires || r.categories.includes(category) || (category === 'tone' && r.categories.includes('positive-language'))) continue;
      if (r.labels.has(r.label)) right += 1;
      else {
        wrong += 1;
        wrongOnes.push(`    ${r.id} ${r.label} p=${r.posterior.toFixed(3)} cos=${r.nearest.toFixed(2)}: ${r.sentence}`);
      }
      if (r.good) goodFlagged.add(r.id);
    }
    const allowFlagged = allows.filter((a) => a.label !== 'harmless' && a.posterior >= posterior && a.nearest >= nearest);
    console.log(`posterior >= ${posterior} nearest >= ${nearest}: new right ${right}, new wrong ${wrong}, good drafts flagged ${goodFlagged.size}; look-alikes flagged ${allowFlagged.length}/${allows.length}; recall proxy ${proxyHit}/${proxyTotal}`);
    for (const a of allowFlagged) wrongOnes.push(`    look-alike ${a.label} p=${a.posterior.toFixed(3)} cos=${a.nearest.toFixed(2)}: ${a.text}`);
    if (verbose) console.log(wrongOnes.join('\n'));
  }
}
