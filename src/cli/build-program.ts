/**
 * Builds the `coach` program. Each group of subcommands lives in its own module under src/cli/
 * and is registered here; tests build the program and run commands in-process.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerAsk } from './ask.js';
import { registerKb } from './kb.js';
import { registerChat } from './chat.js';
import { registerPrivacy } from './privacy.js';
import { registerQuiz } from './quiz.js';
import { registerReview } from './review.js';
import { registerSlack } from './slack.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  description: string;
};

/** The package version, printed by `coach --version`. */
export const VERSION = pkg.version;

export function buildProgram(): Command {
  const program = new Command('coach')
    .description(pkg.description)
    .version(pkg.version, '-v, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false });
  registerKb(program);
  registerAsk(program);
  registerReview(program);
  registerQuiz(program);
  registerChat(program);
  registerSlack(program);
  registerPrivacy(program);
  return program;
}
