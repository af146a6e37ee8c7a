/**
 * Written accuracy beyond the dictionary (Unit 3 AC 2.4): contractions typed without their
 * apostrophe ("cant", "dont", "Its not", "Ill call"), a lower-case "i" for "I", and sentences that
 * start with a small letter. Reported as `spelling_errors`, with the corrected word as the fix.
 * The dictionary cannot catch these: "cant", "wont", "its" and "ill" are real words, and wink-nlp
 * splits "dont" into "do" + "nt".
 */
import type { Analysis } from '../analyse.js';
import type { Lexicons } from '../data.js';
import type { Finding } from '../types.js';
import { makeFinding } from './finding.js';

/** At most this many capital-letter findings per draft: after that the learner has the point. */
const MAX_CAPITALS = 5;

interface Word {
  value: string;
  lower: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}]+(?:['’][\p{L}]+)*/gu;

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ value: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/** Keeps the case of the learner's first letter: "Dont" → "Don't"; "I" stays capital ("im" → "I'm"). */
function matchCase(typed: string, fixed: string): string {
  if (fixed.startsWith('I')) return fixed;
  return /^\p{Lu}/u.test(typed) ? fixed.charAt(0).toUpperCase() + fixed.slice(1) : fixed;
}

function accuracy(analysis: Analysis, start: number, end: number, message: string, fixed: string): Finding {
  return makeFinding(analysis.text, {
    category: 'writing',
    rule: 'spelling_errors',
    severity: 'warning',
    start,
    end,
    message,
    suggestion: `Write "${fixed}".`,
    criteria: ['u3.ac2.4', 'u3.ac3.3'],
  });
}

/** Glued to an e-mail address, a handle, a web address or a hyphenated word: not checked. */
function isPartOfSomethingElse(text: string, word: Word): boolean {
  return /[@#_/.\-]/.test(text[word.start - 1] ?? '') || /^(?:[@_/-]|\.\p{L})/u.test(text.slice(word.end, word.end + 2));
}

/** The contraction a word stands for, or null when it is a real word here ("its MOT", "ill health"). */
function contractionOf(words: Word[], i: number, lexicons: Lexicons): string | null {
  const { contractions } = lexicons;
  const word = words[i]!;
  const fixed = contractions.fixed.get(word.lower);
  if (fixed) return fixed;
  const next = words[i + 1]?.lower ?? '';
  const previous = words[i - 1]?.lower ?? '';
  if (word.lower === 'its') {
    return contractions.itIsBefore.has(next) && !contractions.possessiveAfter.has(previous) ? "it's" : null;
  }
  if (word.lower === 'ill' || word.lower === 'id') {
    // "Ill call you" and "Id be happy" are I'll and I'd; "feeling ill" and "your ID" are not.
    if (!contractions.verbsAfterIWould.has(next) || contractions.notContractedAfter.has(previous)) return null;
    if (word.value === 'ID') return null;
    return word.lower === 'ill' ? "I'll" : "I'd";
  }
  return null;
}

/** Contractions without their apostrophe, and "i" for "I"; `sentenceStarts` get a capital in the fix too. */
function apostropheFindings(analysis: Analysis, words: Word[], lexicons: Lexicons, sentenceStarts: Set<number>): Finding[] {
  const { text } = analysis;
  const findings: Finding[] = [];
  words.forEach((word, i) => {
    if (isPartOfSomethingElse(text, word)) return;
    if (word.value === 'i' || /^i['’]/.test(word.value)) {
      // "i.e." and list markers such as "(i)" are not the pronoun.
      if (text[word.end] === '.' || text[word.end] === ')') return;
      const fixed = `I${word.value.slice(1)}`;
      findings.push(accuracy(analysis, word.start, word.end, `On its own, "i" is always written as a capital letter: "${fixed}".`, fixed));
      return;
    }
    const contraction = contractionOf(words, i, lexicons);
    if (!contraction) return;
    const typed = sentenceStarts.has(word.start) ? word.value.charAt(0).toUpperCase() : word.value;
    const fixed = matchCase(typed, contraction);
    const meaning = word.lower === 'its' ? ' (without one, "its" means "belonging to it")' : '';
    const needs = /^i/.test(word.value) && fixed.startsWith('I') ? 'a capital I and an apostrophe' : 'an apostrophe';
    findings.push(
      accuracy(analysis, word.start, word.end,
        `"${word.value}" needs ${needs}: "${fixed}". The apostrophe shows where letters have been left out${meaning}.`, fixed),
    );
  });
  return findings;
}

/** Sentences (and paragraphs) that start with a small letter; bullet points and the greeting are left alone. */
function capitalFindings(analysis: Analysis, words: Word[], lexicons: Lexicons, skipUntil: number): Finding[] {
  const { text } = analysis;
  const findings: Finding[] = [];
  for (const sentence of analysis.sentences) {
    if (findings.length >= MAX_CAPITALS) break;
    if (sentence.start < skipUntil || /^[-–—•*·>]/.test(sentence.text)) continue;
    // A public reply starts with the customer's @handle; the sentence starts after it.
    const handle = /^@\w+\s+/.exec(sentence.text);
    const from = sentence.start + (handle ? handle[0].length : 0);
    const first = words.find((w) => w.start >= from && w.start < sentence.end);
    if (!first || first.start !== from || !/^\p{Ll}/u.test(first.value) || isPartOfSomethingElse(text, first)) continue;
    // Brand spellings such as "iPhone" and "eBay" start with a small letter on purpose.
    if (/\p{Lu}/u.test(first.value.slice(1)) || first.value === 'i' || /^i['’]/.test(first.value)) continue;
    // Text-speak ("ur", "idk") is reported as over_informal; "Ur" would be no better.
    if (lexicons.informalTokens.has(first.lower)) continue;
    if (/(?:\b(?:e\.g|i\.e|etc|approx|incl|no|vs|ref)\.|\.\.)\s*$/i.test(text.slice(Math.max(0, first.start - 10), first.start))) continue;
    const fixed = first.value.charAt(0).toUpperCase() + first.value.slice(1);
    findings.push(accuracy(analysis, first.start, first.end, 'Every sentence should start with a capital letter.', fixed));
  }
  return findings;
}

/**
 * The text with contractions the learner typed without an apostrophe put right ("ill check on
 * monday" → "I'll check on monday"), so cue lists written with apostrophes still find a next step.
 */
export function repairContractions(text: string, lexicons: Lexicons): string {
  const words = wordsOf(text);
  let out = '';
  let at = 0;
  words.forEach((word, i) => {
    const contraction = isPartOfSomethingElse(text, word) ? null : contractionOf(words, i, lexicons);
    if (!contraction) return;
    out += text.slice(at, word.start) + matchCase(word.value, contraction);
    at = word.end;
  });
  return out + text.slice(at);
}

/**
 * Missing apostrophes, "i" for "I" and small letters at the start of sentences. `greetingEnd` is
 * where an informal greeting reported by another rule ends, so "hi," is not reported twice.
 */
export function accuracyFindings(analysis: Analysis, lexicons: Lexicons, greetingEnd = 0): Finding[] {
  const words = wordsOf(analysis.text);
  const allCapitals = capitalFindings(analysis, words, lexicons, greetingEnd);
  const apostrophes = apostropheFindings(analysis, words, lexicons, new Set(allCapitals.map((c) => c.start)));
  // A word missing both its apostrophe and its capital ("youre wrong.") gets one finding with both fixed.
  const capitals = allCapitals.filter((c) => !apostrophes.some((a) => a.start === c.start));
  return [...apostrophes, ...capitals].sort((a, b) => a.start - b.start);
}
