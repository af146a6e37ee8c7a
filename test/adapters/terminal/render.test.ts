import { describe, expect, it } from 'vitest';
import { collectForm, parseLine } from '../../../src/adapters/terminal/input.js';
import { clean, palette, renderReply } from '../../../src/adapters/terminal/render.js';
import { divider, fields, heading, list, quote, reply, text } from '../../../src/core/reply.js';

const plain = palette(false);
const colour = palette(true);

describe('terminal rendering', () => {
  const sample = reply(
    [
      heading('Unit 1 · AC 4.4'),
      text('The **nine** protected characteristics, _in law_:'),
      list(['age', 'disability'], true),
      list(['race']),
      quote('Dear **customer**\nsorry'),
      fields([{ label: 'Score', value: '**3** of 5' }]),
      divider(),
    ],
    {
      buttons: [[{ id: 'quiz:a', label: 'Next question' }], [{ id: 'quiz:b', label: 'Stop' }]],
      citations: [
        { source: 'u1.ac4.4', unit: 1, ac: '4.4', title: 'Explain how equality legislation affects customer service' },
        { source: 'glossary.lass', unit: null, ac: null, title: 'LASS' },
      ],
    },
  );

  it('renders plain text without markup or colour', () => {
    expect(renderReply(sample, plain)).toBe(
      [
        'Unit 1 · AC 4.4',
        'The nine protected characteristics, in law:',
        '  1. age\n  2. disability',
        '  • race',
        '│ Dear **customer**\n│ sorry',
        'Score: 3 of 5',
        '─'.repeat(40),
        '  [1] Next question\n  [2] Stop\nType a number from 1 to 2 to choose.',
        'Source: Unit 1 · AC 4.4 — Explain how equality legislation affects customer service; Glossary — LASS',
      ].join('\n\n'),
    );
  });

  it('asks for "1" when there is only one button', () => {
    const out = renderReply(reply([text('Ready?')], { buttons: [[{ id: 'qn:5.3', label: 'Start a quiz' }]] }), plain);
    expect(out).toBe('Ready?\n\n  [1] Start a quiz\nType 1 to choose.');
  });

  it('uses bold and italic for the inline markup on a colour terminal', () => {
    const out = renderReply(reply([text('The **nine** characteristics, _in law_')]), colour);
    expect(out).toContain('\u001b[1mnine\u001b[22m');
    expect(out).toContain('\u001b[3min law\u001b[23m');
  });

  it('strips control characters so user text cannot send terminal escapes', () => {
    const hostile = 'hi\u001b[2J\u001b]0;pwned\u0007 there\u009b31m';
    expect(clean(hostile)).toBe('hi[2J]0;pwned there31m');
    const out = renderReply(reply([quote(hostile), text(hostile)], { buttons: [[{ id: 'x:1', label: hostile }]] }), plain);
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  });
});

describe('reading lines', () => {
  const names = ['help', 'quiz', 'review', 'progress', 'leaderboard'];

  it.each([
    ['', { kind: 'empty' }],
    ['  quit ', { kind: 'quit' }],
    ['/exit', { kind: 'quit' }],
    ['HELP', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['/quiz unit 3', { kind: 'command', name: 'quiz', args: 'unit 3' }],
    ['/Review', { kind: 'command', name: 'review', args: '' }],
    ['progress', { kind: 'command', name: 'progress', args: '' }],
    ['progress in customer service?', { kind: 'question', text: 'progress in customer service?' }],
    // A command word followed only by option words runs it too: learners type "quiz 2" without the slash.
    ['quiz 2', { kind: 'command', name: 'quiz', args: '2' }],
    ['Quiz unit 3 10 questions', { kind: 'command', name: 'quiz', args: 'unit 3 10 questions' }],
    ['leaderboard all time', { kind: 'command', name: 'leaderboard', args: 'all time' }],
    ['quiz me on unit 3', { kind: 'question', text: 'quiz me on unit 3' }],
    ['review the complaints process', { kind: 'question', text: 'review the complaints process' }],
    // A labelled option after the command word runs it: "review sms: <draft>" judges a text message.
    ['review sms: Hi Sam, ur parcel is late', { kind: 'command', name: 'review', args: 'sms: Hi Sam, ur parcel is late' }],
    ['Review live chat: Hello!', { kind: 'command', name: 'review', args: 'live chat: Hello!' }],
    ['review: what does it check?', { kind: 'question', text: 'review: what does it check?' }],
    ['/unknown thing', { kind: 'command', name: 'unknown', args: 'thing' }],
    ['12', { kind: 'question', text: '12' }],
  ])('reads %j', (line, intent) => {
    expect(parseLine(line, names, 0)).toEqual(intent);
  });

  it('reads numbers as choices when the last reply had buttons', () => {
    expect(parseLine(' 2 ', names, 3)).toEqual({ kind: 'choice', index: 1 });
    expect(parseLine('0', names, 3)).toEqual({ kind: 'bad-choice', count: 3 });
    expect(parseLine('4', names, 3)).toEqual({ kind: 'bad-choice', count: 3 });
    expect(parseLine('2 things', names, 3)).toEqual({ kind: 'question', text: '2 things' });
  });

  it('collects a single-line form from one line', async () => {
    const lines = ['  one line  ', 'next'];
    await expect(collectForm(async () => lines.shift() ?? null, false)).resolves.toBe('one line');
  });
});
