/**
 * Attributes a unit's "Information for tutors" to its learning outcomes and criteria.
 *
 * Delivery: a paragraph goes to every outcome it names (or whose criteria it names); paragraphs
 * naming none are the unit's general delivery, which also stands for an outcome no paragraph names.
 * Assessment: each sentence goes to every criterion it names, ranges included. A sentence naming
 * no criterion goes to the outcomes named earlier in its paragraph (by number or through their
 * criteria) or in itself, else to the unit.
 * A criterion the unit does not have is recorded as a source note, never dropped silently.
 */
import type { SourceNote } from '../types.js';
import type { Block } from './blocks.js';
import type { ParsedOutcome } from './outcomes.js';
import { criteriaNamed, outcomesNamed } from './references.js';

/** Splits a paragraph into sentences ("e.g." and "i.e." do not end a sentence). */
export type SentenceSplitter = (text: string) => string[];

/** Guidance attributed to each part of the unit. */
export interface TutorGuidance {
  outcomeDelivery: Map<number, string[]>;
  outcomeAssessment: Map<number, string[]>;
  criterionGuidance: Map<string, string[]>;
  unitDelivery: string[];
  unitAssessment: string[];
}

const push = <K>(map: Map<K, string[]>, key: K, value: string) => {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
};

/** Paragraphs (and list entries, which continue the paragraph before them) with their line. */
function units(blocks: Block[]): Array<{ texts: string[]; line: number; continues: boolean }> {
  return blocks.flatMap((block): Array<{ texts: string[]; line: number; continues: boolean }> => {
    if (block.kind === 'paragraph') return [{ texts: [block.text], line: block.line, continues: false }];
    if (block.kind === 'list') return [{ texts: block.items, line: block.line, continues: true }];
    return [];
  });
}

/** Attributes the delivery and assessment blocks of a unit. */
export function attributeGuidance(
  outcomes: ParsedOutcome[],
  delivery: Block[],
  assessment: Block[],
  split: SentenceSplitter,
  notes: SourceNote[],
): TutorGuidance {
  const acs = outcomes.flatMap((outcome) => outcome.criteria.map((criterion) => criterion.ac));
  const loNumbers = new Set(outcomes.map((outcome) => outcome.number));
  const loOf = (ac: string) => Number(ac.split('.')[0]);
  const result: TutorGuidance = {
    outcomeDelivery: new Map(),
    outcomeAssessment: new Map(),
    criterionGuidance: new Map(),
    unitDelivery: [],
    unitAssessment: [],
  };
  const checkOutcomes = (named: number[], line: number) =>
    named.filter((number) => {
      if (loNumbers.has(number)) return true;
      notes.push({ line, note: `Tutor guidance names learning outcome ${number}, which this unit does not have.` });
      return false;
    });

  for (const { texts, line } of units(delivery)) {
    for (const text of texts) {
      const named = new Set([...checkOutcomes(outcomesNamed(text), line), ...criteriaNamed(text, acs).known.map(loOf)]);
      if (named.size === 0) result.unitDelivery.push(text);
      for (const number of named) push(result.outcomeDelivery, number, text);
    }
  }

  let context: number[] = [];
  for (const { texts, line, continues } of units(assessment)) {
    if (!continues) context = [];
    for (const text of texts) {
      for (const sentence of split(text)) {
        const { known, unknown } = criteriaNamed(sentence, acs);
        for (const ac of unknown) {
          notes.push({ line, note: `Assessment guidance names assessment criterion ${ac}, which this unit does not have: "${sentence}"` });
        }
        // Sentences that name nothing continue the outcomes named last in the paragraph, by
        // number or through their criteria ("This booklet should include…" after "4.1–4.5").
        const outcomesHere = [...new Set([...checkOutcomes(outcomesNamed(sentence), line), ...known.map(loOf)])];
        if (outcomesHere.length > 0) context = outcomesHere;
        if (known.length > 0) {
          for (const ac of known) push(result.criterionGuidance, ac, sentence);
        } else if (context.length > 0) {
          for (const number of context) push(result.outcomeAssessment, number, sentence);
        } else {
          result.unitAssessment.push(sentence);
        }
      }
    }
  }
  return result;
}
