/**
 * The dependencies every feature receives. Features are `(input, deps) => result`; tests pass
 * real in-memory parts (memory stores, a manual clock) rather than mocks that do not store.
 */
import type { AskEngine } from './ask/engine.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { KnowledgeBase } from './knowledge/index.js';
import type { Llm } from './llm/types.js';
import type { PromptRegistry } from './llm/prompt-registry.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { RateLimiter } from './rate-limit.js';
import type { Stores } from './store/create-stores.js';

export interface Deps {
  config: Config;
  stores: Stores;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  rateLimiter: RateLimiter;
  /** The LLM client, or null when no key is configured: then every feature answers offline. */
  llm: Llm | null;
  /** The registered prompts, loaded and checked at start-up. */
  prompts: PromptRegistry;
  /** The knowledge base (specification, topic notes, curated registers), loaded and checked at start-up. */
  knowledge: KnowledgeBase;
  /** Ask's retrieval engine (index and learner vocabulary), built once at start-up from the knowledge base. */
  ask: AskEngine;
}
