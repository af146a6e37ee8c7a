/**
 * The evaluation set itself: every expected id names a record (`*` patterns match at least one), ids are unique, and each item says what a right answer is. A typo in an id
 * would otherwise count as a retrieval miss forever.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/core/knowledge/index.js';
import { loadAskSet } from './evaluate.js';

const items = loadAskSet();
const ids = loadKnowledgeBase().records.map((record) => record.id);
/** `*` matches any run of characters, as in the evaluator. */
const matches = (pattern: string) => {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return ids.some((id) => regex.test(id));
};

describe('the Ask evaluation set', () => {
  it('has unique item ids', () => {
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it('expects only records that exist', () => {
    const unknown = items.flatMap((item) =>
      (item.expect ?? [])
        .filter((expected) => !matches(expected))
        .map((expected) => `${item.id}: ${expected}`),
    );
    expect(unknown).toEqual([]);
  });

  it('says for every item either what to find or that it must be refused', () => {
    const neither = items.filter((item) => !item.refuse && (item.expect ?? []).length === 0).map((item) => item.id);
    expect(neither).toEqual([]);
  });
});
