/**
 * `coach ask`: answers from the command line.
 *
 *   coach ask "what does LASS stand for?"          readable answer and its sources
 *   coach ask --json "what does LASS stand for?"   one JSON object
 *   coach ask --jsonl < questions.jsonl            {"id","question"} per line in, one JSON line out each
 *
 * JSON shape: {"id","answer","citations":[{"source","unit","ac","title"}],"grounded"}.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { answerText } from '../core/ask/render.js';
import type { Answer } from '../core/ask/types.js';
import type { CommandContext } from '../core/commands/types.js';
import type { Deps } from '../core/deps.js';
import { formatCitation } from '../core/reply.js';
import { terminalLogger } from './chat.js';
import { CliError, action } from './program.js';

/** One answer as the command line's JSON. */
export interface AskJson {
  id: string | null;
  answer: string;
  citations: Array<{ source: string; unit: number | null; ac: string | null; title: string }>;
  grounded: boolean;
}

/** The JSON object for an answer; `id` is the caller's id (jsonl) or the answer's own. */
export function toAskJson(answer: Answer, id: string | null = answer.id): AskJson {
  return {
    id,
    answer: answerText(answer),
    citations: answer.citations.map(({ source, unit, ac, title }) => ({ source, unit, ac, title })),
    grounded: answer.grounded,
  };
}

/** The readable form: the answer, then its sources. */
export function formatAnswer(answer: Answer): string {
  const sources = answer.citations.length > 0 ? `\n\nSources:\n${answer.citations.map((c) => `  ${formatCitation(c)}`).join('\n')}` : '';
  return `${answerText(answer)}${sources}`;
}

const context = (conversation: string): CommandContext => ({
  surface: 'terminal',
  userId: 'terminal:cli',
  scopeId: 'terminal:cli',
  channelId: 'terminal:cli',
  conversationId: conversation,
  isAdmin: false,
});

/** Answers each `{"id","question"}` line of the input with one JSON line; bad lines get an error line. */
export async function answerJsonLines(input: NodeJS.ReadableStream, write: (line: string) => void, deps: Deps): Promise<number> {
  const { answerQuestion } = await import('../core/ask/answer.js');
  let count = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      write(JSON.stringify({ id: null, error: `line ${lineNumber} is not valid JSON` }));
      continue;
    }
    const record = parsed as { id?: unknown; question?: unknown };
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : null;
    if (typeof record.question !== 'string') {
      write(JSON.stringify({ id, error: `line ${lineNumber} needs a "question" string` }));
      continue;
    }
    // Each line is its own conversation: a batch must not read one line as a follow-up to another.
    const answer = await answerQuestion(record.question, context(`cli:${id ?? lineNumber}`), deps, { remember: false });
    write(JSON.stringify(toAskJson(answer, id)));
    count++;
  }
  return count;
}

/** Registers `coach ask`. */
export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('ask a question about the qualification and get a short answer with its sources')
    .argument('[question...]', 'your question (quote it, or pass words)')
    .option('--json', 'print one JSON object: {"id","answer","citations","grounded"}')
    .option('--jsonl', 'read {"id","question"} lines on stdin and write one JSON line per input')
    .addHelpText('after', '\nExamples:\n  npm run coach -- ask "whats the diff between internal and external customers"\n  printf \'{"id":"1","question":"what is LASS?"}\\n\' | npm run coach -- ask --jsonl')
    .action(
      action(async (words: string[], flags: { json?: boolean; jsonl?: boolean }) => {
        if (flags.jsonl && words.length > 0) throw new CliError('Use either a question or --jsonl (questions on stdin), not both.');
        // Loaded on use, so other commands (and `coach --version`) do not pay for Ask and its dependencies.
        const { loadConfig } = await import('../core/config.js');
        const { createDeps } = await import('../core/create-deps.js');
        const { answerQuestion } = await import('../core/ask/answer.js');
        const config = loadConfig();
        const deps = await createDeps(config, { logger: terminalLogger(config) });
        try {
          if (flags.jsonl) {
            await answerJsonLines(process.stdin, (line) => process.stdout.write(`${line}\n`), deps);
            return;
          }
          const answer = await answerQuestion(words.join(' '), context(`cli:${process.pid}`), deps, { remember: false });
          process.stdout.write(`${flags.json ? JSON.stringify(toAskJson(answer)) : formatAnswer(answer)}\n`);
        } finally {
          await deps.stores.close();
        }
      }),
    );
}
