/**
 * "Which of these is listed under …?" questions from the amplification lists. The right answer is
 * a member of the list; distractors are members of other lists that cannot be right: a good list
 * (benefits, importance) takes them from bad lists (barriers, risks, consequences) and the other
 * way round; a neutral list (types, methods, legislation) takes them from neutral lists of other
 * units. Every distractor is checked against the criterion the question cites.
 */
import { contentStems, createRng, sentenceCase, shuffle, words } from '../text.js';
import type { Question } from '../types.js';
import { listsOf, type SpecList } from './lists.js';
import { finishQuestion } from './question-id.js';
import { avoidAsAnswer, avoidAsDistractor } from './review.js';
import { type QuizKnowledge, supportedBy, supportTexts, tooSimilar } from './support.js';

/** Names of laws and regulations (and their abbreviations). */
export const LAW = /\b(acts?|regulations?|riddor|coshh|weee|gdpr)\b/i;

/** Words too common in criterion texts to say anything about a distractor. */
const GENERIC_STEMS = new Set(['custom', 'servic', 'organis', 'product', 'explain', 'describ', 'state', 'outlin', 'identifi', 'type', 'differ']);

/** Builds one question per list that has enough safe distractors. */
export function listQuestions(kb: QuizKnowledge): Question[] {
  const lists = kb.criteria.flatMap((criterion) => listsOf(criterion));
  return lists.flatMap((list) => {
    const question = listQuestion(list, lists, kb);
    return question ? [question] : [];
  });
}

/** The label a learner sees: "Barriers" or "Equality Act (2010): nine protected characteristics". */
export const listLabel = (list: SpecList) => (list.head ? `${list.topic}: ${list.head}` : list.topic);

function listQuestion(list: SpecList, all: readonly SpecList[], kb: QuizKnowledge): Question | null {
  const rng = createRng(list.key);
  const answerable = list.members.filter((m) => !avoidAsAnswer(list.key, m));
  const short = answerable.filter((m) => words(m).length <= 6);
  const from = short.length > 0 ? short : answerable;
  if (from.length === 0) return null;
  const correct = from[rng.int(0, from.length - 1)]!;
  const evidence = supportTexts(kb, list.criterion.id);
  const topicStems = new Set(contentStems(`${listLabel(list)} ${list.criterion.text}`).filter((stem) => !GENERIC_STEMS.has(stem)));
  // Every meaningful word of the criterion's own content: a distractor using one of them might
  // belong after all ("Service Level Agreements" where etiquette mentions response times "e.g. SLA").
  const contentWords = new Set(evidence.flatMap((statement) => contentStems(statement)).filter((stem) => !GENERIC_STEMS.has(stem)));
  const candidates = all
    .filter((other) => pairs(list, other))
    .flatMap((other) => other.members.map((member) => ({ member, sameUnit: other.criterion.unit === list.criterion.unit })))
    // A law is only ever a distractor in a law question (see law-questions.ts), where what it governs is checked.
    .filter(({ member }) => !LAW.test(member))
    // A neutral distractor sharing a word with the list's own subject may well belong to it
    // ("safety of customers and staff" for support gained through health and safety law).
    .filter(({ member }) => list.cls !== 'neutral' || !contentStems(member).some((stem) => topicStems.has(stem)))
    .filter(({ member }) => !contentStems(member).some((stem) => contentWords.has(stem)))
    .filter(({ member }) => !avoidAsDistractor(list.key, member))
    .filter(({ member }) => !supportedBy(member, evidence) && !list.members.some((m) => tooSimilar(m, member)));
  const lengthGap = (value: string) => Math.abs(words(value).length - words(correct).length);
  const ranked = candidates
    .map((c) => ({ ...c, rank: lengthGap(c.member) + (c.sameUnit ? 0 : 1) + rng.int(0, 100) / 40 }))
    .sort((a, b) => a.rank - b.rank || a.member.localeCompare(b.member));
  const distractors: string[] = [];
  for (const { member } of ranked) {
    if (distractors.length === 3) break;
    if ([correct, ...distractors].some((chosen) => tooSimilar(chosen, member))) continue;
    distractors.push(member);
  }
  if (distractors.length < 2) return null;
  const choices = shuffle([correct, ...distractors], rng).map(sentenceCase);
  const { criterion } = list;
  const label = listLabel(list);
  const shown = list.members.slice(0, 9).join('; ');
  return finishQuestion({
    kind: 'list-member',
    prompt: `In Unit ${criterion.unit}, AC ${criterion.ac} (${criterion.text}), which of these is listed under “${label}”?`,
    choices,
    answer: choices.indexOf(sentenceCase(correct)),
    explanation: `AC ${criterion.ac} lists under “${label}”: ${shown}${list.members.length > 9 ? '; …' : ''}. The other choices are not on that list.`,
    citation: kb.citation(criterion.id),
    criterionId: criterion.id,
    unit: criterion.unit,
    topicKey: list.key,
  });
}

/** Which lists may lend distractors to which. */
function pairs(target: SpecList, other: SpecList): boolean {
  if (other.criterion.id === target.criterion.id) return false;
  if (target.cls === 'good') return other.cls === 'bad';
  if (target.cls === 'bad') return other.cls === 'good';
  // Neutral lists overlap too easily within an area ("responsiveness" is a service expectation in
  // Unit 1 and close to a staff attitude in Unit 2): take them from another area of the qualification.
  return other.cls === 'neutral' && areaOf(other.criterion.unit) !== areaOf(target.criterion.unit);
}

/** Areas of the qualification whose lists share vocabulary: customer service, selling, working life. */
function areaOf(unit: number): 'service' | 'selling' | 'work' {
  if (unit <= 6) return 'service';
  return unit === 9 ? 'selling' : 'work';
}
