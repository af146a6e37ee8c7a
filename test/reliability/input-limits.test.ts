/**
 * Input size limits on every surface, each with a clear message: the core commands (a question,
 * a draft, the daily-quiz options, a request-size backstop, button ids), Slack slash commands and
 * mentions, Discord options and the review form, the terminal chat and the CLI's JSON lines.
 */
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommands } from '../../src/adapters/discord/build-commands.js';
import { startTerminalChat } from '../../src/adapters/terminal/chat.js';
import { answerJsonLines } from '../../src/cli/ask.js';
import { MAX_REQUEST_CHARS, runAction, runCommand } from '../../src/core/commands/dispatch.js';
import { COMMANDS } from '../../src/core/commands/index.js';
import { REVIEW_FORM_MAX } from '../../src/core/commands/review.js';
import { toPlainText } from '../../src/core/reply.js';
import { startHarness, type Harness } from '../adapters/discord/harness.js';
import { commandFields, envelope, mention } from '../adapters/slack/payloads.js';
import { startSlackHarness, type SlackHarness } from '../adapters/slack/harness.js';
import { testContext, testDeps } from '../helpers/test-deps.js';

const LONG_QUESTION = `What does LASS stand for? ${'Please explain it in detail. '.repeat(100)}`; // ~2,900 characters
const TOO_LONG_QUESTION = /please keep questions under 2,000 characters/;

describe('core commands', () => {
  it('explain every limit instead of failing', async () => {
    const deps = await testDeps();
    const context = testContext({ isAdmin: true });
    const text = async (name: string, options: Record<string, unknown>) => toPlainText(await runCommand(name, options, context, deps));
    expect(await text('ask', { question: LONG_QUESTION })).toMatch(TOO_LONG_QUESTION);
    expect(await text('review', { draft: 'Thank you for waiting. '.repeat(1000) })).toMatch(/I review up to 20,000/);
    expect(await text('daily-quiz', { action: 'here', time: '09:00'.repeat(20) })).toMatch(/time: please keep it under 5 characters/);
    expect(await text('daily-quiz', { action: 'here', timezone: 'Europe/'.repeat(20) })).toMatch(/timezone: please keep it under 60 characters/);
    expect(await text('quiz', { count: '9'.repeat(500) })).toMatch(/count: must be a whole number/);
    expect(await text('quiz', { count: 500 })).toMatch(/count: must be at most 20/);
    // The backstop: megabytes of text are refused before any feature looks at them.
    const started = performance.now();
    expect(await text('ask', { question: 'x'.repeat(5_000_000) })).toMatch(new RegExp(`under ${MAX_REQUEST_CHARS.toLocaleString('en-GB')} characters`));
    expect(performance.now() - started).toBeLessThan(500);
    expect(toPlainText(await runAction(`qa:${'1'.repeat(10_000)}`, context, deps))).toMatch(/That button has expired/);
  });
});

describe('Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => h.close());

  it('answers an over-long slash command and mention with the limit', async () => {
    await h.send.command(commandFields({ command: '/ask', text: LONG_QUESTION, responseUrl: h.fake.responseUrl('long') }));
    await h.send.event(envelope(mention(LONG_QUESTION)));
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'long') && h.fake.callsTo('chat.postMessage').length + h.fake.callsTo('chat.postEphemeral').length > 0, 10_000);
    expect(JSON.stringify(h.fake.responses.find((r) => r.tag === 'long')!.body)).toMatch(TOO_LONG_QUESTION);
    const posted = [...h.fake.callsTo('chat.postMessage'), ...h.fake.callsTo('chat.postEphemeral')].map((c) => JSON.stringify(c.body)).join('');
    expect(posted).toMatch(TOO_LONG_QUESTION);
  });
});

describe('Discord', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('declares option and form limits Discord enforces, and explains a long question', async () => {
    const commands = buildCommands(COMMANDS);
    for (const command of commands) {
      // Free-text options carry a maximum length; the others are numbers or fixed choices.
      for (const option of (command.options ?? []) as Array<{ type: number; max_length?: number; name: string; choices?: unknown[] }>) {
        if (option.type === 3 && !option.choices) expect(option.max_length, `${command.name}.${option.name}`).toBeLessThanOrEqual(6000);
      }
    }
    const form = h.fake.command('review');
    expect(JSON.stringify((await h.callback(form)).body)).toContain(`"max_length":${REVIEW_FORM_MAX}`);
    const token = h.fake.command('ask', [{ name: 'question', type: 3, value: LONG_QUESTION }]);
    // Deferred in public (an answer would be), so the private notice replaces it as an ephemeral follow-up.
    const notice = await h.webhook(token, 'POST');
    expect(notice.body.content).toMatch(TOO_LONG_QUESTION);
    expect(notice.body.flags).toBe(64);
  });
});

describe('terminal and CLI', () => {
  it('the chat answers an over-long line with the limit', async () => {
    const deps = await testDeps();
    let shown = '';
    const output = new PassThrough();
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const chat = startTerminalChat(deps, { input: Readable.from([`${LONG_QUESTION}\n`, `/ask ${'y'.repeat(30_000)}\n`]), output, interactive: false });
    await chat.done;
    expect(shown).toMatch(TOO_LONG_QUESTION);
    expect(shown).toMatch(/under 25,000 characters/);
  });

  it('coach ask --jsonl answers a long line with the limit and carries on', async () => {
    const deps = await testDeps();
    const lines: string[] = [];
    await answerJsonLines(Readable.from([`${JSON.stringify({ id: 'long', question: LONG_QUESTION })}\n`, `${JSON.stringify({ id: 'ok', question: 'What is LASS?' })}\n`]), (l) => lines.push(l), deps);
    expect(JSON.parse(lines[0]!).answer).toMatch(TOO_LONG_QUESTION);
    expect(JSON.parse(lines[1]!).grounded).toBe(true);
  });
});
