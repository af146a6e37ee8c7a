/**
 * A question turned into what retrieval searches for: the learner's own terms (typos corrected,
 * fillers dropped), the vocabulary concepts that explain some of them, adjacent-term pairs, the
 * concepts' specification terms.
 */
import type { References } from './references.js';
import type { AskIndex, QueryTerm } from './search-index.js';
import type { ConceptMatch, Vocabulary } from './vocabulary.js';

/** Weight of a vocabulary term relative to the learner's own words. */
const EXPANSION_WEIGHT = 0.5;
/** Words that only carry a reference ("unit 3", "AC 2.2") and say nothing about the subject. */
const REFERENCE_WORDS = new Set(['unit', 'ac', 'lo', 'criterion', 'criteria', 'outcom', 'learn']);

/** The analysed question. */
export interface Query {
  /** The question's words with typos corrected, joined (for phrase and domain-word matching). */
  corrected: string;
  concepts: ConceptMatch[];
  /** Each of the learner's own terms with the concept phrases that explain it. */
  own: Map<string, ConceptMatch[]>;
  ownTerms: string[];
  /** Adjacent own terms ("protect characterist"), for the phrase bonus. */
  pairs: string[];
  /** The concepts' specification terms not already among the learner's. */
  expansion: string[];
  /** What is sent to the index, with weights. */
  terms: QueryTerm[];
}

/** What building a query needs. */
export interface QueryTools {
  vocabulary: Vocabulary;
  index: AskIndex;
}

/**
 * Analyses a question.
 * @param ignoreAssignmentWords also drop the words about the assignment itself (integrity requests)
 */
export function buildQuery(question: string, references: References, tools: QueryTools, ignoreAssignmentWords = false): Query {
  const { vocabulary, index } = tools;
  const text = vocabulary.text;
  const words = text.words(question);
  const corrected = words.map((word) => correctWord(word, tools)).join(' ');
  const concepts = vocabulary.concepts(corrected);
  // Which concept phrases explain each word of the question.
  const explainedBy = new Map<number, ConceptMatch[]>();
  for (const concept of concepts) for (let i = concept.start; i < concept.end; i++) explainedBy.set(i, [...(explainedBy.get(i) ?? []), concept]);

  const own = new Map<string, ConceptMatch[]>();
  const hasReference = references.unit !== null || references.ac !== null || references.lo !== null;
  // Weak words ("course") go only when something else is left: "tell me about the course" keeps it.
  const fillers = ignoreAssignmentWords ? vocabulary.assignmentFillers : vocabulary.fillers;
  const stems = words.map((word) => text.processTerm(word));
  const dropWeak = stems.some((stem) => stem !== null && !fillers.has(stem) && !vocabulary.weakWords.has(stem));
  words.forEach((word, position) => {
    const plain = stems[position];
    if (plain === null || plain === undefined || fillers.has(plain) || (dropWeak && vocabulary.weakWords.has(plain))) return;
    const stem = text.processTerm(correctWord(word, tools));
    const term = stem === null ? null : index.resolve(stem);
    if (!term || (hasReference && (REFERENCE_WORDS.has(term) || /^\d+$/.test(term)))) return;
    own.set(term, [...(own.get(term) ?? []), ...(explainedBy.get(position) ?? [])]);
  });
  const ownTerms = [...own.keys()];
  const pairs: string[] = [];
  let previous: string | null = null;
  for (const term of stems) {
    if (!term) continue;
    if (previous !== null && own.has(term) && own.has(previous)) pairs.push(`${previous} ${term}`);
    previous = term;
  }
  const expansion = [...new Set(concepts.flatMap((c) => text.terms(c.terms)))].filter((term) => !own.has(term));
  const terms: QueryTerm[] = [
    ...ownTerms.map((term) => ({ term, weight: 1 })),
    ...expansion.map((term) => ({ term, weight: EXPANSION_WEIGHT })),
  ];
  return { corrected, concepts, own, ownTerms, pairs, expansion, terms };
}

/**
 * A typo corrected to a word the knowledge base uses ("complant" → "complaint"), so phrases and
 * domain words still match; a word whose stem the knowledge base already uses is left alone.
 */
function correctWord(word: string, { vocabulary, index }: QueryTools): string {
  const stem = vocabulary.text.processTerm(word);
  return stem !== null && index.frequency(stem) > 0 ? word : index.correct(word);
}
