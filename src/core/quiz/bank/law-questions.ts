/**
 * Legislation questions from the curated register: what a law covers (distractors are what other,
 * unrelated laws cover) and which law applies today in place of one the specification names but
 * that has since been replaced (the specification says to teach the most recent legislation).
 */
import type { LegislationEntry } from '../../knowledge/types.js';
import { contentStems, createRng, joinAnd, shuffle, similarity } from '../text.js';
import type { Question } from '../types.js';
import { finishQuestion } from './question-id.js';
import type { QuizKnowledge } from './support.js';

/** Both kinds for every law that supports them. */
export function lawQuestions(kb: QuizKnowledge): Question[] {
  return [...kb.legislation.flatMap((law) => governsQuestion(law, kb)), ...kb.legislation.flatMap((law) => replacedQuestion(law, kb))];
}

/** "Sets the terms implied…": the first sentence of what a law governs. */
export function governsSummary(law: LegislationEntry): string {
  return law.governs.split(/(?<=\.)\s/)[0]!.replace(/\.$/, '');
}

function governsQuestion(law: LegislationEntry, kb: QuizKnowledge): Question[] {
  const rng = createRng(`law.${law.slug}|governs`);
  const nameStems = new Set(contentStems(law.name));
  // Unrelated laws only: no shared name words ("Consumer…") and little overlap in what they cover.
  const others = shuffle(
    kb.legislation.filter(
      (o) => o.slug !== law.slug && !contentStems(o.name).some((s) => nameStems.has(s) && s.length > 3) && similarity(o.governs, law.governs) < 0.12,
    ),
    rng,
  ).slice(0, 3);
  if (others.length < 2) return [];
  const correct = governsSummary(law);
  const choices = shuffle([correct, ...others.map(governsSummary)], rng);
  return [
    finishQuestion({
      kind: 'law-governs',
      prompt: `What ${verb(law)} the ${law.name} do?`,
      choices,
      answer: choices.indexOf(correct),
      explanation: `${law.name}: ${law.governs} ${law.today}`,
      citation: kb.citation(`law.${law.slug}`),
      ...criterionOf(law),
      topicKey: `law.${law.slug}`,
    }),
  ];
}

function replacedQuestion(law: LegislationEntry, kb: QuizKnowledge): Question[] {
  const replacedInRegister = new Set(kb.legislation.filter((l) => l.status === 'replaced').map((l) => l.name));
  // What applies today: drop replacements that no longer apply themselves.
  const current = law.replacedBy.filter((r) => !/\buntil\b/i.test(r.scope) && !replacedInRegister.has(r.name));
  let prompt: string;
  if (law.status === 'replaced' && current.length > 0) prompt = `Which law applies today in place of the ${law.name}?`;
  else if (law.status === 'partly-replaced' && law.replacedBy.length === 1 && current.length === 1) {
    prompt = `For ${lowerFirst(current[0]!.scope.replace(/\.$/, ''))}, which law applies today in place of the ${law.name}?`;
  } else return [];
  const correct = joinAnd(current.map((r) => r.name));
  const rng = createRng(`law.${law.slug}|replaced`);
  const names = new Set([...kb.legislation.filter((l) => l.status === 'in-force' || l.status === 'amended').map((l) => l.name), ...kb.legislation.flatMap((l) => l.replacedBy.map((r) => r.name))]);
  const pool = [...names].filter((n) => !correct.includes(n) && !law.replacedBy.some((r) => r.name === n) && n !== law.name && !replacedInRegister.has(n) && !/\buntil\b/i.test(n));
  const distractors = shuffle(pool, rng).slice(0, 3);
  if (distractors.length < 2) return [];
  const choices = shuffle([correct, ...distractors], rng);
  return [
    finishQuestion({
      kind: 'law-replaced',
      prompt,
      choices,
      answer: choices.indexOf(correct),
      explanation: law.today,
      citation: kb.citation(`law.${law.slug}`),
      ...criterionOf(law),
      topicKey: `law.${law.slug}|replaced`,
    }),
  ];
}

/** "does"/"do"/"did": regulations are plural, and a replaced law is described in the past. */
function verb(law: LegislationEntry): string {
  if (law.status === 'replaced') return 'did';
  return /\bRegulations\b/.test(law.name) ? 'do' : 'does';
}

function criterionOf(law: LegislationEntry): { criterionId: string | null; unit: number | null } {
  const criterion = law.citedIn.find((id) => /^u\d+\.ac\d+\.\d+$/.test(id));
  return { criterionId: criterion ?? null, unit: criterion ? Number(/^u(\d+)/.exec(criterion)![1]) : null };
}

function lowerFirst(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}
