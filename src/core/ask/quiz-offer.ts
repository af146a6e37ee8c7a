/**
 * "Quiz me on unit 3", "give me a quiz on complaints": the learner wants a quiz, not an answer
 * about quizzes. The offer names the unit (from an explicit reference, else from the record the
 * topic retrieves, when retrieval is sure of it) and the Reply carries a button that starts it.
 */
import type { AskEngine } from './engine.js';
import type { AnswerPart } from './types.js';

/** Questions in an offered quiz: the quiz command's default. */
export const OFFERED_QUIZ_LENGTH = 5;

/** Words of the request itself, removed before looking for a topic ("quiz me on complaints"). */
const REQUEST_WORDS =
  /\b(quiz(?:zes)?|tests?|testing|practi[cs]e|questions?|me|us|please|pls|plz|give|can|could|you|do|lets|let's|start|another|some|my|our|knowledge|on|about|a|an|i|we|have|set|up|to|for|the)\b/gi;

/**
 * The unit to offer and the offer's text.
 * @example quizOffer('quiz me on unit 3', engine).unit // 3
 */
export function quizOffer(question: string, engine: AskEngine): { unit: number | null; parts: AnswerPart[] } {
  const units = engine.knowledge.records.filter((record) => record.kind === 'unit');
  const asked = unitAskedFor(question, engine);
  const unit = units.find((record) => record.unit === asked);
  const scope = unit ? `questions on Unit ${unit.unit} — ${unit.title}` : `questions from all ${units.length} units`;
  return {
    unit: unit?.unit ?? null,
    parts: [
      { kind: 'text', text: `Happy to! Here's a quiz of ${OFFERED_QUIZ_LENGTH} ${scope}, each with its explanation and source.` },
      { kind: 'text', text: `Press **Start a quiz** below, or use ${unit ? `/quiz ${unit.unit}` : '/quiz (/quiz 3 for Unit 3 only)'} any time. Questions you get wrong come back later, when they are due.` },
    ],
  };
}

function unitAskedFor(question: string, engine: AskEngine): number | null {
  const explicit = engine.references(question).unit;
  if (explicit !== null) return explicit;
  const topic = question.replace(REQUEST_WORDS, ' ').replace(/\s+/g, ' ').trim();
  if (topic === '') return null;
  const retrieval = engine.retrieve(topic);
  if (!retrieval.grounded) return null;
  // The best record may be a glossary entry or a law (no unit): take the best one in a unit.
  const units = retrieval.hits.slice(0, 3).map((hit) => engine.knowledge.record(hit.id)?.unit ?? null);
  return units.find((unit) => unit !== null) ?? null;
}
