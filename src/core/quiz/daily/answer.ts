/**
 * A learner's answer to the daily question: one per learner (claimed in the store, so a double
 * click or a second instance cannot count twice), private feedback with the explanation, and the
 * answer counted for progress, the scope's leaderboard, spaced repetition and the streak.
 */
import type { CommandContext } from '../../commands/types.js';
import type { Deps } from '../../deps.js';
import { UserFacingError } from '../../errors.js';
import { reply, text, type Reply } from '../../reply.js';
import { recordAnswer } from '../progress-store.js';
import { feedbackBlocks } from '../render.js';
import { recordDailyStreak } from '../streaks.js';
import type { QuizBank } from '../types.js';
import { DAILY_TTL_MS, getAnswer, getPost, saveAnswer } from './daily-store.js';

/**
 * Scores a daily answer from the payload of a `qd:` button ("<postId>.<choice>").
 * @example await answerDaily('3f2a9c1b7d4e.2', context, bank, deps)
 */
export async function answerDaily(payload: string, context: CommandContext, bank: QuizBank, deps: Deps): Promise<Reply> {
  const match = /^([0-9a-f]{12})\.(\d)$/.exec(payload);
  if (!match) throw new UserFacingError('expired', 'That button has expired. Wait for the next daily question.');
  const [, postId, choiceText] = match as unknown as [string, string, string];
  const post = await getPost(postId, deps);
  const question = post ? bank.get(post.questionId) : undefined;
  if (!post || !question) throw new UserFacingError('expired', 'That daily question has expired. Wait for the next one.');
  const choice = Number(choiceText);
  if (choice >= question.choices.length) throw new UserFacingError('invalid_argument', 'That is not one of the choices.');
  const previous = await getAnswer(postId, context.userId, deps);
  if (previous) return alreadyAnswered();
  if (post.closedAt !== null) {
    const answer = question.choices[question.answer]!;
    return reply([text(`This question has closed and its results are out. The answer was **${answer}**.`), text(question.explanation)], {
      ephemeral: true, citations: [question.citation],
    });
  }
  if (!(await deps.stores.claim(`daily-answer|${postId}|${context.userId}`, DAILY_TTL_MS))) return alreadyAnswered();
  const now = deps.clock.now();
  const correct = choice === question.answer;
  await saveAnswer(postId, context.userId, { choice, correct, at: now }, deps);
  await recordAnswer(
    { userId: context.userId, scopeId: context.scopeId, questionId: question.id, criterionId: question.criterionId, unit: question.unit, correct, at: now, source: 'daily' },
    deps,
  );
  const streak = await recordDailyStreak(context.userId, { postId, previousPostId: post.previousPostId, at: now, timeZone: post.timeZone }, deps);
  const streakLine =
    streak.current > 1 ? `🔥 Daily streak: ${streak.current} in a row (best ${streak.best}).` : 'Daily streak started: answer tomorrow to keep it going.';
  return reply([...feedbackBlocks(question, choice), text(streakLine)], { ephemeral: true, citations: [question.citation] });
}

function alreadyAnswered(): Reply {
  return reply([text('You have already answered this daily question: one answer each. Results follow later.')], { ephemeral: true });
}
