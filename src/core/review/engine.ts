/**
 * The reviewer: `review(text)` reads a drafted customer reply and returns findings pinned to exact
 * words, a score, a summary and a tutor view. Deterministic and offline; the draft is data, so
 * instructions inside it ("score this 100") change nothing. Nothing here logs or stores the draft.
 *
 * @example
 * const result = review('Hi Sam, I can\'t do that, it\'s our policy.');
 * result.findings.map((f) => `${f.category}.${f.rule}`) // ['positive-language.cant', 'positive-language.policy']
 */
import { UserFacingError } from '../errors.js';
import { analyse, loadNlp } from './analyse.js';
import { CHANNEL_LIST, isChannel, type ReviewOptions } from './channel.js';
import { loadReviewData, type ReviewData } from './data.js';
import { phraseFindings } from './rules/phrase-rules.js';
import { identifierFindings, publicPostFindings, specialCategoryFindings } from './rules/gdpr.js';
import { accuracyFindings } from './rules/accuracy.js';
import { loadSpeller, spellingFindings } from './rules/spelling.js';
import { coldFindings, informalFindings, jargonFindings, shoutingFindings } from './rules/tone.js';
import { conventionFindings, reviewerInstructionFindings } from './rules/writing.js';
import { dropOverlaps } from './rules/finding.js';
import { scoreFindings } from './score.js';
import { summarise, tutorView } from './summary.js';
import type { Category, Finding, Review, ReviewStats, Severity } from './types.js';
import { setImmediate } from 'node:timers/promises';

/** Longest draft we review, in characters (UTF-16 code units). */
export const MAX_DRAFT_CHARS = 20_000;

const CATEGORY_ORDER: Category[] = ['gdpr', 'tone', 'positive-language', 'writing'];

/**
 * Throws a {@link UserFacingError} for an empty or over-long draft.
 * @throws UserFacingError empty_input | input_too_long
 */
export function checkDraft(text: string): void {
  if (text.trim() === '') {
    throw new UserFacingError('empty_input', 'There is no draft to review. Paste the reply you wrote to the customer.');
  }
  if (text.length > MAX_DRAFT_CHARS) {
    throw new UserFacingError(
      'input_too_long',
      `That draft is ${text.length.toLocaleString('en-GB')} characters; I review up to ${MAX_DRAFT_CHARS.toLocaleString('en-GB')}. Please review one reply at a time.`,
    );
  }
}

/**
 * A short draft that touches every rule family, reviewed twice by the warm-up: V8 compiles the
 * curated lexicons' large regular expressions on their first runs, which made the first two reviews
 * in a process take 0.4–0.7 s each.
 */
const WARM_UP_DRAFT =
  "hi,\n\nur order is late, you should have read the terms. Its our policy and i cant help, calm down!!! We will keep your card 4929 1234 5678 9015 forever and share it with partners. Your wife rang so we changed the address.\n\nThanks";

/**
 * Loads the NLP model, the dictionary and the curated data, and runs the rules twice, now rather than
 * on the first draft. Each step is synchronous; the event loop gets a turn between them, so a
 * request arriving meanwhile waits for one step (at most about 0.7 s), not for the whole warm-up.
 */
export async function warmUpReviewer(): Promise<{ nlpMs: number; dictionaryMs: number; dataMs: number; rulesMs: number }> {
  const time = async (step: () => unknown) => {
    await setImmediate();
    const started = performance.now();
    step();
    return Math.round((performance.now() - started) * 10) / 10;
  };
  const nlpMs = await time(loadNlp);
  const dictionaryMs = await time(loadSpeller);
  const dataMs = await time(loadReviewData);
  const rulesMs = (await time(() => review(WARM_UP_DRAFT))) + (await time(() => review(WARM_UP_DRAFT)));
  return { nlpMs, dictionaryMs, dataMs, rulesMs };
}

/**
 * Throws a {@link UserFacingError} for a channel that is not one of ours (callers in plain
 * JavaScript, or a bad line of --jsonl, can pass anything).
 * @throws UserFacingError invalid_argument
 */
export function checkOptions(options: ReviewOptions): void {
  if (options.channel !== undefined && !isChannel(options.channel)) {
    throw new UserFacingError('invalid_argument', `I don't know that channel. Use one of: ${CHANNEL_LIST}.`);
  }
}

/** Every rule's findings for a draft, sorted by position; `options.channel` sets the writing conventions expected. */
export function findAll(text: string, options: ReviewOptions = {}, data: ReviewData = loadReviewData()): { findings: Finding[]; analysis: ReturnType<typeof analyse> } {
  checkOptions(options);
  const analysis = analyse(text, options.channel);
  const { lexicons } = data;
  const shouting = shoutingFindings(analysis, lexicons);
  const conventions = conventionFindings(analysis, lexicons);
  const greetingEnd = conventions.find((f) => f.rule === 'informal_greeting')?.end ?? 0;
  const accuracy = accuracyFindings(analysis, lexicons, greetingEnd);
  const tonePhrases = phraseFindings(analysis, 'tone', data.tone, false);
  const negative = phraseFindings(analysis, 'positive-language', data.phrasebook, true);
  const gdprPhrases = phraseFindings(analysis, 'gdpr', data.gdpr, false);
  const findings = dropOverlaps([
    ...identifierFindings(analysis),
    ...gdprPhrases,
    ...specialCategoryFindings(analysis, lexicons),
    ...publicPostFindings(analysis, lexicons, gdprPhrases),
    ...tonePhrases,
    ...shouting,
    ...informalFindings(analysis, lexicons),
    ...coldFindings(analysis, lexicons, [...tonePhrases, ...negative]),
    ...jargonFindings(analysis, lexicons, shouting),
    ...negative,
    ...conventions,
    ...accuracy,
    ...spellingFindings(analysis, lexicons, accuracy),
    ...reviewerInstructionFindings(analysis, lexicons),
  ]);
  findings.sort((a, b) => a.start - b.start || a.end - b.end || CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.rule.localeCompare(b.rule));
  return { findings, analysis };
}

/**
 * Reviews one draft, for the channel given (`{ channel: 'sms' }`) or, with none, the one its
 * layout suggests.
 * @throws UserFacingError for an empty or over-long draft (see {@link checkDraft}) or an unknown channel.
 */
export function review(text: string, options: ReviewOptions = {}, data: ReviewData = loadReviewData()): Review {
  checkDraft(text);
  const { findings, analysis } = findAll(text, options, data);
  const score = scoreFindings(findings);
  return {
    findings,
    score,
    summary: summarise(findings, score, analysis, data.lexicons),
    tutorView: tutorView(findings, analysis, data.lexicons),
    stats: statsOf(findings, analysis),
    channel: analysis.channel,
    llm: null,
  };
}

function statsOf(findings: Finding[], analysis: ReturnType<typeof analyse>): ReviewStats {
  const bySeverity: Record<Severity, number> = { info: 0, warning: 0, error: 0 };
  const byCategory: Record<Category, number> = { 'positive-language': 0, tone: 0, gdpr: 0, writing: 0 };
  for (const finding of findings) {
    bySeverity[finding.severity] += 1;
    byCategory[finding.category] += 1;
  }
  return { words: analysis.wordCount, sentences: analysis.sentences.length, paragraphs: analysis.lines.length, bySeverity, byCategory };
}
