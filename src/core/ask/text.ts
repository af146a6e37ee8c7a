/**
 * One text pipeline for the index and for questions, so both sides agree on what a "term" is:
 * lower case, apostrophes dropped ("don't" → "dont"), text-speak expanded ("ppl" → "people"),
 * American spellings turned British ("organization" → "organisation"), stop words dropped, Porter
 * stemming (the `stemmer` package). Tokenising is MiniSearch's own tokenizer.
 */
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/** The maps the pipeline needs from the vocabulary file. */
export interface TextMaps {
  textSpeak: Record<string, string>;
  spellings: Record<string, string>;
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Stop words for both the index and questions: the `stopword` English list plus question words. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...eng, 'why', 'when', 'whats', 'does', 'did', 'doing', 'done', 'an', 'a', 'i', 'im', 'ive',
  // Ordinals point back at a list ("the second one"); they are never the subject of a question.
  'first', 'second', 'third', 'fourth', 'fifth', '1st', '2nd', '3rd', '4th', '5th', 'one', 'ones',
]);

/** The text pipeline: words for phrase matching, terms for search. */
export interface TextPipeline {
  /** Normalised words in order (nothing dropped), for phrase matching and references. */
  words(text: string): string[];
  /** Stems of {@link words}, in order (stop words kept so phrases keep their shape). */
  stems(text: string): string[];
  /** Search terms: normalised, stop words removed, stemmed (duplicates kept, order kept). */
  terms(text: string, extraStopWords?: ReadonlySet<string>): string[];
  /** MiniSearch `processTerm` for a word from {@link words}: its term, or null for a stop word. */
  processTerm(word: string): string | null;
  /** The British, expanded, unstemmed words of a token (for spelling correction). */
  normaliseWord(token: string): string[];
}

/**
 * Builds the pipeline from the vocabulary's text-speak and spelling maps.
 * @example createTextPipeline(maps).terms("whats the diff between ppl") // ['differ', 'between'…]
 */
export function createTextPipeline(source: TextMaps): TextPipeline {
  // Maps, not the parsed objects: a word such as "constructor" must not find Object.prototype's.
  const textSpeak = new Map(Object.entries(source.textSpeak));
  const spellings = new Map(Object.entries(source.spellings));
  // Keys with punctuation ("h&s", "e-mail") are replaced before tokenising splits them apart.
  const phraseKeys = [...textSpeak.keys()].filter((key) => /[^a-z0-9]/.test(key));
  const phrasePattern = phraseKeys.length > 0 ? new RegExp(`(^|\\s)(${phraseKeys.map(escapeRegExp).join('|')})(?=\\s|$|[.,!?;:])`, 'g') : null;
  const stemCache = new Map<string, string>();
  const termCache = new Map<string, string | null>();

  const stem = (word: string): string => {
    let cached = stemCache.get(word);
    if (cached === undefined) {
      cached = /^\d+$/.test(word) ? word : stemmer(word);
      stemCache.set(word, cached);
    }
    return cached;
  };

  const normaliseWord = (token: string): string[] => {
    const lower = token.toLowerCase();
    const expanded = textSpeak.get(lower);
    const words = expanded ? expanded.split(' ') : [lower];
    return words.map((word) => spellings.get(word) ?? word).filter((word) => word.length > 0);
  };

  // A question goes through the pipeline several times (intents, concepts, references, search).
  const recent = new Map<string, string[]>();
  const words = (text: string): string[] => {
    const cached = recent.get(text);
    if (cached) return cached;
    const result = splitWords(text);
    if (text.length < 4000) {
      if (recent.size >= 64) recent.delete(recent.keys().next().value!);
      recent.set(text, result);
    }
    return result;
  };

  const splitWords = (text: string): string[] => {
    let prepared = text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`']/g, '');
    if (phrasePattern) prepared = prepared.replace(phrasePattern, (_m, lead: string, key: string) => `${lead}${textSpeak.get(key) ?? key}`);
    const out: string[] = [];
    for (const token of tokenize(prepared)) {
      if (token.length === 0) continue;
      const expanded = textSpeak.get(token);
      if (expanded === undefined) out.push(spellings.get(token) ?? token);
      else for (const word of expanded.split(' ')) out.push(spellings.get(word) ?? word);
    }
    return out;
  };

  const isTerm = (word: string, extra?: ReadonlySet<string>) =>
    !STOP_WORDS.has(word) && !(extra?.has(word) ?? false) && !(/^\d+$/.test(word) && word.length !== 4) && word.length > 1;

  return {
    words: (text) => [...words(text)],
    stems: (text) => words(text).map(stem),
    terms: (text, extra) => words(text).filter((word) => isTerm(word, extra)).map(stem),
    processTerm: (word) => {
      let term = termCache.get(word);
      if (term === undefined) {
        term = isTerm(word) ? stem(word) : null;
        termCache.set(word, term);
      }
      return term;
    },
    normaliseWord,
  };
}

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
