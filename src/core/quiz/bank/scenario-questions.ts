/**
 * Scenario questions: a short workplace situation (ours), a right answer from the list the
 * specification gives for it and distractors from the lists of things it calls unhelpful or
 * different. Checked against the cited criterion like every other question.
 */
import { createRng, sentenceCase, shuffle } from '../text.js';
import type { Question } from '../types.js';
import { listsOf } from './lists.js';
import { finishQuestion } from './question-id.js';
import { avoidAsDistractor } from './review.js';
import { type ListRef, type Scenario, SCENARIOS } from './scenarios.js';
import { type QuizKnowledge, supportedBy, supportTexts, tooSimilar } from './support.js';

/** One question per scenario whose lists exist in this knowledge base. */
export function scenarioQuestions(kb: QuizKnowledge, scenarios: readonly Scenario[] = SCENARIOS): Question[] {
  return scenarios.flatMap((scenario) => {
    const answers = members(kb, scenario.answerFrom).filter((m) => !(scenario.skip ?? []).includes(m));
    const criterion = kb.criteria.find((c) => c.id === scenario.answerFrom.criterion);
    if (!criterion || answers.length === 0) return [];
    const rng = createRng(`scenario|${scenario.id}`);
    const correct = answers[rng.int(0, answers.length - 1)]!;
    const evidence = supportTexts(kb, criterion.id);
    const distractors: string[] = [];
    for (const candidate of shuffle(scenario.distractorsFrom.flatMap((ref) => members(kb, ref)), rng)) {
      if (distractors.length === 3) break;
      if (supportedBy(candidate, evidence) || avoidAsDistractor(scenario.answerFrom.criterion, candidate)) continue;
      if ([correct, ...distractors].some((chosen) => tooSimilar(chosen, candidate))) continue;
      distractors.push(candidate);
    }
    if (distractors.length < 2) return [];
    const choices = shuffle([correct, ...distractors], rng).map(sentenceCase);
    return [
      finishQuestion({
        kind: 'scenario',
        prompt: `${scenario.situation} ${scenario.ask}`,
        choices,
        answer: choices.indexOf(sentenceCase(correct)),
        explanation: `Unit ${criterion.unit}, AC ${criterion.ac} (${criterion.text}) lists “${correct}”. The other choices come from lists of ${describeSources(scenario.distractorsFrom)}.`,
        citation: kb.citation(criterion.id),
        criterionId: criterion.id,
        unit: criterion.unit,
        topicKey: `scenario|${scenario.id}`,
      }),
    ];
  });
}

function members(kb: QuizKnowledge, ref: ListRef): string[] {
  const criterion = kb.criteria.find((c) => c.id === ref.criterion);
  if (!criterion) return [];
  const list = listsOf(criterion, 1).find((l) => l.topic === ref.topic && (l.head ?? undefined) === ref.head);
  return list?.members ?? [];
}

function describeSources(refs: readonly ListRef[]): string {
  const names = [...new Set(refs.map((ref) => (ref.head ?? ref.topic).toLowerCase()))];
  return names.join(' and ');
}
