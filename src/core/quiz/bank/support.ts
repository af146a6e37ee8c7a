/**
 * "Supported by the cited record": the texts of a record a choice is checked against, and the
 * checks themselves. The generators use them to reject distractors; the validator runs them again
 * over the finished bank, so a question can never claim something its citation does not say.
 */
import type { KnowledgeBase } from '../../knowledge/index.js';
import { containedIn, normalise, similarity } from '../text.js';

/** The parts of the knowledge base the quiz reads. */
export type QuizKnowledge = Pick<KnowledgeBase, 'version' | 'units' | 'criteria' | 'notes' | 'legislation' | 'glossary' | 'record' | 'citation'>;

/**
 * The statements of a record that count as evidence: a criterion's text and amplification items,
 * a note section's items, a law's name, what it governs and what replaced it, a glossary entry's
 * expansions and meaning. Tutor guidance is left out on purpose: it is advice, not content.
 */
export function supportTexts(kb: QuizKnowledge, recordId: string): string[] {
  let byRecord = textCache.get(kb);
  if (!byRecord) textCache.set(kb, (byRecord = new Map()));
  let texts = byRecord.get(recordId);
  if (!texts) byRecord.set(recordId, (texts = collectTexts(kb, recordId)));
  return texts;
}

const textCache = new WeakMap<object, Map<string, string[]>>();

function collectTexts(kb: QuizKnowledge, recordId: string): string[] {
  const criterion = kb.criteria.find((c) => c.id === recordId);
  if (criterion) return [criterion.text, ...criterion.amplification.flatMap((t) => [t.topic, ...t.items])];
  const law = kb.legislation.find((l) => `law.${l.slug}` === recordId);
  if (law) return [law.name, ...law.citedAs, law.governs, law.today, ...law.replacedBy.map((r) => r.name)];
  const term = kb.glossary.find((g) => `glossary.${g.slug}` === recordId);
  if (term) return [term.term, term.meaning, ...term.expansions.map((e) => e.text)];
  const record = kb.record(recordId);
  if (!record) return [];
  if (record.kind === 'outcome' || record.kind === 'unit') return [record.title, ...kb.criteria.filter((c) => c.unit === record.unit && (record.lo === null || c.lo === record.lo)).map((c) => c.text)];
  return [record.title, ...record.sections.flatMap((s) => s.items)];
}

/**
 * True when a choice says what one of the texts says: the same phrase, or every content word of
 * the choice inside one statement ("beliefs" inside "religion and beliefs").
 */
export function supportedBy(choice: string, texts: readonly string[]): boolean {
  const phrase = normalise(choice);
  return texts.some((statement) => {
    const whole = normalise(statement);
    return whole === phrase || ` ${whole} `.includes(` ${phrase} `) || containedIn(choice, statement);
  });
}

/** True when a distractor is too close to a right answer or to another choice to be fair. */
export function tooSimilar(a: string, b: string): boolean {
  return normalise(a) === normalise(b) || similarity(a, b) >= 0.5 || containedIn(a, b) || containedIn(b, a);
}
