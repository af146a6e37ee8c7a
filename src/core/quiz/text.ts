/**
 * Text helpers the bank and its validator share: normalising choices, content-word overlap (so a
 * distractor like "beliefs" is caught against "religion and beliefs"), near-duplicate checks and
 * a seeded random generator so the same seed always gives the same quiz.
 */
import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { stemmer } from 'stemmer';
import { eng, removeStopwords } from 'stopword';

const segmenter = new Intl.Segmenter('en-GB', { granularity: 'word' });

const wordCache = new Map<string, string[]>();

/** Lower-case words of a text (Intl.Segmenter), apostrophes and accents folded. */
export function words(value: string): string[] {
  let result = wordCache.get(value);
  if (!result) {
    const folded = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, '').toLowerCase();
    result = [...segmenter.segment(folded)].filter((s) => s.isWordLike).map((s) => s.segment);
    // Building the bank compares the same few thousand phrases many times: remember them.
    if (wordCache.size > 50_000) wordCache.clear();
    wordCache.set(value, result);
  }
  return result;
}

const stemSetCache = new Map<string, Set<string>>();

function stemSet(value: string): Set<string> {
  let set = stemSetCache.get(value);
  if (!set) {
    set = new Set(contentStems(value));
    if (stemSetCache.size > 50_000) stemSetCache.clear();
    stemSetCache.set(value, set);
  }
  return set;
}

/** A comparable form of a phrase: its words joined by single spaces. */
export function normalise(value: string): string {
  let result = normalCache.get(value);
  if (result === undefined) {
    result = words(value).join(' ');
    if (normalCache.size > 50_000) normalCache.clear();
    normalCache.set(value, result);
  }
  return result;
}

const normalCache = new Map<string, string>();

const stemCache = new Map<string, string[]>();

/** Words that carry meaning (no stop words), stemmed: "Customers' beliefs" → ["custom", "belief"]. */
export function contentStems(value: string): string[] {
  let stems = stemCache.get(value);
  if (!stems) {
    stems = removeStopwords(words(value), eng)
      .filter((word) => word.length > 1 || /\d/.test(word))
      .map((word) => stemmer(word));
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(value, stems);
  }
  return stems;
}

/** True when every content word of `part` also occurs in `whole` (stemmed). */
export function containedIn(part: string, whole: string): boolean {
  const partStems = contentStems(part);
  if (partStems.length === 0) return false;
  const wholeStems = stemSet(whole);
  return partStems.every((stem) => wholeStems.has(stem));
}

/** Share of content words two texts have in common (Jaccard over stems), 0–1. */
export function similarity(a: string, b: string): number {
  const left = stemSet(a);
  const right = stemSet(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const stem of left) if (right.has(stem)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** Short stable hash of a text, for ids. */
export function shortHash(value: string, length = 6): string {
  return createHash('sha1').update(value).digest('hex').slice(0, length);
}

/** A seeded generator; the same seed gives the same sequence on every machine. */
export interface Rng {
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
}

/** Builds a {@link Rng} from any string or number seed. */
export function createRng(seed: string | number): Rng {
  const numeric = typeof seed === 'number' ? seed : Number.parseInt(shortHash(seed, 8), 16);
  const generator: RandomGenerator = xoroshiro128plus(numeric | 0);
  return { int: (min, max) => uniformInt(generator, min, max) };
}

/** A shuffled copy (Fisher–Yates with the seeded generator). */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Upper-cases the first letter: amplification items are written in lower case. */
export function sentenceCase(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Joins phrases as "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
