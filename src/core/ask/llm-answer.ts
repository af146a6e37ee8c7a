/**
 * The LLM path: the retrieved records go to the model as numbered sources (`prompts/ask.md`),
 * the reply is zod-validated structured output (the answer and the numbers of the sources used),
 * and a citation is kept only when it names a retrieved source — its text always comes from the
 * record's metadata. Personal data is redacted before the call. Invalid output, a reply that
 * echoes the instructions, an error or a timeout gives the offline answer instead.
 */
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { LlmError } from '../llm/llm-error.js';
import { withLlmFallback } from '../llm/fallback.js';
import { redactPersonalData, restore } from '../privacy/redact.js';
import { leadLine } from './compose.js';
import type { AskEngine, Retrieval } from './engine.js';
import { lawsToday } from './legislation-today.js';
import type { Answer, AnswerPart, ConversationTurn } from './types.js';

/** Sources sent to the model. */
const MAX_SOURCES = 4;
/** Characters of one source's text (records are short; this bounds the prompt). */
const MAX_SOURCE_CHARS = 1800;
/** Reply budget: about 150 words of answer plus the JSON around it. */
const MAX_TOKENS = 450;

/** The model's reply: the answer text and the numbers of the sources it used. */
export const askReplySchema = z.object({
  answer: z.string().min(1).max(2500),
  sources: z.array(z.number().int()),
});

/** What the LLM path needs. */
export interface LlmAnswerInput {
  question: string;
  retrieval: Retrieval;
  /** The offline answer: the fallback, and the source of the deterministic parts (laws today). */
  offline: Answer;
  turn: ConversationTurn | null;
}

/**
 * Writes the answer with the LLM, or returns the offline answer when there is none or it fails.
 */
export async function answerWithLlm(input: LlmAnswerInput, deps: Pick<Deps, 'llm' | 'prompts'> & { ask: AskEngine }): Promise<Answer> {
  return withLlmFallback(
    deps.llm,
    'ask',
    async (llm) => {
      const engine = deps.ask;
      const sources = input.retrieval.hits.slice(0, MAX_SOURCES).map((hit) => engine.knowledge.record(hit.id)!);
      const numbered = sources.map((record, i) => `[${i + 1}] ${leadLine(record)}\n${record.text.slice(0, MAX_SOURCE_CHARS)}`).join('\n\n');
      const laws = lawsToday(engine.knowledge, input.question, sources.map((s) => s.id));
      const context = input.turn ? input.turn.records.slice(0, 2).map((id) => engine.knowledge.record(id)).filter((r) => r !== undefined).map((r) => leadLine(r)).join('; ') : '';
      const prompt = deps.prompts.get('ask');
      const redacted = redactPersonalData(input.question);
      const values = {
        question: redacted.text,
        sources: numbered,
        today: laws.length > 0 ? laws.map((law) => `- ${law.name}: ${law.today}`).join('\n') : '- (none)',
        context: context || '(none)',
      };
      const reply = await llm.structured({ prompt, values, schema: askReplySchema, schemaName: 'ask_answer', maxTokens: MAX_TOKENS, label: 'ask' });
      const used = [...new Set(reply.sources)].filter((n) => n >= 1 && n <= sources.length).map((n) => sources[n - 1]!.id);
      if (used.length === 0) throw new LlmError('invalid_output', 'the answer cited none of the retrieved sources');
      if (echoesInstructions(reply.answer, prompt.fill(values).system)) throw new LlmError('invalid_output', 'the answer repeated the instructions');
      // Best first, in retrieval order; law records from the register follow.
      const ordered = sources.map((s) => s.id).filter((id) => used.includes(id));
      // What applies today, for the records the answer actually rests on.
      const shownLaws = lawsToday(engine.knowledge, input.question, ordered).filter((law) => !ordered.includes(law.id));
      const lawIds = shownLaws.map((law) => law.id).filter((id) => engine.knowledge.record(id));
      const parts: AnswerPart[] = [
        { kind: 'lead', text: leadLine(engine.knowledge.record(ordered[0]!)!) },
        // Placeholders the model kept ("[NAME_1]") are put back only in what the learner sees.
        { kind: 'text', text: restore(reply.answer.trim(), redacted.replacements) },
        ...shownLaws.map((law): AnswerPart => ({ kind: 'law', text: `**Today** (${law.name}): ${law.brief}` })),
      ];
      return { ...input.offline, parts, citations: [...ordered, ...lawIds].map((id) => engine.knowledge.citation(id)), source: 'llm' as const };
    },
    () => input.offline,
  );
}

/** Words in a row that count as reciting the instructions. */
const ECHO_RUN = 8;

/**
 * True when the reply contains a run of eight or more words from the system instructions:
 * a model talked into reciting its prompt does not get to show it.
 */
export function echoesInstructions(answer: string, system: string): boolean {
  const runs = instructionRuns(system);
  const said = wordsOf(answer);
  for (let i = 0; i + ECHO_RUN <= said.length; i++) {
    if (runs.has(said.slice(i, i + ECHO_RUN).join(' '))) return true;
  }
  return false;
}

function wordsOf(value: string): string[] {
  return value.toLowerCase().match(/[a-z0-9']+/g) ?? [];
}

/**
 * Every run of eight words in the instructions, built once per instructions text: the system
 * message is the same for every answer, and rebuilding its ~700 runs for each reply was a
 * measurable share of an answer's CPU under load (docs/OPERATIONS.md).
 */
const runsBySystem = new Map<string, Set<string>>();
function instructionRuns(system: string): Set<string> {
  let runs = runsBySystem.get(system);
  if (!runs) {
    const words = wordsOf(system);
    runs = new Set();
    for (let i = 0; i + ECHO_RUN <= words.length; i++) runs.add(words.slice(i, i + ECHO_RUN).join(' '));
    // A few prompts at most; the bound only guards against a system text that varies per call.
    if (runsBySystem.size >= 16) runsBySystem.clear();
    runsBySystem.set(system, runs);
  }
  return runs;
}
