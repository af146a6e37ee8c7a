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

/** Lower-case words of a text (Intl.Segmenter), apostrophes and accents folded. */
export function words(value: string): string[] {
  const folded = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’']/g, '').toLowerCase();
  return [...segmenter.segment(folded)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** A comparable form of a phrase: its words joined by single spaces. */
export function normalise(value: string): string {
  return words(value).join(' ');
}

/** Words that carry meaning (no stop words), stemmed: "Customers' beliefs" → ["custom", "belief"]. */
export function contentStems(value: string): string[] {
  return removeStopwords(words(value), eng)
    .filter((word) => word.length > 1 || /\d/.test(word))
    .map((word) => stemmer(word));
}

/** True when every content word of `part` also occurs in `whole` (stemmed). */
export function containedIn(part: string, whole: string): boolean {
  const partStems = contentStems(part);
  if (partStems.length === 0) return false;
  const wholeStems = new Set(contentStems(whole));
  return partStems.every((stem) => wholeStems.has(stem));
}

/** Share of content words two texts have in common (Jaccard over stems), 0–1. */
export function similarity(a: string, b: string): number {
  const left = new Set(contentStems(a));
  const right = new Set(contentStems(b));
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
