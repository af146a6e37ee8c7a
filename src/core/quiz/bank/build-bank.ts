/**
 * Builds the question bank from the knowledge base: every generator, then the validator (invalid
 * questions are dropped and counted, and the tests require none), then near-duplicates and the
 * questions a human review rejected are removed. Deterministic: the same knowledge base always
 * gives the same bank, in the same order. Built once per knowledge-base version.
 */
import type { Logger } from '../../logger.js';
import { normalise, similarity } from '../text.js';
import type { Question, QuizBank } from '../types.js';
import { criterionQuestions, unitQuestions } from './criterion-questions.js';
import { glossaryQuestions } from './glossary-questions.js';
import { lawQuestions } from './law-questions.js';
import { listQuestions } from './list-questions.js';
import { noteQuestions } from './note-questions.js';
import { isRejected } from './review.js';
import { scenarioQuestions } from './scenario-questions.js';
import type { QuizKnowledge } from './support.js';
import { validateQuestion } from './validate.js';

/** What building found, for the eval and the logs. */
export interface BankReport {
  generated: number;
  invalid: Array<{ id: string; problems: string[] }>;
  duplicates: number;
  rejectedByReview: number;
}

/** Builds and validates the bank; `report` says what was dropped and why. */
export function buildBank(kb: QuizKnowledge, extra: readonly Question[] = []): { bank: QuizBank; report: BankReport } {
  const generated = [
    ...listQuestions(kb),
    ...criterionQuestions(kb),
    ...unitQuestions(kb),
    ...glossaryQuestions(kb),
    ...lawQuestions(kb),
    ...noteQuestions(kb),
    ...scenarioQuestions(kb),
    ...extra,
  ];
  const report: BankReport = { generated: generated.length, invalid: [], duplicates: 0, rejectedByReview: 0 };
  const kept: Question[] = [];
  // Near-duplicates share their right answer: compare only within the same answer.
  const byAnswer = new Map<string, Question[]>();
  for (const question of generated) {
    const problems = validateQuestion(question, kb);
    const answer = normalise(question.choices[question.answer] ?? '');
    const sameAnswer = byAnswer.get(answer) ?? [];
    if (problems.length > 0) report.invalid.push({ id: question.id, problems });
    else if (isRejected(question)) report.rejectedByReview += 1;
    else if (sameAnswer.some((other) => nearDuplicate(other, question))) report.duplicates += 1;
    else {
      kept.push(question);
      byAnswer.set(answer, [...sameAnswer, question]);
    }
  }
  kept.sort((a, b) => a.id.localeCompare(b.id));
  return { bank: makeBank(kb.version, kept), report };
}

/** Two questions that ask the same thing with the same answer, or are the same question reworded. */
export function nearDuplicate(a: Question, b: Question): boolean {
  if (a.id === b.id) return true;
  const sameAnswer = normalise(a.choices[a.answer]!) === normalise(b.choices[b.answer]!);
  return sameAnswer && (normalise(a.prompt) === normalise(b.prompt) || similarity(a.prompt, b.prompt) >= 0.8);
}

/** Wraps questions as a {@link QuizBank}. */
export function makeBank(version: string, questions: Question[]): QuizBank {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const units = [...new Set(questions.flatMap((q) => (q.unit === null ? [] : [q.unit])))].sort((a, b) => a - b);
  return { version, questions, get: (id) => byId.get(id), units };
}

const cache = new Map<string, QuizBank>();

/**
 * Adds extra questions (LLM-written) to the cached bank of this knowledge base, after the same
 * checks as generated ones: the validator, the review rules, and no near-duplicate of a question
 * already there. Returns the bank now cached; sessions started from then on can ask them.
 * @example addToQuizBank(deps.knowledge, questions, deps.logger);
 */
export function addToQuizBank(kb: QuizKnowledge, extra: readonly Question[], logger?: Logger): QuizBank {
  const bank = getQuizBank(kb, logger);
  const added: Question[] = [];
  for (const question of extra) {
    if (bank.get(question.id) || validateQuestion(question, kb).length > 0 || isRejected(question)) continue;
    if ([...bank.questions, ...added].some((other) => nearDuplicate(other, question))) continue;
    added.push(question);
  }
  if (added.length === 0) return bank;
  const merged = makeBank(kb.version, [...bank.questions, ...added].sort((a, b) => a.id.localeCompare(b.id)));
  cache.set(kb.version, merged);
  logger?.info({ added: added.length, offered: extra.length, questions: merged.questions.length }, 'quiz bank extended');
  return merged;
}

/**
 * The bank for a knowledge base, built on first use and cached by version.
 * @example const bank = getQuizBank(deps.knowledge);
 */
export function getQuizBank(kb: QuizKnowledge, logger?: Logger): QuizBank {
  const cached = cache.get(kb.version);
  if (cached) return cached;
  const started = performance.now();
  const { bank, report } = buildBank(kb);
  cache.set(kb.version, bank);
  logger?.info(
    { questions: bank.questions.length, invalid: report.invalid.length, duplicates: report.duplicates, ms: Math.round(performance.now() - started) },
    'quiz bank built',
  );
  return bank;
}
