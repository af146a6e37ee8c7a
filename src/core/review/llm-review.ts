/**
 * The optional LLM pass over a draft, used only when a key is configured. Before anything leaves
 * the process every kind of personal data the reviewer knows about (cards, bank details, NI
 * numbers, dates of birth, emails, phones, postcodes, addresses, names, @handles and
 * special-category terms) is replaced by a typed placeholder. The model returns extra tone
 * observations and a rewrite (zod-validated); placeholders are restored only in what the user
 * sees, and identifiers that must never be written in a reply are not restored into the rewrite.
 * Rule findings stay authoritative; any failure or timeout means rules alone (withLlmFallback).
 */
import { z } from 'zod';
import { LlmError } from '../llm/llm-error.js';
import { withLlmFallback } from '../llm/fallback.js';
import { findCards } from '../privacy/detect.js';
import { redactPersonalData, restore, type Replacement } from '../privacy/redact.js';
import { CHANNEL_NAMES } from './channel.js';
import { loadReviewData } from './data.js';
import { CATEGORY_LABELS, ruleLabel } from './labels.js';
import type { ReviewDeps } from './review-draft.js';
import type { LlmSuggestions, Review } from './types.js';

/** What the model must return. */
export const llmReviewSchema = z.object({
  toneObservations: z.array(z.string().min(1).max(400)).max(5),
  rewrite: z.string().min(1).max(4000),
});

/** Identifiers that never go back into a rewrite, with what the reader sees instead. */
const NEVER_RESTORE: Partial<Record<Replacement['kind'], (value: string) => string>> = {
  CARD: (value) => `card ending ${value.replace(/\D/g, '').slice(-4)}`,
  SORT_CODE: () => '[bank details removed]',
  ACCOUNT_NUMBER: () => '[bank details removed]',
  IBAN: () => '[bank details removed]',
  NI_NUMBER: () => '[National Insurance number removed]',
  DOB: () => '[date of birth removed]',
};

/** Restores placeholders for the reader, keeping sensitive identifiers out of a suggested reply. */
export function restoreForReader(value: string, replacements: readonly Replacement[]): string {
  const safe = replacements.map((r) => {
    const mask = NEVER_RESTORE[r.kind];
    return mask ? { ...r, value: mask(r.value) } : r;
  });
  return restore(value, safe);
}

/**
 * The rule findings as our own text for the prompt: categories, rule names and messages, never
 * excerpts; first, the channel when the tutor gave it, so the rewrite suits it (a text message
 * stays a text message).
 */
function findingsForPrompt(result: Review): string {
  const channel = result.channel ? [`- Channel: the draft is ${CHANNEL_NAMES[result.channel]} (given by the tutor); write the rewrite for that channel.`] : [];
  if (result.findings.length === 0) return [...channel, '- none'].join('\n');
  const seen = new Set<string>();
  const lines: string[] = [...channel];
  for (const f of result.findings) {
    const key = `${f.category}.${f.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`- ${CATEGORY_LABELS[f.category]}: ${ruleLabel(f.rule)} (${f.severity}). ${f.message}`);
  }
  return lines.join('\n');
}

/**
 * Asks the model for observations and a rewrite; null when it fails, is slow or answers badly.
 * @example const extra = await llmSuggestions(draft, review(draft), deps);
 */
export async function llmSuggestions(draft: string, result: Review, deps: ReviewDeps): Promise<LlmSuggestions | null> {
  const { text, replacements } = redactPersonalData(draft, { terms: loadReviewData().lexicons.specialCategoryTerms });
  return withLlmFallback(
    deps.llm,
    'review',
    async (llm) => {
      const reply = await llm.structured({
        prompt: deps.prompts.get('review'),
        values: { draft: text, findings: findingsForPrompt(result) },
        schema: llmReviewSchema,
        schemaName: 'review_suggestions',
        maxTokens: 900,
        label: 'review',
      });
      const rewrite = restoreForReader(reply.rewrite.trim(), replacements);
      // A rewrite that writes out a card number (invented or not) is worse than none.
      if (rewrite === '' || findCards(rewrite).length > 0) throw new LlmError('invalid_output', 'review rewrite unusable');
      return {
        toneObservations: reply.toneObservations.map((o) => restoreForReader(o.trim(), replacements)).filter(Boolean).slice(0, 3),
        rewrite,
      };
    },
    () => null,
  );
}
