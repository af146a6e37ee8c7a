/** A real logger whose lines a test can read, to check what is (and is never) logged. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/core/logger.js';

export function captureLogs(level = 'info'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(level, stream), lines };
}
