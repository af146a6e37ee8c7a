/**
 * "Which of these is listed under …?" questions from the amplification lists. The right answer is
 * a member of the list; the wrong answers are chosen to make the learner think, from the most
 * plausible pool that is still safe:
 *
 * 1. curated: wrong answers written for a closed list (`knowledge/quiz/distractors.json`);
 * 2. same kind: members of another criterion's list of the same polarity and role ("a benefit of
 *    team working" offered against "the importance of keeping promises"), from the same area of
 *    the qualification for neutral lists;
 * 3. same polarity, another role (a practice offered as a benefit, a cause as a consequence);
 * 4. the old safe pools: a neutral list from another area, then the opposite polarity.
 *
 * Every candidate passes the same guards, whatever its pool: the cited criterion does not support
 * it, it shares no meaningful word with anything the criterion says, it is not a law name, a human
 * review has not ruled it out, and a same-polarity outcome must be specific to its own subject
 * ("feeling of belonging"), not an outcome that fits anything ("customer satisfaction").
 */
import { stemmer } from 'stemmer';
import { contentStems, createRng, sentenceCase, shuffle, words } from '../text.js';
import type { Question } from '../types.js';
import { curatedDistractors } from './curated.js';
import { areaOf, listsOf, type SpecList } from './lists.js';
import { finishQuestion } from './question-id.js';
import { avoidAsAnswer, avoidAsDistractor } from './review.js';
import { type QuizKnowledge, supportedBy, supportTexts, tooSimilar } from './support.js';

/** Names of laws and regulations (and their abbreviations). */
export const LAW = /\b(acts?|regulations?|riddor|coshh|weee|gdpr)\b/i;

/** Words too common in criterion texts to say anything about a distractor. */
const GENERIC_STEMS = new Set(['custom', 'servic', 'organis', 'product', 'explain', 'describ', 'state', 'outlin', 'identifi', 'type', 'differ']);

/**
 * Outcomes that follow from almost anything done well (or badly) in customer service: offered as
 * "a benefit of something else" they would be arguably right, so same-polarity candidates may not
 * use them.
 */
const UNIVERSAL_STEMS = new Set(
  ('satisfaction satisfied loyalty retention reputation image profit profitability revenue sales business income spend ' +
    'complaints confidence trust efficiency effective goodwill brand competitiveness experience quality consistent reliable ' +
    'relationships motivation morale standards performance targets success growth costs money loss losses criticism objectives goals achievement compliance legal obligations expectations exceed')
    .split(' ')
    .map((word) => stemmer(word)),
);

/** Which pool a candidate came from, most plausible first. */
type Pool = 'curated' | 'same-kind' | 'same-polarity' | 'other' | 'opposite';
const POOL_RANK: Record<Pool, number> = { curated: 0, 'same-kind': 1, 'same-polarity': 2, other: 3, opposite: 4 };

interface Candidate {
  text: string;
  pool: Pool;
  sameUnit: boolean;
  sameArea: boolean;
  why: string | null;
  /** Its number of words and grammatical shape, for ranking. */
  length: number;
  shape: string;
}

/** Builds one question per list that has enough safe distractors. */
export function listQuestions(kb: QuizKnowledge): Question[] {
  const lists = kb.criteria.flatMap((criterion) => listsOf(criterion));
  // How often each wrong answer has been offered: spreads them over the bank instead of the same
  // three best-ranked ones answering every benefits question.
  const used = new Map<string, number>();
  const members = memberTable(lists);
  return lists.flatMap((list) => {
    const question = listQuestion(list, members, kb, used);
    return question ? [question] : [];
  });
}

/** The label a learner sees: "Barriers" or "Equality Act (2010): nine protected characteristics". */
export const listLabel = (list: SpecList) => (list.head ? `${list.topic}: ${list.head}` : list.topic);

/** Lists whose members read as the opposite of their heading ("misuse of social media platform" under "Importance of security settings"). */
const MIXED_LISTS = new Set(['u6.ac2.4|Importance of security settings|']);

/**
 * Which pool another list's members fall in for this list, or null when they may not be offered.
 * Neutral lists of one area overlap easily ("responsiveness" vs a staff attitude), and so do the
 * benefits (or the harms) of one area: only practices, under the word guards, come from the same
 * area; a good or bad list takes the same polarity only from another area ("feeling of belonging",
 * a benefit of team working, is no importance of reporting accidents).
 */
