/**
 * The terminal chat driven through streams in-process, over a command list this test controls
 * (so it does not depend on which features are installed): help, questions, numbered buttons,
 * forms, unknown commands, empty lines, end of input and shutdown.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACTIONS, COMMANDS } from '../../../src/core/commands/index.js';
import { defineCommand, type ActionDefinition, type CommandContext, type CommandDefinition } from '../../../src/core/commands/types.js';
import { GENERIC_APOLOGY } from '../../../src/core/errors.js';
import { reply, text, quote } from '../../../src/core/reply.js';
import { ASK_NOT_AVAILABLE, startTerminalChat, TERMINAL_TIPS, type TerminalChatOptions } from '../../../src/adapters/terminal/chat.js';
import { testDeps, type TestDeps } from '../../helpers/test-deps.js';

const contexts: CommandContext[] = [];
const questions: string[] = [];
const drafts: string[] = [];

const askCommand = defineCommand({
  name: 'ask',
  description: 'Ask about the qualification',
  options: z.object({ question: z.string() }),
  parseText: (value) => ({ question: value }),
  visibility: 'public',
  slow: true,
  run: async ({ question }, context) => {
    contexts.push(context);
    questions.push(question);
    return reply([text(`**LASS** means Listen, Apologise, Solve, Thank.`)], {
      citations: [{ source: 'u3.ac2.3', unit: 3, ac: '2.3', title: 'Describe methods of handling complaints' }],
    });
  },
});

const pickCommand = defineCommand({
  name: 'pick',
  description: 'Pick a fruit',
  options: z.object({}),
  parseText: () => ({}),
  visibility: 'private',
  slow: false,
  run: async () => reply([text('Which fruit?')], { buttons: [[{ id: 'pick:apple', label: 'Apple' }, { id: 'pick:banana', label: 'Banana' }]] }),
});

const pickAction: ActionDefinition = {
  prefix: 'pick',
  visibility: 'private',
  slow: false,
  run: async (payload) => reply([text(`You chose ${payload}.`)]),
};

const draftCommand = defineCommand({
  name: 'draft',
  description: 'Feedback on a draft reply',
  options: z.object({ reply: z.string().min(1).max(2000) }),
  parseText: (value) => (value ? { reply: value } : {}),
  visibility: 'private',
  slow: true,
  form: {
    command: 'draft',
    title: 'Feedback on your reply',
    field: { name: 'reply', label: 'Paste your reply to the customer', placeholder: '', maxLength: 2000, multiline: true },
  },
  run: async ({ reply: draft }) => {
    drafts.push(draft);
    return reply([text(`Got ${draft.split('\n').length} lines.`), quote(draft)]);
  },
});

const brokenCommand = defineCommand({
  name: 'broken',
  description: 'Always fails',
  options: z.object({}),
  parseText: () => ({}),
  visibility: 'private',
  slow: false,
  run: async () => {
    throw new Error('database exploded at /secret/path.ts:12:3');
  },
});

const slowCommand = defineCommand({
  name: 'slow',
  description: 'Takes a while',
  options: z.object({}),
  parseText: () => ({}),
  visibility: 'private',
  slow: true,
  run: async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return reply([text('Finally done.')]);
  },
});

const savedCommands = [...COMMANDS];
const savedActions = [...ACTIONS];
let deps: TestDeps;

function useCommands(commands: CommandDefinition[]): void {
  const help = savedCommands.find((c) => c.name === 'help')!;
  COMMANDS.splice(0, COMMANDS.length, help, ...commands);
}

beforeAll(async () => {
  deps = await testDeps();
  useCommands([askCommand, pickCommand, draftCommand, brokenCommand, slowCommand] as unknown as CommandDefinition[]);
  ACTIONS.splice(0, ACTIONS.length, pickAction);
});
afterAll(async () => {
  COMMANDS.splice(0, COMMANDS.length, ...savedCommands);
  ACTIONS.splice(0, ACTIONS.length, ...savedActions);
  await deps.stores.close();
});

/** Runs a whole session over piped lines and returns everything written. */
async function session(lines: string[], options: Partial<TerminalChatOptions> = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  const chat = startTerminalChat(deps, { input, output, osUser: 'sam', ...options });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await chat.done;
  return written;
}

