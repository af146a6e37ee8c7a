/**
 * The Ask engine: the index plus retrieval. Retrieval fuses four signals — explicit references
 * ("unit 3", "AC 2.2", "LASS"), the learner vocabulary (everyday wording → specification terms),
 * BM25 over the records, and the conversation's previous turn — and decides whether it is
 * confident enough to answer (IDF-weighted coverage of the learner's words by the best record;
 * thresholds calibrated on the evaluation set, see docs/ask.md).
 */
import type { KnowledgeRecord } from '../knowledge/types.js';
import { asksForDefinition, definitions } from './definitions.js';
import { pairTeachingCriteria } from './pairing.js';
import { compileAcronyms, findReferences, type References } from './references.js';
import { judgeGrounding } from './grounding.js';
import { loadPhrasings, type Phrasings } from './phrasings.js';
import { qualificationsAskedAbout } from './qualifications.js';
import { createResemblance, type Resemblance } from './resemblance.js';
import { buildQuery } from './query.js';
import { buildIndex, type AskIndex, type LexicalHit } from './search-index.js';
import type { AskKnowledge, ConversationTurn } from './types.js';
import type { ConceptMatch, Vocabulary } from './vocabulary.js';

/** Bonus for a record whose title carries all of the learner's words (a question in the specification's wording). */
const TITLE_BONUS = 0.4;
/** Bonus for a criterion a vocabulary phrase points at: more for longer, more specific phrases. */
const conceptBonus = (phraseWords: number) => Math.min(0.6, 0.25 + 0.1 * phraseWords);
/** Bonus per phrase of the question (two adjacent terms) a record also has, scaled by how rare it is. */
const PAIR_BONUS = 0.5;
const MAX_PAIR_BONUS = 0.8;
/** Index boost of a curated definition relative to other records. */
const DEFINITION_BOOST = 0.7;
/**
 * Bonus for a record one of whose learner phrasings carries most of the question's words, times
 * the square of that share (so a close resemblance counts, a partial one little). Calibrated on
 * the dev items (docs/ask.md, round 5): 0.25 and 0.75 did no better, 0 lost dev recall.
 */
const PHRASING_BONUS = 0.5;
/**
 * Weights of the two resemblance models (resemblance.ts: the closest learner phrasing's cosine and
 * the naive Bayes posterior, each 0–1). Calibrated on the dev items (docs/ask.md, round 9): 0.3–0.7
 * for either did about as well on the fresh tun7 batch; 1 or more lost dev recall@1.
 */
const NEAREST_WEIGHT = 0.5;
const POSTERIOR_WEIGHT = 0.5;
/** Bonus for the Award or Certificate record when a question asks for one of its figures by name. */
const NAMED_QUALIFICATION_BONUS = 1;
/** Fewest of the learner's words a phrasing must share before it counts as resembling the question. */
const MIN_PHRASING_TERMS = 2;

/** A record with its fused score and how well it covers the question. */
export interface ScoredRecord {
  id: string;
  score: number;
  coverage: number;
  /** IDF-weighted share of the learner's words found together in one of the record's learner phrasings (0–1). */
  phrasing: number;
}

/** What retrieval found. */
export interface Retrieval {
  /** Fused ranking, best first. */
  hits: ScoredRecord[];
  grounded: boolean;
  /**
   * Not grounded, but the question is clearly about the course (its words or vocabulary are the
   * knowledge base's): answer with the best match, framed as a guess with alternatives.
   */
  tentative: boolean;
  references: References;
  concepts: ConceptMatch[];
  /** The learner's own terms (stemmed, typos corrected). */
  ownTerms: string[];
  /** Own terms plus vocabulary terms: what "relevant" means when picking amplification items. */
  queryTerms: string[];
  /** True when an explicit reference decided the best record. */
  explicit: boolean;
}

/** Options for one retrieval. */
export interface RetrieveOptions {
  /** The conversation's previous turn, for follow-ups ("what about 2.3?" keeps the unit). */
  context?: ConversationTurn | null;
  /** Records to favour (a follow-up's previous records). */
  favour?: string[];
  /** A record the conversation has already settled on (a follow-up about "it"): it leads. */
  force?: string | null;
  /** Also ignore the words about the assignment itself (integrity requests). */
  ignoreAssignmentWords?: boolean;
}

/** The built engine, created once at start-up. */
export interface AskEngine {
  knowledge: AskKnowledge;
  vocabulary: Vocabulary;
  index: AskIndex;
  /** Milliseconds the index took to build. */
  buildMs: number;
  retrieve(question: string, options?: RetrieveOptions): Retrieval;
  /** The explicit references in a question (units, criteria, acronyms, ordinals). */
  references(question: string): References;
  /** Builds what the first question would otherwise build (the resemblance models); returns the milliseconds it took. */
  warmUp(): number;
}

