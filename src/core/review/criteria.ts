/**
 * The qualification criteria review feedback relates to, by knowledge-base record id. Titles are
 * looked up in the knowledge base when a review is rendered; a test checks every id exists there.
 */
import type { Category, CriterionId, CriterionRef } from './types.js';

/** Every criterion a rule may name. */
export const REVIEW_CRITERIA: readonly CriterionId[] = ['u3.ac2.1', 'u3.ac2.2', 'u3.ac2.4', 'u3.ac3.2', 'u3.ac3.3', 'u1.ac4.5'];

/** The criteria the tutor view judges, in display order. */
export const TUTOR_CRITERIA: readonly CriterionId[] = ['u3.ac2.2', 'u3.ac2.4', 'u3.ac3.3', 'u1.ac4.5'];

/** The criteria a finding names when its rule does not say otherwise. */
export const DEFAULT_CRITERIA: Record<Category, readonly CriterionId[]> = {
  'positive-language': ['u3.ac2.2', 'u3.ac3.3'],
  tone: ['u3.ac2.1', 'u3.ac3.2', 'u3.ac3.3'],
  gdpr: ['u1.ac4.5'],
  writing: ['u3.ac2.4', 'u3.ac3.3'],
};

const ID = /^u(\d+)\.ac(\d+\.\d+)$/;

/** True for the ids review rules may name. */
export function isCriterionId(value: string): value is CriterionId {
  return (REVIEW_CRITERIA as readonly string[]).includes(value);
}

/**
 * The reference for a criterion id.
 * @example criterionRef('u3.ac2.2') // { source: 'u3.ac2.2', unit: 3, ac: '2.2' }
 */
export function criterionRef(id: CriterionId): CriterionRef {
  const match = ID.exec(id);
  if (!match) throw new Error(`Not a criterion id: ${id}`);
  return { source: id, unit: Number(match[1]), ac: match[2]! };
}

/** References for a list of ids, or the category's defaults when the list is empty. */
export function criteriaFor(category: Category, ids: readonly CriterionId[] = []): CriterionRef[] {
  return (ids.length > 0 ? ids : DEFAULT_CRITERIA[category]).map(criterionRef);
}
