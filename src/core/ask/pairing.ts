/**
 * Keeps a law or a curated definition next to the criterion that teaches it. A question about
 * "the 7 data protection principles" finds the Data Protection Act's register entry, but a
 * learner needs Unit 1 AC 4.5, the criterion that teaches it; "what is upselling" finds the
 * curated definition, but Unit 9 AC 4.3 is what is assessed; "what is RIDDOR" finds the acronym,
 * whose regulations Unit 10 AC 1.3 teaches. The criterion is placed right after the record that
 * found it, so both are cited and either can lead the answer.
 */
import type { LegislationEntry } from '../knowledge/types.js';
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
 * The criterion that teaches a law (the one of its citations ranked highest, else the first),
 * asks for a definition, or teaches the law an acronym names; null for anything else.
 */
export function teachingCriterion(id: string, knowledge: AskKnowledge, ranked: ScoredRecord[] = []): string | null {
  if (id.startsWith('law.')) {
    const entry = knowledge.legislation.find((law) => `law.${law.slug}` === id);
    const criteria = (entry?.citedIn ?? []).filter((cited) => knowledge.record(cited)?.kind === 'criterion');
    return ranked.find((hit) => criteria.includes(hit.id))?.id ?? criteria[0] ?? null;
  }
  if (id.startsWith('glossary.')) {
    const law = lawNamedBy(id, knowledge);
    return definitions(knowledge).get(id)?.askedBy ?? (law ? teachingCriterion(`law.${law.slug}`, knowledge, ranked) : null);
  }
  return null;
}

/**
 * The law a glossary acronym stands for ("RIDDOR", "COSHH"): the register entry linked to it that
 * the specification cites under that acronym; undefined for models and other terms.
 */
export function lawNamedBy(id: string, knowledge: AskKnowledge): LegislationEntry | undefined {
  const record = knowledge.record(id);
  if (record?.kind !== 'glossary') return undefined;
  return knowledge.legislation.find((law) => record.related.includes(`law.${law.slug}`) && law.citedAs.some((cited) => cited.includes(record.title)));
}
