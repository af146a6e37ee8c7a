/**
 * The LLM client factory over the `openai` package, for any OpenAI-compatible endpoint (OpenAI,
 * Azure OpenAI's v1 API, Ollama, vLLM) using chat completions.
 *
 * The package's own limits (a 10-minute timeout, two retries) are switched off; ours come from
 * `resilience.ts`. Logs carry ids, model, timings, token counts and error reasons — never prompt
 * or completion text.
 */
import { OpenAI } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { z } from 'zod';
import { apiFetch } from '../api-fetch.js';
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { takeTurn } from '../turns.js';
import { LlmError, toLlmError, type LlmErrorReason } from './llm-error.js';
import type { FilledPrompt } from './prompt-registry.js';
import { createStepRunner, type BreakerOptions } from './resilience.js';
import type { Llm, LlmEvent, LlmOperation, StructuredRequest, TextRequest } from './types.js';

/** Options for {@link createLlm}. */
export interface CreateLlmOptions {
  logger: Logger;
  clock?: Clock;
  /** Circuit-breaker settings (tests shorten the half-open delay). */
  breaker?: BreakerOptions;
}

/**
 * zodResponseFormat converts the schema to JSON Schema on every call (about 0.2 ms, a measurable
 * share of an answer under load); a schema never changes, so each is converted once per name.
 */
const formats = new WeakMap<z.ZodType, Map<string, ReturnType<typeof zodResponseFormat>>>();
function responseFormat(schema: z.ZodType, name: string): ReturnType<typeof zodResponseFormat> {
  let byName = formats.get(schema);
  if (!byName) formats.set(schema, (byName = new Map()));
  let format = byName.get(name);
  if (!format) byName.set(name, (format = zodResponseFormat(schema, name)));
  return format;
}

/** Most tokens any one reply may ask for; a guard against a typo sending 100000. */
export const MAX_REPLY_TOKENS = 8192;
/** Texts per embeddings request. */
export const EMBEDDING_BATCH_SIZE = 64;
/** Characters of one text sent for embedding (longer texts are cut; records are far shorter). */
export const MAX_EMBEDDING_CHARS = 8000;

type Usage = { prompt_tokens?: number; completion_tokens?: number } | null | undefined;

/**
 * Creates the client, or returns null when no key is configured (then no LLM is used anywhere).
 * @example const llm = createLlm(config.llm, { logger }); if (llm) … else offline
 */
export function createLlm(settings: Config['llm'], options: CreateLlmOptions): Llm | null {
  if (!settings || settings.apiKey.trim() === '') return null;
  const config = settings;
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseUrl ?? null,
    maxRetries: 0,
    timeout: config.timeoutMs,
    // undici's request() rather than Node's fetch: about half the CPU per call (core/api-fetch.ts).
    fetch: apiFetch,
    // Azure OpenAI's v1 API reads the key from `api-key`; other endpoints ignore the header.
    ...(isAzure(config.baseUrl) && { defaultHeaders: { 'api-key': config.apiKey } }),
  });
  const limitField = tokenLimitField(config.baseUrl);
  const listeners = new Set<(event: LlmEvent) => void>();
  const emit = (event: LlmEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logger.warn({ err: error }, 'llm event listener failed');
      }
    }
  };

  const steps = createStepRunner(config.timeoutMs, options.breaker ?? {}, clock, {
    onBreak: (error) => {
      const reason = toLlmError(error, false).reason;
      logger.warn({ llmReason: reason, model: config.model }, 'llm circuit opened: using offline paths until it recovers');
      emit({ kind: 'circuit_open', reason, ms: 0, operation: null, label: 'llm' });
    },
    onReset: () => logger.info({ model: config.model }, 'llm circuit closed'),
  });

  /** Runs one step, logging and reporting it, and turning any failure into an LlmError. */
  async function step<T>(operation: LlmOperation, label: string, run: (signal: AbortSignal) => Promise<{ value: T; id?: string; usage?: Usage }>): Promise<T> {
    const started = performance.now();
    const model = operation === 'embed' ? config.embeddingModel : config.model;
    const onRetry = (error: unknown, delayMs: number) => {
      const reason = toLlmError(error, false).reason;
      logger.info({ llm: label, op: operation, model, llmReason: reason, delayMs: Math.round(delayMs) }, 'llm retry');
      emit({ kind: 'retry', reason, ms: Math.round(delayMs), operation, label });
    };
    try {
      const result = await steps.run(run, onRetry);
      const ms = elapsed(started);
      logger.info(
        { llm: label, op: operation, model, id: result.id, ms, tokensIn: result.usage?.prompt_tokens, tokensOut: result.usage?.completion_tokens },
        'llm call',
      );
      emit({ kind: 'call', reason: null, ms, operation, label });
      // What the feature does with the reply (checks, composing the answer) waits its turn behind
      // acknowledgements: many replies can arrive together (core/turns.ts).
      await takeTurn();
      return result.value;
    } catch (error) {
      const ms = elapsed(started);
      const failure = toLlmError(error, ms >= config.timeoutMs);
      logger.warn({ llm: label, op: operation, model, ms, llmReason: failure.reason, status: failure.status ?? undefined }, 'llm call failed');
      emit({ kind: 'error', reason: failure.reason, ms, operation, label });
      throw failure;
    }
  }

  const messages = (filled: FilledPrompt) => [
    { role: 'system' as const, content: filled.system },
    { role: 'user' as const, content: filled.user },
  ];

  return {
    model: config.model,
    embeddingModel: config.embeddingModel ?? null,
    get circuit() {
      return steps.circuit;
    },

    async structured<Schema extends z.ZodType>(request: StructuredRequest<Schema>): Promise<z.infer<Schema>> {
      const filled = request.prompt.fill(request.values);
      const body = {
        model: config.model,
        messages: messages(filled),
        response_format: responseFormat(request.schema, request.schemaName),
        [limitField]: checkedTokens(request.maxTokens),
      };
      return step('structured', request.label ?? request.prompt.name, async (signal) => {
        const completion = await client.chat.completions.parse(body, { signal });
        const message = completion.choices[0]?.message;
        if (message?.refusal) throw new LlmError('refused', 'the model refused');
        if (message?.parsed === null || message?.parsed === undefined) throw new LlmError('invalid_output', 'the reply had no parsable content');
        return { value: message.parsed as z.infer<Schema>, id: completion.id, usage: completion.usage };
      });
    },

    async text(request: TextRequest): Promise<string> {
      const filled = request.prompt.fill(request.values);
      const body = { model: config.model, messages: messages(filled), [limitField]: checkedTokens(request.maxTokens) };
      return step('text', request.label ?? request.prompt.name, async (signal) => {
        if (request.stream) return readStream(await client.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }, { signal }));
        const completion = await client.chat.completions.create({ ...body, stream: false }, { signal });
        const choice = completion.choices[0];
        return { value: textOf(choice?.message.content, choice?.message.refusal, choice?.finish_reason), id: completion.id, usage: completion.usage };
      });
    },

    async embed(texts: string[], embedOptions: { label?: string } = {}): Promise<number[][]> {
      const embeddingModel = config.embeddingModel;
      if (!embeddingModel) throw new Error('No embeddings model is configured (OPENAI_EMBEDDING_MODEL); check llm.embeddingModel first');
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += EMBEDDING_BATCH_SIZE) {
        const batch = texts.slice(start, start + EMBEDDING_BATCH_SIZE).map((t) => t.slice(0, MAX_EMBEDDING_CHARS));
        const result = await step('embed', embedOptions.label ?? 'embed', async (signal) => {
          // 'float' explicitly: the package would otherwise ask for base64, which some servers lack.
          const response = await client.embeddings.create({ model: embeddingModel, input: batch, encoding_format: 'float' }, { signal });
          return { value: orderedVectors(response.data, batch.length), usage: response.usage as Usage };
        });
        vectors.push(...result);
      }
      return vectors;
    },

    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    reportFallback(label: string, reason: LlmErrorReason, ms: number) {
      logger.info({ llm: label, llmReason: reason, ms }, 'llm fallback to offline answer');
      emit({ kind: 'fallback', reason, ms, operation: null, label });
    },
  };
}

