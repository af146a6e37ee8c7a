/**
 * How relevant a piece of knowledge-base text is to a question: the IDF-weighted overlap of its
 * terms with the question's terms. Used to pick which amplification items, note lines and
 * qualification facts answer the question instead of dumping a whole record.
 */
import type { AskEngine } from './engine.js';

/** Scores texts against a set of query terms. */
export interface RelevanceScorer {
  score(text: string): number;
  /** The same scorer without some terms (those a record's title already answers). */
  without(terms: string[]): RelevanceScorer;
  /** The texts with a positive score, best first (ties keep their order), at most `limit`. */
  best(texts: string[], limit: number): string[];
}

/**
 * Builds a scorer for one question: the learner's own terms count fully, vocabulary additions half.
 */
export function relevanceScorer(engine: AskEngine, ownTerms: string[], extraTerms: string[] = []): RelevanceScorer {
  const wanted = new Map<string, number>();
  for (const term of extraTerms) wanted.set(term, engine.index.idf(term) / 2);
  for (const term of ownTerms) wanted.set(term, engine.index.idf(term));
  return scorerOf(engine, wanted);
}

function scorerOf(engine: AskEngine, wanted: Map<string, number>): RelevanceScorer {
  const score = (text: string) => {
    let total = 0;
    for (const term of new Set(engine.vocabulary.text.terms(text))) total += wanted.get(term) ?? 0;
    return total;
  };
  return {
    score,
    without(terms) {
      const fewer = new Map(wanted);
      for (const term of terms) fewer.delete(term);
      return scorerOf(engine, fewer);
    },
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