export function poolFor(target: SpecList, source: SpecList): Exclude<Pool, 'curated'> | null {
  if (source.criterion.id === target.criterion.id || MIXED_LISTS.has(source.key)) return null;
  const sameArea = areaOf(source.criterion.unit) === areaOf(target.criterion.unit);
  if (target.cls === 'neutral') {
    if (source.cls !== 'neutral') return null;
    if (sameArea) return target.role === 'practice' && source.role === 'practice' ? 'same-kind' : null;
    return source.role === target.role && target.role !== 'type' ? 'same-kind' : 'other';
  }
  if (source.cls === 'neutral') return null;
  if (source.cls !== target.cls) return 'opposite';
  // In one area the same role is arguably right (a customer's sarcasm is "inappropriate
  // behaviour" too); another role is not (a cause is no consequence, a technique no benefit).
  if (sameArea) return source.role === target.role ? null : 'same-polarity';
  // Another area's harms are either silly (a flood as a challenging customer's behaviour) or
  // arguably right (a power cut is a barrier to service): a bad list stays in its own area.
  if (target.cls === 'bad') return null;
  return source.role === target.role ? 'same-kind' : 'same-polarity';
}

/** The grammatical shape of a choice, so a lone proper name or "-ing" phrase does not stand out. */
function shape(text: string): string {
  const parts = text.split(/\s+/);
  if (parts.some((w, i) => (i > 0 && /^[A-Z]/.test(w)) || /[a-z][A-Z]/.test(w) || /^[A-Z]{2,}/.test(w))) return 'name';
  if (/ing$/i.test(parts[0]!)) return 'ing';
  if (/^to$/i.test(parts[0]!)) return 'to';
  return parts.length === 1 ? 'one' : parts.length <= 3 ? 'short' : 'long';
}

function listQuestion(list: SpecList, members: readonly Member[], kb: QuizKnowledge, used: Map<string, number>): Question | null {
  const rng = createRng(list.key);
  const answerable = list.members.filter((m) => !avoidAsAnswer(list.key, m));
  const short = answerable.filter((m) => words(m).length <= 6);
  const from = short.length > 0 ? short : answerable;
  if (from.length === 0) return null;
  const correct = from[rng.int(0, from.length - 1)]!;
  const candidates = candidatesFor(list, members);
  const isSafe = safetyCheck(list, kb);
  const correctLength = words(correct).length;
  const correctShape = shape(correct);
  // Another area's benefits or practices are further from the subject: same-area candidates of another role compete with them.
  const areaPenalty = 8;
  const ranked = candidates
    .map((c) => ({
      ...c,
      rank:
        POOL_RANK[c.pool] * 10 +
        (c.sameArea ? 0 : areaPenalty) +
        (c.sameUnit ? 0 : 1) +
        Math.min(Math.abs(c.length - correctLength), 4) +
        (c.shape === correctShape ? 0 : 2) +
        2 * (used.get(c.text.toLowerCase()) ?? 0) +
        rng.int(0, 100) / 50,
    }))
    .sort((a, b) => a.rank - b.rank || a.text.localeCompare(b.text));
  // The safety checks are the expensive part: run them in rank order only until three are found.
  const chosen: Candidate[] = [];
  for (const candidate of ranked) {
    if (chosen.length === 3) break;
    if ([correct, ...chosen.map((c) => c.text)].some((text) => tooSimilar(text, candidate.text))) continue;
    if (isSafe(candidate)) chosen.push(candidate);
  }
  if (chosen.length < 2) return null;
  for (const c of chosen) used.set(c.text.toLowerCase(), (used.get(c.text.toLowerCase()) ?? 0) + 1);
  const choices = shuffle([correct, ...chosen.map((c) => c.text)], rng).map(sentenceCase);
  const { criterion } = list;
  const label = listLabel(list);
  const shown = list.members.slice(0, 9).join('; ');
  const reasons = chosen.flatMap((c) => (c.why ? [`“${sentenceCase(c.text)}”: ${c.why}`] : []));
  return finishQuestion({
    kind: 'list-member',
    prompt: `In Unit ${criterion.unit}, AC ${criterion.ac} (${criterion.text}), which of these is listed under “${label}”?`,
    choices,
    answer: choices.indexOf(sentenceCase(correct)),
    explanation: `AC ${criterion.ac} lists under “${label}”: ${shown}${list.members.length > 9 ? '; …' : ''}. The other choices are not on that list.${reasons.length > 0 ? ` ${reasons.join(' ')}` : ''}`,
    citation: kb.citation(criterion.id),
    criterionId: criterion.id,
    unit: criterion.unit,
    topicKey: list.key,
  });
}

