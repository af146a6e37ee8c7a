/**
 * British English spelling with nspell and the en-GB Hunspell dictionary, plus a curated
 * allow-list of customer-service words (knowledge/review/lexicons.json). Names and brands are
 * left alone: capitalised words inside a sentence and words tagged as proper nouns are skipped,
 * so real drafts do not drown in false alarms.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import type { Analysis, Token } from '../analyse.js';
import type { Lexicons } from '../data.js';
import type { Finding } from '../types.js';
import { makeFinding } from './finding.js';

type Speller = ReturnType<typeof nspell>;
let speller: Speller | undefined;

/**
 * Loads the en-GB dictionary (once; about 150 ms). The package's entry point reads its files
 * with top-level await, so we read the same two files synchronously instead.
 */
export function loadSpeller(): Speller {
  if (!speller) {
    const dir = dirname(createRequire(import.meta.url).resolve('dictionary-en-gb'));
    speller = nspell({ aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) });
  }
  return speller;
}

/** True when a word (any case) is in the dictionary or the allow-list. */
export function isKnownWord(word: string, lexicons: Lexicons): boolean {
  const lower = word.toLowerCase();
  if (lexicons.spellingAllow.has(lower)) return true;
  const spell = loadSpeller();
  return spell.correct(word) || spell.correct(lower);
}

/** At most this many spelling findings per draft: beyond that the message is "proof-read it". */
const MAX_FINDINGS = 10;
const suggestionCache = new Map<string, string | null>();

function suggest(word: string): string | null {
  if (!suggestionCache.has(word)) {
    if (suggestionCache.size > 2000) suggestionCache.clear();
    suggestionCache.set(word, loadSpeller().suggest(word)[0] ?? null);
  }
  return suggestionCache.get(word)!;
}

function isCandidate(token: Token, analysis: Analysis, lexicons: Lexicons, sentenceStarts: Set<number>): boolean {
  if (token.type !== 'word' || token.value.length < 3 || !/^[\p{L}]+$/u.test(token.value)) return false;
  if (lexicons.informalTokens.has(token.value.toLowerCase())) return false;
  const capitalised = /^\p{Lu}/u.test(token.value);
  // Names, brands and acronyms: skip capitalised words except a sentence's first word that is not a proper noun.
  if (capitalised && (!sentenceStarts.has(token.start) || token.pos === 'PROPN' || /^\p{Lu}+$/u.test(token.value))) return false;
  const before = analysis.text[token.start - 1] ?? '';
  const after = analysis.text[token.end] ?? '';
  // Parts of e-mail addresses, handles, hyphenated compounds and contractions are not checked word by word.
  return !/[@#_'’-]/.test(before) && !/[@_'’-]/.test(after);
}

/**
 * One finding per misspelt word, with the dictionary's first suggestion. Words already reported
 * by the accuracy rule (`reported`: "thats" → "that's") are not looked up again.
 */
export function spellingFindings(analysis: Analysis, lexicons: Lexicons, reported: readonly Finding[] = []): Finding[] {
  const sentenceStarts = new Set(analysis.sentences.map((s) => s.start));
  const findings: Finding[] = [];
  for (const token of analysis.tokens) {
    if (findings.length + reported.length >= MAX_FINDINGS) break;
    if (reported.some((r) => r.start < token.end && token.start < r.end)) continue;
    if (!isCandidate(token, analysis, lexicons, sentenceStarts) || isKnownWord(token.value, lexicons)) continue;
    const better = suggest(token.value);
    const american = better !== null && /(?:ize|yze|or|er|og|ense)$/i.test(token.value) && /(?:ise|yse|our|re|ogue|ence)$/i.test(better);
    findings.push(
      makeFinding(analysis.text, {
        category: 'writing',
        rule: 'spelling_errors',
        severity: 'warning',
        start: token.start,
        end: token.end,
        message: american
          ? `"${token.value}" is the American spelling; British English customer replies use "${better}".`
          : `"${token.value}" looks misspelt. Spelling mistakes make a reply look careless; proof-read before sending.`,
        suggestion: better ? `Did you mean "${better}"?` : null,
        criteria: ['u3.ac2.4', 'u3.ac3.3'],
      }),
    );
  }
  return findings;
}
