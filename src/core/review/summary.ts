/**
 * The one-paragraph summary a learner reads first, and the tutor view: for Unit 3 AC 2.2, 2.4,
 * 3.3 and Unit 1 AC 4.5, "met" or "not yet" with the draft's own words quoted as evidence.
 */
import type { Analysis } from './analyse.js';
import type { Channel } from './channel.js';
import { criterionRef } from './criteria.js';
import type { Lexicons } from './data.js';
import { ruleLabel } from './labels.js';
import { nextStepSentences } from './rules/writing.js';
import { scoreBand, type ScoreBand } from './score.js';
import type { CriterionId, Finding, TutorCriterion } from './types.js';

const MAX_QUOTE = 90;

/** A quotable excerpt: one line, at most 90 characters. */
export function quoteOf(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_QUOTE ? flat : `${flat.slice(0, MAX_QUOTE - 1).trimEnd()}…`;
}

const unique = (values: string[]) => [...new Set(values)];
/** "a, b and c"; with "; " between items when an item has its own commas ("slang, text-speak or emoji"). */
const list = (items: string[]) => {
  if (items.length <= 1) return items.join('');
  const separator = items.some((item) => item.includes(',')) ? '; ' : ', ';
  return `${items.slice(0, -1).join(separator)}${separator === '; ' ? '; and ' : ' and '}${items[items.length - 1]}`;
};

/** Sentences of the draft matching a cue, quoted (at most three). */
function sentencesMatching(analysis: Analysis, cue: RegExp): string[] {
  return unique(analysis.sentences.filter((s) => cue.test(s.text)).map((s) => quoteOf(s.text))).slice(0, 3);
}

