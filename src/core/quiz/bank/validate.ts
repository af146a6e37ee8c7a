/**
 * The bank's validator: every question must have 3–4 unique choices, one right answer that its
 * cited record supports, no distractor that record supports, an explanation, and a citation built
 * from knowledge-base metadata. Run over the whole bank at build time and in the tests.
 */
import { normalise } from '../text.js';
import type { Question } from '../types.js';
import { criterionMentions } from './criterion-questions.js';
import { letterParts, shortMeaning } from './glossary-questions.js';
import { governsSummary } from './law-questions.js';
import { type QuizKnowledge, supportedBy, supportTexts } from './support.js';

/** One thing wrong with one question. */
export interface ValidationProblem {
  id: string;
  problem: string;
}

/** Checks one question; an empty list means it is valid. */
export function validateQuestion(question: Question, kb: QuizKnowledge): string[] {
  const problems: string[] = [];
  const { choices, answer } = question;
  if (choices.length < 3 || choices.length > 4) problems.push(`has ${choices.length} choices (3–4 needed)`);
  if (new Set(choices.map(normalise)).size !== choices.length) problems.push('has duplicate choices');
  if (!Number.isInteger(answer) || answer < 0 || answer >= choices.length) problems.push('has no valid answer index');
  if (question.prompt.trim() === '' || question.explanation.trim() === '') problems.push('has an empty prompt or explanation');
  if (!kb.record(question.citation.source)) problems.push(`cites unknown record ${question.citation.source}`);
  else if (JSON.stringify(kb.citation(question.citation.source)) !== JSON.stringify(question.citation)) problems.push('citation differs from the record metadata');
  if (problems.length > 0) return problems;
  const correct = choices[answer]!;
  const distractors = choices.filter((_, i) => i !== answer);
  const check = supportCheck(question, kb);
  if (!check(correct)) problems.push(`right answer “${correct}” is not supported by ${question.citation.source}`);
  for (const distractor of distractors) if (check(distractor)) problems.push(`distractor “${distractor}” is supported by ${question.citation.source}`);
  return problems;
}

/** Validates a whole bank. */
export function validateBank(questions: readonly Question[], kb: QuizKnowledge): ValidationProblem[] {
  return questions.flatMap((q) => validateQuestion(q, kb).map((problem) => ({ id: q.id, problem })));
}

/** "Does the cited record say this choice is right?", by kind. */
function supportCheck(question: Question, kb: QuizKnowledge): (choice: string) => boolean {
  const source = question.citation.source;
  switch (question.kind) {
    case 'criterion-for':
      return (choice) => {
        const criterion = kb.criteria.find((c) => c.unit === question.unit && choice === `AC ${c.ac}: ${c.text}`);
        return criterion !== undefined && criterionMentions(kb, criterion.id, question.subject ?? '');
      };
    case 'unit-for':
      return (choice) => {
        const unit = kb.units.find((u) => choice === `Unit ${u.number}: ${u.title}`);
        return unit !== undefined && unit.outcomes.some((o) => o.title === question.subject);
      };
    case 'acronym-letter': {
      const entry = kb.glossary.find((g) => `glossary.${g.slug}` === source);
      const parts = (entry?.expansions ?? []).flatMap((e) => letterParts(entry!.term, e.text) ?? []);
      const allWords = new Set((entry?.expansions ?? []).flatMap((e) => normalise(e.text).split(' ')));
      return (choice) => parts.some((p) => normalise(p) === normalise(choice)) || allWords.has(normalise(choice));
    }
    case 'acronym-meaning': {
      const entry = kb.glossary.find((g) => `glossary.${g.slug}` === source);
      return (choice) => entry !== undefined && (shortMeaning(entry.meaning) === choice || supportedBy(choice, [entry.meaning]));
    }
    case 'law-governs': {
      const law = kb.legislation.find((l) => `law.${l.slug}` === source);
      return (choice) => law !== undefined && (governsSummary(law) === choice || supportedBy(choice, [law.governs]));
    }
    case 'law-replaced': {
      const law = kb.legislation.find((l) => `law.${l.slug}` === source);
      const names = (law?.replacedBy ?? []).map((r) => r.name);
      return (choice) => names.some((name) => choice.includes(name));
    }
    default: {
      // list-member, scenario, misconception, llm: the choice is one of the record's statements.
      const evidence = supportTexts(kb, source);
      return (choice) => supportedBy(choice, evidence);
    }
  }
}
