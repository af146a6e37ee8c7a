import { describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../../src/adapters/slack/limits.js';
import { escapeMrkdwn, splitText, toMrkdwn, truncate } from '../../../src/adapters/slack/mrkdwn.js';
import { FORM_INPUT, SHORTENED_NOTE, renderForm, renderReply } from '../../../src/adapters/slack/render.js';
import { divider, fields, heading, list, quote, reply, text, type Citation } from '../../../src/core/reply.js';

const citation = (n: number): Citation => ({ source: `u1.ac${n}`, unit: 1, ac: `${n}.1`, title: `Criterion ${n}` });
const sectionTexts = (blocks: any[]) => blocks.filter((b) => b.type === 'section' && b.text).map((b) => b.text.text as string);
const ATTACKS = ['<!channel>', '<!here>', '<@U123>', '<http://evil.test|bank>', '<#C1|general>', '<!subteam^S1>'];

describe('escaping user and model text', () => {
  it('makes every Slack control sequence inert in sections, lists, quotes, fields and the fallback', () => {
    for (const attack of ATTACKS) {
      const message = renderReply(
        reply([heading(attack), text(`Hi ${attack}`), list([attack]), quote(attack), fields([{ label: attack, value: attack }])], {
          citations: [{ ...citation(1), title: attack }],
          buttons: [[{ id: 'x:1', label: attack }]],
        }),
      );
      const everything = JSON.stringify(message);
      // No literal "<" survives anywhere that Slack parses; header and button labels are plain_text, never parsed.
      const parsed = [...sectionTexts(message.blocks), message.text, ...message.blocks.flatMap((b: any) => b.fields?.map((f: any) => f.text) ?? []), ...message.blocks.flatMap((b: any) => (b.type === 'context' ? b.elements.map((e: any) => e.text) : []))];
      // The only literal ">" allowed is the quote marker at the start of a line.
      for (const value of parsed) expect(value.replace(/^>/gm, ''), attack).not.toMatch(/[<>]/);
      expect(everything).toContain(escapeMrkdwn(attack));
    }
  });

  it('escapes & < > exactly once and keeps the text otherwise', () => {
    expect(escapeMrkdwn('Fish & chips <today> > tomorrow')).toBe('Fish &amp; chips &lt;today&gt; &gt; tomorrow');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });

  it('marks mrkdwn objects verbatim so Slack does not link bare @here or #channel names', () => {
    const message = renderReply(reply([text('@here #general')], { citations: [citation(1)] }));
    const objects = message.blocks.flatMap((b: any) => (b.text ? [b.text] : b.elements ?? []));
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) expect(object).toMatchObject({ type: 'mrkdwn', verbatim: true });
  });
});

describe('markup translation', () => {
  it('turns **bold** into *bold* and keeps _italic_', () => {
    expect(toMrkdwn('**Unit 1** covers _internal_ customers')).toBe('*Unit 1* covers _internal_ customers');
  });

  it('renders headings as plain-text headers without the markup', () => {
    const [header] = renderReply(reply([heading('**Unit 3** · AC 2.2')])).blocks as any[];
    expect(header).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Unit 3 · AC 2.2', emoji: true } });
  });

  it('renders lists with bullets or numbers, quotes with > on every line, fields as labelled pairs', () => {
    const message = renderReply(reply([list(['one', '**two**']), list(['a', 'b'], true), quote('line 1\nline 2'), fields([{ label: 'Score', value: '**3/4**' }]), divider()]));
    const blocks = message.blocks as any[];
    expect(blocks[0].text.text).toBe('• one\n• *two*');
    expect(blocks[1].text.text).toBe('1. a\n2. b');
    expect(blocks[2].text.text).toBe('>line 1\n>line 2');
    expect(blocks[3].fields).toEqual([{ type: 'mrkdwn', text: '*Score*\n*3/4*', verbatim: true }]);
    expect(blocks[4]).toEqual({ type: 'divider' });
  });
});

