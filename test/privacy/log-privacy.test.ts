/**
 * Personal data never reaches the logs, from any surface, and never reaches an LLM unredacted.
 *
 * One capturing logger at trace level is shared by every surface: the terminal chat, the CLI's
 * ask and review (JSON lines), Slack (commands, mentions, DMs, buttons, the review form, the
 * message shortcut, a failing Slack API), Discord (commands, the review form, buttons, a failing
 * REST call), every core command (valid and invalid options, errors), and the LLM path (ask,
 * review and the quiz's own generation against the fake OpenAI server, which also fails). Then
 * the whole log is searched for each piece of personal data.
 */
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formCallbackId } from '../../src/adapters/slack/render.js';
import { startTerminalChat } from '../../src/adapters/terminal/chat.js';
import { answerJsonLines } from '../../src/cli/ask.js';
import { reviewJsonLines } from '../../src/cli/review.js';
import { runAction, runCommand } from '../../src/core/commands/dispatch.js';
import { COMMANDS } from '../../src/core/commands/index.js';
import { createLlm } from '../../src/core/llm/create-llm.js';
import { createLogger } from '../../src/core/logger.js';
import { warmQuizBank } from '../../src/core/quiz/warm-up.js';
import { startHarness } from '../adapters/discord/harness.js';
import { buttonClick, commandFields, directMessage, envelope, formSubmission, mention, messageShortcut } from '../adapters/slack/payloads.js';
import { settle, startSlackHarness } from '../adapters/slack/harness.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { testContext, testDeps } from '../helpers/test-deps.js';

/** Each piece of personal data, as a learner might type it. */
const PERSONAL = {
  name: 'Priya Sharma',
  card: '4111 1111 1111 1111',
  cardCompact: '4111111111111111',
  email: 'priya.sharma@example.com',
  phone: '07700 900123',
  ni: 'AB 12 34 56 C',
  postcode: 'SW1A 1AA',
};
/** Words that only the learner's own question and draft contain. */
const QUESTION = `My name is ${PERSONAL.name} and my email is ${PERSONAL.email}: what does LASS stand for in the zebracorn unit?`;
const DRAFT =
  `Dear ${PERSONAL.name},\n\nThank you for calling. I have noted your card ${PERSONAL.card} (also ${PERSONAL.cardCompact}), your NI number ${PERSONAL.ni}, ` +
  `phone ${PERSONAL.phone} and postcode ${PERSONAL.postcode}. Our quillfeather desk will ring you back.\n\nKind regards,\nSam`;
const MARKERS = [...Object.values(PERSONAL), 'zebracorn', 'quillfeather'];

let output = '';
const sink = new Writable({
  write(chunk, _encoding, done) {
    output += String(chunk);
    done();
  },
});
const logger = createLogger('trace', sink);
let openai: FakeOpenAI;

beforeAll(async () => {
  openai = await startFakeOpenAI();
});
afterAll(async () => {
  await openai.close();
  // The final search, over everything every surface logged.
  expect(output.length).toBeGreaterThan(10_000);
  for (const marker of MARKERS) expect(output, marker).not.toContain(marker);
});

function expectClean(since: number) {
  const written = output.slice(since);
  expect(written.length, 'the surface logged something').toBeGreaterThan(0);
  for (const marker of MARKERS) expect(written, marker).not.toContain(marker);
}

