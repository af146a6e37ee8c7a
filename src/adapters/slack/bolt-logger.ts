/**
 * Bolt and its Web API client log through our pino logger, tagged `surface: slack`.
 *
 * Debug lines are dropped on purpose: at debug level Bolt and the Web API client print request
 * and event bodies, which hold message text and personal data. Other lines keep only strings and
 * error messages (never whole objects), trimmed to one short line.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

/** A Bolt-compatible logger over the app's pino logger. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ surface: 'slack', component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  let name = 'bolt';
  return {
    debug: () => {},
    info: (...parts: unknown[]) => child.info({ logger: name }, line(parts)),
    warn: (...parts: unknown[]) => child.warn({ logger: name }, line(parts)),
    error: (...parts: unknown[]) => child.error({ logger: name, code: errorCode(parts) }, line(parts)),
    setLevel: (value: LogLevel) => {
      level = value;
    },
    getLevel: () => level,
    setName: (value: string) => {
      name = value;
    },
  };
}

function line(parts: unknown[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : ''))
    .filter(Boolean)
    .join(' ')
    .slice(0, 300);
}

function errorCode(parts: unknown[]): string | undefined {
  const coded = parts.find((part): part is { code: string } => typeof (part as { code?: unknown } | null)?.code === 'string');
  return coded?.code;
}
