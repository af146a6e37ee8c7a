/**
 * The Discord renderer keeps every reply inside Discord's limits (checked over thousands of
 * generated replies), never lets a mention ping, and keeps the citation when it has to shorten.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS as L, neutraliseMentions, renderPlain, renderReply, truncate, type DiscordMessage } from '../../../src/adapters/discord/render.js';
import { fields, heading, list, notice, quote, reply, text, type Block, type Reply } from '../../../src/core/reply.js';

const citation = { source: 'u2.ac1.3', unit: 2, ac: '1.3', title: 'Explain the importance of effective communication' };

/** Every limit Discord enforces on a message body; an empty list means Discord accepts it. */
function violations(message: DiscordMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  check((message.content ?? '').length <= L.content, 'content');
  check(message.content !== undefined || message.embeds.length > 0, 'empty message');
  check(message.embeds.length <= L.embedsPerMessage, 'embed count');
  let total = 0;
  for (const embed of message.embeds) {
    check((embed.title ?? '').length <= L.embedTitle, 'title');
    check((embed.description ?? '').length <= L.embedDescription, 'description');
    check((embed.fields ?? []).length <= L.embedFields, 'field count');
    check((embed.footer?.text ?? '').length <= L.footerText, 'footer');
    for (const f of embed.fields ?? []) {
      check(f.name.length >= 1 && f.name.length <= L.fieldName, 'field name');
      check(f.value.length >= 1 && f.value.length <= L.fieldValue, 'field value');
      total += f.name.length + f.value.length;
    }
    check(Boolean(embed.title || embed.description || embed.fields?.length || embed.footer), 'empty embed');
    total += (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length;
  }
  check(total <= L.embedTotal, `embed total ${total}`);
  check(message.components.length <= L.rowsPerMessage, 'rows');
  const ids = message.components.flatMap((row) => row.components.map((b) => b.custom_id));
  check(new Set(ids).size === ids.length, 'duplicate custom_id');
  for (const row of message.components) {
    check(row.components.length >= 1 && row.components.length <= L.buttonsPerRow, 'buttons per row');
    for (const b of row.components) {
      check(b.custom_id.length >= 1 && b.custom_id.length <= L.customId, 'custom_id');
      check((b.label ?? '').length >= 1 && (b.label ?? '').length <= L.buttonLabel, 'label');
    }
  }
  check(message.allowedMentions.parse.length === 0 && message.allowedMentions.repliedUser === false, 'mentions');
  return problems;
}

const anyText = (max: number) => fc.string({ maxLength: max, unit: fc.constantFrom('a', 'b', ' ', '\n', '@', '<', '>', '&', '*', '_', 'é', '😀', '1') });
const block: fc.Arbitrary<Block> = fc.oneof(
  anyText(400).map(heading),
  anyText(5000).map(text),
  fc.array(anyText(300), { maxLength: 40 }).map((items) => list(items)),
  anyText(3000).map(quote),
  fc.array(fc.record({ label: anyText(300), value: anyText(1500) }), { maxLength: 40 }).map(fields),
  fc.constant<Block>({ type: 'divider' }),
);
const arbitraryReply: fc.Arbitrary<Reply> = fc.record({
  blocks: fc.array(block, { maxLength: 12 }),
  citations: fc.array(fc.record({ source: anyText(30), unit: fc.option(fc.integer({ min: 1, max: 11 })), ac: fc.option(anyText(5)), title: anyText(400) }), { maxLength: 6 }),
  buttons: fc.array(fc.array(fc.record({ id: fc.string({ minLength: 0, maxLength: 120 }), label: anyText(120) }), { maxLength: 8 }), { maxLength: 8 }),
  ephemeral: fc.boolean(),
});

describe('Discord rendering', () => {
  it('keeps every generated reply inside all of Discord’s limits', () => {
    fc.assert(
      fc.property(arbitraryReply, (value) => {
        expect(violations(renderReply(value))).toEqual([]);
        expect(violations(renderPlain(value))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never sends an empty message, whatever the blocks hold', () => {
    for (const value of [reply([fields([])]), reply([heading('')]), reply([heading('  '), fields([])], { buttons: [[{ id: 'x', label: 'X' }]] }), reply([])]) {
      const message = renderReply(value);
      expect(violations(message)).toEqual([]);
      expect(message.content ?? message.embeds[0]?.description ?? message.embeds[0]?.title).toBeTruthy();
    }
  });

  it('sends a short notice as plain content', () => {
    const message = renderReply(notice('That button has expired.'));
    expect(message).toEqual({ content: 'That button has expired.', embeds: [], components: [], allowedMentions: { parse: [], repliedUser: false } });
  });

  it('puts the heading in the title, text in the description and the citation in the footer', () => {
    const message = renderReply(reply([heading('Unit 2 · AC 1.3'), text('Use **open** questions.'), list(['Listen', 'Check'], true)], { citations: [citation] }));
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]).toMatchObject({
      title: 'Unit 2 · AC 1.3',
      description: 'Use **open** questions.\n\n1. Listen\n2. Check',
      footer: { text: 'Source: Unit 2 · AC 1.3 — Explain the importance of effective communication' },
    });
  });

  it('keeps a heading too long for a title whole, as bold text', () => {
    const lead = `The answer is ${'very '.repeat(60)}long.`;
    const [embed] = renderReply(reply([heading(lead), text('More.')], { citations: [citation] })).embeds;
    expect(embed!.title).toBeUndefined();
    expect(embed!.description).toBe(`**${lead}**\n\nMore.`);
  });

  it('splits long text across embeds in order, then shortens visibly and keeps the citation', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} ${'word '.repeat(250).trim()}`);
    const long = renderReply(reply([heading('Long'), ...paragraphs.slice(0, 4).map(text)], { citations: [citation] }));
    expect(long.embeds).toHaveLength(2);
    expect(long.embeds.map((e) => e.description).join('\n\n')).toBe(paragraphs.slice(0, 4).join('\n\n'));
    expect(long.embeds[1]!.footer!.text).toContain('Unit 2 · AC 1.3');
    const tooLong = renderReply(reply([heading('Too long'), ...paragraphs.map(text)], { citations: [citation] }));
    expect(violations(tooLong)).toEqual([]);
    expect(tooLong.embeds.at(-1)!.description).toMatch(/shortened to fit Discord/);
    expect(tooLong.embeds.at(-1)!.footer!.text).toContain('Unit 2 · AC 1.3');
  });

  it('spreads more than 25 fields over several embeds and keeps long values readable', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ label: `Criterion ${i}`, value: `${i}%` }));
    const message = renderReply(reply([heading('Mastery'), fields(many)]));
    expect(message.embeds.map((e) => e.fields?.length)).toEqual([25, 5]);
    expect(message.embeds[0]!.fields![0]).toEqual({ name: 'Criterion 0', value: '0%', inline: true });
    const [long] = renderReply(reply([fields([{ label: 'Explanation', value: 'x'.repeat(2000) }])])).embeds[0]!.fields!;
    expect(long!.value).toHaveLength(L.fieldValue);
    expect(long!.value.endsWith('…')).toBe(true);
  });

  it('lays buttons out five to a row, at most five rows, dropping unusable ids', () => {
    const row = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}:${i}`, label: `Choice ${i}` }));
    const message = renderReply(reply([text('Pick')], { buttons: [row(7, 'a'), [{ id: 'x'.repeat(101), label: 'too long' }, { id: 'a:0', label: 'duplicate' }], ...Array.from({ length: 6 }, (_, i) => row(1, `r${i}`))] }));
    expect(message.components.map((r) => r.components.map((b) => b.custom_id))).toEqual([
      ['a:0', 'a:1', 'a:2', 'a:3', 'a:4'],
      ['a:5', 'a:6'],
      ['r0:0'],
      ['r1:0'],
      ['r2:0'],
    ]);
    expect(message.components[0]!.components[0]).toMatchObject({ type: 2, style: 2, label: 'Choice 0' });
    const styled = renderReply(reply([text('x')], { buttons: [[{ id: 'p', label: 'Go', style: 'primary' }, { id: 'd', label: 'Stop', style: 'danger' }]] }));
    expect(styled.components[0]!.components.map((b) => b.style)).toEqual([1, 4]);
  });

  it('shows user text literally: markdown escaped in quotes and mention syntax broken everywhere', () => {
    const message = renderReply(reply([heading('Your draft'), quote('**Dear** @everyone <@&1234567890>\nthanks <#1234567890>')]));
    expect(message.embeds[0]!.description).toBe('> \\*\\*Dear\\*\\* @\u200beveryone <\u200b@&1234567890>\n> thanks <\u200b#1234567890>');
    expect(neutraliseMentions('@here <@!42> <@42> email@everyone.org')).toBe('@\u200bhere <\u200b@!42> <\u200b@42> email@\u200beveryone.org');
  });

  it('truncates without splitting an emoji', () => {
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('short', 10)).toBe('short');
  });
});