describe('logs hold no personal data', () => {
  it('from the terminal chat', async () => {
    const since = output.length;
    const deps = await testDeps({ logger });
    const input = Readable.from([`${QUESTION}\n`, 'tell me more\n', `/review\n`, `${DRAFT.replace(/\n+/g, ' ')}\n`, '.\n', '/quiz unit Priya Sharma\n', '/quiz 1\n', '1\n', '/forget-me\n', 'quit\n']);
    const out = new PassThrough();
    out.resume();
    const chat = startTerminalChat(deps, { input, output: out, interactive: false, osUser: 'priya' });
    await chat.done;
    expectClean(since);
  });

  it('from the CLI (ask and review as JSON lines)', async () => {
    const since = output.length;
    const deps = await testDeps({ logger });
    const lines: string[] = [];
    await answerJsonLines(Readable.from([`${JSON.stringify({ id: '1', question: QUESTION })}\n`, 'not json with Priya Sharma\n']), (l) => lines.push(l), deps);
    await reviewJsonLines(Readable.from([`${JSON.stringify({ id: '2', text: DRAFT })}\n`, `${JSON.stringify({ id: '3', text: '' })}\n`]), (l) => lines.push(l), deps);
    expect(lines).toHaveLength(4);
    expectClean(since);
  });

  it('from every core command, with valid and invalid options', async () => {
    const since = output.length;
    const deps = await testDeps({ logger });
    const context = testContext({ userId: 'slack:T1:UPRIYA', isAdmin: true });
    for (const command of COMMANDS) {
      await runCommand(command.name, command.parseText(QUESTION), context, deps);
      await runCommand(command.name, { question: DRAFT, draft: DRAFT, unit: PERSONAL.name, count: PERSONAL.phone, period: PERSONAL.email, action: PERSONAL.ni, time: PERSONAL.postcode, timezone: PERSONAL.email }, context, deps);
    }
    await runCommand(PERSONAL.email, {}, context, deps);
    await runAction(`qa:${PERSONAL.cardCompact}`, context, deps);
    await runAction(`ask-feedback:${PERSONAL.email}`, context, deps);
    await runAction(`forget-me:yes.${PERSONAL.cardCompact}.1`, context, deps);
    expectClean(since);
  });

  it('from Slack, including a failing Slack API', async () => {
    const since = output.length;
    const h = await startSlackHarness({ logger });
    try {
      await h.send.command(commandFields({ command: '/ask', text: QUESTION, responseUrl: h.fake.responseUrl('ask') }));
      await h.send.command(commandFields({ command: '/review', text: DRAFT, responseUrl: h.fake.responseUrl('review') }));
      await h.send.command(commandFields({ command: '/quiz', text: PERSONAL.name, responseUrl: h.fake.responseUrl('quiz') }));
      await h.send.event(envelope(mention(QUESTION)));
      await h.send.event(envelope(directMessage(DRAFT)));
      await h.send.interaction(buttonClick({ value: `ask-feedback:${PERSONAL.cardCompact}`, responseUrl: h.fake.responseUrl('button') }));
      await h.send.interaction(messageShortcut({ text: DRAFT, responseUrl: h.fake.responseUrl('shortcut') }));
      await h.send.interaction(formSubmission({ callbackId: formCallbackId('review'), value: DRAFT }));
      h.fake.fail('chat.postMessage', { error: 'channel_not_found', times: 1 });
      await h.send.event(envelope(mention(QUESTION)));
      await h.fake.waitFor(() => h.fake.responses.length >= 4, 10_000);
      await settle(500);
    } finally {
      await h.close();
    }
    expect(output.slice(since)).toContain('"surface":"slack"');
    expectClean(since);
  });

  it('from Discord, including a failing REST call', async () => {
    const since = output.length;
    const h = await startHarness({ logger });
    try {
      const ask = h.fake.command('ask', [{ name: 'question', type: 3, value: QUESTION }]);
      await h.webhook(ask, 'PATCH');
      const review = h.fake.modalSubmit('form:review', { draft: DRAFT });
      await h.webhook(review, 'PATCH');
      const quiz = h.fake.command('quiz', [{ name: 'unit', type: 4, value: 3 }]);
      await h.callback(quiz);
      h.fake.fail('POST', /callback/, { status: 500, times: 3 });
      const failing = h.fake.command('ask', [{ name: 'question', type: 3, value: QUESTION }]);
      await settle(1500);
      expect(h.fake.forToken(failing).length).toBeGreaterThan(0);
      h.fake.button(`qa:${PERSONAL.cardCompact}`);
      await settle(300);
    } finally {
      await h.close();
    }
    expect(output.slice(since)).toContain('"surface":"discord"');
    expectClean(since);
  });

  it('from the LLM path, which also never receives personal data unredacted and always carries a token limit', async () => {
    const since = output.length;
    const base = await testDeps({ logger }, openai.env());
    // The LLM client logs through its own logger: give it the capturing one too.
    const deps = { ...base, llm: createLlm(base.config.llm, { logger, clock: base.clock }) };
    const context = testContext({ userId: 'discord:111111111111111111' });
    openai.onChat((request) => {
      const schema = request.body.response_format?.json_schema?.name;
      if (schema === 'quiz_question') return { status: 500 };
      return { json: schema === 'ask_answer' ? { answer: 'LASS: Listen, Apologise, Solve, Say thank you.', sources: [1] } : { suggestions: [] } };
    });
    await runCommand('ask', { question: QUESTION }, context, deps);
    await runCommand('review', { draft: DRAFT }, context, deps);
    await runCommand('quiz', { count: 2, unit: 3 }, context, deps);
    await warmQuizBank(deps, { delayMs: 0, limits: { recordsPerRun: 2, maxTokens: 400, maxQuestions: 2 } });
    // The endpoint now fails: errors and fallbacks are logged too.
    openai.onChat(() => ({ status: 500 }));
    await runCommand('ask', { question: QUESTION }, context, deps);
    await runCommand('review', { draft: DRAFT }, context, deps);

    const requests = openai.chatRequests();
    expect(requests.length).toBeGreaterThanOrEqual(4);
    for (const request of requests) {
      const limit = request.body.max_tokens ?? request.body.max_completion_tokens;
      expect(limit, 'every LLM call carries a token limit').toBeGreaterThan(0);
      expect(limit).toBeLessThanOrEqual(1000);
    }
    const sent = openai.sentText();
    for (const marker of Object.values(PERSONAL)) expect(sent, marker).not.toContain(marker);
    expect(sent).toContain('zebracorn'); // the (redacted) question itself is what the model answers
    expect(output.slice(since)).toContain('"msg":"llm call"');
    expectClean(since);
  });
});
