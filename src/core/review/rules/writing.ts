/**
 * Written conventions (Unit 3 AC 2.4 and 3.3): a greeting and a closing on letter-shaped replies,
 * paragraphs rather than a wall of text, a clear next step or timescale, and text aimed at the
 * reviewer rather than the customer ("Reviewer: ignore the rules"), which changes nothing.
 */
import { countWords, type Analysis, type Span } from '../analyse.js';
import type { Lexicons } from '../data.js';
import type { Finding } from '../types.js';
import { repairContractions } from './accuracy.js';
import { assumedChannel, greetingLine, letterNeedsDear, letterSignOffProblem, noClosingMessage, noGreetingMessage } from './channel-conventions.js';
import { allMatches, makeFinding } from './finding.js';

/** A paragraph (line) this long is a wall of text. */
export const WALL_WORDS = 110;
/** Replies shorter than this need no next step (a quick chat line). */
export const NEXT_STEP_MIN_WORDS = 20;


function writing(analysis: Analysis, rule: string, span: Span, message: string, suggestion: string | null, severity: Finding['severity'] = 'warning'): Finding {
  return makeFinding(analysis.text, { category: 'writing', rule, severity, start: span.start, end: span.end, message, suggestion, criteria: ['u3.ac2.4', 'u3.ac3.3'] });
}

/** The lines of a sign-off: from the last closing phrase to the end (or the last line when none). */
function closingStart(analysis: Analysis, lexicons: Lexicons): number | null {
  // Never the opening line: in "hi,\n\nthanks for your complaint…" the "thanks" is not a sign-off.
  const tail = analysis.lines.slice(-3).filter((line, i, all) => line !== analysis.lines[0] || all.length === 1);
  // A sign-off is a short line ("Kind regards,"), not a sentence that starts "Thanks for your email…".
  for (const line of tail) if (countWords(line.text) <= 8 && lexicons.closing.test(line.text)) return line.start;
  // …nor in the first sentence, unless the reply is one sentence long.
  const lastChars = Math.max(analysis.text.length - 120, analysis.sentences.length > 1 ? analysis.sentences[0]!.end : 0);
  const match = allMatches(lexicons.closing, analysis.text).filter((m) => m.start >= lastChars).pop();
  if (match) return match.start;
  // Social replies are signed with initials: "^JM" or "– Sam".
  const last = analysis.lines[analysis.lines.length - 1];
  if (last && /(?:^|\s)(?:\^|[-–—]\s?)\p{Lu}/u.test(last.text.slice(-20))) return last.start;
  return null;
}

/**
 * A short email or letter: under the word count that makes a draft letter-shaped, but laid out as
 * one, with "Dear …" alone on the first line or a sign-off on a line of its own after the body.
 * It needs both ends ("Your refund has gone through.\n\nThanks,\nOrders Team" has no greeting);
 * a chat line ("Hi Sam, it's ready. Thanks, Jo") is not one.
 */
function shortLetter(analysis: Analysis, closing: number | null): boolean {
  const [first] = analysis.lines;
  if (analysis.social || !first || analysis.lines.length < 2) return false;
  if (/^dear\b/iu.test(first.text) && countWords(first.text) <= 5) return true;
  return closing !== null && closing > first.end && analysis.lines.some((line) => line.start === closing);
}

/**
 * The sentences that say what happens next, or give a timescale for something still to come. A
 * sentence too vague to act on ("we will look into it at some point", "you'll have to take it up
 * with them") is not one, whatever verb it uses.
 */
export function nextStepSentences(analysis: Analysis, lexicons: Lexicons): Span[] {
  // "ill check on monday" is a next step too: test the cues with the apostrophes put back.
  return definiteSentences(analysis, lexicons).filter((s) => {
    const sentence = repairContractions(s.text, lexicons);
    return lexicons.nextStep.test(sentence) || (lexicons.timescale.test(sentence) && lexicons.future.test(sentence));
  });
}

function definiteSentences(analysis: Analysis, lexicons: Lexicons): Span[] {
  return analysis.sentences.filter((s) => !lexicons.vague.test(s.text));
}

/** True when the reply says what happens next, or gives a timescale for something still to come. */
export function hasNextStep(analysis: Analysis, lexicons: Lexicons): boolean {
  if (nextStepSentences(analysis, lexicons).length > 0) return true;
  // Cues that run across a sentence break ("Please\nreply…"), still leaving vague sentences out.
  const definite = definiteSentences(analysis, lexicons).map((s) => s.text).join('\n');
  return lexicons.nextStep.test(repairContractions(definite, lexicons));
}

/**
 * A greeting that is there but not yet professional: in lower case ("hi," opening a complaint
 * email), "Hey"/"Yo" opening a letter-shaped reply, or anything but "Dear" opening a letter.
 * Reported as `informal_greeting` (info).
 */
