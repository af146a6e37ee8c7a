/**
 * The Node flags the product's own npm scripts give the process (package.json `start` and `coach`,
 * e.g. `--max-semi-space-size=4`), so a bench that starts the app itself measures what users run.
 */
import { readFileSync } from 'node:fs';

/** @example productNodeFlags('coach') // ['--max-semi-space-size=4'] */
export function productNodeFlags(script: 'start' | 'coach'): string[] {
  const scripts = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return (scripts[script] ?? '').split(' ').filter((word) => word.startsWith('--'));
}
