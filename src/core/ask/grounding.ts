/**
 * Is retrieval sure enough to answer? Three outcomes: grounded (answer), tentative (a question
 * clearly about the course whose wording retrieval was not sure of: answer with the closest match,
 * framed as a guess, with alternatives) and neither (the honest refusal). Thresholds calibrated on
 * the development items of the evaluation set (docs/ask.md).
 */
import type { ConceptMatch } from './vocabulary.js';

/** Coverage of the learner's words by the best record at or above which an answer is grounded. */
export const MIN_COVERAGE = 0.6;
/** With a vocabulary phrase (two or more words) pointing at the best record, this lower coverage is enough. */
export const MIN_COVERAGE_WITH_CONCEPT = 0.3;
/**
 * A question that uses a customer-service or workplace word ("customer", "team", "shop") needs
 * only this much coverage from one of the first three records: learners' everyday words are
 * often missing from the specification, while off-topic questions rarely use its domain words.
 */
export const MIN_COVERAGE_ON_TOPIC = 0.25;
/** A guess needs one of the first three records to cover at least this much of the question in its own words. */
export const TENTATIVE_COVERAGE = 0.1;
/** Share of the learner's words that the knowledge base or the vocabulary knows, for a guess. */
export const TENTATIVE_KNOWN_SHARE = 0.34;
/**
 * A strong phrasing match: one of the best record's learner phrasings carries at least this share
 * of the question's words (IDF-weighted, two words or more), so the question resembles one the
 * record answers. Letting weaker matches (0.3–0.5) mark a question as in the domain for a guess
 * answered a dev off-topic item, so phrasings do not widen guesses.
 */
export const MIN_PHRASING_MATCH = 0.7;

/** A ranked record with what grounding looks at. */
export interface GroundingHit {
  id: string;
  /** IDF-weighted share of the learner's words the record covers in its own words (or by a concept about it). */
  coverage: number;
  /** IDF-weighted share of the learner's words found together in one of the record's learner phrasings (absent: 0). */
  phrasing?: number;
}

/** What the decision looks at. */
export interface GroundingInput {
  hits: GroundingHit[];
  /** An explicit reference ("Unit 5 AC 2.3", a follow-up's record) decided the best record. */
  explicit: boolean;
  /** A strong acronym ("LASS") names the best record. */
  strongAcronym: boolean;
  concepts: ConceptMatch[];
  /** The question uses a customer-service or workplace word. */
  onTopic: boolean;
  /** Share of the learner's own terms the knowledge base uses or a concept explains. */
  knownShare: number;
}

/** The decision. */
export interface Grounding {
  grounded: boolean;
  tentative: boolean;
}

/** Decides whether to answer, guess or refuse. */
export function judgeGrounding(input: GroundingInput): Grounding {
  const [best] = input.hits;
  if (!best) return { grounded: false, tentative: false };
  const topCoverage = Math.max(0, ...input.hits.slice(0, 3).map((hit) => hit.coverage));
  // Only a phrase of two or more words is specific enough to vouch for a record ("phone" is not).
  const phrases = input.concepts.filter((c) => c.end - c.start >= 2);
  const grounded =
    input.explicit ||
    input.strongAcronym ||
    best.coverage >= MIN_COVERAGE ||
    // The question closely resembles one of the learner questions the best record answers.
    (best.phrasing ?? 0) >= MIN_PHRASING_MATCH ||
    (phrases.some((c) => c.records.includes(best.id)) && best.coverage >= MIN_COVERAGE_WITH_CONCEPT) ||
    (topCoverage >= MIN_COVERAGE_ON_TOPIC && input.onTopic);
  if (grounded) return { grounded, tentative: false };
  // A guess only for a question in the course's domain: a workplace word, a vocabulary phrase of two
  // or more words, or one of the first records covering most of it. Off-topic questions have none.
  const inDomain = input.onTopic || phrases.length > 0 || topCoverage >= MIN_COVERAGE;
  const tentative = inDomain && topCoverage >= TENTATIVE_COVERAGE && input.knownShare >= TENTATIVE_KNOWN_SHARE;
  return { grounded: false, tentative };
}
