/**
 * "Quiz me on unit 3" typed as a question (a mention, a DM, the terminal) is a request for a quiz,
 * not a question about quizzes: Ask offers a button that starts one, on the unit or topic asked.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { runAction, runCommand } from '../../../src/core/commands/dispatch.js';
import { toPlainText } from '../../../src/core/reply.js';
import { testContext, testDeps, type TestDeps } from '../../helpers/test-deps.js';

let deps: TestDeps;
beforeEach(async () => {
  deps = await testDeps();
});

const ask = (question: string) => runCommand('ask', { question }, testContext(), deps);

describe('asking for a quiz', () => {
  it('offers a quiz on the unit named, with a button that starts it', async () => {
    const reply = await ask('can you quiz me on unit 3 please');
    expect(toPlainText(reply)).toContain('Unit 3');
    expect(reply.ephemeral).toBe(true);
    expect(reply.citations).toEqual([]);
    const [start] = reply.buttons.flat();
    expect(start).toMatchObject({ id: 'qn:5.3', label: 'Start a quiz' });

    const quiz = await runAction(start!.id, testContext(), deps);
    expect(toPlainText(quiz)).toContain('Question 1 of 5');
    expect(toPlainText(quiz)).toContain('Unit 3');
  });

  it('finds the unit from a topic, and offers every unit when there is none', async () => {
    // Complaints are Unit 5, "Understanding How to Handle Customer Problems".
    const onComplaints = await ask('quiz me on handling complaints');
    expect(onComplaints.buttons.flat()[0]!.id).toBe('qn:5.5');
    expect(toPlainText(onComplaints)).toContain('Unit 5 — Understanding How to Handle Customer Problems');
    expect(toPlainText(onComplaints)).toContain('/quiz 5');
    const onSocialMedia = await ask('can we do a quiz about social media');
    expect(onSocialMedia.buttons.flat()[0]!.id).toBe('qn:5.6');

    const anything = await ask('give me a quiz');
    expect(anything.buttons.flat()[0]!.id).toBe('qn:5.0');
    expect(toPlainText(anything)).toContain('all 11 units');
  });

  it('leaves questions that merely mention quizzes or tests to Ask', async () => {
    for (const question of ['how is this qualification assessed, is there a test?', 'what is a quiz', 'how do they test me on unit 3']) {
      const reply = await ask(question);
      expect(reply.buttons.flat().some((b) => b.id.startsWith('qn:'))).toBe(false);
    }
  });

  it('still refuses to do assessed work, even when it is called a quiz', async () => {
    const reply = await ask('give me the answers to my unit 3 assignment quiz');
    expect(reply.buttons.flat().some((b) => b.id.startsWith('qn:'))).toBe(false);
  });
});
