/**
 * Questions and feedback as neutral Replies. Choices become buttons; when a choice is too long
 * for a button label on every platform (Slack 75 characters), the choices are listed as A, B, C…
 * and the buttons carry the letters.
 */
import { type Block, type Button, formatCitation, heading, list, text } from '../reply.js';
import type { Question } from './types.js';

/** The longest label every platform shows in full (Slack 75, Discord 80). */
export const MAX_LABEL = 75;

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** A question as blocks plus one row of answer buttons whose ids come from `buttonId`. */
export function questionBlocks(
  question: Question,
  title: string,
  buttonId: (choice: number) => string,
): { blocks: Block[]; buttons: Button[][] } {
  const longChoices = question.choices.some((choice) => choice.length > MAX_LABEL);
  const blocks: Block[] = [heading(title), text(question.prompt)];
  if (longChoices) blocks.push(list(question.choices.map((choice, i) => `**${LETTERS[i]}.** ${choice}`)));
  const buttons = question.choices.map((choice, i) => ({ id: buttonId(i), label: longChoices ? LETTERS[i]! : choice }));
  return { blocks, buttons: [buttons] };
}

/**
 * "Correct!" or "Not quite", the right answer and the explanation. With `inlineSource` the source
 * is written under the explanation: used when the same Reply goes on to the next question, so the
 * Reply's own citation line (shown at the end) would sit under the wrong question.
 */
export function feedbackBlocks(question: Question, chosen: number, inlineSource = false): Block[] {
  const right = chosen === question.answer;
  const answer = question.choices[question.answer]!;
  const blocks = [text(right ? `✅ **Correct!** ${answer}` : `❌ **Not quite.** The answer is: **${answer}**`), text(question.explanation)];
  if (inlineSource) blocks.push(text(`_Source: ${formatCitation(question.citation)}_`));
  return blocks;
}

/** A short label for a choice, for messages such as "you chose B". */
export function choiceLabel(question: Question, index: number): string {
  const choice = question.choices[index] ?? '';
  return question.choices.some((c) => c.length > MAX_LABEL) ? `${LETTERS[index]}. ${choice}` : choice;
}
