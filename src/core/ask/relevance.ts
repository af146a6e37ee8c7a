/**
 * How relevant a piece of knowledge-base text is to a question: the IDF-weighted overlap of its
 * terms with the question's terms. Used to pick which amplification items, note lines and
 * qualification facts answer the question instead of dumping a whole record.
 */
import type { AskEngine } from './engine.js';

/** Scores texts against a set of query terms; caches each text's terms. */
export interface RelevanceScorer {
  score(text: string): number;
  /** The texts with a positive score, best first (ties keep their order), at most `limit`. */
  best(texts: string[], limit: number): string[];
}

/** Builds a scorer for one question. */
export function relevanceScorer(engine: AskEngine, queryTerms: string[]): RelevanceScorer {
  const wanted = new Map(queryTerms.map((term) => [term, engine.index.idf(term)]));
  const score = (text: string) => {
    let total = 0;
    for (const term of new Set(engine.vocabulary.text.terms(text))) total += wanted.get(term) ?? 0;
    return total;
  };
  return {
    score,
    best(texts, limit) {
      return texts
        .map((text, order) => ({ text, order, score: score(text) }))
        .filter((entry) => entry.score > 0)
        .sort((a, b) => b.score - a.score || a.order - b.order)
        .slice(0, limit)
        .map((entry) => entry.text);
    },
  };
}
