/**
 * Measures a maintained PII library against our own identifier patterns on the labelled corpus,
 * for the four identifier rules (card_number, bank_details, ni_number, dob), at draft level.
 * The library is not a dependency of the project: install it somewhere else and pass its entry.
 *
 *   (cd /tmp/pii && npm install @openredaction/openredaction@1.0.4)
 *   npx tsx test/eval/review/compare-pii.ts /tmp/pii/node_modules/@openredaction/openredaction/dist/index.mjs
 */
import { findBankDetails, findCards, findDatesOfBirth, findNiNumbers } from '../../../src/core/privacy/detect.js';
import { ratio } from '../suite.js';
import { loadCorpus } from './corpus.js';
import { f1, precision, recall, type Counts } from './evaluate.js';

const RULES = ['card_number', 'bank_details', 'ni_number', 'dob'] as const;
type Rule = (typeof RULES)[number];

/** The library's detection types, mapped to our rules. */
const LIBRARY_TYPES: Record<string, Rule> = {
  CREDIT_CARD: 'card_number',
  SORT_CODE_UK: 'bank_details',
  BANK_ACCOUNT_UK: 'bank_details',
  IBAN: 'bank_details',
  NATIONAL_INSURANCE_UK: 'ni_number',
  DATE_OF_BIRTH: 'dob',
};

function ours(text: string): Set<Rule> {
  const found = new Set<Rule>();
  if (findCards(text).length > 0) found.add('card_number');
  if (findBankDetails(text).length > 0) found.add('bank_details');
  if (findNiNumbers(text).length > 0) found.add('ni_number');
  if (findDatesOfBirth(text).length > 0) found.add('dob');
  return found;
}

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('Usage: tsx test/eval/review/compare-pii.ts <path to @openredaction/openredaction dist/index.mjs>\n');
  process.exit(1);
}
const { OpenRedaction } = (await import(entry)) as { OpenRedaction: new () => { detect(text: string): Promise<{ detections: Array<{ type: string; value: string }> }> } };
const shield = new OpenRedaction();

const items = [...loadCorpus('dev'), ...loadCorpus('holdout')];
const counts = { ours: new Map<Rule, Counts>(), library: new Map<Rule, Counts>() };
const time = { ours: 0, library: 0 };
const otherTypes = new Map<string, number>();
for (const rule of RULES) for (const map of Object.values(counts)) map.set(rule, { tp: 0, fp: 0, fn: 0 });
for (const item of items) {
  const expected = new Set(item.expect.map((e) => e.key.replace(/^gdpr\./, '')));
  let started = performance.now();
  const mine = ours(item.text);
  time.ours += performance.now() - started;
  started = performance.now();
  const result = await shield.detect(item.text);
  time.library += performance.now() - started;
  const theirs = new Set<Rule>();
  for (const d of result.detections) {
    const rule = LIBRARY_TYPES[d.type];
    if (rule) theirs.add(rule);
    else otherTypes.set(d.type, (otherTypes.get(d.type) ?? 0) + 1);
  }
  for (const [name, found] of [['ours', mine], ['library', theirs]] as const) {
    for (const rule of RULES) {
      const c = counts[name].get(rule)!;
      if (found.has(rule) && expected.has(rule)) c.tp += 1;
      else if (found.has(rule)) c.fp += 1;
      else if (expected.has(rule)) c.fn += 1;
    }
  }
}
const total = (map: Map<Rule, Counts>) => [...map.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
const line = (label: string, c: Counts) => `  ${label.padEnd(14)} P ${ratio(precision(c))}  R ${ratio(recall(c))}  F1 ${ratio(f1(c))}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
for (const name of ['ours', 'library'] as const) {
  process.stdout.write(`${name === 'ours' ? 'Our patterns' : 'OpenRedaction'} (${items.length} drafts, ${(time[name] / items.length).toFixed(2)} ms per draft):\n`);
  for (const rule of RULES) process.stdout.write(`${line(rule, counts[name].get(rule)!)}\n`);
  process.stdout.write(`${line('all four', total(counts[name]))}\n`);
}
process.stdout.write(`Other OpenRedaction detection types on the corpus: ${[...otherTypes.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ')}\n`);