/** The finding's words with a little of their sentence either side, so a tutor can see the context. */
function inContext(analysis: Analysis, finding: Finding): string {
  const sentence = analysis.sentences.find((s) => s.start <= finding.start && finding.start < s.end);
  if (!sentence || finding.end - finding.start > 60) return quoteOf(finding.excerpt);
  let from = Math.max(sentence.start, finding.start - 30);
  let to = Math.min(sentence.end, finding.end + 30);
  // Widen to whole words.
  while (from > sentence.start && /\S/.test(analysis.text[from - 1]!)) from -= 1;
  while (to < sentence.end && /\S/.test(analysis.text[to]!)) to += 1;
  const text = analysis.text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > sentence.start ? '…' : ''}${text}${to < sentence.end ? '…' : ''}`;
}

function evidenceOf(findings: Finding[], analysis: Analysis): string[] {
  return unique(findings.map((f) => inContext(analysis, f))).slice(0, 3);
}

const BAND_TEXT: Record<ScoreBand, string> = {
  'ready to send': 'ready to send',
  'nearly there': 'nearly there',
  'not yet': 'not yet ready to send',
};

/** Rules about something missing: their span marks a place, not wording that is wrong. */
const ABSENCE_RULES = new Set(['cold', 'no_next_step', 'no_greeting', 'no_closing', 'no_paragraphs']);

/**
 * Strengths the rules actually found in the draft, never the mere absence of a problem: a greeting
 * that is there and professional, an acknowledgement, positive wording, a next step, and visible
 * care with personal data ("for your security", "card ending 4421"). Only sentences with no
 * finding in them count, so "We will keep your details forever" is not praised as a next step.
 */
export function strengthsOf(findings: Finding[], analysis: Analysis, lexicons: Lexicons): string[] {
  const has = (...rules: string[]) => findings.some((f) => rules.includes(f.rule));
  const wrong = findings.filter((f) => !ABSENCE_RULES.has(f.rule));
  const clean = analysis.sentences.filter((s) => !wrong.some((f) => f.start < s.end && s.start < f.end));
  const inClean = (cue: RegExp) => clean.some((s) => cue.test(s.text));
  const strengths: string[] = [];
  const opening = analysis.lines[0]?.text.replace(/^@\w+\s*/, '') ?? '';
  if (/^\p{Lu}/u.test(opening) && lexicons.greeting.test(opening) && !has('no_greeting', 'informal_greeting')) strengths.push('a proper greeting');
  if (inClean(lexicons.empathy) && !has('cold', 'dismissive', 'sarcastic', 'blaming')) strengths.push('an acknowledgement of the customer\'s situation');
  const negative = findings.some((f) => f.category === 'positive-language' || ['blaming', 'dismissive', 'sarcastic', 'aggressive'].includes(f.rule));
  if (inClean(lexicons.positive) && !negative) strengths.push('positive wording');
  if (!has('no_next_step') && nextStepSentences(analysis, lexicons).some((s) => clean.includes(s))) strengths.push('a clear next step');
  if (inClean(lexicons.dataCare) && !findings.some((f) => f.category === 'gdpr')) strengths.push('careful handling of personal data');
  return strengths;
}

/** The one-paragraph summary. */
export function summarise(findings: Finding[], score: number, analysis: Analysis, lexicons: Lexicons): string {
  const strengths = strengthsOf(findings, analysis, lexicons);
  const errors = unique(findings.filter((f) => f.severity === 'error').map((f) => ruleLabel(f.rule)));
  const others = unique(findings.filter((f) => f.severity !== 'error').map((f) => ruleLabel(f.rule)));
  const parts = [`This reply scores ${score}/100: ${BAND_TEXT[scoreBand(score)]}.`];
  if (findings.length === 0) {
    parts.push('It is clear, professional and nothing needs changing.');
  } else {
    if (errors.length > 0) parts.push(`Fix before sending: ${list(errors.slice(0, 4))}.`);
    if (others.length > 0) parts.push(`${errors.length > 0 ? 'Then improve' : 'To improve it, look at'}: ${list(others.slice(0, 5))}${others.length > 5 ? ' and more' : ''}.`);
  }
  if (strengths.length > 0) parts.push(`What works well: ${list(strengths.slice(0, 3))}.`);
  return parts.join(' ');
}

function judge(analysis: Analysis, id: CriterionId, problems: Finding[], evidence: string[], metReason: string, notYetReason: string, metNeedsEvidence = false): TutorCriterion {
  const met = problems.length === 0 && (!metNeedsEvidence || evidence.length > 0);
  return {
    criterion: criterionRef(id),
    status: met ? 'met' : 'not yet',
    reason: met ? metReason : problems.length > 0 ? notYetReason : 'No negative wording, but no clearly positive wording either (such as "I can", "I will", "I understand").',
    evidence: met ? evidence : problems.length > 0 ? evidenceOf(problems, analysis) : [],
  };
}

/** How the tutor view names a channel that needs no salutation or close. */
const SHORT_FORMS: Record<Channel, string> = { email: 'An email', letter: 'A letter', chat: 'A live-chat reply', sms: 'A text message', social: 'A social-media reply' };

/** The tutor view, in the order Unit 3 AC 2.2, 2.4, 3.3 then Unit 1 AC 4.5. */
export function tutorView(findings: Finding[], analysis: Analysis, lexicons: Lexicons): TutorCriterion[] {
  const serious = (f: Finding) => f.severity !== 'info';
  const negative = findings.filter((f) => (f.category === 'positive-language' && serious(f)) || ['blaming', 'dismissive', 'sarcastic'].includes(f.rule));
  const conventions = findings.filter((f) => ['no_greeting', 'no_closing', 'no_paragraphs', 'spelling_errors'].includes(f.rule));
  const style = findings.filter((f) => (f.category === 'tone' && serious(f)) || (f.category === 'positive-language' && serious(f)) || ['no_next_step', 'instruction_to_reviewer', 'no_paragraphs'].includes(f.rule));
  const data = findings.filter((f) => f.category === 'gdpr');
  const closingLine = analysis.lines.slice(-3).find((line) => lexicons.closing.test(line.text)) ?? analysis.lines[analysis.lines.length - 1];
  const frame = [analysis.lines[0], analysis.letterShaped ? closingLine : undefined]
    .filter((line): line is NonNullable<typeof line> => line !== undefined)
    .map((line) => quoteOf(line.text));
  const care = sentencesMatching(analysis, lexicons.dataCare);
  return [
    judge(analysis, 'u3.ac2.2', negative, sentencesMatching(analysis, lexicons.positive),
      'Uses positive customer-service language that builds confidence.',
      'Uses negative or judgemental wording that could damage the relationship.', true),
    judge(analysis, 'u3.ac2.4', conventions, unique(frame),
      analysis.letterShaped
        ? 'Follows business-writing conventions: salutation, close, paragraphs and accurate spelling.'
        : `${analysis.channel ? SHORT_FORMS[analysis.channel] : 'A short chat reply'} with accurate spelling; no salutation or close is needed.`,
      'Misses business-writing conventions (salutation, close, paragraphing or spelling).'),
    judge(analysis, 'u3.ac3.3', style, sentencesMatching(analysis, lexicons.nextStep).concat(sentencesMatching(analysis, lexicons.empathy)).slice(0, 3),
      'Clear, courteous and in a suitable style and tone, with a next step.',
      'The style or tone is not yet right for a customer, or the reply leaves the customer without a next step.'),
    // Evidence is always the draft's own words: with no sentence about data care, the reason says it.
    judge(analysis, 'u1.ac4.5', data, care,
      care.length > 0
        ? 'Handles customer information in line with the UK GDPR and the Data Protection Act 2018.'
        : 'Asks for and shares no personal data beyond what the reply needs, in line with the UK GDPR and the Data Protection Act 2018.',
      'Uses, stores or shares customer information in a way the UK GDPR does not allow.'),
  ];
}
