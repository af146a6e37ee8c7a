/**
 * Shared pieces of the `coach` command line: exit codes and the wrapper that turns errors into
 * a readable message and an exit code instead of a stack trace.
 */
import { ConfigError } from '../core/config.js';
import { isUserFacing } from '../core/errors.js';

/** Exit codes: 0 success, 1 bad input or a failed check, 2 invalid configuration. */
export const EXIT = { ok: 0, badInput: 1, config: 2 } as const;

/** An error that ends the command with a message and exit code 1, without a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.badInput) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Wraps a command action: prints user-facing problems to stderr and sets the exit code; an
 * unexpected error prints one line (its message) and exits 1. Stack traces only with DEBUG set.
 */
export function action<Args extends unknown[]>(run: (...args: Args) => Promise<void> | void) {
  return async (...args: Args): Promise<void> => {
    try {
      await run(...args);
    } catch (error) {
      process.exitCode = reportError(error);
    }
  };
}

/** Prints an error for a person and returns the exit code to use. */
export function reportError(error: unknown): number {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    return EXIT.config;
  }
  if (error instanceof CliError || isUserFacing(error)) {
    process.stderr.write(`${error.message}\n`);
    return error instanceof CliError ? error.exitCode : EXIT.badInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`coach: ${message}\n`);
  return EXIT.badInput;
}
