import { beforeEach, describe, expect, it } from 'vitest';
import { feedbackSummary } from '../../../src/core/ask/feedback.js';
import { runAction, runCommand } from '../../../src/core/commands/dispatch.js';
import { COMMANDS } from '../../../src/core/commands/index.js';
import { slashOptions } from '../../../src/core/commands/slash-options.js';
import { forgetUser } from '../../../src/core/privacy/forget.js';
import { toPlainText } from '../../../src/core/reply.js';
import { testContext, testDeps, type TestDeps } from '../../helpers/test-deps.js';

let deps: TestDeps;
beforeEach(async () => {
  deps = await testDeps();
});

describe('the ask command', () => {
  it('is registered as a public, slow command with one question option', () => {
    const command = COMMANDS.find((c) => c.name === 'ask')!;
    expect(command.visibility).toBe('public');
    expect(command.slow).toBe(true);
    expect(slashOptions(command).map((o) => o.name)).toEqual(['question']);
    expect(command.parseText('what is LASS?')).toEqual({ question: 'what is LASS?' });
  });

  it('returns a Reply with citations as data and feedback buttons with opaque ids', async () => {
    const reply = await runCommand('ask', { question: 'What does LASS stand for?' }, testContext(), deps);
    expect(reply.citations[0]).toMatchObject({ source: 'glossary.lass', unit: null, ac: null, title: 'LASS' });
    const buttons = reply.buttons.flat();
    expect(buttons.map((b) => b.label)).toEqual(['Helpful', 'Not helpful']);
    for (const button of buttons) expect(button.id).toMatch(/^ask-feedback:[a-f0-9]{16}:(up|down)$/);
    expect(toPlainText(reply)).toContain('Listen, Apologise, Solve');
  });

  it('shows refusals to the asker only, without buttons or citations', async () => {
    const reply = await runCommand('ask', { question: 'who won the football?' }, testContext(), deps);
    expect(reply.ephemeral).toBe(true);
    expect(reply.buttons).toEqual([]);
    expect(reply.citations).toEqual([]);
  });

  it('answers an empty or missing question with a prompt, never a validation error', async () => {
    expect(toPlainText(await runCommand('ask', {}, testContext(), deps))).toContain('For example');
    expect(toPlainText(await runCommand('ask', { question: '' }, testContext(), deps))).toContain('For example');
  });
});

describe('feedback on answers', () => {
  const answerWithButtons = async () => {
    const reply = await runCommand('ask', { question: 'How does equality legislation affect customer service?' }, testContext(), deps);
    const [up, down] = reply.buttons.flat();
    return { reply, up: up!.id, down: down!.id };
  };

  it('stores one vote per user per answer with the citation ids and no question text', async () => {
    const { reply, up, down } = await answerWithButtons();
    const thanks = await runAction(up, testContext(), deps);
    expect(toPlainText(thanks)).toMatch(/Thanks/);
    expect(thanks.ephemeral).toBe(true);
    const again = await runAction(down, testContext(), deps);
    expect(toPlainText(again)).toMatch(/already rated/);
    await runAction(down, testContext({ userId: 'terminal:learner-2' }), deps);

    const summary = await feedbackSummary(deps);
    const first = reply.citations[0]!.source;
    expect(summary[first]).toEqual({ helpful: 1, notHelpful: 1 });
    const stored: string[] = [];
    for await (const [key, value] of deps.stores.ns('feedback').iterator!(undefined)) stored.push(`${String(key)} ${JSON.stringify(value)}`);
    expect(stored.join('\n')).not.toMatch(/equality legislation affect/i);
  });

  it('rejects tampered or expired button ids with a clear message', async () => {
    expect(toPlainText(await runAction('ask-feedback:not-an-id', testContext(), deps))).toMatch(/not valid/);
    expect(toPlainText(await runAction('ask-feedback:0123456789abcdef:up', testContext(), deps))).toMatch(/too old/);
  });

  it('lets erasure find and delete a user’s votes and conversation', async () => {
    const { up } = await answerWithButtons();
    await runAction(up, testContext(), deps);
    const report = await forgetUser(testContext().userId, deps, []);
    expect(report.total).toBeGreaterThanOrEqual(2);
    for await (const [key] of deps.stores.ns('feedback').iterator!(undefined)) expect(String(key)).not.toContain(testContext().userId);
    for await (const [key] of deps.stores.ns('conversations').iterator!(undefined)) expect(String(key)).not.toContain(testContext().userId);
  });
});
