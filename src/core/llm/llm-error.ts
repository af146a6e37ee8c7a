/**
 * The one error an LLM step throws, whatever went wrong, so a feature takes its offline path with
 * a single `catch`. `reason` is a stable code for logs and metrics; the message is for developers
 * and never contains prompt or completion text.
 */
import { isBrokenCircuitError, isTaskCancelledError } from 'cockatiel';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from 'openai/core/error';
import { ZodError } from 'zod';

/** Why an LLM step failed. */
export type LlmErrorReason =
  /** The step's time budget ran out (a slow or hanging endpoint). */
  | 'timeout'
  /** HTTP 429, after the one retry the budget allowed (if any). */
  | 'rate_limited'
  /** Any other HTTP error status (5xx after a retry, 4xx at once). */
  | 'http_error'
  /** The reply was not what we asked for: malformed JSON, wrong schema, truncated, empty. */
  | 'invalid_output'
  /** The model declined (a refusal or a content filter). */
  | 'refused'
  /** The circuit breaker is open: the endpoint failed repeatedly, so we did not call it. */
  | 'circuit_open'
  /** The endpoint could not be reached (connection refused, reset, DNS). */
  | 'network';

/** An LLM step failed; callers catch it and take their offline path. */
export class LlmError extends Error {
  constructor(
    readonly reason: LlmErrorReason,
    message: string,
    /** HTTP status, when the endpoint answered with an error. */
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LlmError';
  }
}

/** True for an {@link LlmError}. */
export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError;
}

/**
 * Maps anything thrown during a step to an {@link LlmError}. `budgetExpired` says whether our own
 * time budget ran out, which turns an abort into `timeout`.
 */
export function toLlmError(error: unknown, budgetExpired: boolean): LlmError {
  if (error instanceof LlmError) return error;
  if (isBrokenCircuitError(error)) return new LlmError('circuit_open', 'LLM circuit breaker is open; not calling the endpoint');
  if (isTaskCancelledError(error) || error instanceof APIUserAbortError || error instanceof APIConnectionTimeoutError || budgetExpired) {
    return new LlmError('timeout', 'LLM step ran out of time', null, { cause: error });
  }
  if (error instanceof APIConnectionError) return new LlmError('network', 'LLM endpoint unreachable', null, { cause: error });
  if (error instanceof APIError) {
    const status = error.status ?? null;
    return new LlmError(status === 429 ? 'rate_limited' : 'http_error', `LLM endpoint answered HTTP ${status ?? '?'}`, status, { cause: error });
  }
  if (error instanceof ContentFilterFinishReasonError) return new LlmError('refused', 'LLM reply stopped by the content filter');
  if (error instanceof LengthFinishReasonError) return new LlmError('invalid_output', 'LLM reply was cut off at the token limit');
  if (error instanceof ZodError) return new LlmError('invalid_output', 'LLM reply did not match the schema', null, { cause: error });
  if (error instanceof SyntaxError) return new LlmError('invalid_output', 'LLM reply was not valid JSON', null, { cause: error });
  return new LlmError('network', `LLM call failed: ${error instanceof Error ? error.name : typeof error}`, null, { cause: error });
}

/**
 * Whether a raw error is worth one retry: rate limits, server errors and connection problems.
 * Bad requests, auth errors and bad output would fail the same way again.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIConnectionError) return true;
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    return status === 408 || status === 409 || status === 429 || status >= 500;
  }
  return false;
}

/**
 * Whether a raw error says the endpoint itself is failing, so it counts towards opening the
 * circuit breaker: retryable failures, timeouts, and auth or routing errors that no retry fixes.
 * Bad output and bad requests do not count (the endpoint is up; the fault is in one exchange).
 */
export function isEndpointFailure(error: unknown): boolean {
  if (error instanceof APIUserAbortError || isTaskCancelledError(error)) return true;
  if (isRetryable(error)) return true;
  return error instanceof APIError && [401, 403, 404].includes(error.status ?? 0);
}

/**
 * The wait the endpoint asked for before retrying, in ms (`retry-after-ms`, or `retry-after` in
 * seconds or as an HTTP date), or null when it did not say.
 */
export function retryAfterMs(error: unknown, now: number): number | null {
  if (!(error instanceof APIError) || !error.headers) return null;
  const ms = Number(error.headers.get('retry-after-ms'));
  if (error.headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const header = error.headers.get('retry-after');
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
