/**
 * `npm run eval -- quiz`: the question bank's size, its coverage per unit and criterion, and the
 * validation results (every question checked against its cited record).
 */
import { loadKnowledgeBase } from '../../src/core/knowledge/index.js';
import { buildBank } from '../../src/core/quiz/bank/build-bank.js';
import { curatedDistractors } from '../../src/core/quiz/bank/curated.js';
import { validateBank } from '../../src/core/quiz/bank/validate.js';
import { MAX_LABEL } from '../../src/core/quiz/render.js';
import { measurePlausibility } from './quiz-plausibility.js';
import { ratio, type Suite } from './suite.js';

export const quizEvalSuite: Suite = {
  name: 'quiz',
  async run() {
    const kb = loadKnowledgeBase();
    const { bank, report } = buildBank(kb);
    const problems = validateBank(bank.questions, kb);
    const kinds = new Map<string, number>();
    for (const q of bank.questions) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
    const covered = new Set(bank.questions.flatMap((q) => (q.criterionId ? [q.criterionId] : [])));
    const unitRows = kb.units.map((unit) => {
      const criteria = kb.criteria.filter((c) => c.unit === unit.number);
      const hit = criteria.filter((c) => covered.has(c.id)).length;
      const questions = bank.questions.filter((q) => q.unit === unit.number).length;
      return { unit: unit.number, questions, hit, total: criteria.length };
    });
    const uncovered = kb.criteria.filter((c) => !covered.has(c.id)).map((c) => `${c.id}`);
    const fourChoices = bank.questions.filter((q) => q.choices.length === 4).length;
    const lettered = bank.questions.filter((q) => q.choices.some((c) => c.length > MAX_LABEL)).length;
    const plausibility = measurePlausibility(bank.questions, kb, (key) => curatedDistractors(key).map((d) => d.text));
    const metrics = {
      'bank.size': bank.questions.length,
      'bank.generated': report.generated,
      'bank.invalid_generated': report.invalid.length,
      'bank.invalid_after_build': problems.length,
      'bank.near_duplicates_removed': report.duplicates,
      'bank.rejected_by_review': report.rejectedByReview,
      'coverage.units': unitRows.filter((r) => r.questions > 0).length / kb.units.length,
      'coverage.criteria': covered.size / kb.criteria.length,
      'choices.four_share': fourChoices / bank.questions.length,
      'distractors.same_kind_share': plausibility.sameKindShare,
      'distractors.plausible_share': plausibility.plausibleShare,
      'distractors.same_unit_share': plausibility.sameUnitShare,
      'distractors.same_unit_and_kind_share': plausibility.sameUnitAndKindShare,
      'distractors.opposite_share': plausibility.oppositeShare,
      'questions.all_plausible_share': plausibility.allPlausibleQuestionShare,
    };
    const origins = Object.entries(plausibility.byOrigin).filter(([, n]) => n > 0).map(([origin, n]) => `${origin} ${n}`).join(', ');
    const lines = [
      `questions: ${bank.questions.length} kept of ${report.generated} generated (${report.invalid.length} failed validation, ${report.duplicates} near-duplicates, ${report.rejectedByReview} rejected by review)`,
      `validation over the built bank: ${problems.length} problems`,
      `by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`,
      `coverage: units ${unitRows.filter((r) => r.questions > 0).length}/${kb.units.length}; criteria ${covered.size}/${kb.criteria.length} (${ratio(metrics['coverage.criteria'])})`,
      'unit | questions | criteria covered',
      ...unitRows.map((r) => `${String(r.unit).padStart(4)} | ${String(r.questions).padStart(9)} | ${r.hit}/${r.total}`),
      `criteria without a question: ${uncovered.join(', ') || 'none'}`,
      `4 choices: ${ratio(metrics['choices.four_share'])}; questions with choices too long for a button (shown as A–D): ${lettered}`,
      `distractor plausibility (${plausibility.questions} list questions, ${plausibility.distractors} wrong answers): ${origins}`,
      `  curated or same kind ${ratio(plausibility.sameKindShare)}; plausible (no polarity give-away) ${ratio(plausibility.plausibleShare)}; opposite polarity ${ratio(plausibility.oppositeShare)}`,
      `  same unit ${ratio(plausibility.sameUnitShare)}; same unit and kind ${ratio(plausibility.sameUnitAndKindShare)}; questions with every wrong answer curated or same kind ${ratio(plausibility.allPlausibleQuestionShare)}; within two words of the answer's length ${ratio(plausibility.lengthMatchedShare)}`,
      ...report.invalid.slice(0, 10).map((i) => `  invalid ${i.id}: ${i.problems.join('; ')}`),
    ];
    return { metrics, lines };
  },
};
