/**
 * Keeps a law or a curated definition next to the criterion that teaches it. A question about
 * "the 7 data protection principles" finds the Data Protection Act's register entry, but a
 * learner needs Unit 1 AC 4.5, the criterion that teaches it; "what is upselling" finds the
 * curated definition, but Unit 9 AC 4.3 is what is assessed. The criterion is placed right after
 * the record that found it, so both are cited and either can lead the answer.
 */
import { definitions } from './definitions.js';
import type { ScoredRecord } from './engine.js';
import type { AskKnowledge } from './types.js';

/** Only records this high in the ranking bring their criterion along. */
const PAIRED_FROM_TOP = 2;

/**
 * The ranking with each teaching criterion moved (or added) right after its law or definition.
 * @example pairTeachingCriteria([{ id: 'law.data-protection-act-1998', … }], kb) // [law, u1.ac4.5, …]
 */
export function pairTeachingCriteria(hits: ScoredRecord[], knowledge: AskKnowledge): ScoredRecord[] {
  let ranked = hits;
  for (let i = 0; i < Math.min(PAIRED_FROM_TOP, ranked.length); i++) {
    const hit = ranked[i]!;
    const teacher = teachingCriterion(hit.id, knowledge, ranked);
    if (!teacher || ranked.slice(0, i + 2).some((other) => other.id === teacher)) continue;
    const existing = ranked.find((other) => other.id === teacher);
    const moved: ScoredRecord = { id: teacher, score: hit.score, coverage: existing?.coverage ?? hit.coverage, phrasing: existing?.phrasing ?? hit.phrasing };
    ranked = [...ranked.slice(0, i + 1), moved, ...ranked.slice(i + 1).filter((other) => other.id !== teacher)];
    i++;
  }
  return ranked;
}

/**
 * The criterion that teaches a law (the one of its citations ranked highest, else the first) or
 * asks for a definition; null for anything else.
 */
export function teachingCriterion(id: string, knowledge: AskKnowledge, ranked: ScoredRecord[] = []): string | null {
  if (id.startsWith('law.')) {
    const entry = knowledge.legislation.find((law) => `law.${law.slug}` === id);
    const criteria = (entry?.citedIn ?? []).filter((cited) => knowledge.record(cited)?.kind === 'criterion');
    return ranked.find((hit) => criteria.includes(hit.id))?.id ?? criteria[0] ?? null;
  }
  if (id.startsWith('glossary.')) return definitions(knowledge).get(id)?.askedBy ?? null;
  return null;
}
