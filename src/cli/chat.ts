/**
 * `coach chat`: the terminal chat on this machine's configuration, and `runChat`, which
 * `npm start` also uses when no platform tokens are set. Owns the session's lifecycle: signals
 * stop it gracefully, and the store is closed by the caller afterwards.
 */
import type { Command } from 'commander';
import type { TerminalChatOptions } from '../adapters/terminal/chat.js';
import type { Config } from '../core/config.js';
import type { Deps } from '../core/deps.js';
import { createLogger, type Logger } from '../core/logger.js';
import { action } from './program.js';

/** How long a signal waits for the reply in progress before the session ends anyway. */
export const CHAT_GRACE_MS = 5_000;

/**
 * The logger for a terminal session: logs share the screen with the conversation, so the
 * default level (info) becomes error there; any other LOG_LEVEL is honoured as set.
 */
export function terminalLogger(config: Config): Logger {
  return createLogger(config.logLevel === 'info' ? 'error' : config.logLevel);
}

/**
 * Runs a chat session until end of input, `quit`, Ctrl-C, SIGINT or SIGTERM. A signal stops
 * reading and waits up to {@link CHAT_GRACE_MS} for the reply in progress; a second signal ends
 * the wait at once.
 * @example await runChat(deps, { input: process.stdin, output: process.stdout }); await deps.stores.close();
 */
export async function runChat(deps: Deps, options: TerminalChatOptions): Promise<void> {
  // Loaded on use: the chat brings every feature, which `coach --version` should not pay for.
  const { startTerminalChat } = await import('../adapters/terminal/chat.js');
  const chat = startTerminalChat(deps, options);
  let endWait = () => {};
  const interrupted = new Promise<void>((resolve) => {
    endWait = resolve;
  });
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return endWait();
    stopping = true;
    deps.logger.info({ surface: 'terminal', signal }, 'stopping the terminal chat');
    void chat.stop(CHAT_GRACE_MS).then((finished) => {
      if (!finished) deps.logger.warn({ surface: 'terminal', graceMs: CHAT_GRACE_MS }, 'reply still running at shutdown');
      endWait();
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await Promise.race([chat.done, interrupted]);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Registers `coach chat`. */
export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('chat in the terminal: ask questions, take quizzes and get feedback (type help inside)')
    .option('--no-color', 'plain text without colours')
    .addHelpText('after', '\nPipe questions in to answer each line and exit:\n  printf "what does LASS stand for?\\n" | npm run coach -- chat')
    .action(
      action(async (flags: { color: boolean }) => {
        const { loadConfig } = await import('../core/config.js');
        const { createDeps } = await import('../core/create-deps.js');
        const config = loadConfig();
        const deps = await createDeps(config, { logger: terminalLogger(config) });
        try {
          await runChat(deps, {
            input: process.stdin,
            output: process.stdout,
            ...(flags.color === false && { colour: false }),
          });
        } finally {
          await deps.stores.close();
        }
      }),
    );
}
