/**
 * `/quiz` through Discord with the real core: a private quiz whose answer buttons update the
 * learner's own (ephemeral) message with feedback, explanation and citation, then the next
 * question, then the summary; someone else's button gets a private message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getQuizBank } from '../../../src/core/quiz/bank/build-bank.js';
import type { RecordedRequest } from '../../fakes/discord-server.js';
import { startHarness, type Harness } from './harness.js';

const EPHEMERAL = 64;
const LEARNER = '600000000000000011';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

type Row = { components: Array<{ custom_id: string; label: string }> };
const buttonsOf = (body: { components: Row[] }) => body.components.flatMap((row) => row.components);

/** The right and a wrong button for the question shown, found from the bank by the prompt. */
function pick(data: { embeds: Array<{ description?: string }>; components: Row[] }, wantRight: boolean) {
  const bank = getQuizBank(h.deps.knowledge);
  const shown = data.embeds.map((e) => e.description ?? '').join('\n');
  const buttons = buttonsOf(data);
  // Several questions can share a prompt; the choices (as buttons or a lettered list) tell them apart.
  const visible = `${shown}\n${buttons.map((b) => b.label).join('\n')}`;
  const question = bank.questions.find((q) => shown.includes(q.prompt) && q.choices.every((c) => visible.includes(c)));
  expect(question).toBeDefined();
  const answerIndex = question!.answer;
  const index = wantRight ? answerIndex : (answerIndex + 1) % question!.choices.length;
  return buttons.find((b) => b.custom_id.endsWith(`.${index}`))!;
}

describe('/quiz on Discord', () => {
  let first: RecordedRequest;

  it('starts a private quiz with answer buttons', async () => {
    first = await h.callback(h.fake.command('quiz', [{ name: 'unit', type: 4, value: 2 }, { name: 'count', type: 4, value: 2 }], { userId: LEARNER }));
    expect(first.body.type).toBe(4);
    expect(first.body.data.flags).toBe(EPHEMERAL);
    const text = JSON.stringify(first.body.data.embeds);
    expect(text).toContain('Question 1 of 2');
    const buttons = buttonsOf(first.body.data);
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    expect(buttons.every((b) => b.custom_id.startsWith('qa:') && b.custom_id.length <= 100)).toBe(true);
  });

  it('tells another learner privately that the quiz is not theirs', async () => {
    const button = pick(first.body.data, true);
    const { body } = await h.callback(h.fake.button(button.custom_id, { userId: '600000000000000099' }));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
  });

  it('scores an answer by updating the learner’s message, with explanation and citation', async () => {
    const right = pick(first.body.data, true);
    const second = await h.callback(h.fake.button(right.custom_id, { userId: LEARNER }));
    expect(second.body.type).toBe(7);
    const text = JSON.stringify(second.body.data.embeds);
    expect(text).toContain('Correct!');
    expect(text).toContain('Question 2 of 2');
    // The citation travels with the feedback (as a footer or a source line, as the core puts it).
    expect(text).toMatch(/Source: /);
    expect(second.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });

    const wrong = pick(second.body.data, false);
    const last = await h.callback(h.fake.button(wrong.custom_id, { userId: LEARNER }));
    expect(last.body.type).toBe(7);
    const summary = JSON.stringify(last.body.data.embeds);
    expect(summary).toContain('Not quite');
    expect(summary).toContain('Quiz finished: 1 out of 2');
    expect(buttonsOf(last.body.data).map((b) => b.label)).toEqual(['Another quiz']);
  });

  it('does not score the same question twice when an old button is pressed again', async () => {
    const again = pick(first.body.data, false);
    const { body } = await h.callback(h.fake.button(again.custom_id, { userId: LEARNER }));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
  });

  it('explains an out-of-range option instead of failing', async () => {
    const { body } = await h.callback(h.fake.command('quiz', [{ name: 'unit', type: 4, value: 12 }]));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/unit/i);
  });
});
