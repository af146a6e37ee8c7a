/**
 * The lexical index over every knowledge record worth finding (MiniSearch, BM25): criteria with
 * their amplification and assessment guidance, unit and outcome overviews, qualification facts,
 * topic-note sections, legislation and glossary records. Field boosts favour a criterion's own
 * words over guidance prose; a domain word list corrects learners' typos to words the knowledge
 * base uses (MiniSearch's SearchableMap fuzzy look-up) before stemming.
 */
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { KnowledgeRecord } from '../knowledge/types.js';
import type { TextPipeline } from './text.js';
import { STOP_WORDS } from './text.js';

/** The fields each record is split into, with their search boosts. */
const FIELD_BOOST = { title: 3, headings: 2, items: 1.2, context: 0.8, guidance: 0.3 } as const;
type Field = keyof typeof FIELD_BOOST;
const FIELDS = Object.keys(FIELD_BOOST) as Field[];

/** How much a match in each field counts as evidence that the record answers the question. */
const FIELD_EVIDENCE: Record<Field, number> = { title: 1, headings: 1, items: 1, context: 0.6, guidance: 0.5 };

/** Overviews and outcome records rank a little below the criteria they summarise. */
const KIND_BOOST: Record<KnowledgeRecord['kind'], number> = {
  criterion: 1,
  glossary: 1,
  legislation: 0.9,
  qualification: 0.9,
  note: 0.85,
  unit: 0.8,
  outcome: 0.55,
};

/**
 * The qualification's own facts (ids from the knowledge base's id scheme) outrank its prose
 * sections about the specification document (centre approval, how units are laid out…).
 */
const CORE_QUALIFICATION = /^qual\.(award|certificate|diploma|structure|progression)$/;
const PROSE_QUALIFICATION_BOOST = 0.75;

/** Section headings that are guidance or bookkeeping rather than subject content. */
const GUIDANCE_HEADING = /^(Assessment guidance|Assessment|Delivery)\b/;
const SKIPPED_HEADING = /^(Suggested resources|Unit facts|Essential resources|Funding|How the specification names it|Checked)\b/;
/** Outcome-wide guidance repeated in each of its criteria: indexed once, in the outcome's record. */
const OUTCOME_GUIDANCE = /^Assessment guidance for learning outcome/;

/** A term of the query with its weight (1 for the learner's words, less for vocabulary additions). */
export interface QueryTerm {
  term: string;
  weight: number;
}

/** One lexical result. */
export interface LexicalHit {
  id: string;
  /** BM25 score × kind boost. */
  score: number;
  /** For each query term the record matches: how strong the evidence is (1 in its own words, less in guidance). */
  evidence: Record<string, number>;
  /** The query terms found in the record's title (a criterion's own wording). */
  inTitle: string[];
}

/** The built index. */
export interface AskIndex {
  search(terms: QueryTerm[], limit?: number): LexicalHit[];
  /** Inverse document frequency of a term; unknown terms get the highest value. */
  idf(term: string): number;
  /** How many records use a term (0 for a word the knowledge base never uses). */
  frequency(term: string): number;
  /** How specific a pair of adjacent terms is (0–1): 1 for a pair only one record has, 0 for none. */
  pairWeight(id: string, pair: string): number;
  /** A known word for a misspelt one ("custmer" → "customer"), or the word itself. */
  correct(word: string): string;
  /**
   * An unknown stem's nearest known stem by prefix ("valuabl" → "valu"), so derived words find
   * their root; the term itself when it is known or nothing close is.
   */
  resolve(term: string): string;
  readonly documentCount: number;
}

interface IndexDocument extends Record<Field, string> {
  id: string;
}

/**
 * Builds the index from the records.
 * @param contextOf the unit and outcome titles of a record (so "Unit 5" words can find its criteria)
 * @param extraWords words the spelling corrector should also know (the learner vocabulary's)
 * @param extraBoost a further boost per record (Ask ranks curated definitions below the criteria that ask for them)
 */
