import { describe, expect, it } from 'vitest';
import { runAction, runCommand } from '../../../src/core/commands/dispatch.js';
import { parseQuizText } from '../../../src/core/commands/quiz.js';
import { getQuizBank } from '../../../src/core/quiz/bank/build-bank.js';
import { getUserStats } from '../../../src/core/quiz/progress-store.js';
import { ownerTag, type QuizSession } from '../../../src/core/quiz/sessions.js';
import { toPlainText, type Reply } from '../../../src/core/reply.js';
import { testContext, testDeps } from '../../helpers/test-deps.js';

const answerButtons = (reply: Reply) => reply.buttons.flat().filter((b) => b.id.startsWith('qa:'));

/**
 * Finds the right and a wrong button of the question a reply shows, via the stored session (the
 * button carries the session id and the question's index; several questions share a prompt).
 */
async function buttonsFor(reply: Reply, deps: Awaited<ReturnType<typeof testDeps>>, context: { userId: string }) {
  const bank = getQuizBank(deps.knowledge);
  const buttons = answerButtons(reply);
  const [sessionId, , index] = buttons[0]!.id.slice('qa:'.length).split('.');
  const session = await deps.stores.ns<QuizSession>('quiz-sessions').get(`session|${context.userId}|${sessionId}`);
  const shown = bank.get(session!.questionIds[Number(index)]!)!;
  return { right: buttons[shown.answer]!, wrong: buttons[(shown.answer + 1) % buttons.length]!, question: shown };
}

describe('quiz sessions', () => {
  it('asks the requested number of questions and scores each answer at once with explanation and citation', async () => {
    const deps = await testDeps();
    const context = testContext();
    let reply = await runCommand('quiz', { count: 3 }, context, deps);
    expect(reply.ephemeral).toBe(true);
    expect(toPlainText(reply)).toMatch(/Question 1 of 3/);
    const first = await buttonsFor(reply, deps, context);
    reply = await runAction(first.right.id, context, deps);
    expect(toPlainText(reply)).toMatch(/Correct!/);
    expect(toPlainText(reply)).toContain(first.question.explanation);
    expect(toPlainText(reply)).toContain(`Source: `);
    expect(toPlainText(reply)).toMatch(/Question 2 of 3/);
    const second = await buttonsFor(reply, deps, context);
    reply = await runAction(second.wrong.id, context, deps);
    expect(toPlainText(reply)).toMatch(/Not quite/);
    reply = await runAction((await buttonsFor(reply, deps, context)).right.id, context, deps);
    expect(toPlainText(reply)).toMatch(/Quiz finished: 2 out of 3/);
    expect(reply.citations).toHaveLength(1);
    expect(reply.buttons.flat().map((b) => b.label)).toEqual(['Another quiz']);
    const stats = await getUserStats(context.userId, deps);
    expect(stats?.all).toEqual({ n: 3, c: 2 });
  });

  it('keeps to one unit when asked', async () => {
    const deps = await testDeps();
    const reply = await runCommand('quiz', { unit: 10, count: 1 }, testContext(), deps);
    expect((await buttonsFor(reply, deps, testContext())).question.unit).toBe(10);
  });

  it('scores a question once, however often its button is pressed', async () => {
    const deps = await testDeps();
    const context = testContext();
    const reply = await runCommand('quiz', { count: 2 }, context, deps);
    const { right } = await buttonsFor(reply, deps, context);
    const [a, b] = await Promise.all([runAction(right.id, context, deps), runAction(right.id, context, deps)]);
    const texts = [toPlainText(a), toPlainText(b)];
    expect(texts.filter((t) => /already answered question 1/.test(t))).toHaveLength(1);
    expect((await getUserStats(context.userId, deps))?.all.n).toBe(1);
  });

  it("refuses an answer to someone else's quiz", async () => {
    const deps = await testDeps();
    const reply = await runCommand('quiz', { count: 2 }, testContext(), deps);
    const other = await runAction(answerButtons(reply)[0]!.id, testContext({ userId: 'terminal:someone-else' }), deps);
    expect(toPlainText(other)).toMatch(/belongs to someone else/);
  });

  it('says clearly when a quiz has expired or a button is malformed', async () => {
    const deps = await testDeps();
    expect(toPlainText(await runAction(`qa:0123456789.${ownerTag(testContext().userId)}.0.1`, testContext(), deps))).toMatch(/expired/);
    expect(toPlainText(await runAction('qa:garbage', testContext(), deps))).toMatch(/expired/);
    expect(toPlainText(await runAction('qd:nope', testContext(), deps))).toMatch(/expired/);
  });

  it('explains bad input: count out of range, unknown unit, words instead of numbers', async () => {
    const deps = await testDeps();
    expect(toPlainText(await runCommand('quiz', { count: 50 }, testContext(), deps))).toMatch(/count: must be at most 20/);
    expect(toPlainText(await runCommand('quiz', { count: 0 }, testContext(), deps))).toMatch(/count: must be at least 1/);
    expect(toPlainText(await runCommand('quiz', { unit: 12 }, testContext(), deps))).toMatch(/unit: must be at most 11/);
    expect(toPlainText(await runCommand('quiz', parseQuizText('banana'), testContext(), deps))).toMatch(/unit: must be a whole number/);
  });

  it('reads free text the way learners type it', () => {
    expect(parseQuizText('')).toEqual({});
    expect(parseQuizText('3')).toEqual({ unit: '3' });
    expect(parseQuizText('unit 4')).toEqual({ unit: '4' });
    expect(parseQuizText('u2 10 questions')).toEqual({ unit: '2', count: '10' });
    expect(parseQuizText('unit 2 count 8')).toEqual({ unit: '2', count: '8' });
    // Discord's option syntax typed into Slack or the terminal, as the progress view suggests it.
    expect(parseQuizText('unit:1')).toEqual({ unit: '1' });
    expect(parseQuizText('unit:3 count:10')).toEqual({ unit: '3', count: '10' });
    // A bare number beside a count is the unit; two bare numbers are the unit, then the count.
    expect(parseQuizText('5 3 questions')).toEqual({ unit: '5', count: '3' });
    expect(parseQuizText('5 3')).toEqual({ unit: '5', count: '3' });
    expect(parseQuizText('10 questions')).toEqual({ count: '10' });
    // Polite words are fine; anything else unreadable goes to validation, which explains it,
    // rather than being silently ignored.
    expect(parseQuizText('unit 2 please')).toEqual({ unit: '2' });
    expect(parseQuizText('unit 2 bananas')).toEqual({ unit: '2 bananas' });
    expect(parseQuizText('banana')).toEqual({ unit: 'banana' });
  });

  it('starts another quiz from the button at the end', async () => {
    const deps = await testDeps();
    const context = testContext();
    let reply = await runCommand('quiz', { count: 1, unit: 2 }, context, deps);
    reply = await runAction((await buttonsFor(reply, deps, context)).right.id, context, deps);
    const again = reply.buttons.flat()[0]!;
    expect(again.id).toBe('qn:1.2');
    const next = await runAction(again.id, context, deps);
    expect(toPlainText(next)).toMatch(/1 question from Unit 2/);
  });
});
