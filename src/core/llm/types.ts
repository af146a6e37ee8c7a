/**
 * The LLM client's public shape. Features receive `deps.llm: Llm | null` (null when no key is
 * configured: then no LLM is used anywhere) and call one of three methods; every failure is one
 * {@link LlmError} with a stable `reason`, so the offline path is a single `catch`.
 */
import type { z } from 'zod';
import type { LlmErrorReason } from './llm-error.js';
import type { Prompt, PromptValues } from './prompt-registry.js';

/** Which method made a call. */
export type LlmOperation = 'structured' | 'text' | 'embed';

/**
 * What the client reports, for metrics (issue 8 subscribes with `llm.onEvent`):
 * - `call`: a step succeeded (`ms` = the whole step, retries included);
 * - `retry`: a retry was scheduled (`ms` = the wait before it);
 * - `error`: a step failed with `reason`;
 * - `circuit_open`: the breaker opened after repeated endpoint failures;
 * - `fallback`: a feature answered offline after an LLM failure (see {@link withLlmFallback}).
 */
export interface LlmEvent {
  kind: 'call' | 'retry' | 'error' | 'circuit_open' | 'fallback';
  /** Why, for `retry`, `error`, `circuit_open` and `fallback`; null for `call`. */
  reason: LlmErrorReason | null;
  ms: number;
  operation: LlmOperation | null;
  /** The feature that asked, e.g. "ask" (defaults to the prompt name). */
  label: string;
}

/** A structured-output request: a registered prompt, its values and the zod schema of the reply. */
export interface StructuredRequest<Schema extends z.ZodType> {
  /** From `deps.prompts.get('name')`. */
  prompt: Prompt;
  values: PromptValues;
  /** The reply's shape. Use `.nullable()`, never `.optional()` (OpenAI's strict schemas reject it). */
  schema: Schema;
  /** Name of the schema sent to the model, e.g. "answer" (letters, digits, _ and -). */
  schemaName: string;
  /** Upper bound on the reply's tokens (sent as max_tokens / max_completion_tokens). */
  maxTokens: number;
  /** Label for logs and metrics; defaults to the prompt's name. */
  label?: string;
}

/** A plain-text request. */
export interface TextRequest {
  prompt: Prompt;
  values: PromptValues;
  maxTokens: number;
  /** Ask the endpoint to stream (SSE) and assemble the text; the budget covers the whole stream. */
  stream?: boolean;
  label?: string;
}

/** The LLM client. */
export interface Llm {
  /** The chat model every call uses. */
  readonly model: string;
  /** The embeddings model, or null when none is configured (then do not call `embed`). */
  readonly embeddingModel: string | null;
  /**
   * Asks for a reply matching `schema` and returns it parsed.
   * @example
   * const result = await deps.llm.structured({
   *   prompt: deps.prompts.get('ask'), values: { question, sources },
   *   schema: z.object({ answer: z.string(), sources: z.array(z.number()) }),
   *   schemaName: 'answer', maxTokens: 500,
   * });
   * @throws LlmError timeout | rate_limited | http_error | invalid_output | refused | circuit_open | network
   */
  structured<Schema extends z.ZodType>(request: StructuredRequest<Schema>): Promise<z.infer<Schema>>;
  /** A plain completion's text. @throws LlmError */
  text(request: TextRequest): Promise<string>;
  /**
   * Embeds texts (in batches, each under the same limits), returning one vector per text in order.
   * @throws LlmError; Error when no embeddings model is configured.
   */
  embed(texts: string[], options?: { label?: string }): Promise<number[][]>;
  /** Subscribes to events; returns the function that unsubscribes. */
  onEvent(listener: (event: LlmEvent) => void): () => void;
  /** Records that a feature answered offline after `reason` (used by {@link withLlmFallback}). */
  reportFallback(label: string, reason: LlmErrorReason, ms: number): void;
  /** The circuit breaker's state: 'open' means calls fail fast with `circuit_open`. */
  readonly circuit: 'closed' | 'open' | 'half-open';
}
