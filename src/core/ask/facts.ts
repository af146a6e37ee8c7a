/**
 * Picking facts from qualification records (lists of facts and long prose paragraphs): the
 * section that answers the question and, within it, the items that score close to the best one.
 * Split from the composer so each module holds one idea.
 */
import type { KnowledgeRecord } from '../knowledge/types.js';
import type { RelevanceScorer } from './relevance.js';

/** Most prose facts (qualification paragraphs) in an answer, and most items per bullet. */
const MAX_FACTS = 4;
const MAX_ITEMS = 10;

/** A listed point of an answer and the record it came from (for "the second one"). */
export interface Point {
  text: string;
  record: string;
}

/** "**Heading**: a; b; c", or the heading alone when it has no items. */
export const bullet = (heading: string, items: string[]) => (items.length > 0 ? `**${heading}**: ${items.join('; ')}` : heading);

/**
 * Qualification records are lists of facts: show the section that answers the question
 * (its heading counts double: "Potential job roles" answers "what jobs…"), and within it the items
 * that score close to the best one; the whole first section when nothing stands out.
 */
export function pickFacts(record: KnowledgeRecord, sections: KnowledgeRecord['sections'], scorer: RelevanceScorer, all: boolean): Point[] {
  const toPoints = (items: string[]) => items.map((text) => ({ text, record: record.id }));
  if (all) return toPoints(sections.flatMap((s) => s.items));
  // A short fact that matches beats a long paragraph that mentions the word in passing.
  const itemScore = (item: string) => scorer.score(item) / Math.max(1, item.split(' ').length / 25);
  const ranked = sections
    .map((section) => {
      const itemScores = section.items.map(itemScore);
      return { section, itemScores, score: 2 * scorer.score(section.heading) + Math.max(0, ...itemScores) };
    })
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best || best.score === 0) return toPoints((sections[0]?.items ?? []).slice(0, 5));
  // Sections whose heading answers ("Potential job roles") are shown whole, up to two of them.
  const byHeading = ranked.filter((entry) => scorer.score(entry.section.heading) > 0 && entry.score >= best.score * 0.5).slice(0, 2);
  if (byHeading.length > 0) {
    return byHeading.map((entry) => ({ text: bullet(entry.section.heading, bestItems(entry.section.items, entry.itemScores).map(brief)), record: record.id }));
  }
  const top = Math.max(...best.itemScores);
  const items = best.section.items.filter((_, i) => best.itemScores[i]! >= top * 0.6);
  return toPoints(items.slice(0, MAX_FACTS).map(brief));
}

/** A section's items in order: all of them when short, else the best-scoring few (prose sections are long). */
function bestItems(items: string[], scores: number[]): string[] {
  if (items.length <= MAX_FACTS || items.every((item) => item.length < 80)) return items.slice(0, MAX_ITEMS);
  const keep = new Set(items.map((item, i) => ({ item, score: scores[i]!, i })).sort((a, b) => b.score - a.score || a.i - b.i).slice(0, MAX_FACTS).map((e) => e.i));
  return items.filter((_, i) => keep.has(i));
}

/** At most two sentences and about 240 characters of a long paragraph. */
export function brief(text: string): string {
  const short = firstSentences(text, 2);
  return short.length <= 240 ? short : `${short.slice(0, short.lastIndexOf(' ', 237))}…`;
}

/** The first `count` sentences of a paragraph. */
export function firstSentences(text: string, count: number): string {
  const sentences = text.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [text];
  return sentences.slice(0, count).join('').trim();
}
