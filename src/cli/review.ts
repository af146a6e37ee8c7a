/**
 * `coach review`: feedback on drafted customer replies from the command line.
 *
 *   coach review draft.txt [more.txt…]      readable report per file (excerpts highlighted on a colour terminal)
 *   coach review < draft.txt                the draft from stdin
 *   coach review --json draft.txt           one Review as JSON
 *   coach review --jsonl < drafts.jsonl     {"id","text"[,"channel"]} per line in; {"id", …Review} per line out
 *   coach review --channel sms draft.txt    judge it as a text message (email, letter, chat, sms or social);
 *                                           without --channel the reviewer judges the layout
 *
 * Empty drafts and drafts over 20,000 characters are refused with a clear message (exit code 1);
 * a file far over the limit is refused from its size alone, without reading it.
 */
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import type { Deps } from '../core/deps.js';
import { isUserFacing } from '../core/errors.js';
import { CHANNELS, parseChannel, type ReviewOptions } from '../core/review/channel.js';
import { terminalLogger } from './chat.js';
import { CliError, action } from './program.js';

/**
 * The review engine's draft limit (MAX_DRAFT_CHARS in src/core/review/engine.ts, which stays the
 * authority: it checks every draft). Copied so that loading the CLI does not load the review
 * engine and its language models; test/cli/lazy-loading.test.ts keeps the two equal.
 */
export const MAX_DRAFT_CHARS = 20_000;

/** A draft of 20,000 UTF-16 units is at most 60,000 bytes of UTF-8; anything bigger is refused unread. */
export const MAX_DRAFT_BYTES = MAX_DRAFT_CHARS * 3;

const tooLong = (what: string) =>
  new CliError(`${what} is longer than ${MAX_DRAFT_CHARS.toLocaleString('en-GB')} characters. Please review one reply at a time.`);

/** Reads a draft file, refusing one that is too big before reading it. */
export async function readDraftFile(path: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError(`${path} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read ${path}: no such file, or no permission to read it.`);
  }
  if (size > MAX_DRAFT_BYTES) throw tooLong(path);
  const handle = await open(path, 'r');
  try {
    return (await handle.readFile('utf8')).replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/** Reads a whole stream, stopping (and refusing) as soon as it passes the byte limit. */
export async function readDraftStream(stream: NodeJS.ReadableStream, what = 'The draft on standard input'): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    if (bytes > MAX_DRAFT_BYTES) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw tooLong(what);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * Reviews each `{"id","text","channel"?}` line; a line without a channel (or with null) gets
 * `defaults.channel` (the --channel flag), else the reviewer judges the layout. Returns how many
 * lines failed (bad JSON, missing text, empty or too long, unknown channel).
 */
export async function reviewJsonLines(input: NodeJS.ReadableStream, write: (line: string) => void, deps: Deps, defaults: ReviewOptions = {}): Promise<number> {
  const { reviewDraft } = await import('../core/review/review-draft.js');
  let failed = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let record: { id?: unknown; text?: unknown; channel?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      failed += 1;
      write(JSON.stringify({ id: null, error: `line ${lineNumber} is not valid JSON` }));
      continue;
    }
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : null;
    if (typeof record.text !== 'string') {
      failed += 1;
      write(JSON.stringify({ id, error: `line ${lineNumber} needs a "text" string` }));
      continue;
    }
    try {
      const channel = parseLineChannel(record.channel, lineNumber) ?? defaults.channel;
      write(JSON.stringify({ id, ...(await reviewDraft(record.text, deps, { channel })) }));
    } catch (error) {
      if (!isUserFacing(error)) throw error;
      failed += 1;
      write(JSON.stringify({ id, error: error.message }));
    }
  }
  return failed;
}

/** A --jsonl line's channel; an unknown one is that line's error, naming the line. */
function parseLineChannel(value: unknown, lineNumber: number) {
  try {
    return parseChannel(value);
  } catch (error) {
    if (isUserFacing(error)) error.message = `line ${lineNumber}: ${error.message}`;
    throw error;
  }
}

interface Flags {
  json?: boolean;
  jsonl?: boolean;
  channel?: string;
}

/** Registers `coach review`. */
export function registerReview(program: Command): void {
  program
    .command('review')
    .description('review drafted customer replies: positive language, tone, data protection (GDPR) and writing')
    .argument('[files...]', 'draft files to review (none, or "-", reads standard input)')
    .option('--json', 'print one review as JSON (one draft only)')
    .option('--jsonl', 'read {"id","text","channel"?} lines on stdin and write {"id", …review} lines')
    .addOption(new Option('--channel <channel>', `what the drafts are: ${CHANNELS.join(', ')} (default: judged from the layout; in --jsonl, for lines without a "channel")`))
    .addHelpText(
      'after',
      '\nExamples:\n  npm run coach -- review draft.txt\n  npm run coach -- review --channel sms text.txt\n  npm run coach -- review --json draft.txt\n  printf \'{"id":"1","text":"Dear Sam, …"}\\n\' | npm run coach -- review --jsonl',
    )
    .action(
      action(async (files: string[], flags: Flags) => {
        if (flags.jsonl && files.length > 0) throw new CliError('Use either draft files or --jsonl (drafts on standard input), not both.');
        if (flags.json && files.length > 1) throw new CliError('--json prints one review: give one file, or use --jsonl for many drafts.');
        const options: ReviewOptions = { channel: readChannelFlag(flags.channel) };
        // Read (and check) every draft before starting the app, so bad input fails fast.
        const drafts = flags.jsonl ? [] : await readDrafts(files);
        // Loaded on use: the review engine and its models are only for `coach review`.
        const { loadConfig } = await import('../core/config.js');
        const { createDeps } = await import('../core/create-deps.js');
        const { reviewDraft } = await import('../core/review/review-draft.js');
        const { coloursFor, formatReport } = await import('./review-report.js');
        const config = loadConfig();
        const deps = await createDeps(config, { logger: terminalLogger(config) });
        try {
          if (flags.jsonl) {
            const failed = await reviewJsonLines(process.stdin, (line) => process.stdout.write(`${line}\n`), deps, options);
            if (failed > 0) process.exitCode = 1;
            return;
          }
          const colours = coloursFor(process.stdout);
          for (const [index, draft] of drafts.entries()) {
            const result = await reviewDraft(draft.text, deps, options);
            if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
            else process.stdout.write(`${index > 0 ? '\n\n' : ''}${formatReport(draft.name, draft.text, result, deps.knowledge, colours)}\n`);
          }
        } finally {
          await deps.stores.close();
        }
      }),
    );
}

/** The --channel flag, checked before any draft is read: a bad one names the valid channels. */
function readChannelFlag(value: string | undefined) {
  try {
    return parseChannel(value);
  } catch (error) {
    if (isUserFacing(error)) throw new CliError(`--channel: ${error.message}`);
    throw error;
  }
}

async function readDrafts(files: string[]): Promise<Array<{ name: string; text: string }>> {
  const { checkDraft } = await import('../core/review/engine.js');
  const names = files.length === 0 ? ['-'] : files;
  const drafts: Array<{ name: string; text: string }> = [];
  for (const name of names) {
    const text = name === '-' ? await readDraftStream(process.stdin) : await readDraftFile(name);
    const label = name === '-' ? 'your draft' : name;
    try {
      checkDraft(text);
    } catch (error) {
      if (isUserFacing(error)) throw new CliError(files.length > 1 ? `${label}: ${error.message}` : error.message);
      throw error;
    }
    drafts.push({ name: label, text });
  }
  return drafts;
}