describe('terminal chat (piped)', () => {
  it('answers help with the command list and how to use the chat, with no banner or prompt', async () => {
    const out = await session(['help']);
    expect(out).toContain('/pick — Pick a fruit');
    expect(out).toContain('/draft — Feedback on a draft reply');
    expect(out).toContain(TERMINAL_TIPS);
    expect(out).not.toContain('Type quit or press Ctrl-D to leave.\n›');
    expect(out.startsWith('Service Coach —')).toBe(true); // the core's help heading, not a banner
    expect(out).not.toMatch(/\u001b\[/); // no colour codes when piped
  });

  it('sends a line that is not a command to ask, and shows the answer with its source', async () => {
    questions.length = 0;
    const out = await session(['what does LASS stand for?']);
    expect(questions).toEqual(['what does LASS stand for?']);
    expect(out).toBe('LASS means Listen, Apologise, Solve, Thank.\n\nSource: Unit 3 · AC 2.3 — Describe methods of handling complaints\n');
  });

  it('says politely that answers are not available when ask is not installed', async () => {
    useCommands([pickCommand] as unknown as CommandDefinition[]);
    try {
      expect(await session(['what is LASS?'])).toBe(`${ASK_NOT_AVAILABLE}\n`);
    } finally {
      useCommands([askCommand, pickCommand, draftCommand, brokenCommand, slowCommand] as unknown as CommandDefinition[]);
    }
  });

  it('numbers buttons and routes a typed number to the button’s action', async () => {
    const out = await session(['/pick', '2', '/pick', '7', '1']);
    expect(out).toContain('Which fruit?\n\n  [1] Apple\n  [2] Banana\nType a number from 1 to 2 to choose.');
    expect(out).toContain('You chose banana.');
    expect(out).toContain('Please type a number from 1 to 2 to choose one of the options.');
    expect(out).toContain('You chose apple.');
  });

  it('answers every piped line even when input ends while the first answer is still being prepared', async () => {
    // Regression: end of piped input closes readline; lines already buffered must still be answered.
    const out = await session(['/slow', 'what is LASS?', '/pick']);
    expect(out).toContain('Finally done.');
    expect(out).toContain('LASS means');
    expect(out).toContain('Which fruit?');
  });

  it('treats a number as a question when there is nothing to choose', async () => {
    questions.length = 0;
    await session(['/pick', '1', '2']);
    expect(questions).toEqual(['2']);
  });

  it('runs a command word alone on a line, but treats it as a word inside a sentence', async () => {
    questions.length = 0;
    const out = await session(['pick', 'pick a fruit for me']);
    expect(out).toContain('Which fruit?');
    expect(questions).toEqual(['pick a fruit for me']);
  });

  it('collects a multi-line form until a line with only "."', async () => {
    drafts.length = 0;
    const out = await session(['/draft', 'Hello Mrs Patel,', '', 'Sorry for the wait.', '.', 'what is LASS?']);
    expect(drafts).toEqual(['Hello Mrs Patel,\n\nSorry for the wait.']);
    expect(out).toContain('Got 3 lines.');
    expect(out).toContain('│ Sorry for the wait.');
    expect(out).toContain('LASS means'); // the line after the form is a new turn
  });

  it('ends a form on two empty lines, or at end of input', async () => {
    drafts.length = 0;
    await session(['draft', 'First line', '', '', '/pick']);
    await session(['/draft', 'Only line, then end of input']);
    expect(drafts).toEqual(['First line', 'Only line, then end of input']);
  });

  it('submits text given with the command without asking for the form', async () => {
    drafts.length = 0;
    await session(['/draft Thanks for waiting!']);
    expect(drafts).toEqual(['Thanks for waiting!']);
  });

  it('does not run a form command when nothing was typed', async () => {
    drafts.length = 0;
    const out = await session(['/draft', '.']);
    expect(drafts).toEqual([]);
    expect(out).toContain("Nothing to send, so I didn't run /draft.");
  });

  it('explains an unknown command and ignores empty lines', async () => {
    const out = await session(['', '   ', '/nope', '']);
    expect(out).toBe('I don\'t know the command "nope". Try /help.\n');
  });

  it('turns a failing command into the apology, without a stack trace', async () => {
    const out = await session(['/broken']);
    expect(out).toBe(`${GENERIC_APOLOGY}\n`);
    expect(out).not.toContain('/secret/path.ts');
  });

  it('stops at quit and at end of input', async () => {
    questions.length = 0;
    await session(['first question', 'quit', 'never asked']);
    expect(questions).toEqual(['first question']);
    await expect(session([])).resolves.toBe('');
  });

  it('uses one conversation per session and opaque terminal ids', async () => {
    contexts.length = 0;
    await session(['one', 'two'], { osUser: 'sam o’brien' });
    await session(['three']);
    const [first, second, third] = contexts;
    expect(first).toMatchObject({ surface: 'terminal', userId: 'terminal:samobrien', scopeId: 'terminal:local', channelId: 'terminal:local', isAdmin: false });
    expect(first?.conversationId).toMatch(/^terminal:[0-9a-f-]{36}$/);
    expect(second?.conversationId).toBe(first?.conversationId);
    expect(third?.conversationId).not.toBe(first?.conversationId);
  });
});

describe('terminal chat (interactive)', () => {
  it('shows a banner, colours and the form instructions on a TTY', async () => {
    const out = await session(['/draft', 'Hi', '.', 'quit'], { interactive: true, colour: true });
    expect(out).toContain('Service Coach');
    expect(out).toContain('finish with a line containing only "."');
    expect(out).toMatch(/\u001b\[1m/); // bold
    expect(out).toContain('Bye!');
  });

  it('finishes the reply in progress when stopped, within the grace period', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
    const chat = startTerminalChat(deps, { input, output });
    input.write('/slow\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(chat.stop(2000)).resolves.toBe(true);
    await chat.done;
    expect(written).toContain('Finally done.');
  });

  it('gives up waiting after the grace period', async () => {
    const input = new PassThrough();
    const chat = startTerminalChat(deps, { input, output: new PassThrough() });
    input.write('/slow\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(chat.stop(10)).resolves.toBe(false);
    await chat.done;
  });
});
