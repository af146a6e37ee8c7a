/**
 * Builds the distributional neighbour table (`knowledge/neighbours.json`) from word embeddings:
 * for each everyday English word the knowledge base does not use ("wheelchair", "pricey",
 * "slang"), the few knowledge-base stems nearest to it in meaning ("disabl", "expens", "jargon"),
 * with their cosine similarity. Pure: the embeddings, the records and the text pipeline come in,
 * the table comes out; `generate-neighbours.ts` does the downloading and the writing.
 *
 * Similarity is the cosine between the word's vector and the stem's vector (the count-weighted
 * mean of the unit vectors of the knowledge base's own words with that stem: "disability",
 * "disabled" → "disabl"). Keys are words, not stems: "sacked" and "sack" (a bag) are different
 * words; at run time a word without an entry falls back to its stem ("wheelchairs" → "wheelchair").
 * A hubness correction (CSLS) and stem keys were tried and lost on the tuning items (docs/ask.md).
 */
import type { KnowledgeRecord } from '../../knowledge/types.js';
import type { TextPipeline } from '../text.js';

/** The word vectors a table is built from (the embeddings package's words in frequency order). */
export interface Embeddings {
  /** Words, most frequent first. */
  words: readonly string[];
  dimensions: number;
  /** The word's vector (its first `dimensions` numbers), or undefined when the embeddings lack it. */
  vector(word: string): ArrayLike<number> | undefined;
}

/** Parameters of a build, recorded in the table's header. */
export interface NeighbourParameters {
  /** How many of the embeddings' most frequent words are candidates (rarer words have noisy vectors). */
  candidates: number;
  /** Shortest candidate word. */
  minLength: number;
  /** Lowest cosine similarity kept. */
  minSimilarity: number;
  /** Most neighbours kept per word. */
  perWord: number;
}

/** What the build needs to know about the knowledge base and the question pipeline. */
export interface NeighbourSources {
  records: readonly KnowledgeRecord[];
  text: TextPipeline;
  /** How many records use a stem (0 for a stem the index does not know). */
  frequency(stem: string): number;
  /** An unknown stem's known prefix stem ("valuabl" → "valu"), as the index resolves query terms. */
  resolve(stem: string): string;
  /** Stems never worth a neighbour (the vocabulary's fillers). */
  skip: ReadonlySet<string>;
}

/** The built table: word → "stem:similarity stem:similarity…", best first; words sorted. */
export interface BuiltNeighbours {
  neighbours: Record<string, string>;
  /** How many candidate words were considered and how many knowledge-base stems had a vector. */
  stats: { candidates: number; stems: number; words: number };
}

/** Builds the table. Deterministic: the same embeddings, records and parameters give the same table. */
export function buildNeighbourTable(embeddings: Embeddings, sources: NeighbourSources, params: NeighbourParameters): BuiltNeighbours {
  const dims = embeddings.dimensions;
  const targets = targetVectors(embeddings, sources);
  const candidates = candidateWords(embeddings, sources, params);
  const word = new Float32Array(dims);
  const neighbours: Record<string, string> = {};
  for (const candidate of candidates) {
    writeUnit(embeddings.vector(candidate)!, word, 0, dims);
    const kept: { stem: string; cos: number }[] = [];
    targets.stems.forEach((stem, t) => {
      let cos = 0;
      const offset = t * dims;
      for (let d = 0; d < dims; d++) cos += word[d]! * targets.vectors[offset + d]!;
      if (cos >= params.minSimilarity) kept.push({ stem, cos });
    });
    if (kept.length === 0) continue;
    kept.sort((a, b) => b.cos - a.cos || a.stem.localeCompare(b.stem));
    neighbours[candidate] = kept
      .slice(0, params.perWord)
      .map(({ stem, cos }) => `${stem}:${cos.toFixed(2)}`)
      .join(' ');
  }
  const sorted = Object.fromEntries(Object.keys(neighbours).sort().map((word) => [word, neighbours[word]!]));
  return { neighbours: sorted, stats: { candidates: candidates.length, stems: targets.stems.length, words: Object.keys(sorted).length } };
}

/** The knowledge base's stems with a vector: the count-weighted mean of their words' unit vectors. */
function targetVectors(embeddings: Embeddings, { records, text, frequency }: NeighbourSources) {
  const forms = new Map<string, Map<string, number>>();
  for (const record of records) {
    const all = [record.title, ...record.sections.flatMap((section) => [section.heading, ...section.items])].join(' . ');
    for (const word of text.words(all)) {
      const stem = text.processTerm(word);
      if (stem === null || frequency(stem) === 0 || /\d/.test(stem)) continue;
      const counts = forms.get(stem) ?? new Map<string, number>();
      counts.set(word, (counts.get(word) ?? 0) + 1);
      forms.set(stem, counts);
    }
  }
  const dims = embeddings.dimensions;
  const stems: string[] = [];
  const vectors: number[] = [];
  const unit = new Float32Array(dims);
  for (const stem of [...forms.keys()].sort()) {
    const sum = new Float32Array(dims);
    let found = false;
    for (const [word, count] of forms.get(stem)!) {
      const vector = embeddings.vector(word);
      if (!vector) continue;
      found = true;
      writeUnit(vector, unit, 0, dims);
      for (let d = 0; d < dims; d++) sum[d]! += count * unit[d]!;
    }
    if (!found) continue;
    writeUnit(sum, unit, 0, dims);
    stems.push(stem);
    vectors.push(...unit);
  }
  return { stems, vectors: Float32Array.from(vectors) };
}

/** Everyday words worth a neighbour: frequent, plain, unchanged by the pipeline, and unknown to the knowledge base. */
function candidateWords(embeddings: Embeddings, { text, frequency, resolve, skip }: NeighbourSources, params: NeighbourParameters): string[] {
  const out: string[] = [];
  for (const word of embeddings.words.slice(0, params.candidates)) {
    if (word.length < params.minLength || !/^[a-z]+$/.test(word) || !embeddings.vector(word)) continue;
    // Text-speak and American spellings are rewritten before a question is looked up, so the table keys what learners' words become.
    const normalised = text.words(word);
    if (normalised.length !== 1 || normalised[0] !== word) continue;
    const stem = text.processTerm(word);
    if (stem === null || skip.has(stem) || frequency(stem) > 0 || frequency(resolve(stem)) > 0) continue;
    out.push(word);
  }
  return out;
}

/** Writes the unit vector of `vector` into `out` at `offset`. */
function writeUnit(vector: ArrayLike<number>, out: Float32Array, offset: number, dims: number): void {
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += vector[d]! * vector[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) out[offset + d] = vector[d]! / norm;
}
