/**
 * Optional LLM-written questions. With an LLM configured, the model writes one question from one
 * knowledge record at a time (the criteria the deterministic bank covers least come first); every
 * reply is checked against the cited record exactly like a generated question (the validator, the
 * review rules, near-duplicates), and only then mixed into the bank. Replies are cached in the
 * `quiz-bank` namespace by knowledge-base version and record id, and re-checked whenever they are
 * read, so a stricter validator also applies to old replies. Never required: without a key, or on
 * an error, a timeout or an invalid reply, the deterministic bank is used alone.
 */
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { isLlmError } from '../llm/llm-error.js';
import type { QuizKnowledge } from './bank/support.js';
import { finishQuestion } from './bank/question-id.js';
import { avoidAsDistractor } from './bank/review.js';
import { tooSimilar } from './bank/support.js';
import { validateQuestion } from './bank/validate.js';
import { createRng, normalise, shuffle } from './text.js';
import type { Question, QuizBank } from './types.js';

/** The reply the model must give; every field nullable (OpenAI's strict schemas reject optional ones). */
export const LlmQuestionSchema = z.object({
  question: z.string().nullable(),
  answer: z.string().nullable(),
  wrong_answers: z.array(z.string()).nullable(),
  explanation: z.string().nullable(),
});

/** One reply as parsed. */
export type LlmQuestionReply = z.infer<typeof LlmQuestionSchema>;

/** How much the LLM may be used: records asked per run, reply size, and how many such questions the bank holds. */
export interface LlmQuestionLimits {
  /** New records asked about in one run (cached ones cost nothing). */
  recordsPerRun: number;
  /** Upper bound on each reply's tokens. */
  maxTokens: number;
  /** Records considered at all (the least covered criteria), so at most this many LLM questions. */
  maxQuestions: number;
}

export const DEFAULT_LLM_QUESTION_LIMITS: LlmQuestionLimits = { recordsPerRun: 6, maxTokens: 400, maxQuestions: 40 };

/** What one run did, for logs and tests (ids and counts only). */
export interface LlmQuestionReport {
  fromCache: number;
  generated: number;
  rejected: Array<{ recordId: string; reason: string }>;
  errors: Array<{ recordId: string; reason: string }>;
}

/** What the cache holds per record: the model's reply, or that it was rejected (not asked again for a while). */
type CacheEntry = { status: 'ok'; reply: LlmQuestionReply } | { status: 'rejected'; reason: string };

const REJECTED_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const KEPT_TTL_MS = 180 * 24 * 60 * 60 * 1000;
const MAX_QUESTION_CHARS = 240;
const MAX_CHOICE_CHARS = 90;
const MAX_EXPLANATION_CHARS = 400;

/** The cache key of a record's question: knowledge-base version and record id. */
export const llmCacheKey = (version: string, recordId: string) => `llm|${version}|${recordId}`;

/** Criteria to ask about, least covered by the bank first (then by id), at most `limit`. */
export function llmTargets(bank: QuizBank, kb: QuizKnowledge, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const q of bank.questions) if (q.criterionId && q.kind !== 'llm') counts.set(q.criterionId, (counts.get(q.criterionId) ?? 0) + 1);
  return kb.criteria
    .filter((c) => c.amplification.some((t) => t.items.length > 0))
    .map((c) => ({ id: c.id, n: counts.get(c.id) ?? 0 }))
    .sort((a, b) => a.n - b.n || a.id.localeCompare(b.id, 'en', { numeric: true }))
    .slice(0, limit)
    .map((c) => c.id);
}

/** The record as the model sees it: the criterion and its content, never tutor guidance. */
export function recordText(kb: QuizKnowledge, recordId: string): string {
  const criterion = kb.criteria.find((c) => c.id === recordId);
  if (!criterion) throw new Error(`No criterion ${recordId}`);
  const lines = [`Unit ${criterion.unit}, assessment criterion ${criterion.ac}: ${criterion.text}`];
  for (const topic of criterion.amplification) lines.push(`${topic.topic}: ${topic.items.join('; ')}`);
  return lines.join('\n');
}

/**
 * Turns a reply into a checked question for `recordId`, or says why it cannot be one. The same
 * validator as the generated bank decides: the right answer must be one of the record's
 * statements and no wrong answer may be.
 */
