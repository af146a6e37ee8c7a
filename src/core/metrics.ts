/**
 * Prometheus metrics (prom-client). One registry per app instance, so tests and several apps in
 * one process never share counters. Labels are low-cardinality: surface, command, outcome, reason.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { waitingTurns } from './turns.js';

/** The app's metrics; features and adapters count through these. */
export interface Metrics {
  registry: Registry;
  /** Every command or button handled, by surface, name and outcome (ok, user_error, error, rate_limited). */
  requests: Counter<'surface' | 'command' | 'outcome'>;
  /** Time from dispatch to reply, seconds. */
  latency: Histogram<'surface' | 'command'>;
  /** LLM calls by outcome (ok, error) and failure reason. */
  llmCalls: Counter<'outcome' | 'reason'>;
  /** Times a feature answered offline because the LLM failed or was unavailable. */
  fallbacks: Counter<'feature' | 'reason'>;
  /** Platform events ignored because another delivery (retry or another instance) already claimed them. */
  dedupeHits: Counter<'surface'>;
  /** Requests refused by the per-user rate limit. */
  rateLimited: Counter<'surface'>;
}

/**
 * @param withDefaults also collect Node process metrics (memory, event loop lag); off in tests.
 */
export function createMetrics(withDefaults = false): Metrics {
  const registry = new Registry();
  if (withDefaults) collectDefaultMetrics({ register: registry, prefix: 'coach_' });
  const registers = [registry];
  // Answer steps queued behind acknowledgements (core/turns.ts): near zero unless the CPU is short.
  new Gauge({
    name: 'coach_answer_steps_waiting',
    help: 'Answer steps waiting for their turn behind acknowledgements',
    registers,
    collect() {
      this.set(waitingTurns());
    },
  });
  return {
    registry,
    requests: new Counter({ name: 'coach_requests_total', help: 'Commands and button clicks handled', labelNames: ['surface', 'command', 'outcome'], registers }),
    latency: new Histogram({
      name: 'coach_request_duration_seconds',
      help: 'Time to produce a reply',
      labelNames: ['surface', 'command'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
      registers,
    }),
    llmCalls: new Counter({ name: 'coach_llm_calls_total', help: 'LLM calls by outcome', labelNames: ['outcome', 'reason'], registers }),
    fallbacks: new Counter({ name: 'coach_fallbacks_total', help: 'Offline fallbacks after an LLM problem', labelNames: ['feature', 'reason'], registers }),
    dedupeHits: new Counter({ name: 'coach_dedupe_hits_total', help: 'Duplicate platform events ignored', labelNames: ['surface'], registers }),
    rateLimited: new Counter({ name: 'coach_rate_limited_total', help: 'Requests refused by the rate limit', labelNames: ['surface'], registers }),
  };
}
