/**
 * The terminal chat: reads lines, turns each into a core `runCommand` / `runAction` call, and
 * renders the Reply. Like the other adapters it translates only: no knowledge look-ups, prompts
 * or rules here. With a TTY it shows a banner, a prompt and colour; with piped input it answers
 * each line plainly and ends at end of input, so `printf 'what is LASS?\n' | npm start` works.
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { findCommand, runAction, runCommand } from '../../core/commands/dispatch.js';
import { COMMANDS } from '../../core/commands/index.js';
import type { CommandContext } from '../../core/commands/types.js';
import type { Deps } from '../../core/deps.js';
import { GENERIC_APOLOGY } from '../../core/errors.js';
import { notice, type Button, type Reply } from '../../core/reply.js';
import { collectForm, FORM_END_HINT, parseLine, type LineIntent } from './input.js';
import { clean, numberedButtons, palette, renderReply, type Palette } from './render.js';

/** Where the chat reads and writes, and how it looks. */
export interface TerminalChatOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Banner, prompt and "thinking" line; default: both streams are TTYs. */
  interactive?: boolean;
  /** Colours; default: interactive and the terminal supports them. */
  colour?: boolean;
  /** The OS user name behind the opaque id `terminal:<name>`; default: the current user. */
  osUser?: string;
}

/** A running chat session. */
export interface TerminalChat {
  /** Resolves when the session ends (end of input, `quit`, Ctrl-C or `stop`). */
  readonly done: Promise<void>;
  /**
   * Stops reading; resolves when the reply in progress has been written, or after `graceMs`.
   * @returns false when in-flight work was still running at the deadline
   */
  stop(graceMs: number): Promise<boolean>;
}

/** Text the terminal adds to the core's help: how to use this surface. */
export const TERMINAL_TIPS =
  'In this chat: type a question to ask it, or a command such as /quiz (the slash is optional: quiz 3 works too). ' +
  'Review a draft for its channel with review sms: (or email:, letter:, chat:, social:) before the text. ' +
  'Type a number to pick an option. Type quit or press Ctrl-D to leave.';

export const ASK_NOT_AVAILABLE =
  "Sorry, I can't answer questions here yet: the ask feature isn't installed in this version. Type help to see what I can do.";

/**
 * Starts a session on the given streams.
 * @example const chat = startTerminalChat(deps, { input: process.stdin, output: process.stdout }); await chat.done;
 */
export function startTerminalChat(deps: Deps, options: TerminalChatOptions): TerminalChat {
  const interactive = options.interactive ?? Boolean(isTty(options.input) && isTty(options.output));
  const c = palette(options.colour ?? (interactive && isTty(options.output)));
  const context: CommandContext = {
    surface: 'terminal',
    userId: `terminal:${safeName(options.osUser ?? currentUser())}`,
    scopeId: 'terminal:local',
    channelId: 'terminal:local',
    conversationId: `terminal:${randomUUID()}`,
    isAdmin: false,
  };
  const rl = createInterface({ input: options.input, output: interactive ? options.output : undefined, terminal: interactive });
  rl.setPrompt(c.bold(c.cyan('› ')));
  const lines = rl[Symbol.asyncIterator]();
  // Set only when we stop reading on purpose (Ctrl-C, stop()). End of piped input also closes
  // readline, possibly before its buffered lines are read: those lines must still be answered.
  let stopping = false;
  const stopReading = () => {
    stopping = true;
    rl.close();
  };
  // Ctrl-C on a TTY reaches readline, not the process: end the session cleanly.
  rl.on('SIGINT', stopReading);

  let inFlight: Promise<void> = Promise.resolve();
  let written = 0;
  const write = (text: string) => {
    if (text === '') return;
    options.output.write(`${written++ > 0 ? '\n' : ''}${text}\n`);
  };
  const next = async (): Promise<string | null> => {
    if (stopping) return null;
    const result = await lines.next();
    return result.done ? null : result.value;
  };

  const session = new Session(deps, context, c, write, next, interactive);
  const done = (async () => {
    if (interactive) write(banner(c));
    for (;;) {
      if (interactive && !stopping) rl.prompt();
      const line = await next();
      if (line === null) break;
      const turn = session.handle(line);
      inFlight = turn.then(() => undefined);
      if ((await turn) === 'quit') break;
    }
    rl.close();
    if (interactive) write(c.dim('Bye! Good luck with your studies.'));
  })();

  return {
    done,
    async stop(graceMs) {
      stopReading();
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        inFlight.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), graceMs);
        }),
      ]);
      clearTimeout(timer);
      return finished;
    },
  };
}

