/**
 * Answers a learner's question: classify it (empty, too long, greeting, injection, integrity,
 * centre-specific), resolve follow-ups against the conversation, retrieve, then compose the
 * offline answer — or, with an LLM configured, let the model write from the retrieved sources and
 * fall back to the offline answer on any failure. Citations always come from record metadata.
 */
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../commands/types.js';
import type { Deps } from '../deps.js';
import { takeTurn } from '../turns.js';
import {
  centreSpecificParts,
  exampleWithoutContextParts,
  INTEGRITY_OPENING,
  INTEGRITY_TIPS,
  injectionParts,
  integrityGeneralParts,
  noFiguresParts,
  organisationRulesParts,
  promptParts,
  refusalParts,
  tooLongParts,
} from './canned.js';
import { composeAnswer, leadLine, type Composed } from './compose.js';
import { composeExamples, isExampleRequest } from './examples.js';
import { detectFollowUp, lastTurn, rememberTurn, type FollowUp } from './conversation.js';
import type { AskEngine, Retrieval, RetrieveOptions } from './engine.js';
import { classifyQuestion } from './intents.js';
import { MIN_COVERAGE, MIN_PHRASING_MATCH } from './grounding.js';
import { quizOffer } from './quiz-offer.js';
import { plainQuestion } from './markup.js';
import { answerWithLlm } from './llm-answer.js';
import { teachingCriterion } from './pairing.js';
import { semanticRerank } from './semantic.js';
import type { Answer, AnswerKind, AnswerPart, ConversationTurn } from './types.js';

/** What answering needs from the app's dependencies. */
export type AskDeps = Pick<Deps, 'stores' | 'logger' | 'clock' | 'config' | 'llm' | 'prompts'> & { ask: AskEngine };

/** Options for one answer. */
export interface AnswerOptions {
  /** Use the LLM when one is configured (default true); the evaluator and benchmark pass false. */
  useLlm?: boolean;
  /** Remember the turn for follow-ups (default true). */
  remember?: boolean;
}

/**
 * Answers one question in a conversation.
 * @example const answer = await answerQuestion('what does LASS stand for?', context, deps);
 */
export async function answerQuestion(question: string, context: CommandContext, deps: AskDeps, options: AnswerOptions = {}): Promise<Answer> {
  const started = performance.now();
  const answer = await decide(question, context, deps, options);
  deps.logger.info(
    { feature: 'ask', kind: answer.kind, grounded: answer.grounded, sources: answer.citations.map((c) => c.source), via: answer.source, ms: Math.round(performance.now() - started) },
    'question answered',
  );
  return answer;
}

/** The best record covers most of the question in its own words, or the question closely resembles one it answers. */
function clearlyCovered(retrieval: Retrieval): boolean {
  const best = retrieval.hits[0];
  return best !== undefined && (best.coverage >= MIN_COVERAGE || best.phrasing >= MIN_PHRASING_MATCH || retrieval.references.acronyms.some((a) => a.id === best.id));
}

async function decide(raw: string, context: CommandContext, deps: AskDeps, options: AnswerOptions): Promise<Answer> {
  const engine = deps.ask;
  // "<!channel> what is LASS?": chat markup typed into a question is text, not a subject.
  const question = plainQuestion(raw);
  const intent = classifyQuestion(question, engine.vocabulary);
  switch (intent.kind) {
    case 'empty':
      return fixed('empty', promptParts(null));
    case 'greeting':
      return fixed('greeting', promptParts(intent.thanks ? 'thanks' : 'hello'));
    case 'too-long':
      return fixed('too-long', tooLongParts(intent.length));
    case 'centre-specific':
      return fixed('centre-specific', centreSpecificParts());
    case 'figures':
      return fixed('no-figures', noFiguresParts());
    case 'organisation-rules':
      return fixed('organisation-rules', organisationRulesParts(intent.organisation));
    case 'quiz-request': {
      const offer = quizOffer(question, engine);
      return { ...fixed('quiz-offer', offer.parts), quiz: { unit: offer.unit } };
    }
    case 'injection':
      // The instruction changes nothing: answer what is left of the question, or decline.
      if (intent.rest === '') return fixed('injection', injectionParts());
      break;
    default:
      break;
  }
  const text = intent.kind === 'injection' ? intent.rest : question.trim();
  const turn = await lastTurn(context, deps);
  // Retrieval and the LLM request are the heaviest step of an answer: behind acknowledgements.
  await takeTurn();
  // "Can you give me an example?" is about the previous answer, or needs one.
  if (isExampleRequest(text)) return exampleAnswer(turn, context, deps, options);
  const references = engine.references(text);
  const followUp = detectFollowUp(text, turn, references);
  const ambiguous = references.ac !== null && references.unit === null && !turn?.unit ? criteriaNumbered(engine, references.ac) : [];
  const retrieval = retrieveFor(engine, text, turn, followUp, intent.kind === 'integrity');

  // "AC 2.2" alone: several units have one, so ask which (and remember them for "the first one").
  if (ambiguous.length > 1 && retrieval.ownTerms.length === 0) {
    const answer = whichUnit(engine, references.ac!, ambiguous, intent.kind === 'integrity');
    if (options.remember !== false) {
      await rememberTurn({ at: deps.clock.now(), records: ambiguous, unit: null, listed: ambiguous.map((id) => ({ text: id, record: id })) }, context, deps);
    }
    return answer;
  }
  if (intent.kind === 'integrity') return integrityAnswer(engine, text, retrieval);
  // After an instruction was removed, what is left must be a real question of its own, and clearly
  // about the course: a message that tried to change the rules gets no benefit of the doubt.
  const substantive = intent.kind !== 'injection' || retrieval.explicit || (retrieval.ownTerms.length >= 2 && clearlyCovered(retrieval));
  const tentative = !retrieval.grounded && retrieval.tentative && intent.kind !== 'injection';
  if ((!retrieval.grounded && !tentative) || retrieval.hits.length === 0 || !substantive) {
    return fixed(intent.kind === 'injection' ? 'injection' : 'refusal', intent.kind === 'injection' ? injectionParts() : refusalParts());
  }

  const ranked = options.useLlm === false ? retrieval : await semanticRerank(text, retrieval, deps);
  const composed = composeAnswer({
    engine,
    retrieval: ranked,
    question: text,
    focus: followUp?.kind === 'item' ? followUp.heading : null,
    more: followUp?.kind === 'more',
    tentative,
  });
  const offline = toAnswer(tentative ? 'tentative' : 'answer', composed, engine, 'offline');
  // A guess stays offline: its framing says it is a guess, which a model's fluent answer would hide.
  const answer = options.useLlm === false || tentative ? offline : await answerWithLlm({ question: text, retrieval: ranked, offline, turn }, deps);
  if (options.remember !== false) await rememberTurn(turnOf(answer, composed, engine, deps), context, deps);
  return answer;
}