export function toLlmQuestion(reply: LlmQuestionReply, recordId: string, kb: QuizKnowledge): { question: Question } | { rejected: string } {
  const { question: prompt, answer, wrong_answers: wrong, explanation } = reply;
  if (prompt === null || answer === null || wrong === null || explanation === null) return { rejected: 'the model found no fair question' };
  const clean = (value: string) => value.replace(/\s+/g, ' ').trim();
  const right = clean(answer);
  const distractors = [...new Set(wrong.map(clean).filter(Boolean))];
  if (distractors.length < 2 || distractors.length > 3) return { rejected: `has ${distractors.length} wrong answers (2–3 needed)` };
  if (prompt.length > MAX_QUESTION_CHARS || explanation.length > MAX_EXPLANATION_CHARS) return { rejected: 'question or explanation too long' };
  if ([right, ...distractors].some((c) => c.length < 2 || c.length > MAX_CHOICE_CHARS)) return { rejected: 'a choice is empty or too long' };
  if (normalise(prompt).includes(normalise(right))) return { rejected: 'the question gives the answer away' };
  if (distractors.some((d) => tooSimilar(d, right))) return { rejected: 'a wrong answer is too close to the right one' };
  if (distractors.some((d) => avoidAsDistractor(recordId, d))) return { rejected: 'a wrong answer was ruled out by review' };
  const criterion = kb.criteria.find((c) => c.id === recordId);
  if (!criterion) return { rejected: `no criterion ${recordId}` };
  const choices = shuffle([right, ...distractors], createRng(`llm|${recordId}`));
  const question = finishQuestion({
    kind: 'llm',
    prompt: clean(prompt),
    choices,
    answer: choices.indexOf(right),
    explanation: `${clean(explanation)} (Unit ${criterion.unit}, AC ${criterion.ac}.)`,
    citation: kb.citation(recordId),
    criterionId: criterion.id,
    unit: criterion.unit,
    topicKey: `llm|${recordId}`,
  });
  const problems = validateQuestion(question, kb);
  return problems.length > 0 ? { rejected: problems.join('; ') } : { question };
}

/**
 * The checked LLM questions for a bank: cached replies first, then up to `recordsPerRun` new
 * records. Returns no questions when no LLM is configured. Stops asking after a timeout or when
 * the endpoint's circuit is open, so a dead endpoint costs one budget, not one per record.
 * @example const { questions } = await loadLlmQuestions(deps, getQuizBank(deps.knowledge));
 */
export async function loadLlmQuestions(
  deps: Pick<Deps, 'llm' | 'prompts' | 'knowledge' | 'stores' | 'logger'>,
  bank: QuizBank,
  limits: LlmQuestionLimits = DEFAULT_LLM_QUESTION_LIMITS,
): Promise<{ questions: Question[]; report: LlmQuestionReport }> {
  const report: LlmQuestionReport = { fromCache: 0, generated: 0, rejected: [], errors: [] };
  const { llm, knowledge: kb } = deps;
  if (!llm) return { questions: [], report };
  const store = deps.stores.ns<CacheEntry>('quiz-bank');
  const questions: Question[] = [];
  let asked = 0;
  let stop = false;
  for (const recordId of llmTargets(bank, kb, limits.maxQuestions)) {
    const key = llmCacheKey(kb.version, recordId);
    const cached = await store.get(key);
    if (cached?.status === 'rejected') continue;
    if (cached?.status === 'ok') {
      const checked = toLlmQuestion(cached.reply, recordId, kb);
      if ('question' in checked) {
        questions.push(checked.question);
        report.fromCache += 1;
      } else report.rejected.push({ recordId, reason: checked.rejected });
      continue;
    }
    if (stop || asked >= limits.recordsPerRun) continue;
    asked += 1;
    const started = performance.now();
    try {
      const reply = await llm.structured({
        prompt: deps.prompts.get('quiz'),
        values: { record: recordText(kb, recordId) },
        schema: LlmQuestionSchema,
        schemaName: 'quiz_question',
        maxTokens: limits.maxTokens,
        label: 'quiz',
      });
      const checked = toLlmQuestion(reply, recordId, kb);
      if ('question' in checked) {
        questions.push(checked.question);
        report.generated += 1;
        await store.set(key, { status: 'ok', reply }, KEPT_TTL_MS);
      } else {
        report.rejected.push({ recordId, reason: checked.rejected });
        await store.set(key, { status: 'rejected', reason: checked.rejected }, REJECTED_TTL_MS);
      }
    } catch (error) {
      if (!isLlmError(error)) throw error;
      report.errors.push({ recordId, reason: error.reason });
      // A reply in the wrong shape will not improve by asking again at once; a timeout or a dead endpoint might later.
      if (error.reason === 'invalid_output' || error.reason === 'refused') {
        await store.set(key, { status: 'rejected', reason: error.reason }, REJECTED_TTL_MS);
      } else stop = true;
      llm.reportFallback('quiz', error.reason, Math.round(performance.now() - started));
    }
  }
  deps.logger.info(
    { fromCache: report.fromCache, generated: report.generated, rejected: report.rejected.length, errors: report.errors.map((e) => e.reason) },
    'quiz LLM questions',
  );
  return { questions, report };
}

