import { describe, expect, it } from 'vitest';
import { findCommand, runCommand } from '../../../src/core/commands/dispatch.js';
import { toPlainText } from '../../../src/core/reply.js';
import { captureLogs } from '../../helpers/capture-logs.js';
import { testContext, testDeps } from '../../helpers/test-deps.js';

const DRAFT = `Dear Mrs Okafor,

Thank you for your email. I'm afraid I can't offer a refund because it's our policy. Your card 4929 1234 5678 9015 was charged on Monday.

Kind regards,
Dan`;

describe('/review command', () => {
  it('is private, slow-safe and opens a multi-line form when no draft is given', () => {
    const command = findCommand('review')!;
    expect(command.visibility).toBe('private');
    expect(command.form?.field).toMatchObject({ name: 'draft', multiline: true });
    expect(command.form!.field.maxLength).toBeLessThanOrEqual(3000);
  });

  it('returns a private reply with the score, the quoted words and knowledge-base citations', async () => {
    const deps = await testDeps();
    const reply = await runCommand('review', { draft: DRAFT }, testContext(), deps);
    expect(reply.ephemeral).toBe(true);
    const plain = toPlainText(reply);
    expect(plain).toMatch(/Feedback on your reply: \d+\/100/);
    expect(reply.blocks).toContainEqual({ type: 'quote', text: '4929 1234 5678 9015' });
    expect(reply.blocks).toContainEqual({ type: 'quote', text: "I can't" });
    expect(plain).toContain('Unit 1 · AC 4.5');
    expect(reply.citations.map((c) => c.source)).toEqual(expect.arrayContaining(['u1.ac4.5', 'u3.ac2.2']));
    expect(reply.citations.find((c) => c.source === 'u3.ac2.2')?.title).toMatch(/positive and negative customer service language/);
  });

  it('answers an empty draft with a clear message', async () => {
    const reply = await runCommand('review', { draft: '  ' }, testContext(), await testDeps());
    expect(toPlainText(reply)).toMatch(/no draft to review/i);
  });

  it('logs rule ids and counts, never the draft', async () => {
    const { logger, lines } = captureLogs();
    await runCommand('review', { draft: DRAFT }, testContext(), await testDeps({ logger }));
    const log = lines.join('');
    expect(log).toContain('draft reviewed');
    expect(log).toContain('gdpr.card_number');
    for (const secret of ['Okafor', '4929', 'refund', "can't", 'Dan']) expect(log).not.toContain(secret);
  });
});
