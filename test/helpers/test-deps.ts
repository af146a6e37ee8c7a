/**
 * Real in-memory dependencies for tests: a memory store that really stores (TTLs included), a
 * manual clock, a silent logger and the embedded-default configuration with no LLM.
 */
import { ManualClock } from '../../src/core/clock.js';
import { loadConfig } from '../../src/core/config.js';
import { createAskEngine, type AskEngine } from '../../src/core/ask/engine.js';
import { loadVocabulary } from '../../src/core/ask/vocabulary.js';
import type { Deps } from '../../src/core/deps.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge/index.js';
import { createLlm } from '../../src/core/llm/create-llm.js';
import { PROMPT_DEFINITIONS } from '../../src/core/llm/prompt-definitions.js';
import { createPromptRegistry } from '../../src/core/llm/prompt-registry.js';
import { silentLogger } from '../../src/core/logger.js';
import { createMetrics } from '../../src/core/metrics.js';
import { createRateLimiter } from '../../src/core/rate-limit.js';
import { createStores } from '../../src/core/store/create-stores.js';
import { guardStores } from '../../src/core/store/guarded-stores.js';
import { wireLlmMetrics } from '../../src/core/llm-metrics.js';

// Loaded once per test file: it is read-only, and loading it for every test would add up.
let knowledge: KnowledgeBase | undefined;
let ask: AskEngine | undefined;

export interface TestDeps extends Deps {
  clock: ManualClock;
}

/**
 * @example const deps = await testDeps(); const reply = await runCommand('help', {}, context, deps);
 * @param env extra environment for the configuration (e.g. OPENAI_API_KEY for LLM tests)
 */
export async function testDeps(overrides: Partial<Deps> = {}, env: Record<string, string> = {}): Promise<TestDeps> {
  const config = loadConfig({
    // A high rate limit so tests that send many requests are not throttled; rate-limit tests lower it.
    env: { STORE_URL: 'memory://', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '10000', ...env },
  });
  // Guarded as in production: store failures are bounded and typed (StoreUnavailableError).
  const stores = guardStores(overrides.stores ?? (await createStores('memory://')));
  const clock = new ManualClock();
  const logger = silentLogger();
  const metrics = createMetrics();
  // Null unless the env carries a key: `testDeps({}, fake.env())` talks to the fake OpenAI server.
  const llm = createLlm(config.llm, { logger, clock });
  if (llm) wireLlmMetrics(llm, metrics);
  return {
    config,
    clock,
    logger,
    metrics,
    rateLimiter: createRateLimiter(stores, config.limits.ratePerMinute),
    llm,
    prompts: createPromptRegistry(PROMPT_DEFINITIONS),
    knowledge: (knowledge ??= loadKnowledgeBase()),
    ask: (ask ??= createAskEngine((knowledge ??= loadKnowledgeBase()), loadVocabulary())),
    ...overrides,
    stores,
  } as TestDeps;
}

/** A request context for tests; override what the test is about. */
export function testContext(overrides: Partial<import('../../src/core/commands/types.js').CommandContext> = {}) {
  return {
    surface: 'terminal' as const,
    userId: 'terminal:learner-1',
    scopeId: 'terminal:class-1',
    channelId: 'terminal:class-1:general',
    conversationId: 'terminal:conversation-1',
    isAdmin: false,
    ...overrides,
  };
}