describe('fallback text', () => {
  it('is the plain text of the whole reply, escaped, with buttons and sources listed', () => {
    const message = renderReply(reply([heading('Quiz'), text('Which is **external**?')], { citations: [citation(1)], buttons: [[{ id: 'q:1', label: 'A shopper' }]] }));
    expect(message.text).toBe('Quiz\n\nWhich is external?\n\n[1] A shopper\n\nSource: Unit 1 · AC 1.1 — Criterion 1');
  });

  it('is never empty and never longer than the limit', () => {
    expect(renderReply(reply([])).text).toBe('Done.');
    const long = renderReply(reply([text('word '.repeat(2000))]));
    expect(long.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(long.text.endsWith('…')).toBe(true);
  });
});

describe('limits', () => {
  it('splits long text into sections of at most 3000 characters without losing words', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `word${i}`);
    const sections = sectionTexts(renderReply(reply([text(words.join(' '))])).blocks);
    expect(sections.length).toBeGreaterThan(3);
    for (const section of sections) expect(section.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(sections.join(' ').split(' ')).toEqual(words);
  });

  it('keeps a long quote marked as a quote in every section', () => {
    const sections = sectionTexts(renderReply(reply([quote('x'.repeat(7000))])).blocks);
    expect(sections.length).toBe(3);
    for (const section of sections) {
      expect(section.startsWith('>')).toBe(true);
      expect(section.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    }
  });

  it('keeps at most 50 blocks, keeping buttons and sources and saying it was shortened', () => {
    const message = renderReply(reply(Array.from({ length: 80 }, (_, i) => text(`Paragraph ${i}`)), { citations: [citation(1)], buttons: [[{ id: 'a:1', label: 'A' }]] }));
    const blocks = message.blocks as any[];
    expect(blocks).toHaveLength(SLACK_LIMITS.blocksPerMessage);
    expect(blocks.at(-1).type).toBe('actions');
    expect(blocks.at(-2).type).toBe('context');
    expect(blocks.at(-3)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: SHORTENED_NOTE, verbatim: true }] });
  });

  it('caps button labels at 75 characters, action ids at 255, and 25 buttons per actions block', () => {
    const row = Array.from({ length: 30 }, (_, i) => ({ id: `quiz:${i}`, label: `${'Long label '.repeat(10)}${i}` }));
    const actions = (renderReply(reply([], { buttons: [row] })).blocks as any[]).filter((b) => b.type === 'actions');
    expect(actions.map((a) => a.elements.length)).toEqual([25, 5]);
    for (const button of actions.flatMap((a) => a.elements)) {
      expect(button.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
      expect(button.action_id.length).toBeLessThanOrEqual(SLACK_LIMITS.actionId);
    }
  });

  it('makes duplicate action ids unique within a block while the value keeps the core id', () => {
    const [actions] = renderReply(reply([], { buttons: [[{ id: 'fb:1', label: 'Yes' }, { id: 'fb:1', label: 'Again' }]] })).blocks as any[];
    expect(new Set(actions.elements.map((e: any) => e.action_id)).size).toBe(2);
    expect(actions.elements.map((e: any) => e.value)).toEqual(['fb:1', 'fb:1']);
  });

  it('shows at most ten context elements for many citations', () => {
    const context = (renderReply(reply([text('x')], { citations: Array.from({ length: 14 }, (_, i) => citation(i)) })).blocks as any[]).find((b) => b.type === 'context');
    expect(context.elements).toHaveLength(SLACK_LIMITS.contextElements);
    expect(context.elements[0].text).toBe('*Sources:*');
    expect(context.elements.at(-1).text).toBe('and 6 more');
  });

  it('keeps a heading longer than a header block allows whole, as a bold section', () => {
    const long = `Unit 1 · LO4 · AC 4.4 — ${'Explain how equality legislation affects customer service '.repeat(3)}`.trim();
    const [block] = renderReply(reply([heading(long)])).blocks as any[];
    expect(long.length).toBeGreaterThan(SLACK_LIMITS.headerText);
    expect(block).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `*${long}*`, verbatim: true } });
    const [header] = renderReply(reply([heading('H'.repeat(150))])).blocks as any[];
    expect(header.type).toBe('header');
  });
});

describe('safe truncation', () => {
  it('never cuts an escape sequence in half', () => {
    for (let max = 5; max < 40; max += 1) {
      const cut = truncate(escapeMrkdwn('<<<<<<<<<<&&&&&&&&>>>>>>>>'), max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
    }
  });

  it('never splits an emoji (surrogate pair)', () => {
    const cut = truncate('ab😀😀😀😀', 5);
    expect(cut).toBe('ab😀…');
    for (const chunk of splitText('😀'.repeat(50), 7)) expect(() => encodeURIComponent(chunk)).not.toThrow();
  });

  it('prefers a word boundary near the end', () => {
    expect(truncate('The customer is always right, mostly', 20)).toBe('The customer is…');
  });
});

describe('forms', () => {
  it('becomes a modal with one multi-line input within the limits', () => {
    const view = renderForm(
      { command: 'review', title: 'Review a customer reply draft', field: { name: 'draft', label: 'Draft', placeholder: 'P'.repeat(300), maxLength: 8000, multiline: true } },
      '{"channel":"C1"}',
    ) as any;
    expect(view.callback_id).toBe('form:review');
    expect(view.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
    expect(view.blocks[0]).toMatchObject({ type: 'input', block_id: FORM_INPUT.blockId, element: { action_id: FORM_INPUT.actionId, multiline: true, max_length: 3000, min_length: 1 } });
    expect(view.blocks[0].element.placeholder.text.length).toBeLessThanOrEqual(SLACK_LIMITS.inputPlaceholder);
    expect(view.private_metadata).toBe('{"channel":"C1"}');
  });
});