/** One conversation's state: the buttons of the last reply, which a number picks. */
class Session {
  private buttons: Button[] = [];

  constructor(
    private readonly deps: Deps,
    private readonly context: CommandContext,
    private readonly c: Palette,
    private readonly write: (text: string) => void,
    private readonly next: () => Promise<string | null>,
    private readonly interactive: boolean,
  ) {}

  /** Handles one line; never throws (a failure becomes the generic apology). */
  async handle(line: string): Promise<'quit' | 'ok'> {
    try {
      const intent = parseLine(line, COMMANDS.map((command) => command.name), this.buttons.length);
      if (intent.kind === 'quit') return 'quit';
      const reply = await this.reply(intent);
      if (reply) this.show(reply);
    } catch (error) {
      this.deps.logger.error({ surface: 'terminal', err: error }, 'terminal turn failed');
      this.show(notice(GENERIC_APOLOGY));
    }
    return 'ok';
  }

  private async reply(intent: Exclude<LineIntent, { kind: 'quit' }>): Promise<Reply | null> {
    switch (intent.kind) {
      case 'empty':
        return null;
      case 'help': {
        const help = await runCommand('help', {}, this.context, this.deps);
        return { ...help, blocks: [...help.blocks, { type: 'text', text: TERMINAL_TIPS }] };
      }
      case 'choice':
        return this.thinking(runAction(this.buttons[intent.index]!.id, this.context, this.deps));
      case 'bad-choice':
        // Not a reply of its own: the options stay open for the next number.
        this.write(`Please type a number from 1 to ${intent.count} to choose one of the options.`);
        return null;
      case 'command':
        return this.command(intent.name, intent.args);
      case 'question':
        if (!findCommand('ask')) return notice(ASK_NOT_AVAILABLE);
        return this.command('ask', intent.text);
    }
  }

  /** Runs a command from free text; a command with a form and no text collects the form first. */
  private async command(name: string, args: string): Promise<Reply> {
    const command = findCommand(name);
    if (!command) return runCommand(name, {}, this.context, this.deps);
    const options = command.parseText(args);
    const form = command.form;
    if (form && (options[form.field.name] === undefined || options[form.field.name] === '')) {
      if (this.interactive) {
        const how = form.field.multiline ? FORM_END_HINT : 'one line';
        this.write(`${this.c.bold(clean(form.title))}\n${clean(form.field.label)} ${this.c.dim(`(${how})`)}`);
      }
      const value = await collectForm(this.next, form.field.multiline);
      if (value === '') return notice(`Nothing to send, so I didn't run /${command.name}. Try again when you're ready.`);
      options[form.field.name] = value;
    }
    return this.thinking(runCommand(command.name, options, this.context, this.deps));
  }

  /** Shows a transient "Thinking…" line on a TTY while a reply is prepared. */
  private async thinking(pending: Promise<Reply>): Promise<Reply> {
    if (!this.interactive) return pending;
    const timer = setTimeout(() => this.write(this.c.dim('Thinking…')), 400);
    try {
      return await pending;
    } finally {
      clearTimeout(timer);
    }
  }

  private show(reply: Reply): void {
    this.buttons = numberedButtons(reply);
    this.write(renderReply(reply, this.c));
  }
}

function banner(c: Palette): string {
  return [
    c.bold(c.cyan('Service Coach')) + c.dim(' — BTEC Level 2 Principles of Customer Service'),
    c.dim('Ask me a question, or type help to see what I can do. Type quit or press Ctrl-D to leave.'),
  ].join('\n');
}

function isTty(stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean {
  return Boolean((stream as { isTTY?: boolean }).isTTY);
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local';
  }
}

/** Keeps ids tidy and key-safe: letters, digits, dot, dash and underscore only. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 64) || 'local';
}
