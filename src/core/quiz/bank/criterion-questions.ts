/**
 * "Which criterion covers …?" and "Which unit has the learning outcome …?" questions. The subject
 * is an amplification item found in exactly one criterion of its unit, so the other criteria
 * offered cannot be right; the validator checks that again against every choice's record.
 */
import type { Criterion } from '../../knowledge/types.js';
import { containedIn, contentStems, createRng, shuffle } from '../text.js';
import type { Question } from '../types.js';
import { isCleanMember } from './lists.js';
import { finishQuestion } from './question-id.js';
import { type QuizKnowledge, supportTexts } from './support.js';

/** One question per criterion whose amplification has a distinctive item. */
export function criterionQuestions(kb: QuizKnowledge): Question[] {
  return kb.criteria.flatMap((criterion) => {
    const question = criterionQuestion(criterion, kb);
    return question ? [question] : [];
  });
}

/** True when the subject appears in the record's own statements. */
export function criterionMentions(kb: QuizKnowledge, criterionId: string, subject: string): boolean {
  return supportTexts(kb, criterionId).some((statement) => containedIn(subject, statement));
}

function criterionQuestion(criterion: Criterion, kb: QuizKnowledge): Question | null {
  const siblings = kb.criteria.filter((c) => c.unit === criterion.unit && c.id !== criterion.id);
  if (siblings.length < 2) return null;
  const rng = createRng(`${criterion.id}|criterion-for`);
  // At least two meaningful words: "customer experience" alone could belong anywhere.
  const items = criterion.amplification
    .flatMap((topic) => topic.items)
    .filter((item) => isCleanMember(item) && contentStems(item).filter((s) => !GENERIC.has(s)).length >= 2);
  // Distinctive: no other criterion of the unit says it, or even half of it ("policies and
  // procedures" is too close to "documents, e.g. policies" in another criterion).
  const distinctive = items.filter(
    (item) => !siblings.some((other) => criterionMentions(kb, other.id, item) || supportTexts(kb, other.id).some((s) => overlapShare(item, s) >= 0.5)),
  );
  if (distinctive.length === 0) return null;
  const subject = distinctive[rng.int(0, distinctive.length - 1)]!;
  // Prefer criteria from other learning outcomes: within one outcome the criteria overlap in
  // meaning ("timescales for … resolution" vs "responding to customer problems promptly").
  const ordered = shuffle(siblings, rng).sort((a, b) => Number(a.lo === criterion.lo) - Number(b.lo === criterion.lo));
  const distractors = ordered.slice(0, 3);
  const choices = shuffle([criterion, ...distractors], rng).map((c) => `AC ${c.ac}: ${c.text}`);
  return finishQuestion({
    kind: 'criterion-for',
    prompt: `Which assessment criterion in Unit ${criterion.unit} covers “${subject}”?`,
    choices,
    answer: choices.indexOf(`AC ${criterion.ac}: ${criterion.text}`),
    explanation: `“${subject}” is part of the content of Unit ${criterion.unit}, AC ${criterion.ac}: ${criterion.text}.`,
    citation: kb.citation(criterion.id),
    criterionId: criterion.id,
    unit: criterion.unit,
    subject,
    topicKey: `${criterion.id}|criterion-for`,
  });
}

const GENERIC = new Set(['custom', 'servic', 'organis']);

/** Share of a phrase's meaningful words (not "customer", "service", "organisation") found in a statement. */
function overlapShare(phrase: string, statement: string): number {
  const stems = contentStems(phrase).filter((s) => !GENERIC.has(s));
  if (stems.length === 0) return 1;
  const other = new Set(contentStems(statement));
  return stems.filter((s) => other.has(s)).length / stems.length;
}

/** One question per learning outcome: which unit it belongs to. */
export function unitQuestions(kb: QuizKnowledge): Question[] {
  return kb.units.flatMap((unit) =>
    unit.outcomes.flatMap((outcome) => {
      const rng = createRng(`u${unit.number}.lo${outcome.number}|unit-for`);
      const others = shuffle(kb.units.filter((u) => u.number !== unit.number), rng).slice(0, 3);
      if (others.length < 2) return [];
      const label = (u: { number: number; title: string }) => `Unit ${u.number}: ${u.title}`;
      const choices = shuffle([unit, ...others], rng).map(label);
      const recordId = `u${unit.number}.lo${outcome.number}`;
      return [
        finishQuestion({
          kind: 'unit-for',
          prompt: `Which unit has the learning outcome “${outcome.title}”?`,
          choices,
          answer: choices.indexOf(label(unit)),
          explanation: `“${outcome.title}” is learning outcome ${outcome.number} of Unit ${unit.number}, ${unit.title}.`,
          citation: kb.citation(kb.record(recordId) ? recordId : `u${unit.number}`),
          criterionId: null,
          unit: unit.number,
          subject: outcome.title,
          topicKey: `${recordId}|unit-for`,
        }),
      ];
    }),
  );
}
