/**
 * Acronym and model questions from the curated glossary: "In HEAT, what does the E stand for?"
 * (distractors are other words with the same first letter, never one the term's expansions use)
 * and "What is meant by CSAT?" (distractors are other entries' meanings).
 */
import type { GlossaryEntry } from '../../knowledge/types.js';
import { containedIn, createRng, sentenceCase, shuffle, similarity, words } from '../text.js';
import type { Question } from '../types.js';
import { finishQuestion } from './question-id.js';
import type { QuizKnowledge } from './support.js';

const LINKING = new Set(['and', 'of', 'the', 'for', 'to', 'in']);

/** Both kinds for every entry that supports them. */
export function glossaryQuestions(kb: QuizKnowledge): Question[] {
  // Only what learners study: terms that appear in a criterion or a topic note, not the
  // qualification's own paperwork (GLH, QCF, URN…).
  const studied = kb.glossary.filter((entry) => /^[A-Za-z' ]+$/.test(entry.term) && entry.appearsIn.some((id) => /^u\d+\.ac|^note\./.test(id)));
  return [...studied.flatMap((entry) => letterQuestion(entry, kb)), ...studied.flatMap((entry) => meaningQuestion(entry, kb, studied))];
}

/**
 * The parts of an expansion, one per letter of the term: "Hear, Empathise, Apologise, Take action"
 * → ["Hear", "Empathise", "Apologise", "Take action"]; null when they do not spell the term.
 */
export function letterParts(term: string, expansion: string): string[] | null {
  const letters = term.replace(/[^A-Za-z]/g, '').toUpperCase();
  const byComma = expansion.split(/,\s*|\s+and\s+|-(?=[A-Z])/).map((p) => p.trim()).filter(Boolean);
  const byWord = expansion.replace(/\(.*?\)/g, '').split(/[\s,/-]+/).filter((w) => w && !LINKING.has(w.toLowerCase()));
  for (const parts of [byComma, byWord]) {
    if (parts.length === letters.length && parts.every((p, i) => p[0]!.toUpperCase() === letters[i])) return parts.map(sentenceCase);
  }
  return null;
}

function letterQuestion(entry: GlossaryEntry, kb: QuizKnowledge): Question[] {
  if (!/^[A-Z]{3,6}$/.test(entry.term)) return [];
  const expansions = entry.expansions.map((e) => letterParts(entry.term, e.text));
  const first = expansions[0];
  if (!first || expansions.some((parts) => parts === null)) return [];
  // Only letters every recorded expansion agrees on (SMART's R and T differ between sources).
  const agreed = first.map((part, i) => i).filter((i) => expansions.every((parts) => parts![i]!.toLowerCase() === first[i]!.toLowerCase()));
  if (agreed.length === 0) return [];
  // A letter that occurs twice (the E of WEEE, the S of LASS) would make the question ambiguous.
  const unique = agreed.filter((i) => entry.term.indexOf(entry.term[i]!) === entry.term.lastIndexOf(entry.term[i]!));
  if (unique.length === 0) return [];
  const rng = createRng(`glossary.${entry.slug}|letter`);
  const index = unique[rng.int(0, unique.length - 1)]!;
  const correct = first[index]!;
  const letter = entry.term[index]!;
  const used = new Set(expansions.flatMap((parts) => parts!.flatMap((p) => words(p))));
  const pool = [...new Set(kb.glossary.flatMap((other) => other.expansions.flatMap((e) => e.text.replace(/\(.*?\)/g, '').split(/[\s,/]+/).filter((w) => !w.includes('-')))))]
    .map((w) => sentenceCase(w.replace(/[^A-Za-z]/g, '')))
    .filter((w) => w.length >= 3 && w[0] === letter && !used.has(w.toLowerCase()) && !LINKING.has(w.toLowerCase()));
  // No two choices that start the same way ("Technology" / "Technological", "Time" / "Time-bound").
  const distractors: string[] = [];
  for (const word of shuffle([...new Set(pool)], rng)) {
    if (distractors.length === 3) break;
    if ([correct, ...distractors].some((chosen) => chosen.slice(0, 4).toLowerCase() === word.slice(0, 4).toLowerCase())) continue;
    distractors.push(word);
  }
  if (distractors.length < 2) return [];
  const choices = shuffle([correct, ...distractors], rng);
  const what = describe(entry, correct);
  return [
    finishQuestion({
      kind: 'acronym-letter',
      prompt: `In ${entry.term}${what ? ` (${what})` : ''}, what does the “${letter}” stand for?`,
      choices,
      answer: choices.indexOf(correct),
      explanation: `${entry.term} stands for ${entry.expansions[0]!.text}. ${learnerMeaning(entry.meaning)}`,
      citation: kb.citation(`glossary.${entry.slug}`),
      ...criterionOf(entry),
      topicKey: `glossary.${entry.slug}`,
    }),
  ];
}

function meaningQuestion(entry: GlossaryEntry, kb: QuizKnowledge, studied: readonly GlossaryEntry[]): Question[] {
  const rng = createRng(`glossary.${entry.slug}|meaning`);
  const mentionsItself = (e: GlossaryEntry) => e.match.some((m) => e.meaning.includes(m));
  const others = shuffle(
    studied.filter((o) => o.slug !== entry.slug && !mentionsItself(o) && similarity(o.meaning, entry.meaning) < 0.2 && !containedIn(entry.term, o.meaning)),
    rng,
  ).slice(0, 3);
  if (others.length < 2 || mentionsItself(entry)) return [];
  const meaning = shortMeaning(entry.meaning);
  const choices = shuffle([meaning, ...others.map((o) => shortMeaning(o.meaning))], rng);
  return [
    finishQuestion({
      kind: 'acronym-meaning',
      prompt: `What is meant by “${entry.term}”?`,
      choices,
      answer: choices.indexOf(meaning),
      explanation: `${entry.term} means ${entry.expansions[0]!.text}: ${learnerMeaning(entry.meaning)}`,
      citation: kb.citation(`glossary.${entry.slug}`),
      ...criterionOf(entry),
      topicKey: `glossary.${entry.slug}|meaning`,
    }),
  ];
}

/** A meaning without the register's internal pointers ("see the legislation register"). */
function learnerMeaning(meaning: string): string {
  return meaning.replace(/[;.]?\s*see the legislation register\.?/i, '.').replace(/\.\.$/, '.');
}

/** The first clause of a meaning, without asides after a semicolon ("; see the … register"). */
export function shortMeaning(meaning: string): string {
  return meaning.split(/(?<=\.)\s|;/)[0]!.replace(/\.$/, '').trim();
}

/** "a four-step model for handling a complaint", unless it gives the answer away. */
function describe(entry: GlossaryEntry, answer: string): string {
  const lead = entry.meaning.split(/[:;.]/)[0]!.trim();
  if (lead.length > 70 || containedIn(answer, lead)) return '';
  // "A four-step model…" reads as "a four-step model…"; a name ("Pearson's…") keeps its capital.
  return /^(A|An|The)\b/.test(lead) ? lead.charAt(0).toLowerCase() + lead.slice(1) : lead;
}

function criterionOf(entry: GlossaryEntry): { criterionId: string | null; unit: number | null } {
  const criterion = entry.appearsIn.find((id) => /^u\d+\.ac\d+\.\d+$/.test(id));
  return { criterionId: criterion ?? null, unit: criterion ? Number(/^u(\d+)/.exec(criterion)![1]) : null };
}
