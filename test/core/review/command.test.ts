import { describe, expect, it } from 'vitest';
import { buildCommands } from '../../../src/adapters/discord/build-commands.js';
import { findCommand, runCommand } from '../../../src/core/commands/dispatch.js';
import { slashOptions } from '../../../src/core/commands/slash-options.js';
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

  describe('the channel option', () => {
    const LAID_OUT = 'Your replacement card is on its way and should arrive within 3 working days.\n\nYour old card has been cancelled. I will email you as soon as the new one has been posted.';

    it('is an optional choice of the five channels, so Slack and Discord offer a list', () => {
      const channel = slashOptions(findCommand('review')!).find((o) => o.name === 'channel');
      expect(channel).toMatchObject({ type: 'string', required: false, choices: ['email', 'letter', 'chat', 'sms', 'social'] });
      const discord = buildCommands([findCommand('review')!])[0]!;
      expect(discord.options?.map((o) => o.name)).toEqual(['channel']);
      expect(discord.options?.[0]).toMatchObject({ required: false, choices: expect.arrayContaining([{ name: 'sms', value: 'sms' }]) });
    });

    it('judges the draft for the channel given, and says so', async () => {
      const deps = await testDeps();
      const asChat = toPlainText(await runCommand('review', { draft: LAID_OUT, channel: 'chat' }, testContext(), deps));
      expect(asChat).not.toMatch(/no greeting|no closing/);
      expect(asChat).toMatch(/Reviewed as a live-chat message/);
      const asEmail = toPlainText(await runCommand('review', { draft: LAID_OUT, channel: 'email' }, testContext(), deps));
      expect(asEmail).toMatch(/no greeting/);
      expect(asEmail).toMatch(/An email to a customer starts with a greeting/);
    });

    it('answers a bad channel with the valid ones, not an error', async () => {
      const plain = toPlainText(await runCommand('review', { draft: LAID_OUT, channel: 'fax' }, testContext(), await testDeps()));
      expect(plain).toMatch(/channel/);
      expect(plain).toMatch(/email, letter, chat, sms or social/);
      expect(plain).not.toMatch(/Sorry, something went wrong/);
    });

    it('reads "sms: <draft>" typed after /review or in the terminal chat', () => {
      const command = findCommand('review')!;
      expect(command.parseText('sms: Your parcel is at the depot.')).toEqual({ channel: 'sms', draft: 'Your parcel is at the depot.' });
      expect(command.parseText('Letter:\nDear Mr Shah,')).toEqual({ channel: 'letter', draft: 'Dear Mr Shah,' });
      expect(command.parseText('Live chat: Hi Sam')).toEqual({ channel: 'chat', draft: 'Hi Sam' });
      expect(command.parseText('text message: Hi Sam')).toEqual({ channel: 'sms', draft: 'Hi Sam' });
      expect(command.parseText('Dear Mr Shah, thank you.')).toEqual({ draft: 'Dear Mr Shah, thank you.' });
      // Only the five channel words, only at the very start: other labels stay part of the draft.
      expect(command.parseText('Re: your order')).toEqual({ draft: 'Re: your order' });
      expect(command.parseText('Hi Sam: sms: ok')).toEqual({ draft: 'Hi Sam: sms: ok' });
    });
  });
});
