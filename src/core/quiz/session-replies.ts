/**
 * Session Replies: the first question, the feedback on each answer with the next question, and
 * the end-of-quiz summary with what to revise. Button ids carry only the session id, the owner's
 * short tag, the question number and the choice (`qa:<session>.<owner>.<index>.<choice>`).
 */
import type { Deps } from '../deps.js';
import { UserFacingError } from '../errors.js';
import { type Block, type Button, divider, heading, list, reply, text, type Reply } from '../reply.js';
import { QUIZ_ANSWER, startQuizButton } from './buttons.js';
import { feedbackBlocks, questionBlocks } from './render.js';
import { type AnswerOutcome, answerSession, ownerTag, type QuizSession, startSession } from './sessions.js';
import type { Question, QuizBank } from './types.js';


/** Starts a session and returns its first question. */
export async function startQuizReply(
  request: { userId: string; scopeId: string; count: number; unit: number | null },
  bank: QuizBank,
  deps: Deps,
): Promise<Reply> {
  const { session, question } = await startSession(request, bank, deps);
  const intro = text(
    `${session.questionIds.length} question${session.questionIds.length === 1 ? '' : 's'}${session.unit === null ? '' : ` from Unit ${session.unit}`}. Questions you got wrong before come back when they are due.`,
  );
  const shown = sessionQuestion(session, question, 0);
  return reply([intro, ...shown.blocks], { buttons: shown.buttons, ephemeral: true });
}

/** Scores a button press and returns the feedback plus the next question or the summary. */
export async function answerQuizReply(payload: string, userId: string, bank: QuizBank, deps: Deps): Promise<Reply> {
  const match = /^([0-9a-f]{10})\.([0-9a-f]{6})\.(\d{1,2})\.(\d)$/.exec(payload);
  if (!match) throw new UserFacingError('expired', 'That quiz button has expired. Start a new quiz with /quiz.');
  const [, sessionId, owner, index, choice] = match as unknown as [string, string, string, string, string];
  const outcome = await answerSession({ userId, sessionId, owner, index: Number(index), choice: Number(choice) }, bank, deps);
  const title = heading(`Question ${outcome.session.choices.length} of ${outcome.session.questionIds.length}`);
  if (outcome.next) {
    const shown = sessionQuestion(outcome.session, outcome.next, outcome.session.choices.length);
    const blocks = [title, ...feedbackBlocks(outcome.question, outcome.chosen, true), divider(), ...shown.blocks];
    return reply(blocks, { buttons: shown.buttons, ephemeral: true, replaceOriginal: true });
  }
  const blocks: Block[] = [title, ...feedbackBlocks(outcome.question, outcome.chosen)];
  return reply([...blocks, divider(), ...summaryBlocks(outcome, bank)], {
    citations: [outcome.question.citation],
    buttons: [[againButton(outcome.session)]],
    ephemeral: true,
    replaceOriginal: true,
  });
}

/** The "Another quiz" button payload: `<count>.<unit or 0>`. */
export function parseAgain(payload: string): { count: number; unit: number | null } {
  const match = /^(\d{1,2})\.(\d{1,2})$/.exec(payload);
  if (!match) throw new UserFacingError('expired', 'That button has expired. Start a new quiz with /quiz.');
  return { count: Number(match[1]), unit: match[2] === '0' ? null : Number(match[2]) };
}

function sessionQuestion(session: QuizSession, question: Question, index: number): { blocks: Block[]; buttons: Button[][] } {
  const owner = ownerTag(session.userId);
  return questionBlocks(question, `Question ${index + 1} of ${session.questionIds.length}`, (choice) => `${QUIZ_ANSWER}:${session.id}.${owner}.${index}.${choice}`);
}

function summaryBlocks(outcome: AnswerOutcome, bank: QuizBank): Block[] {
  const { session } = outcome;
  const total = session.questionIds.length;
  const blocks: Block[] = [heading(`Quiz finished: ${session.correct} out of ${total}`), text(verdict(session.correct, total))];
  const missed = session.questionIds.flatMap((id, i) => {
    const question = bank.get(id);
    return question && session.choices[i] !== question.answer ? [question] : [];
  });
  if (missed.length > 0) {
    const sources = [...new Map(missed.map((q) => [q.citation.source, q.citation])).values()];
    const label = (c: Question['citation']) => (c.unit === null ? c.title : `Unit ${c.unit}${c.ac ? `, AC ${c.ac}` : ''}: ${c.title}`);
    blocks.push(text('Worth revising:'), list(sources.map(label)));
    blocks.push(text('The questions you missed will come back in a later quiz.'));
  }
  return blocks;
}

function verdict(correct: number, total: number): string {
  const share = correct / total;
  if (share === 1) return 'Full marks. Well done!';
  if (share >= 0.7) return 'Good work: nearly there.';
  if (share >= 0.4) return 'A good start: have another go after revising the topics below.';
  return 'Keep going: revise the topics below and try again.';
}

function againButton(session: QuizSession): Button {
  return startQuizButton(session.questionIds.length, session.unit, 'Another quiz');
}
