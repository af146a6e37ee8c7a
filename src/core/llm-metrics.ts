/**
 * Counts what the LLM client reports (`llm.onEvent`) in the app's Prometheus metrics: calls by
 * outcome and failure reason, retries, the circuit opening, and offline fallbacks by feature.
 * Labels are the client's stable reasons and feature labels, never prompt text.
 */
import type { Llm } from './llm/types.js';
import type { Metrics } from './metrics.js';

/**
 * Subscribes the metrics to the client's events; returns the unsubscribe function.
 * @example if (deps.llm) wireLlmMetrics(deps.llm, deps.metrics);
 */
export function wireLlmMetrics(llm: Llm, metrics: Metrics): () => void {
  return llm.onEvent((event) => {
    const reason = event.reason ?? 'none';
    switch (event.kind) {
      case 'call':
        metrics.llmCalls.inc({ outcome: 'ok', reason });
        break;
      case 'error':
      case 'retry':
      case 'circuit_open':
        metrics.llmCalls.inc({ outcome: event.kind, reason });
        break;
      case 'fallback':
        metrics.fallbacks.inc({ feature: event.label, reason });
        break;
    }
  });
}
