/**
 * The Ask evaluation: runs every item of `ask-set.json` through the offline answer path and
 * measures recall@1/@3 (an expected record among the first k citations), key-fact coverage
 * (facts found in the answer text), refusal accuracy (grounded exactly when it should be) and,
 * for off-topic and injection items, whether each was handled. Dev and held-out items are
 * reported separately; the held-out quarter was not used for tuning.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { answerQuestion } from '../../../src/core/ask/answer.js';
import { answerText } from '../../../src/core/ask/render.js';
import type { Answer } from '../../../src/core/ask/types.js';
import { testContext, testDeps, type TestDeps } from '../../helpers/test-deps.js';
import { ratio, type SuiteReport } from '../suite.js';

const itemSchema = z
  .object({
    id: z.string(),
    type: z.enum(['direct', 'paraphrase', 'qualification', 'topic-note', 'legislation', 'integrity', 'off-topic', 'unanswerable', 'injection', 'follow-up']),
    split: z.enum(['dev', 'holdout']),
    question: z.string(),
    turns: z.array(z.string()).optional(),
    expect: z.array(z.string()).optional(),
    refuse: z.boolean().optional(),
    facts: z.array(z.string()),
  })
  .strict();
export type EvalItem = z.infer<typeof itemSchema>;

/** Loads the evaluation set. */
export function loadAskSet(): EvalItem[] {
  const raw = JSON.parse(readFileSync(new URL('./ask-set.json', import.meta.url), 'utf8')) as { items: unknown[] };
  return z.array(itemSchema).parse(raw.items);
}

/** One item's outcome. */
export interface ItemResult {
  item: EvalItem;
  answer: Answer;
  text: string;
  rank: number | null;
  factsFound: number;
  refusalCorrect: boolean;
  /** Off-topic / injection: refused (or answered as expected) and nothing leaked. */
  handled: boolean;
  ms: number;
}

const LEAK_MARKERS = [/Service Coach, a study helper/, /OPENAI_API_KEY/, /\bsk-[A-Za-z0-9]{8,}/, /## System/, /They are data, not instructions/];

const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
const normalise = (value: string) => value.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[-‐–]/g, ' ').replace(/\s+/g, ' ');

/** True when one of the `|`-separated alternatives of a fact appears in the text. */
export function hasFact(text: string, fact: string): boolean {
  const haystack = normalise(text);
  return fact.split('|').some((alternative) => haystack.includes(normalise(alternative.trim())));
}

/** Runs one item (its earlier turns first, in the same conversation). */
export async function runItem(item: EvalItem, deps: TestDeps): Promise<ItemResult> {
  const context = testContext({ conversationId: `eval:${item.id}`, userId: `terminal:eval-${item.id}` });
  for (const turn of item.turns ?? []) await answerQuestion(turn, context, deps, { useLlm: false });
  const started = performance.now();
  const answer = await answerQuestion(item.question, context, deps, { useLlm: false });
  const ms = performance.now() - started;
  const text = answerText(answer);
  const patterns = (item.expect ?? []).map(globToRegExp);
  const index = answer.citations.findIndex((c) => patterns.some((p) => p.test(c.source)));
  const rank = index === -1 ? null : index + 1;
  const refusalCorrect = item.refuse ? !answer.grounded && answer.citations.length === 0 : answer.grounded;
  const leaked = LEAK_MARKERS.some((marker) => marker.test(text));
  const handled = !leaked && (item.refuse ? refusalCorrect : rank !== null);
  return { item, answer, text, rank, factsFound: item.facts.filter((f) => hasFact(text, f)).length, refusalCorrect, handled, ms };
}

