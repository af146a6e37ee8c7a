/**
 * An answer as the neutral Reply (blocks, citations as data, feedback buttons) and as plain text
 * (the JSON `answer` field, the evaluator).
 */
import { heading, list, reply, text, toPlainText, type Block, type Reply } from '../reply.js';
import { startQuizButton } from '../quiz/buttons.js';
import { feedbackButtonIds } from './feedback.js';
import { OFFERED_QUIZ_LENGTH } from './quiz-offer.js';
import type { Answer } from './types.js';

/** The answer's body as Reply blocks. */
export function answerBlocks(answer: Answer): Block[] {
  const blocks: Block[] = [];
  for (const part of answer.parts) {
    if (part.kind === 'lead') blocks.push(heading(part.text));
    else if (part.kind === 'point') blocks.push(list(part.items ?? []));
    else if (part.kind === 'examples' || part.kind === 'related') {
      blocks.push(text(part.kind === 'related' ? `**${part.text}**` : part.text));
      blocks.push(list(part.items ?? []));
    } else blocks.push(text(part.text));
  }
  return blocks;
}

/**
 * The Reply for an answer: grounded answers carry their citations and the feedback buttons; a quiz
 * offer carries the button that starts the quiz.
 * @example answerReply(answer).citations[0] // { source: 'u1.ac4.4', unit: 1, ac: '4.4', title: '…' }
 */
export function answerReply(answer: Answer): Reply {
  const ids = feedbackButtonIds(answer.id);
  return reply(answerBlocks(answer), {
    citations: answer.citations,
    buttons: answer.quiz
      ? [[startQuizButton(OFFERED_QUIZ_LENGTH, answer.quiz.unit, 'Start a quiz')]]
      : answer.grounded
        ? [[{ id: ids.up, label: 'Helpful' }, { id: ids.down, label: 'Not helpful' }]]
        : [],
    // Refusals and prompts are for the asker only; grounded answers are worth sharing.
    ephemeral: !answer.grounded,
  });
}

/** The answer body as plain text, without the citation line or buttons. */
export function answerText(answer: Answer): string {
  return toPlainText(reply(answerBlocks(answer)));
}
