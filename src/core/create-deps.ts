/**
 * Builds the dependencies the app runs with, from the configuration. Entry points (`npm start`,
 * `coach …`) call this once; tests build theirs with `test/helpers/test-deps.ts`.
 */
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { Deps } from './deps.js';
import { createAskEngine } from './ask/engine.js';
import { loadVocabulary } from './ask/vocabulary.js';
import { loadKnowledgeBase } from './knowledge/index.js';
import { PROMPT_DEFINITIONS } from './llm/prompt-definitions.js';
import { createPromptRegistry } from './llm/prompt-registry.js';
import { wireLlmMetrics } from './llm-metrics.js';
import { createServerLogger, type Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createRateLimiter } from './rate-limit.js';
import { createStores } from './store/create-stores.js';
import { guardStores } from './store/guarded-stores.js';

export interface CreateDepsOptions {
  logger?: Logger;
  clock?: Clock;
}

/**
 * Opens the stores and loads everything else the features need.
 * @example const deps = await createDeps(loadConfig()); … await deps.stores.close();
 */
export async function createDeps(config: Config, options: CreateDepsOptions = {}): Promise<Deps> {
  // The CLI passes its own (synchronous) logger; servers write their logs asynchronously.
  const logger = options.logger ?? createServerLogger(config.logLevel);
  // Prompts are checked before the store opens, so a broken prompt file stops start-up cleanly.
  const prompts = createPromptRegistry(PROMPT_DEFINITIONS);
  const knowledge = loadKnowledgeBase();
  const ask = createAskEngine(knowledge, loadVocabulary());
  const clock = options.clock ?? systemClock;
  // Bounded and typed store failures: ask and review keep answering when the store is out.
  const stores = guardStores(await createStores(config.store.url), { logger });
  const metrics = createMetrics(true);
  // The openai SDK (about 20 MB resident) loads only when an LLM is configured: offline is the default.
  const llm = config.llm ? (await import('./llm/create-llm.js')).createLlm(config.llm, { logger, clock }) : null;
  if (llm) wireLlmMetrics(llm, metrics);
  return {
    config,
    stores,
    clock,
    logger,
    metrics,
    rateLimiter: createRateLimiter(stores, config.limits.ratePerMinute),
    llm,
    prompts,
    knowledge,
    ask,
  };
}
