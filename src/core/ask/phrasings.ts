/**
 * Learner phrasings (`knowledge/phrasings.json`): for each record learners ask about, the questions
 * and situations it answers, written from the specification's content in learners' own voices
 * ("a lady kept shouting at me at the till"). They are FAQ-style document expansion: indexed as a
 * field of the record (search-index.ts), so a learner's question can match similar questions
 * rather than the specification's wording. The file is curated data, validated here.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Fewest and most phrasings a record may carry (enough variety, without drowning its own words).
 * Round 6 raised the most from 12 to 20; round 11 to 28 and round 12 to 34, because the phrasings are now training data for the
 * word-level models of resemblance.ts and varied everyday words per record are what they learn from.
 */
export const MIN_PHRASINGS = 6;
export const MAX_PHRASINGS = 34;

const phrasing = z.string().trim().min(8).max(160);

/** The schema of `knowledge/phrasings.json`. */
export const phrasingsSchema = z
  .object({
    description: z.string().min(1),
    /** Record id (as in the knowledge base) → the learner questions and situations it answers. */
    records: z.record(z.string().regex(/^[a-z0-9.-]+$/), z.array(phrasing).min(MIN_PHRASINGS).max(MAX_PHRASINGS)),
  })
  .strict();

export type PhrasingsData = z.infer<typeof phrasingsSchema>;

/** The loaded phrasings. */
export interface Phrasings {
  data: PhrasingsData;
  /** The phrasings of a record (empty for a record with none). */
  of(id: string): readonly string[];
}

const NONE: readonly string[] = Object.freeze([]);

/** Wraps validated data (tests build small ones directly). */
export function compilePhrasings(data: PhrasingsData): Phrasings {
  const byId = new Map(Object.entries(data.records));
  return { data, of: (id) => byId.get(id) ?? NONE };
}

/** No phrasings at all: retrieval on the knowledge base's own words only. */
export const noPhrasings = (): Phrasings => compilePhrasings({ description: 'none', records: {} });

/** Reads and validates the phrasings file; throws a readable error naming the problem. */
export function loadPhrasings(path: string | URL = new URL('../../../knowledge/phrasings.json', import.meta.url)): Phrasings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the learner phrasings (${String(path)}): ${(error as Error).message}`);
  }
  const parsed = phrasingsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`The learner phrasings are invalid:\n  ${problems.join('\n  ')}`);
  }
  return compilePhrasings(parsed.data);
}