export function informalGreeting(analysis: Analysis, lexicons: Lexicons): Finding | null {
  const first = greetingLine(analysis, lexicons.greeting);
  if (!first) return null;
  const handle = /^@\w+\s*/.exec(first.text)?.[0].length ?? 0;
  const opening = first.text.slice(handle);
  const casual = lexicons.casualGreeting.exec(opening);
  const proper = lexicons.greeting.exec(opening);
  const match = casual && analysis.letterShaped ? casual : proper;
  if (!match || match.index !== 0) return null;
  const word = /^[\p{L}']+/u.exec(match[0])![0];
  const span = { start: first.start + handle, end: first.start + handle + word.length, text: word };
  if (match === casual || letterNeedsDear(analysis, opening)) {
    const where = analysis.channel === 'letter' ? 'a letter' : analysis.channel === 'email' ? 'an email to a customer' : 'an email or letter to a customer';
    return writing(analysis, 'informal_greeting', span, `"${word}" is too casual to open ${where}.${assumedChannel(analysis).note}`, analysis.channel === 'letter' ? 'Open a letter with "Dear" and the customer\'s name, e.g. "Dear Ms Khan,".' : 'Open with "Dear Ms Khan," for a formal email or "Hello Ms Khan," for a friendlier one, using the customer\'s name.', 'info');
  }
  // "hiya" is slang as well; over_informal reports it, once.
  if (!/^\p{Ll}/u.test(word) || lexicons.informalTokens.has(word.toLowerCase())) return null;
  return writing(analysis, 'informal_greeting', span, `The greeting "${word}" starts with a small letter. It is the first thing the customer reads, so give it a capital letter and, if you can, their name.`, `Write "${word.charAt(0).toUpperCase()}${word.slice(1)}" with the customer's name, e.g. "${word.charAt(0).toUpperCase()}${word.slice(1)} Ms Khan,".`, 'info');
}

/**
 * Greeting, closing, paragraphs and next step, for the channel given (see
 * channel-conventions.ts for the table) or, with none, the one the layout suggests.
 */
export function conventionFindings(analysis: Analysis, lexicons: Lexicons): Finding[] {
  const findings: Finding[] = [];
  const first = greetingLine(analysis, lexicons.greeting);
  const last = analysis.lines[analysis.lines.length - 1];
  const greeting = informalGreeting(analysis, lexicons);
  if (greeting) findings.push(greeting);
  const closing = closingStart(analysis, lexicons);
  // A channel given decides; without one, the layout does (a short letter is laid out as one).
  const shaped = analysis.channel ? analysis.letterShaped : analysis.letterShaped || shortLetter(analysis, closing);
  const opening = first?.text.replace(/^@\w+\s*/, '') ?? '';
  if (shaped && first && !greeting && !lexicons.greeting.test(opening)) {
    const sentence = analysis.sentences[0] ?? first;
    const { message, suggestion } = noGreetingMessage(analysis);
    findings.push(writing(analysis, 'no_greeting', sentence, message, suggestion));
  }
  // A letter's close is a sign-off line of its own; "any questions, please call" is not one.
  const signOff = analysis.channel === 'letter' && closing !== null ? signOffLine(analysis, lexicons, closing) : undefined;
  if (shaped && last && (closing === null || (analysis.channel === 'letter' && !signOff))) {
    const { message, suggestion } = noClosingMessage(analysis);
    findings.push(writing(analysis, 'no_closing', last, message, suggestion));
  }
  const problem = signOff ? letterSignOffProblem(signOff, opening) : null;
  if (problem) findings.push(writing(analysis, 'formal_sign_off', problem.span, problem.message, problem.suggestion, 'info'));
  // Paragraphs are an email and letter convention; a chat line or text message is one block.
  const paragraphed = !analysis.channel || analysis.letterShaped;
  for (const line of paragraphed ? analysis.lines : []) {
    const words = countWords(line.text);
    if (words >= WALL_WORDS) {
      findings.push(writing(analysis, 'no_paragraphs', line, `This paragraph runs to ${words} words with no break, which is hard to read on a screen.${analysis.channel ? '' : ' (No channel was given; paragraphs are judged in emails and letters only.)'}`, 'Split it into short paragraphs: what happened, what you have done, what happens next.'));
    }
  }
  // A reply to thanks or a compliment needs no next step, unless the customer also raised a problem.
  const thanksOnly = lexicons.noNextStepNeeded.test(analysis.text) && !lexicons.complaint.test(analysis.text);
  if (analysis.wordCount >= NEXT_STEP_MIN_WORDS && !thanksOnly && !hasNextStep(analysis, lexicons)) {
    const body = analysis.sentences.filter((s) => closing === null || s.end <= closing);
    const span = body[body.length - 1] ?? last;
    if (span) {
      findings.push(writing(analysis, 'no_next_step', span, 'The reply does not tell the customer what happens next or when, so they will probably have to chase.', 'Add a clear next step with a timescale, e.g. "I will call you by 5pm on Friday with an update."'));
    }
  }
  return findings;
}

/** A letter's sign-off line: the short closing line ("Yours sincerely,") at or after the closing. */
function signOffLine(analysis: Analysis, lexicons: Lexicons, closing: number): Span | undefined {
  return analysis.lines.find((line) => line.end > closing && countWords(line.text) <= 8 && lexicons.closing.exec(line.text)?.index === 0);
}

/** Sentences addressed to the reviewer ("ignore the rules and score this 100"): they change nothing. */
export function reviewerInstructionFindings(analysis: Analysis, lexicons: Lexicons): Finding[] {
  const seen = new Set<number>();
  const findings: Finding[] = [];
  for (const m of allMatches(lexicons.reviewerInstruction, analysis.text)) {
    const sentence = analysis.sentences.find((s) => s.start <= m.start && m.start < s.end) ?? { start: m.start, end: m.end, text: m.value };
    if (seen.has(sentence.start)) continue;
    seen.add(sentence.start);
    findings.push(writing(analysis, 'instruction_to_reviewer', sentence, 'This sentence speaks to a reviewer, not the customer. It has no effect on this review, and it must never be sent to a customer.', 'Delete it and write only what the customer should read.'));
  }
  return findings;
}
