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

/**
 * The fields each record is split into, with their search boosts. `phrasings` holds the learner
 * questions the record answers (knowledge/phrasings.json); its boost was calibrated on the dev
 * items (0.75 and 1.5–2 did no better).
 */
const FIELD_BOOST = { title: 3, headings: 2, items: 1.2, context: 0.8, guidance: 0.3, phrasings: 1 } as const;
type Field = keyof typeof FIELD_BOOST;
const FIELDS = Object.keys(FIELD_BOOST) as Field[];
/** The fields in the knowledge base's own words: document frequencies and phrase pairs come from these. */
const OWN_FIELDS = FIELDS.filter((field) => field !== 'phrasings');

/**
 * How much a match in each field counts as evidence that the record answers the question. A word
 * found only in a record's learner phrasings is weak evidence: everyday words ("type", "help")
 * there would otherwise lift coverage for any question that uses them.
 */
const FIELD_EVIDENCE: Record<Field, number> = { title: 1, headings: 1, items: 1, context: 0.6, guidance: 0.5, phrasings: 0.25 };

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
  /** How many records use a term in their own words (0 for a word the knowledge base never uses). */
  frequency(term: string): number;
  /** How many records' learner phrasings use a term. */
  phrasingFrequency(term: string): number;
  /** The terms of each of a record's learner phrasings (one set per phrasing), for matching a question to one of them. */
  phrasingTerms(id: string): ReadonlyArray<ReadonlySet<string>>;
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
  /** The normalised words of each learner phrasing; `phrasings` is filled with their terms once they are known. */
  phrasingWords: string[][];
}

/** What the index is built from besides the records. */
export interface IndexOptions {
  /** The unit and outcome titles of a record (so "Unit 5" words can find its criteria). */
  contextOf: (record: KnowledgeRecord) => string;
  /** Words the spelling corrector should also know (the learner vocabulary's). */
  extraWords?: string[];
  /** A further boost per record (Ask ranks curated definitions below the criteria that ask for them). */
  extraBoost?: (record: KnowledgeRecord) => number;
  /** The learner questions a record answers (knowledge/phrasings.json). */
  phrasingsOf?: (record: KnowledgeRecord) => readonly string[];
}

/**
 * A phrasing word the spelling corrector may correct towards only when it occurs this often: a
 * deliberate typo in one phrasing ("custmer") must not stop a learner's same typo being corrected.
 */
const MIN_PHRASING_WORD_COUNT = 2;
/** Most unknown stems whose prefix root is remembered (the index's own words need about 2,000). */
const MAX_RESOLVED = 10_000;

/** Builds the index from the records. */
export function buildIndex(records: KnowledgeRecord[], text: TextPipeline, options: IndexOptions): AskIndex {
  const { contextOf, extraWords = [], extraBoost = () => 1, phrasingsOf = () => [] } = options;
  // Each field is normalised once (the slow part); MiniSearch and the word lists reuse the words.
  const documents = records.map((record) => toDocument(record, contextOf(record), phrasingsOf(record), text));
  const boostOf = new Map(
    records.map((record) => [
      record.id,
      KIND_BOOST[record.kind] * (record.kind === 'qualification' && !CORE_QUALIFICATION.test(record.id) ? PROSE_QUALIFICATION_BOOST : 1) * extraBoost(record),
    ]),
  );
  const documentFrequency = new Map<string, number>();
  const pairFrequency = new Map<string, number>();
  const pairsOf = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const document of documents) {
    const seen = new Set<string>();
    const pairs = new Set<string>();
    for (const field of OWN_FIELDS) {
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

  // An unknown stem's nearest known stem by prefix, as questions' words are resolved (query.ts).
  const resolved = new Map<string, string>();
  const resolve = (term: string): string => {
    if (documentFrequency.has(term) || term.length < 6) return term;
    let root = resolved.get(term);
    if (root === undefined) {
      root = term;
      for (let length = term.length - 1; length >= 4; length--) {
        if (documentFrequency.has(term.slice(0, length))) {
          root = term.slice(0, length);
          break;
        }
      }
      // Bounded: questions' unknown words come through here too, and they are untrusted and endless.
      if (resolved.size < MAX_RESOLVED) resolved.set(term, root);
    }
    return root;
  };
  const phrasingTerm = (word: string) => {
    const term = text.processTerm(word);
    return term === null ? null : resolve(term);
  };

  // Learner phrasings: their own document frequencies (a learner word the specification never uses
  // still gets an IDF) and, per record, one term set per phrasing.
  const phrasingFrequency = new Map<string, number>();
  const phrasingTermsOf = new Map<string, Array<Set<string>>>();
  const phrasingWords = new Map<string, number>();
  for (const document of documents) {
    if (document.phrasingWords.length === 0) continue;
    // The field is handed to MiniSearch as terms already processed here, so each word is processed once.
    const terms: string[] = [];
    const sets = document.phrasingWords.map((words) => {
      const set = new Set<string>();
      for (const word of words) {
        phrasingWords.set(word, (phrasingWords.get(word) ?? 0) + 1);
        const term = phrasingTerm(word);
        if (!term) continue;
        set.add(term);
        terms.push(term);
      }
      return set;
    });
    document.phrasings = terms.join(' ');
    phrasingTermsOf.set(document.id, sets);
    for (const term of new Set(sets.flatMap((set) => [...set]))) phrasingFrequency.set(term, (phrasingFrequency.get(term) ?? 0) + 1);
  }
  for (const [word, count] of phrasingWords) if (count >= MIN_PHRASING_WORD_COUNT && !counts.has(word)) counts.set(word, count);
  const search = new MiniSearch<IndexDocument>({
    fields: FIELDS,
    storeFields: [],
    tokenize: (value) => value.split(' '),
    processTerm: (word, field) => (field === 'phrasings' ? word || null : text.processTerm(word)),
    searchOptions: { boost: FIELD_BOOST, processTerm: (term) => term },
  });
  search.addAll(documents);

  // The spelling corrector's word list: one entry per distinct word.
  const wordCounts = new SearchableMap<number>();
  for (const [word, count] of counts) wordCounts.set(word, count);

  const total = documents.length;
  const idf = (term: string) => {
    const df = documentFrequency.get(term) ?? phrasingFrequency.get(term) ?? 0;
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  };

  return {
    documentCount: total,
    idf,
    frequency: (term) => documentFrequency.get(term) ?? 0,
    phrasingFrequency: (term) => phrasingFrequency.get(term) ?? 0,
    phrasingTerms: (id) => phrasingTermsOf.get(id) ?? [],
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
    resolve,
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

function toDocument(record: KnowledgeRecord, context: string, phrasings: readonly string[], text: TextPipeline): IndexDocument {
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
  const phrasingWords = phrasings.map((phrasing) => text.words(phrasing));
  return {
    phrasingWords,
    phrasings: '',
    id: record.id,
    title: words(record.title),
    headings: words(headings.join('. ')),
    items: words(items.join('. ')),
    context: words(context),
    guidance: words(guidance.join(' ')),
  };
}
