/**
 * What the `review` command and the CLI call: the rule-based review, plus — only when an LLM is
 * configured — extra tone observations and a rewrite from the model (see llm-review.ts). Logs hold
 * rule ids, counts and timings only; the draft is never logged or stored.
 */
import type { Deps } from '../deps.js';
import type { ReviewOptions } from './channel.js';
import { review } from './engine.js';
import { llmSuggestions } from './llm-review.js';
import type { Review } from './types.js';

/** The parts of the dependencies a review uses. */
export type ReviewDeps = Pick<Deps, 'logger' | 'llm' | 'prompts'>;

/**
 * Reviews a draft: rules first (always), then the optional LLM pass, which can add observations
 * and a rewrite but never changes the rule findings or the score. `options.channel` is the channel
 * the draft is for; without it the rules judge the layout.
 * @throws UserFacingError for an empty or over-long draft, or an unknown channel.
 */
export async function reviewDraft(draft: string, deps: ReviewDeps, options: ReviewOptions = {}): Promise<Review> {
  const started = performance.now();
  const result = review(draft, options);
  const llm = deps.llm ? await llmSuggestions(draft, result, deps) : null;
  deps.logger.info(
    {
      feature: 'review',
      rules: [...new Set(result.findings.map((f) => `${f.category}.${f.rule}`))].sort(),
      findings: result.findings.length,
      score: result.score,
      words: result.stats.words,
      channel: result.channel ?? 'guessed',
      llm: deps.llm ? (llm ? 'used' : 'fallback') : 'off',
      ms: Math.round(performance.now() - started),
    },
    'draft reviewed',
  );
  return { ...result, llm };
}
