/**
 * Shapes shared across the Ask feature. `AskKnowledge` is the part of the knowledge base Ask
 * reads, so Ask depends on no more than it uses.
 */
import type { GlossaryEntry, KnowledgeRecord, LegislationEntry } from '../knowledge/types.js';
import type { Citation } from '../reply.js';

/** The part of the knowledge base Ask uses. */
export interface AskKnowledge {
  /** Content hash of the knowledge base (keys the embeddings cache). */
  version: string;
  records: KnowledgeRecord[];
  record(id: string): KnowledgeRecord | undefined;
  /** The citation of a record, built from its metadata only. */
  citation(id: string): Citation;
  glossary: GlossaryEntry[];
  legislation: LegislationEntry[];
}

/** What kind of answer was given; logged and returned as data so surfaces and the evaluator can tell. */
export type AnswerKind =
  | 'answer'
  /** The closest match to a question about the course that retrieval was not sure of, framed as a guess with alternatives. */
  | 'tentative'
  /** A clarifying question ("which unit's AC 2.2?"). */
  | 'clarify'
  | 'integrity'
  | 'refusal'
  | 'off-topic'
  | 'centre-specific'
  | 'injection'
  | 'empty'
  | 'too-long'
  | 'greeting'
  /** "Quiz me on unit 3": an offer to start a quiz (see `quiz`). */
  | 'quiz-offer'
  /** A pay rate, statistic or opening time: the specification holds no figures like that. */
  | 'no-figures'
  /** A named organisation's own policy, prices or rules ("Primark's returns policy"): not in the specification. */
  | 'organisation-rules';

/** One part of an answer's body, kept as data so every surface can render it. */
export interface AnswerPart {
  kind: 'lead' | 'point' | 'note' | 'verb' | 'law' | 'text' | 'examples' | 'related';
  text: string;
  items?: string[];
}

/** An answer, before it becomes a Reply. */
export interface Answer {
  /** Opaque id, used by the feedback buttons. */
  id: string;
  kind: AnswerKind;
  /** True when the answer is grounded in cited records. */
  grounded: boolean;
  /** Best first; empty when not grounded. */
  citations: Citation[];
  parts: AnswerPart[];
  /** Which path wrote the text: the offline composer or the LLM. */
  source: 'offline' | 'llm';
  /** A quiz to offer with a start button (kind `quiz-offer`); null is every unit. */
  quiz?: { unit: number | null };
}

/** A turn remembered for follow-ups: ids and knowledge-base text only, never the question. */
export interface ConversationTurn {
  at: number;
  /** Cited record ids, best first. */
  records: string[];
  /** The unit the turn was about, if any. */
  unit: number | null;
  /** The numbered things the answer listed (for "the second one"): the text and its record. */
  listed: Array<{ text: string; record: string }>;
}
