/**
 * `coach quiz`: a practice quiz in the terminal, through the same core command and buttons as
 * Slack and Discord (answers and progress are stored, so spaced repetition works here too).
 *
 *   coach quiz [--count N] [--unit U]                  interactive: type the number of your answer
 *   coach quiz --json [--count N] [--unit U] [--seed S] questions as JSON; the same seed gives the same questions
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { CommandContext } from '../core/commands/types.js';
import { MAX_COUNT, MIN_COUNT } from '../core/quiz/sessions.js';
import { toPlainText, type Reply } from '../core/reply.js';
import { terminalLogger } from './chat.js';
import { CliError, action } from './program.js';

interface QuizFlags {
  json?: boolean;
  count: string;
  unit?: string;
  seed?: string;
}

/** The terminal learner: one local person, one local "class". */
const CONTEXT: CommandContext = {
  surface: 'terminal', userId: 'terminal:local', scopeId: 'terminal:local', channelId: 'terminal:local', conversationId: 'terminal:quiz', isAdmin: true,
};

/** Registers `coach quiz`. */
export function registerQuiz(program: Command): void {
  program
    .command('quiz')
    .description('take a practice quiz in the terminal, or print questions as JSON')
    .option('--count <n>', `how many questions (${MIN_COUNT}-${MAX_COUNT})`, '5')
    .option('--unit <u>', 'only questions from this unit (1-11)')
    .option('--json', 'print the questions with answers as JSON instead of asking them')
    .option('--seed <s>', 'with --json: the same seed gives the same questions')
    .action(action(async (flags: QuizFlags) => (flags.json ? printJson(flags) : interactive(flags))));
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < MIN_COUNT || count > MAX_COUNT) throw new CliError(`--count must be a whole number from ${MIN_COUNT} to ${MAX_COUNT}.`);
  return count;
}

function parseUnit(value: string | undefined, units: number[]): number | null {
  if (value === undefined) return null;
  const unit = Number(value);
  if (!Number.isInteger(unit) || !units.includes(unit)) throw new CliError(`--unit must be a unit number from ${units[0]} to ${units.at(-1)}.`);
  return unit;
}

/** `--json`: deterministic for a seed, nothing stored. */
async function printJson(flags: QuizFlags): Promise<void> {
  // The bank is built on use, not when the CLI loads.
  const { loadKnowledgeBase } = await import('../core/knowledge/index.js');
  const { getQuizBank } = await import('../core/quiz/bank/build-bank.js');
  const { selectQuestions } = await import('../core/quiz/select.js');
  const count = parseCount(flags.count);
  const bank = getQuizBank(loadKnowledgeBase());
  const unit = parseUnit(flags.unit, bank.units);
  const seed = flags.seed ?? String(Date.now());
  const questions = selectQuestions({ questions: bank.questions, count, unit, cards: {}, stats: undefined, now: 0, seed });
  const output = questions.map((q) => ({
    id: q.id,
    prompt: q.prompt,
    choices: q.choices,
    answer: q.answer,
    explanation: q.explanation,
    citation: { source: q.citation.source, unit: q.citation.unit, ac: q.citation.ac, title: q.citation.title },
  }));
  process.stdout.write(`${JSON.stringify({ questions: output }, null, 2)}\n`);
}

/** Interactive: ask each question, read the number of the answer, show the feedback. */
async function interactive(flags: QuizFlags): Promise<void> {
  const count = parseCount(flags.count);
  const { loadConfig } = await import('../core/config.js');
  const { createDeps } = await import('../core/create-deps.js');
  const { runAction, runCommand } = await import('../core/commands/dispatch.js');
  const { getQuizBank } = await import('../core/quiz/bank/build-bank.js');
  const { QUIZ_ANSWER } = await import('../core/quiz/buttons.js');
  const config = loadConfig();
  const deps = await createDeps(config, { logger: terminalLogger(config) });
  const lines = createInterface({ input: process.stdin, terminal: false });
  const iterator = lines[Symbol.asyncIterator]();
  const print = (reply: Reply) => process.stdout.write(`\n${toPlainText(reply)}\n`);
  try {
    const unit = parseUnit(flags.unit, getQuizBank(deps.knowledge).units);
    let reply = await runCommand('quiz', { count, ...(unit !== null && { unit }) }, CONTEXT, deps);
    print(reply);
    for (;;) {
      const answers = reply.buttons.flat().filter((b) => b.id.startsWith(`${QUIZ_ANSWER}:`));
      if (answers.length === 0) break;
      process.stdout.write(`Your answer (1-${answers.length}, q to stop): `);
      const next = await iterator.next();
      if (next.done || /^q(uit)?$/i.test(next.value.trim())) break;
      const choice = Number(next.value.trim());
      if (!Number.isInteger(choice) || choice < 1 || choice > answers.length) {
        process.stdout.write(`Please type a number from 1 to ${answers.length}.\n`);
        continue;
      }
      reply = await runAction(answers[choice - 1]!.id, CONTEXT, deps);
      print(reply);
    }
  } finally {
    lines.close();
    await deps.stores.close();
  }
}
