/**
 * Structured logging (pino). Logs carry ids, rule ids, counts and timings only: never message
 * text, drafts, personal data or tokens. Callers log *what happened*, not *what was said*.
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

/** The logger every feature receives in its dependencies. */
export type Logger = PinoLogger;

/** Keys whose values are never written, wherever they appear in a log object. */
const REDACTED_KEYS = [
  'token', 'botToken', 'appToken', 'apiKey', 'signingSecret', 'authorization', 'password',
  'text', 'question', 'draft', 'answer', 'content', 'message_text',
];

/**
 * Creates the app logger.
 * @example const logger = createLogger('info'); logger.info({ command: 'ask', ms: 3 }, 'handled');
 * @param destination where lines go (tests pass a stream to inspect them); stderr by default so
 *   machine-readable stdout (`--json`) stays clean.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'service-coach' },
      redact: { paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((key) => `*.${key}`)], censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

/**
 * The logger of a long-running server (`npm start`): lines go to stderr asynchronously, so the
 * event loop never waits on a write. Under load the lines written while one write is under way
 * go out together in the next; when idle each line goes out at once. A slow log reader (a full
 * pipe to journald or a container runtime) then delays log lines, not acknowledgements. pino
 * flushes what is buffered when the process exits, shutdown included.
 */
export function createServerLogger(level: string): Logger {
  return createLogger(level, pino.destination({ fd: 2, sync: false }));
}

/** A logger that writes nothing, for tests and one-shot CLI commands. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
