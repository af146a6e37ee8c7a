/**
 * How plausible the list questions' distractors are, measured from the finished bank rather than
 * from what the generator says about itself: each distractor is traced back to the specification
 * list it came from (or to the curated pool in `knowledge/quiz/distractors.json`) and compared with
 * the list the question asks about. A wrong answer of the same polarity and role ("a benefit of
 * something else" for a benefits question) makes the learner think; one of the opposite polarity
 * (a risk offered as a benefit) gives the answer away.
 */
import { areaOf, listsOf, type SpecList } from '../../src/core/quiz/bank/lists.js';
import type { QuizKnowledge } from '../../src/core/quiz/bank/support.js';
import { normalise, words } from '../../src/core/quiz/text.js';
import type { Question } from '../../src/core/quiz/types.js';

/** Where one distractor came from, relative to the question's list. */
export type DistractorOrigin = 'curated' | 'same-kind' | 'same-polarity' | 'opposite' | 'other' | 'unknown';

/** The plausibility figures for the list questions of a bank. */
export interface PlausibilityFigures {
  questions: number;
  distractors: number;
  byOrigin: Record<DistractorOrigin, number>;
  /** Distractors from the curated pool or from a list of the same polarity and role. */
  sameKindShare: number;
  /**
   * Distractors that do not give themselves away: curated, same kind, or the same polarity (a
   * cause offered as a consequence). Neutral members from another area of the qualification count
   * as "other", not plausible.
   */
  plausibleShare: number;
  /** Distractors from a list of the same unit (curated ones count as the question's own unit). */
  sameUnitShare: number;
  /** Distractors of the same kind that also come from the same unit, or curated. */
  sameUnitAndKindShare: number;
  /** Good offered against bad or bad against good: the polarity gives the answer away. */
  oppositeShare: number;
  /** Questions whose distractors are all curated or of the same kind. */
  allPlausibleQuestionShare: number;
  /** Distractors within two words of the right answer's length. */
  lengthMatchedShare: number;
}

/**
 * Measures the list-member questions of a bank.
 * @param curatedFor the curated distractors of a list key (empty when there is no curated pool)
 */
export function measurePlausibility(questions: readonly Question[], kb: QuizKnowledge, curatedFor: (listKey: string) => readonly string[]): PlausibilityFigures {
  const lists = kb.criteria.flatMap((criterion) => listsOf(criterion));
  const byKey = new Map(lists.map((list) => [list.key, list]));
  const byMember = new Map<string, SpecList[]>();
  for (const list of lists) for (const member of list.members) byMember.set(normalise(member), [...(byMember.get(normalise(member)) ?? []), list]);
  const byOrigin: Record<DistractorOrigin, number> = { curated: 0, 'same-kind': 0, 'same-polarity': 0, opposite: 0, other: 0, unknown: 0 };
  let distractors = 0;
  let sameUnit = 0;
  let sameUnitAndKind = 0;
  let lengthMatched = 0;
  let allPlausible = 0;
  let measured = 0;
  for (const question of questions) {
    const target = question.kind === 'list-member' ? byKey.get(question.topicKey) : undefined;
    if (!target) continue;
    measured += 1;
    const curated = new Set(curatedFor(target.key).map(normalise));
    const answerLength = words(question.choices[question.answer]!).length;
    let plausible = true;
    question.choices.forEach((choice, index) => {
      if (index === question.answer) return;
      distractors += 1;
      if (Math.abs(words(choice).length - answerLength) <= 2) lengthMatched += 1;
      if (curated.has(normalise(choice))) {
        byOrigin.curated += 1;
        sameUnit += 1;
        sameUnitAndKind += 1;
        return;
      }
      const sources = (byMember.get(normalise(choice)) ?? []).filter((list) => list.criterion.id !== target.criterion.id);
      const origin = bestOrigin(target, sources);
      byOrigin[origin] += 1;
      const fromUnit = sources.some((list) => list.criterion.unit === target.criterion.unit);
      if (fromUnit) sameUnit += 1;
      if (origin === 'same-kind' && sources.some((list) => list.criterion.unit === target.criterion.unit && originOf(target, list) === 'same-kind')) sameUnitAndKind += 1;
      if (origin !== 'same-kind') plausible = false;
    });
    if (plausible) allPlausible += 1;
  }
  const share = (n: number) => (distractors === 0 ? 0 : n / distractors);
  return {
    questions: measured,
    distractors,
    byOrigin,
    sameKindShare: share(byOrigin.curated + byOrigin['same-kind']),
    plausibleShare: share(byOrigin.curated + byOrigin['same-kind'] + byOrigin['same-polarity']),
    sameUnitShare: share(sameUnit),
    sameUnitAndKindShare: share(sameUnitAndKind),
    oppositeShare: share(byOrigin.opposite),
    allPlausibleQuestionShare: measured === 0 ? 0 : allPlausible / measured,
    lengthMatchedShare: share(lengthMatched),
  };
}

const RANK: Array<ReturnType<typeof originOf>> = ['same-kind', 'same-polarity', 'other', 'opposite'];

function bestOrigin(target: SpecList, sources: readonly SpecList[]): DistractorOrigin {
  if (sources.length === 0) return 'unknown';
  const origins = sources.map((source) => originOf(target, source));
  return RANK.find((origin) => origins.includes(origin)) ?? 'unknown';
}

/**
 * How a source list relates to the question's list. "Types" is a catch-all role (protected
 * characteristics, legal structures, pay deductions…), so a type counts as the same kind only
 * from the same area of the qualification: "Advertisements" is no plausible protected characteristic.
 */
export function originOf(target: SpecList, source: SpecList): Exclude<DistractorOrigin, 'curated' | 'unknown'> {
  const sameArea = areaOf(source.criterion.unit) === areaOf(target.criterion.unit);
  if (source.cls === target.cls && source.cls !== 'neutral') return source.role === target.role ? 'same-kind' : 'same-polarity';
  if (source.cls === target.cls) {
    // Neutral lists: the same role counts (a practice for a practice), but a "type" only from the same area.
    if (source.role === target.role && (target.role !== 'type' || sameArea)) return 'same-kind';
    return sameArea ? 'same-polarity' : 'other';
  }
  if (source.cls !== 'neutral' && target.cls !== 'neutral') return 'opposite';
  return 'other';
}