export function buildIndex(
  records: KnowledgeRecord[],
  text: TextPipeline,
  contextOf: (record: KnowledgeRecord) => string,
  extraWords: string[] = [],
  extraBoost: (record: KnowledgeRecord) => number = () => 1,
): AskIndex {
  // Each field is normalised once (the slow part); MiniSearch and the word lists reuse the words.
  const documents = records.map((record) => toDocument(record, contextOf(record), text));
  const boostOf = new Map(
    records.map((record) => [
      record.id,
      KIND_BOOST[record.kind] * (record.kind === 'qualification' && !CORE_QUALIFICATION.test(record.id) ? PROSE_QUALIFICATION_BOOST : 1) * extraBoost(record),
    ]),
  );
  const search = new MiniSearch<IndexDocument>({
    fields: FIELDS,
    storeFields: [],
    tokenize: (value) => value.split(' '),
    processTerm: (word) => text.processTerm(word),
    searchOptions: { boost: FIELD_BOOST, processTerm: (term) => term },
  });
  search.addAll(documents);

  const documentFrequency = new Map<string, number>();
  const pairFrequency = new Map<string, number>();
  const pairsOf = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const document of documents) {
    const seen = new Set<string>();
    const pairs = new Set<string>();
    for (const field of FIELDS) {
      let previous: string | null = null;
      for (const word of document[field].split(' ')) {
        if (word === '') continue;
        counts.set(word, (counts.get(word) ?? 0) + 1);
        const term = text.processTerm(word);
        if (!term) continue;
        seen.add(term);
        // Adjacent terms ("protect characterist"), so a phrase in the question can favour a record that has it.
        if (previous !== null) pairs.add(`${previous} ${term}`);
        previous = term;
      }
    }
    for (const term of seen) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    for (const pair of pairs) pairFrequency.set(pair, (pairFrequency.get(pair) ?? 0) + 1);
    pairsOf.set(document.id, pairs);
  }
  for (const word of extraWords) counts.set(word, (counts.get(word) ?? 0) + 1);
  // The spelling corrector's word list: one entry per distinct word.
  const wordCounts = new SearchableMap<number>();
  for (const [word, count] of counts) wordCounts.set(word, count);

  const total = documents.length;
  const idf = (term: string) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  };

  return {
    documentCount: total,
    idf,
    frequency: (term) => documentFrequency.get(term) ?? 0,
    correct(word) {
      // Short words are left alone: one edit turns too many of them into other words ("robot" → "root").
      if (word.length < 6 || STOP_WORDS.has(word) || wordCounts.has(word) || /\d/.test(word)) return word;
      const candidates = wordCounts.fuzzyGet(word, word.length >= 8 ? 2 : 1);
      let best: { word: string; distance: number; count: number } | null = null;
      for (const [candidate, [count, distance]] of candidates) {
        // Typos rarely change the first letter, and real words that differ there are other words ("caught" is not "taught").
        if (candidate[0] !== word[0]) continue;
        if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
      }
      return best?.word ?? word;
    },
    pairWeight(id, pair) {
      if (!pairsOf.get(id)?.has(pair)) return 0;
      const df = pairFrequency.get(pair) ?? 1;
      return Math.log(1 + total / df) / Math.log(1 + total);
    },
    resolve(term) {
      if (documentFrequency.has(term) || term.length < 6) return term;
      for (let length = term.length - 1; length >= 4; length--) {
        const prefix = term.slice(0, length);
        if (documentFrequency.has(prefix)) return prefix;
      }
      return term;
    },
    search(terms, limit = 10) {
      if (terms.length === 0) return [];
      const weights = new Map<string, number>();
      for (const { term, weight } of terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
      const results = search.search([...weights.keys()].join(' '), { boostTerm: (term) => weights.get(term) ?? 1 });
      // Boost, sort and cut first: evidence is only worth working out for the records kept.
      return results
        .map((result) => ({ result, score: result.score * (boostOf.get(String(result.id)) ?? 1) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
        .map(({ result, score }) => {
          const evidence: Record<string, number> = {};
          const inTitle: string[] = [];
          for (const [term, fields] of Object.entries(result.match as Record<string, Field[]>)) {
            let best = 0;
            for (const field of fields) best = Math.max(best, FIELD_EVIDENCE[field]);
            evidence[term] = best;
            if (fields.includes('title')) inTitle.push(term);
          }
          return { id: String(result.id), score, evidence, inTitle };
        });
    },
  };
}

function toDocument(record: KnowledgeRecord, context: string, text: TextPipeline): IndexDocument {
  const headings: string[] = [];
  const items: string[] = [];
  const guidance: string[] = [];
  for (const section of record.sections) {
    if (SKIPPED_HEADING.test(section.heading) || (record.kind === 'criterion' && OUTCOME_GUIDANCE.test(section.heading))) continue;
    if (GUIDANCE_HEADING.test(section.heading)) {
      guidance.push(...section.items);
      continue;
    }
    // A note's single section repeats its title; a glossary's headings are bookkeeping.
    if (record.kind === 'criterion' || record.kind === 'qualification' || record.kind === 'unit') headings.push(section.heading);
    items.push(...section.items);
  }
  const words = (value: string) => text.words(value).join(' ');
  return {
    id: record.id,
    title: words(record.title),
    headings: words(headings.join('. ')),
    items: words(items.join('. ')),
    context: words(context),
    guidance: words(guidance.join(' ')),
  };
}
