/**
 * How much a question resembles the learner questions each record answers (knowledge/phrasings.json),
 * learnt from the phrasings as labelled examples rather than matched as text: two small models over
 * the same term sets, fused into one score per record.
 *
 * - Nearest phrasing: TF-IDF cosine between the question and each single phrasing (binary term
 *   frequency; a phrasing is a short question), the record keeping its best. It rewards a question
 *   worded like one particular learner question, where BM25 over all of a record's phrasings at once
 *   rewards repeating common words.
 * - Naive Bayes over records: each record's phrasings pooled, Laplace-smoothed, posterior across the
 *   records. It learns which everyday words go with which record ("glaring" with body language),
 *   even when no single phrasing shares two words with the question.
 *
 * Both are built once at start-up from the index's phrasing terms (a few milliseconds) and cost well
 * under a millisecond per question. Weights are calibrated on the development items (docs/ask.md).
 */

/** Smoothing for naive Bayes: small, because phrasings are short and a record has 15–20 of them. */
const NB_ALPHA = 0.02;
/** How many of each model's best records are returned (enough to re-rank the lexical top eight). */
const TOP = 10;

/** Per record, how much a question resembles its phrasings (each 0–1). */
export interface ResemblanceScore {
  /** TF-IDF cosine with the record's closest phrasing. */
  nearest: number;
  /** Naive Bayes posterior of the record given the question's terms. */
  posterior: number;
}

/** The two models. */
export interface Resemblance {
  /** The records the question resembles most, from either model (terms: the learner's own, stemmed). */
  score(terms: readonly string[]): Map<string, ResemblanceScore>;
}

/** One phrasing's TF-IDF vector, L2-normalised. */
interface Posting {
  record: number;
  weight: number;
}

/**
 * Builds both models from each record's phrasing term sets.
 * @example createResemblance(new Map([['u1.ac4.4', [new Set(['equal', 'treat'])]]])).score(['treat'])
 */
export function createResemblance(phrasingTerms: ReadonlyMap<string, ReadonlyArray<ReadonlySet<string>>>): Resemblance {
  const records = [...phrasingTerms.keys()].filter((id) => phrasingTerms.get(id)!.length > 0);
  const sets = records.flatMap((id, record) => phrasingTerms.get(id)!.map((terms) => ({ record, terms })));
  const documentFrequency = new Map<string, number>();
  for (const { terms } of sets) for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idfs = new Map<string, number>();
  for (const [term, frequency] of documentFrequency) idfs.set(term, Math.log(1 + sets.length / frequency));
  const idf = (term: string) => idfs.get(term)!;

  // Nearest phrasing: an inverted index term → (record, normalised weight), so a question visits
  // only the phrasings sharing one of its terms.
  const postings = new Map<string, Array<Posting & { phrasing: number }>>();
  sets.forEach(({ record, terms }, phrasing) => {
    let norm = 0;
    for (const term of terms) norm += idf(term) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (const term of terms) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ record, phrasing, weight: idf(term) / norm });
    }
  });

  // Naive Bayes: per record, how many of its phrasings use each term.
  const counts = records.map(() => new Map<string, number>());
  const totals = records.map(() => 0);
  for (const { record, terms } of sets) {
    const recordCounts = counts[record]!;
    for (const term of terms) recordCounts.set(term, (recordCounts.get(term) ?? 0) + 1);
    totals[record]! += terms.size;
  }
  const vocabularySize = documentFrequency.size;

  const nearest = (terms: string[]) => {
    let norm = 0;
    for (const term of terms) norm += idf(term) ** 2;
    norm = Math.sqrt(norm);
    const byPhrasing = new Map<number, { record: number; dot: number }>();
    for (const term of terms) {
      const weight = idf(term) / norm;
      for (const posting of postings.get(term)!) {
        const entry = byPhrasing.get(posting.phrasing) ?? { record: posting.record, dot: 0 };
        entry.dot += weight * posting.weight;
        byPhrasing.set(posting.phrasing, entry);
      }
    }
    const best = new Map<number, number>();
    for (const { record, dot } of byPhrasing.values()) best.set(record, Math.max(best.get(record) ?? 0, dot));
    return best;
  };

  const posterior = (terms: string[]) => {
    const logs = records.map((_, record) => {
      let sum = 0;
      const denominator = totals[record]! + NB_ALPHA * vocabularySize;
      for (const term of terms) sum += Math.log(((counts[record]!.get(term) ?? 0) + NB_ALPHA) / denominator);
      return sum;
    });
    const max = Math.max(...logs);
    let z = 0;
    for (const value of logs) z += Math.exp(value - max);
    return logs.map((value) => Math.exp(value - max) / z);
  };

  const topOf = (scores: Iterable<[number, number]>) => [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, TOP);

  return {
    score(questionTerms) {
      const result = new Map<string, ResemblanceScore>();
      // Only terms some phrasing uses carry information; each counts once (a question is short).
      const terms = [...new Set(questionTerms)].filter((term) => documentFrequency.has(term));
      if (terms.length === 0) return result;
      const entry = (record: number) => {
        const id = records[record]!;
        const value = result.get(id) ?? { nearest: 0, posterior: 0 };
        result.set(id, value);
        return value;
      };
      for (const [record, value] of topOf(nearest(terms))) entry(record).nearest = value;
      for (const [record, value] of topOf(posterior(terms).entries())) entry(record).posterior = value;
      return result;
    },
  };
}
