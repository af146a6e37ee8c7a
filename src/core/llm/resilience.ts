/**
 * Our own limits around every LLM request, built from cockatiel policies rather than hand-written
 * loops: one time budget for the whole step (retries included), at most one retry for retryable
 * failures, and a circuit breaker shared by all steps so a failing endpoint is not called again
 * for a while and users get the offline path at once.
 *
 * Order (outermost first): budget → retry → breaker → request. The breaker therefore sees each
 * attempt, and a request aborted by the budget counts as a failure of the endpoint.
 */
import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  wrap,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import type { Clock } from '../clock.js';
import { isEndpointFailure, isRetryable, retryAfterMs } from './llm-error.js';

/** Circuit-breaker settings; tests shorten `halfOpenAfterMs`. */
export interface BreakerOptions {
  /** Consecutive endpoint failures that open the circuit (default 3). */
  threshold?: number;
  /** How long the circuit stays open before one trial call is let through (default 30 s). */
  halfOpenAfterMs?: number;
}

/** What the breaker reports, for events and logs. */
export interface BreakerHooks {
  onBreak(error: unknown): void;
  onReset(): void;
}

/** Runs one LLM step under the limits. */
export interface StepRunner {
  /**
   * Runs `request` (given the AbortSignal it must pass to the HTTP call) within the budget.
   * Rejects with whatever the last attempt threw, or cockatiel's TaskCancelledError /
   * BrokenCircuitError; the client maps them to an LlmError. `onRetry` hears of the retry, if any.
   */
  run<T>(request: (signal: AbortSignal) => Promise<T>, onRetry: (error: unknown, delayMs: number) => void): Promise<T>;
  /** The breaker's state, for logs and tests. */
  readonly circuit: 'closed' | 'open' | 'half-open';
}

/** Retry delay when the endpoint gives no `retry-after`: short, with jitter so instances spread out. */
const DEFAULT_RETRY_DELAY_MS = 200;
const RETRY_JITTER_MS = 100;

/**
 * Creates the runner. One runner (and so one breaker) per LLM client.
 * @example const steps = createStepRunner(15_000, {}, clock, hooks); await steps.run((signal) => client.chat.completions.create(body, { signal }), onRetry);
 */
export function createStepRunner(budgetMs: number, breakerOptions: BreakerOptions, clock: Clock, hooks: BreakerHooks): StepRunner {
  const breaker: CircuitBreakerPolicy = circuitBreaker(handleWhen(isEndpointFailure), {
    halfOpenAfter: breakerOptions.halfOpenAfterMs ?? 30_000,
    breaker: new ConsecutiveBreaker(breakerOptions.threshold ?? 3),
  });
  breaker.onBreak((failure) => hooks.onBreak('error' in failure ? failure.error : failure));
  breaker.onReset(() => hooks.onReset());

  const askedWait = (error: unknown) => retryAfterMs(error, clock.now());
  const longestWait = (error: unknown) => askedWait(error) ?? DEFAULT_RETRY_DELAY_MS + RETRY_JITTER_MS;
  const waitFor = (error: unknown) => askedWait(error) ?? DEFAULT_RETRY_DELAY_MS + Math.random() * RETRY_JITTER_MS;

  return {
    get circuit() {
      const state = breaker.state;
      return state === CircuitState.Closed ? 'closed' : state === CircuitState.HalfOpen ? 'half-open' : 'open';
    },
    run<T>(request: (signal: AbortSignal) => Promise<T>, onRetry: (error: unknown, delayMs: number) => void): Promise<T> {
      const deadline = performance.now() + budgetMs;
      // Retry only when the wait leaves at least as much time again for the second attempt:
      // a long retry-after is not honoured by waiting past the budget, we give up instead.
      // Nor when that failure has just opened the circuit: the retry would only be refused.
      const worthRetrying = handleWhen(
        (error) => isRetryable(error) && breaker.state === CircuitState.Closed && longestWait(error) <= (deadline - performance.now()) / 2,
      );
      const oneRetry = retry(worthRetrying, {
        maxAttempts: 1,
        backoff: new DelegateBackoff((context) => waitFor('error' in context.result ? context.result.error : undefined)),
      });
      oneRetry.onRetry((event) => onRetry('error' in event ? event.error : undefined, event.delay));
      const budget = timeout(budgetMs, TimeoutStrategy.Aggressive);
      return wrap(budget, oneRetry, breaker).execute(({ signal }) => request(signal));
    },
  };
}