/**
 * Builds the engine from the knowledge base, the learner vocabulary and the learner phrasings
 * (by default the committed `knowledge/phrasings.json`).
 * @example const engine = createAskEngine(loadKnowledgeBase(), loadVocabulary()); engine.retrieve('what is LASS?')
 */
export function createAskEngine(knowledge: AskKnowledge, vocabulary: Vocabulary, phrasings: Phrasings = loadPhrasings()): AskEngine {
  const started = performance.now();
  const text = vocabulary.text;
  const contextOf = (record: KnowledgeRecord) => {
    if (record.unit === null || record.kind === 'unit') return '';
    const unit = knowledge.record(`u${record.unit}`)?.title ?? '';
    const outcome = record.lo !== null && record.kind === 'criterion' ? (knowledge.record(`u${record.unit}.lo${record.lo}`)?.title ?? '') : '';
    return `${unit}. ${outcome}`;
  };
  const vocabularyWords = [
    ...vocabulary.data.concepts.flatMap((c) => [...c.phrases, c.terms]),
    ...Object.values(vocabulary.data.textSpeak),
  ].flatMap((value) => text.words(value));
  // Curated definitions use everyday words and examples ("a wet floor"): the criterion that asks
  // for the definition should outrank them, and brings them along (see pairing.ts).
  const curated = definitions(knowledge);
  const index = buildIndex(knowledge.records, text, {
    contextOf,
    extraWords: vocabularyWords,
    extraBoost: (record) => (curated.has(record.id) ? DEFINITION_BOOST : 1),
    phrasingsOf: (record) => phrasings.of(record.id),
  });
  // Built on the first question (or by warmUp() in the background after start-up), not before the
  // first prompt: start-up pays only for the index.
  let resemblance: Resemblance | null = null;
  const models = () => (resemblance ??= createResemblance(new Map(knowledge.records.map((record) => [record.id, index.phrasingTerms(record.id)]))));
  const acronyms = compileAcronyms(knowledge.glossary.map((entry) => ({ id: `glossary.${entry.slug}`, spellings: entry.match })));
  const tools = { vocabulary, index };
  const criteriaByAc = new Map<string, string[]>();
  for (const record of knowledge.records) {
    if (record.kind !== 'criterion' || !record.ac) continue;
    criteriaByAc.set(record.ac, [...(criteriaByAc.get(record.ac) ?? []), record.id]);
  }

  const retrieve = (question: string, options: RetrieveOptions = {}): Retrieval => {
    const references = findReferences(question, acronyms);
    const { corrected, concepts, own, ownTerms, pairs, expansion, terms } = buildQuery(question, references, tools, options.ignoreAssignmentWords);
    const lexical = index.search(terms, 40);
    const top = lexical[0]?.score ?? 0;
    const byId = new Map<string, { lexical: number; bonus: number; hit: LexicalHit | null }>();
    for (const hit of lexical) byId.set(hit.id, { lexical: top > 0 ? hit.score / top : 0, bonus: 0, hit });
    const bonus = (id: string, amount: number) => {
      if (!knowledge.record(id)) return;
      const entry = byId.get(id) ?? { lexical: 0, bonus: 0, hit: null };
      entry.bonus += amount;
      byId.set(id, entry);
    };

    // Explicit references outrank everything; a unit alone narrows rather than decides.
    const unit = references.unit ?? (references.ac ? (options.context?.unit ?? null) : null);
    let explicitId: string | null = null;
    if (references.ac) {
      const candidates = criteriaByAc.get(references.ac) ?? [];
      const inUnit = unit !== null ? candidates.find((id) => id === `u${unit}.ac${references.ac}`) : undefined;
      if (inUnit) explicitId = inUnit;
      else for (const id of candidates) bonus(id, 0.8);
    } else if (references.unit !== null && references.lo !== null) {
      explicitId = knowledge.record(`u${references.unit}.lo${references.lo}`) ? `u${references.unit}.lo${references.lo}` : null;
    } else if (references.unit !== null && ownTerms.filter((t) => own.get(t)!.length === 0).length <= 1 && expansion.length === 0) {
      explicitId = knowledge.record(`u${references.unit}`) ? `u${references.unit}` : null;
    }
    if (!explicitId && options.force && knowledge.record(options.force)) explicitId = options.force;
    if (explicitId) bonus(explicitId, 3);
    if (references.unit !== null && !explicitId) {
      for (const id of byId.keys()) if (knowledge.record(id)?.unit === references.unit) bonus(id, 0.5);
      bonus(`u${references.unit}`, 0.3);
    }
    // A curated definition's term ("risk", "brand") is an everyday word: it points at the
    // definition only when the question asks what something is ("what is a brand?").
    const defining = asksForDefinition(question);
    for (const acronym of references.acronyms) {
      const strong = acronym.strong && !curated.has(acronym.id);
      if (!strong && curated.has(acronym.id) && !defining) continue;
      bonus(acronym.id, strong ? 1.2 : 0.4);
    }
    const conceptRecords = new Map<string, number>();
    for (const concept of concepts) {
      for (const id of concept.records) conceptRecords.set(id, Math.max(conceptRecords.get(id) ?? 0, conceptBonus(concept.end - concept.start)));
    }
    for (const [id, amount] of conceptRecords) bonus(id, amount);
    for (const id of options.favour ?? []) bonus(id, 0.3);
    // "How many GLH is the Certificate?": a figure about a qualification the question names is in
    // that qualification's key facts, not in the glossary or the general page on units.
    for (const id of qualificationsAskedAbout(question)) bonus(id, NAMED_QUALIFICATION_BONUS);
    const resembling = models().score(ownTerms);
    for (const id of resembling.keys()) if (!byId.has(id)) byId.set(id, { lexical: 0, bonus: 0, hit: null });

    const titleShare = (hit: LexicalHit | null) => {
      if (!hit || hit.inTitle.length === 0) return 0;
      let total = 0;
      let inTitle = 0;
      for (const term of own.keys()) {
        total += index.idf(term);
        if (hit.inTitle.includes(term)) inTitle += index.idf(term);
      }
      return total > 0 ? inTitle / total : 0;
    };
    // A word a concept explains ("too expensive") counts as covered by the records that concept is
    // about: those it points at, or those matching its specification terms ("objections").
    const conceptTerms = new Map(concepts.map((c) => [c, text.terms(c.terms)]));
    const explains = (concept: ConceptMatch, id: string, hit: LexicalHit | null) =>
      concept.records.includes(id) || (hit !== null && conceptTerms.get(concept)!.some((term) => (hit.evidence[term] ?? 0) > 0));
    const coverageOf = (id: string, hit: LexicalHit | null) => {
      let total = 0;
      let covered = 0;
      for (const [term, explainers] of own) {
        const weight = index.idf(term);
        total += weight;
        // Explained but by a concept about something else: still the learner's domain word, half credit.
        const byConcept = explainers.length === 0 ? 0 : explainers.some((concept) => explains(concept, id, hit)) ? 1 : 0.5;
        covered += weight * Math.max(byConcept, hit?.evidence[term] ?? 0);
      }
      return total > 0 ? covered / total : 0;
    };
    // The learner's words found together in one phrasing: the question resembles a question the record answers.
    let ownWeight = 0;
    for (const term of own.keys()) ownWeight += index.idf(term);
    // One shared word is a coincidence ("tell me a joke"), not a resembling question: at least two.
    const phrasingOf = (id: string) => {
      let best = 0;
      if (ownWeight === 0) return best;
      for (const set of index.phrasingTerms(id)) {
        let found = 0;
        let count = 0;
        for (const term of own.keys()) {
          if (!set.has(term)) continue;
          found += index.idf(term);
          count++;
        }
        if (count >= MIN_PHRASING_TERMS) best = Math.max(best, found / ownWeight);
      }
      return best;
    };
    // A record that covers more of the learner's words beats one that repeats a few of them.
    const ranked = [...byId.entries()]
      .map(([id, entry]) => {
        const coverage = coverageOf(id, entry.hit);
        const phrasing = phrasingOf(id);
        const phrases = Math.min(MAX_PAIR_BONUS, PAIR_BONUS * pairs.reduce((sum, pair) => sum + index.pairWeight(id, pair), 0));
        const like = resembling.get(id);
        const score =
          entry.lexical * (0.5 + 0.5 * coverage) +
          TITLE_BONUS * titleShare(entry.hit) ** 2 +
          phrases +
          PHRASING_BONUS * phrasing ** 2 +
          entry.bonus +
          (like ? NEAREST_WEIGHT * like.nearest + POSTERIOR_WEIGHT * like.posterior : 0);
        return { id, score, coverage, phrasing };
      })
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    // A law or definition near the top brings the criterion that teaches it along.
    const hits = pairTeachingCriteria(ranked.slice(0, 8), knowledge).slice(0, 8);

    const best = hits[0];
    const strongAcronym = best !== undefined && references.acronyms.some((a) => a.strong && a.id === best.id && !curated.has(a.id));
    const knownShare = ownTerms.length === 0 ? 0 : ownTerms.filter((t) => index.frequency(t) > 0 || own.get(t)!.length > 0).length / ownTerms.length;
    const { grounded, tentative } = judgeGrounding({ hits, explicit: explicitId !== null, strongAcronym, concepts, onTopic: vocabulary.onTopic(corrected), knownShare });
    return {
      hits,
      grounded,
      tentative,
      references,
      concepts,
      ownTerms,
      queryTerms: [...ownTerms, ...expansion],
      explicit: explicitId !== null && best?.id === explicitId,
    };
  };

  const warmUp = () => {
    const began = performance.now();
    models();
    return performance.now() - began;
  };
  return { knowledge, vocabulary, index, buildMs: performance.now() - started, retrieve, references: (question) => findReferences(question, acronyms), warmUp };
}
