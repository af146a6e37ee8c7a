/**
 * Test-only commands and button handlers, added to the core lists for one test file and removed
 * afterwards. They exercise the adapter's generic paths (slow commands, forms, private and
 * replacing buttons) independently of the features, and record the context each request had.
 */
import { z } from 'zod';
import { ACTIONS, COMMANDS } from '../../../src/core/commands/index.js';
import type { ActionDefinition, CommandContext, CommandDefinition } from '../../../src/core/commands/types.js';
import { heading, quote, reply, text } from '../../../src/core/reply.js';

/** Every context a test command or action saw, newest last. */
export const seenContexts: Array<{ name: string; context: CommandContext; options?: unknown }> = [];

export const TEST_CITATION = { source: 'u1.ac1.1', unit: 1, ac: '1.1', title: 'Identify internal and external customers' };

const slowEcho = {
  name: 'slow-echo',
  description: 'Test: answers publicly after a pause',
  options: z.object({ text: z.string().default('') }),
  parseText: (value: string) => ({ text: value }),
  visibility: 'public',
  slow: true,
  run: async (options: { text: string }, context: CommandContext) => {
    seenContexts.push({ name: 'slow-echo', context, options });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return reply([text(`You said: ${options.text}`)]);
  },
} as unknown as CommandDefinition;

const echo = {
  name: 'echo',
  description: 'Test: answers publicly at once',
  options: z.object({ text: z.string().min(1) }),
  parseText: (value: string) => ({ text: value }),
  visibility: 'public',
  slow: false,
  run: async (options: { text: string }, context: CommandContext) => {
    seenContexts.push({ name: 'echo', context, options });
    return reply([heading('Echo'), text(`**You said:** ${options.text}`)], {
      citations: [TEST_CITATION],
      buttons: [[{ id: 'test-pick:a', label: 'Pick A' }, { id: 'test-replace:b', label: 'Replace' }]],
    });
  },
} as unknown as CommandDefinition;

const checkDraft = {
  name: 'check-draft',
  description: 'Test: a command with a form',
  options: z.object({ draft: z.string().min(1, 'please write something') }),
  parseText: (value: string) => ({ draft: value }),
  visibility: 'private',
  slow: true,
  form: { command: 'check-draft', title: 'Check a draft', field: { name: 'draft', label: 'Your draft', placeholder: 'Dear customer…', maxLength: 4000, multiline: true } },
  run: async (options: { draft: string }, context: CommandContext) => {
    seenContexts.push({ name: 'check-draft', context, options });
    return reply([heading('Draft checked'), quote(options.draft)], { ephemeral: true, citations: [TEST_CITATION] });
  },
} as unknown as CommandDefinition;

const adminEcho = {
  name: 'admin-echo',
  description: 'Test: admin-only',
  options: z.object({}),
  parseText: () => ({}),
  visibility: 'private',
  slow: false,
  adminOnly: true,
  run: async (_options: unknown, context: CommandContext) => {
    seenContexts.push({ name: 'admin-echo', context });
    return reply([text('Admin area')], { ephemeral: true });
  },
} as unknown as CommandDefinition;

/** A stand-in for `ask` that records its context (replaces the real one while installed). */
const recordingAsk = {
  name: 'ask',
  description: 'Test: records the question',
  options: z.object({ question: z.string().min(1) }),
  parseText: (value: string) => ({ question: value }),
  visibility: 'public',
  slow: true,
  run: async (options: { question: string }, context: CommandContext) => {
    seenContexts.push({ name: 'ask', context, options });
    return reply([text(`Answer to: ${options.question}`)], { citations: [TEST_CITATION] });
  },
} as unknown as CommandDefinition;

/** A stand-in for `review` that records the draft (replaces the real one while installed). */
const recordingReview = {
  name: 'review',
  description: 'Test: records the draft',
  options: z.object({ draft: z.string().min(1) }),
  parseText: (value: string) => ({ draft: value }),
  visibility: 'private',
  slow: true,
  form: { command: 'review', title: 'Review a reply', field: { name: 'draft', label: 'Draft', placeholder: '', maxLength: 3000, multiline: true } },
  run: async (options: { draft: string }, context: CommandContext) => {
    seenContexts.push({ name: 'review', context, options });
    return reply([heading('Feedback'), quote(options.draft)], { ephemeral: true });
  },
} as unknown as CommandDefinition;

const pick: ActionDefinition = {
  prefix: 'test-pick',
  visibility: 'private',
  slow: false,
  run: async (payload, context) => {
    seenContexts.push({ name: 'test-pick', context, options: payload });
    return reply([text(`You picked ${payload}. <!channel> stays inert.`)], { ephemeral: true, citations: [TEST_CITATION] });
  },
};

const replace: ActionDefinition = {
  prefix: 'test-replace',
  visibility: 'public',
  slow: false,
  run: async (payload, context) => {
    seenContexts.push({ name: 'test-replace', context, options: payload });
    return reply([text(`Replaced with ${payload}`)], { replaceOriginal: true });
  },
};

/**
 * Adds the test commands (and swaps `ask` / `review` for recording stand-ins when asked).
 * @returns a function that restores the original lists
 */
export function installTestCommands(options: { recordAsk?: boolean; recordReview?: boolean } = {}): () => void {
  const commands = [...COMMANDS];
  const actions = [...ACTIONS];
  const extra = [slowEcho, echo, checkDraft, adminEcho];
  const stand = (standIn: CommandDefinition) => {
    const at = COMMANDS.findIndex((command) => command.name === standIn.name);
    if (at >= 0) COMMANDS.splice(at, 1);
    extra.push(standIn);
  };
  if (options.recordAsk) stand(recordingAsk);
  if (options.recordReview) stand(recordingReview);
  COMMANDS.push(...extra);
  ACTIONS.push(pick, replace);
  return () => {
    COMMANDS.splice(0, COMMANDS.length, ...commands);
    ACTIONS.splice(0, ACTIONS.length, ...actions);
  };
}