/** Assembles a streamed completion (SSE chunks) into one text. */
async function readStream(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>): Promise<{ value: string; id?: string; usage?: Usage }> {
  let content = '';
  let refusal = '';
  let finish: string | null | undefined;
  let id: string | undefined;
  let usage: Usage;
  for await (const chunk of stream) {
    id ??= chunk.id;
    usage = chunk.usage ?? usage;
    const choice = chunk.choices[0];
    content += choice?.delta.content ?? '';
    refusal += choice?.delta.refusal ?? '';
    finish = choice?.finish_reason ?? finish;
  }
  return { value: textOf(content, refusal || null, finish), id, usage };
}

function textOf(content: string | null | undefined, refusal: string | null | undefined, finish: string | null | undefined): string {
  if (refusal || finish === 'content_filter') throw new LlmError('refused', 'the model refused');
  const text = (content ?? '').trim();
  if (text === '') throw new LlmError('invalid_output', 'the reply was empty');
  return text;
}

function orderedVectors(data: Array<{ index: number; embedding: unknown }>, expected: number): number[][] {
  const sorted = [...data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
  const valid =
    sorted.length === expected &&
    sorted.every((v): v is number[] => Array.isArray(v) && v.length > 0 && v.length === (sorted[0] as unknown[]).length && v.every(Number.isFinite));
  if (!valid) throw new LlmError('invalid_output', 'the embeddings reply did not have one vector per text');
  return sorted;
}

function checkedTokens(maxTokens: number): number {
  if (!Number.isInteger(maxTokens) || maxTokens < 1 || maxTokens > MAX_REPLY_TOKENS) {
    throw new RangeError(`maxTokens must be a whole number from 1 to ${MAX_REPLY_TOKENS}`);
  }
  return maxTokens;
}

function isAzure(baseUrl: string | undefined): boolean {
  return baseUrl !== undefined && /\.openai\.azure\.com$|\.cognitiveservices\.azure\.com$/i.test(new URL(baseUrl).hostname);
}

/**
 * OpenAI and Azure want `max_completion_tokens` (their reasoning models reject `max_tokens`);
 * Ollama, vLLM and other compatible servers understand `max_tokens`.
 */
export function tokenLimitField(baseUrl: string | undefined): 'max_tokens' | 'max_completion_tokens' {
  if (baseUrl === undefined || isAzure(baseUrl) || new URL(baseUrl).hostname === 'api.openai.com') return 'max_completion_tokens';
  return 'max_tokens';
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
