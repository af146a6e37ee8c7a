/**
 * Distributional word neighbours (`knowledge/neighbours.json`): for everyday words the knowledge
 * base never uses ("wheelchair", "pricey", "slang"), the knowledge-base stems closest in meaning
 * ("disabl", "expens", "jargon") with their cosine similarity, precomputed from word embeddings by
 * src/core/ask/build/generate-neighbours.ts. Related words, not
 * synonyms: retrieval adds them to a query at a low, similarity-weighted weight, and grounding
 * never counts them as the learner's words (see query.ts and docs/ask.md).
 *
 * The table is loaded on first use, not at start-up: most questions use only words the knowledge
 * base or the vocabulary already knows.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One neighbour of a word. */
export interface Neighbour {
  /** A knowledge-base stem, as the index stores it. */
  term: string;
  /** Cosine similarity of the word and the stem (0–1). */
  similarity: number;
}

/** Looks up a word's neighbours. */
export interface NeighbourLookup {
  /** The neighbours of a normalised word (lower case, British spelling), best first; [] for none. */
  of(word: string): Neighbour[];
}

/** A loaded table. */
export interface NeighbourTable extends NeighbourLookup {
  header: NeighbourHeader;
  /** How many words have neighbours. */
  size: number;
}

const ENTRY = /^[a-z0-9]+:[01]\.\d{2}( [a-z0-9]+:[01]\.\d{2})*$/;
const WORD = /^[a-z]+$/;

/** The file's header: where the vectors came from and how the table was built. */
const headerSchema = z
  .object({
    description: z.string().min(1),
    source: z.object({ package: z.string().min(1), version: z.string().regex(/^\d+\.\d+\.\d+$/), licence: z.string().min(1) }).strict(),
    parameters: z
      .object({
        candidates: z.number().int().positive(),
        minLength: z.number().int().positive(),
        minSimilarity: z.number().min(0).max(1),
        perWord: z.number().int().positive(),
      })
      .strict(),
    /** The knowledge base's content hash when the table was built (a rebuilt knowledge base may want a new table). */
    knowledgeBase: z.string().min(1),
    stats: z.object({ candidates: z.number().int(), stems: z.number().int(), words: z.number().int() }).strict(),
  })
  .strict();

/** The schema of `knowledge/neighbours.json` (tests validate the committed file with it). */
export const neighbourFileSchema = headerSchema.extend({ neighbours: z.record(z.string().regex(WORD), z.string().regex(ENTRY)) }).strict();

export type NeighbourHeader = z.infer<typeof headerSchema>;
export type NeighbourFile = z.infer<typeof neighbourFileSchema>;

/** The committed table's location. */
export const NEIGHBOURS_PATH = new URL('../../../knowledge/neighbours.json', import.meta.url);

/**
 * Validates a parsed table; throws a readable error naming the first problems. The header goes
 * through zod; the 16,000 entries are checked in place rather than copied, because the copy
 * would cost the resident memory of a process that is near its 200 MB budget.
 */
export function parseNeighbourFile(raw: unknown): NeighbourTable {
  const { neighbours, ...rest } = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const header = headerSchema.safeParse(rest);
  const problems = header.success ? [] : header.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (typeof neighbours !== 'object' || neighbours === null || Array.isArray(neighbours)) problems.push('neighbours: expected an object');
  else {
    for (const [word, entry] of Object.entries(neighbours)) {
      if (problems.length >= 5) break;
      if (!WORD.test(word) || typeof entry !== 'string' || !ENTRY.test(entry)) problems.push(`neighbours.${word}: expected "stem:0.00 stem:0.00…"`);
    }
  }
  if (!header.success || problems.length > 0) throw new Error(`The word neighbour table is invalid:\n  ${problems.join('\n  ')}`);
  const entries = neighbours as Record<string, string>;
  return {
    header: header.data,
    size: Object.keys(entries).length,
    of(word) {
      // Own keys only: a word such as "constructor" must not find Object.prototype's.
      const entry = Object.hasOwn(entries, word) ? entries[word] : undefined;
      if (entry === undefined) return [];
      return entry.split(' ').map((pair) => {
        const colon = pair.indexOf(':');
        return { term: pair.slice(0, colon), similarity: Number(pair.slice(colon + 1)) };
      });
    },
  };
}

/** Reads and validates the table file. */
export function loadNeighbours(path: string | URL = NEIGHBOURS_PATH): NeighbourTable {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the word neighbour table (${String(path)}): ${(error as Error).message}. Regenerate it with npx tsx src/core/ask/build/generate-neighbours.ts.`);
  }
  return parseNeighbourFile(raw);
}

/**
 * A lookup that reads the table the first time a word is looked up.
 * @example const neighbours = lazyNeighbours(); neighbours.of('wheelchair') // [{ term: 'disabl', similarity: 0.45 }, …]
 */
export function lazyNeighbours(load: () => NeighbourLookup = () => loadNeighbours()): NeighbourLookup {
  let table: NeighbourLookup | undefined;
  return { of: (word) => (table ??= load()).of(word) };
}

/** A lookup with no neighbours (tests, and a switch to measure retrieval without them). */
export const NO_NEIGHBOURS: NeighbourLookup = { of: () => [] };