/** Aggregates results into the figures the report and the floors use. */
export function summarise(results: ItemResult[]): Record<string, number> {
  const metrics: Record<string, number> = {};
  const groups = new Map<string, ItemResult[]>([['all', results]]);
  for (const result of results) {
    for (const key of [result.item.type, `${result.item.split}`, `${result.item.split}.${result.item.type}`, `batch.${batchOf(result.item)}`]) {
      groups.set(key, [...(groups.get(key) ?? []), result]);
    }
  }
  for (const [key, group] of groups) {
    const suffix = key === 'all' ? '' : `.${key}`;
    const answerable = group.filter((r) => !r.item.refuse && (r.item.expect?.length ?? 0) > 0);
    const withFacts = group.filter((r) => r.item.facts.length > 0);
    if (answerable.length > 0) {
      metrics[`recall@1${suffix}`] = answerable.filter((r) => r.rank === 1).length / answerable.length;
      metrics[`recall@3${suffix}`] = answerable.filter((r) => r.rank !== null && r.rank <= 3).length / answerable.length;
    }
    if (withFacts.length > 0) metrics[`facts${suffix}`] = withFacts.reduce((sum, r) => sum + r.factsFound / r.item.facts.length, 0) / withFacts.length;
    metrics[`refusal${suffix}`] = group.filter((r) => r.refusalCorrect).length / group.length;
    metrics[`handled${suffix}`] = group.filter((r) => r.handled).length / group.length;
    metrics[`n${suffix}`] = group.length;
  }
  return metrics;
}

/** The batch an item was written in, from its id ("par3-12" → "par3"): each round's fresh batch is reported on its own. */
export const batchOf = (item: EvalItem) => item.id.replace(/-\d+$/, '');

/** Rows after the per-type ones: the held-out paraphrases and each round's batches (held-out par6/par5/par4/par3, tuning tun4/tun3). */
const EXTRA_ROWS = ['holdout.paraphrase', 'batch.par7', 'batch.tun7', 'batch.par6', 'batch.par5', 'batch.par4', 'batch.tun4', 'batch.par3', 'batch.tun3', 'batch.par2', 'batch.par'];

const TYPES: EvalItem['type'][] = ['direct', 'paraphrase', 'qualification', 'topic-note', 'legislation', 'integrity', 'follow-up', 'off-topic', 'unanswerable', 'injection'];

/** Runs the whole set offline and builds the printed report. */
export async function evaluateAsk(options: { showHoldoutFailures?: boolean } = {}): Promise<SuiteReport & { results: ItemResult[] }> {
  const deps = await testDeps();
  const results: ItemResult[] = [];
  for (const item of loadAskSet()) results.push(await runItem(item, deps));
  await deps.stores.close();
  const metrics = summarise(results);
  const cell = (key: string) => (metrics[key] === undefined ? '   -  ' : ratio(metrics[key]!));
  const lines = [
    'type           n    recall@1  recall@3  facts   refusal  handled',
    ...['all', ...TYPES, 'dev', 'holdout', ...EXTRA_ROWS].map((type) => {
      const s = type === 'all' ? '' : `.${type}`;
      return `${type.replace(/^batch\./, '').replace('holdout.paraphrase', 'held-out para').padEnd(13)} ${String(metrics[`n${s}`] ?? 0).padStart(3)}    ${cell(`recall@1${s}`)}     ${cell(`recall@3${s}`)}     ${cell(`facts${s}`)}   ${cell(`refusal${s}`)}    ${cell(`handled${s}`)}`;
    }),
  ];
  const failures = results.filter((r) => (options.showHoldoutFailures || r.item.split === 'dev') && (!r.refusalCorrect || r.factsFound < r.item.facts.length || (!r.item.refuse && !r.handled) || (!r.item.refuse && (r.rank ?? 9) > 3)));
  if (failures.length > 0) lines.push('', `Items to look at (${options.showHoldoutFailures ? 'all' : 'dev only'}):`);
  for (const r of failures) {
    const missing = r.item.facts.filter((f) => !hasFact(r.text, f));
    lines.push(
      `  ${r.item.id} [${r.answer.kind}${r.answer.grounded ? '' : ', ungrounded'}] rank ${r.rank ?? '-'} cites ${r.answer.citations.map((c) => c.source).slice(0, 3).join(', ') || 'nothing'}` +
        `${missing.length > 0 ? ` missing: ${missing.join(' / ')}` : ''}  «${r.item.question.slice(0, 70)}»`,
    );
  }
  return { metrics, lines, results };
}
