/**
 * Questions on the topic notes' "Common Misconceptions & Mistakes to Avoid": which of these is a
 * mistake? The right answer is a misconception; the distractors are practices the same notes'
 * examiner marking points reward ("Award credit for accurately citing specific legislation"),
 * rewritten as the same kind of "-ing" phrase so grammar gives nothing away.
 */
import type { TopicNote } from '../../knowledge/types.js';
import { createRng, sentenceCase, shuffle } from '../text.js';
import type { Question } from '../types.js';
import { finishQuestion } from './question-id.js';
import { type QuizKnowledge, supportedBy, supportTexts, tooSimilar } from './support.js';

/** Marking points phrased as rewarded practice, with the wording that introduces them removed. */
const REWARDED = [/^Award credit for (\w+ing\b.*)$/i, /^Credit should be given for (\w+ing\b.*)$/i, /^Credit responses that demonstrate (.*)$/i];

/** One question per misconception with at least two rewarded practices to set against it. */
export function noteQuestions(kb: QuizKnowledge): Question[] {
  const practices = kb.notes.flatMap((note) => rewardedPractices(note).map((text) => ({ text, slug: note.slug })));
  const mistakes = kb.notes.flatMap((note) => (note.sections.find((s) => s.kind === 'misconceptions')?.items ?? []).map((text) => ({ text, note })));
  return mistakes.flatMap(({ text, note }) => {
    const recordId = `note.${note.slug}.misconceptions`;
    const rng = createRng(`${recordId}|${text}`);
    const mistakeTexts = mistakes.map((m) => m.text);
    const pool = shuffle(practices, rng)
      .sort((a, b) => Number(b.slug === note.slug) - Number(a.slug === note.slug))
      .map((p) => p.text)
      .filter((p) => !supportedBy(p, supportTexts(kb, recordId)) && !mistakeTexts.some((m) => tooSimilar(m, p)));
    const distractors = pool.slice(0, 3);
    if (distractors.length < 2) return [];
    const correct = trimSentence(text);
    const choices = shuffle([correct, ...distractors], rng);
    const link = note.links[0];
    return [
      finishQuestion({
        kind: 'misconception',
        prompt: `The topic note “${note.title}” warns about common mistakes. Which of these is one of them?`,
        choices,
        answer: choices.indexOf(correct),
        explanation: `“${correct}” is listed as a common mistake to avoid. The other choices are things examiners give credit for.`,
        citation: kb.citation(recordId),
        criterionId: link ? `u${link.unit}.ac${link.acs[0]}` : null,
        unit: link?.unit ?? null,
        topicKey: `${recordId}|${text.slice(0, 30)}`,
      }),
    ];
  });
}

/** A note's marking points that say what earns credit, as "-ing" phrases. */
export function rewardedPractices(note: TopicNote): string[] {
  const points = note.sections.find((s) => s.kind === 'marking-points')?.items ?? [];
  return points.flatMap((point) => {
    for (const pattern of REWARDED) {
      const match = pattern.exec(point);
      if (!match) continue;
      const body = match[1]!.startsWith('application') ? `demonstrating ${match[1]}` : match[1]!;
      return [trimSentence(sentenceCase(body))];
    }
    return [];
  });
}

function trimSentence(value: string): string {
  return value.trim().replace(/\.$/, '');
}