/** The examples the specification gives for the previous answer's record (or its teaching criterion). */
async function exampleAnswer(turn: ConversationTurn | null, context: CommandContext, deps: AskDeps, options: AnswerOptions): Promise<Answer> {
  const engine = deps.ask;
  const previous = turn?.records[0];
  const id = previous ? (teachingCriterion(previous, engine.knowledge) ?? previous) : null;
  const record = id ? engine.knowledge.record(id) : undefined;
  if (!record) return fixed('clarify', exampleWithoutContextParts());
  const composed = composeExamples(engine.knowledge, record);
  const answer = toAnswer('answer', composed, engine, 'offline');
  if (options.remember !== false) await rememberTurn(turnOf(answer, composed, engine, deps), context, deps);
  return answer;
}

function retrieveFor(engine: AskEngine, text: string, turn: ConversationTurn | null, followUp: FollowUp | null, integrity: boolean): Retrieval {
  const base: RetrieveOptions = { context: turn, ignoreAssignmentWords: integrity };
  if (!followUp) return engine.retrieve(text, base);
  if (followUp.kind === 'item' || followUp.kind === 'more') return engine.retrieve(text, { ...base, force: followUp.record });
  const favoured = engine.retrieve(text, { ...base, favour: turn?.records ?? [] });
  // "how is it assessed?": too few words of its own to stand alone, so "it" is the last record.
  if (!favoured.explicit && favoured.ownTerms.length <= 2) return engine.retrieve(text, { ...base, force: followUp.record });
  return favoured;
}

function integrityAnswer(engine: AskEngine, text: string, retrieval: Retrieval): Answer {
  const criterion = retrieval.grounded ? retrieval.hits.slice(0, 3).find((hit) => engine.knowledge.record(hit.id)?.kind === 'criterion') : undefined;
  if (!criterion) return fixed('integrity', integrityGeneralParts());
  const focused: Retrieval = { ...retrieval, hits: [criterion] };
  const composed = composeAnswer({ engine, retrieval: focused, question: text, assessment: true });
  const answer = toAnswer('integrity', composed, engine, 'offline');
  answer.parts = [{ kind: 'text', text: INTEGRITY_OPENING }, ...answer.parts, { kind: 'examples', text: 'To write it yourself:', items: INTEGRITY_TIPS }];
  return answer;
}

function criteriaNumbered(engine: AskEngine, ac: string): string[] {
  return engine.knowledge.records.filter((record) => record.kind === 'criterion' && record.ac === ac).map((record) => record.id);
}

function whichUnit(engine: AskEngine, ac: string, ids: string[], integrity: boolean): Answer {
  const parts: AnswerPart[] = [
    ...(integrity ? [{ kind: 'text' as const, text: INTEGRITY_OPENING }] : []),
    { kind: 'text', text: `Several units have an AC ${ac}. Which one do you mean?` },
    { kind: 'examples', text: 'Say the unit, for example "Unit 1 AC ' + ac + '", or "the first one":', items: ids.map((id) => leadLine(engine.knowledge.record(id)!)) },
  ];
  return fixed(integrity ? 'integrity' : 'clarify', parts);
}

function fixed(kind: AnswerKind, parts: AnswerPart[]): Answer {
  return { id: newAnswerId(), kind, grounded: false, citations: [], parts, source: 'offline' };
}

function toAnswer(kind: AnswerKind, composed: Composed, engine: AskEngine, source: Answer['source']): Answer {
  return {
    id: newAnswerId(),
    kind,
    grounded: true,
    citations: composed.citations.map((id) => engine.knowledge.citation(id)),
    parts: composed.parts,
    source,
  };
}

function turnOf(answer: Answer, composed: Composed, engine: AskEngine, deps: Pick<Deps, 'clock'>): ConversationTurn {
  const records = answer.citations.map((c) => c.source);
  const unit = records.map((id) => engine.knowledge.record(id)?.unit ?? null).find((u) => u !== null) ?? null;
  return { at: deps.clock.now(), records, unit, listed: composed.listed };
}

/** A short opaque answer id (for feedback buttons). */
function newAnswerId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 16);
}