/** A list member as a possible wrong answer elsewhere: its text, its meaningful words and the lists it is in. */
interface Member {
  text: string;
  isLaw: boolean;
  length: number;
  shape: string;
  lists: SpecList[];
}

/** Every distinct member of every list, computed once per build (the build is on the start-up path). */
function memberTable(lists: readonly SpecList[]): Member[] {
  const byKey = new Map<string, Member>();
  for (const list of lists) {
    for (const text of list.members) {
      const key = text.toLowerCase();
      const member = byKey.get(key);
      if (member) member.lists.push(list);
      else byKey.set(key, { text, isLaw: LAW.test(text), length: words(text).length, shape: shape(text), lists: [list] });
    }
  }
  return [...byKey.values()];
}

/** Every wrong answer this list may offer, with its most plausible pool (not yet checked: see {@link safetyCheck}). */
function candidatesFor(list: SpecList, members: readonly Member[]): Candidate[] {
  const area = areaOf(list.criterion.unit);
  const candidates: Candidate[] = curatedDistractors(list.key).map((d) => ({
    text: d.text, pool: 'curated' as const, sameUnit: true, sameArea: true, why: d.why, length: words(d.text).length, shape: shape(d.text),
  }));
  for (const member of members) {
    // A law is only ever a distractor in a law question (see law-questions.ts), where what it governs is checked.
    if (member.isLaw) continue;
    let best: { pool: Exclude<Pool, 'curated'>; source: SpecList } | null = null;
    for (const source of member.lists) {
      const pool = poolFor(list, source);
      if (pool === null) continue;
      const better = !best || POOL_RANK[pool] < POOL_RANK[best.pool] || (pool === best.pool && source.criterion.unit === list.criterion.unit);
      if (better) best = { pool, source };
    }
    if (!best) continue;
    candidates.push({
      text: member.text,
      pool: best.pool,
      sameUnit: best.source.criterion.unit === list.criterion.unit,
      sameArea: areaOf(best.source.criterion.unit) === area,
      why: null,
      length: member.length,
      shape: member.shape,
    });
  }
  return candidates;
}

/** The guards every wrong answer passes, whatever its pool. */
function safetyCheck(list: SpecList, kb: QuizKnowledge): (candidate: Candidate) => boolean {
  const evidence = supportTexts(kb, list.criterion.id);
  const topicStems = new Set(contentStems(`${listLabel(list)} ${list.criterion.text}`).filter((stem) => !GENERIC_STEMS.has(stem)));
  // Every meaningful word of the criterion's own content: a distractor using one of them might
  // belong after all ("Service Level Agreements" where etiquette mentions response times "e.g. SLA").
  const contentWords = new Set(evidence.flatMap((statement) => contentStems(statement)).filter((stem) => !GENERIC_STEMS.has(stem)));
  return (candidate) => {
    const stems = contentStems(candidate.text);
    // A neutral distractor sharing a word with the list's own subject may well belong to it
    // ("safety of customers and staff" for support gained through health and safety law).
    if (list.cls === 'neutral' && stems.some((stem) => topicStems.has(stem))) return false;
    if (stems.some((stem) => contentWords.has(stem))) return false;
    if ((candidate.pool === 'same-kind' || candidate.pool === 'same-polarity') && list.cls !== 'neutral' && stems.some((stem) => UNIVERSAL_STEMS.has(stem))) return false;
    if (avoidAsDistractor(list.key, candidate.text)) return false;
    return !supportedBy(candidate.text, evidence) && !list.members.some((m) => tooSimilar(m, candidate.text));
  };
}
