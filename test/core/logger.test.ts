import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOGGER = fileURLToPath(new URL('../../src/core/logger.ts', import.meta.url));

/** Runs a script in a fresh Node process (with tsx) and returns its stderr. */
function stderrOf(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('../..', import.meta.url)) }, (error, _stdout, stderr) =>
      error ? reject(error) : resolve(stderr),
    );
  });
}

describe('createServerLogger', () => {
  it('writes every line, redacted, even when the process exits straight after logging', async () => {
    const stderr = await stderrOf(`
      const { createServerLogger } = await import(${JSON.stringify(LOGGER)});
      const logger = createServerLogger('info');
      for (let i = 0; i < 2000; i++) logger.info({ n: i, question: 'secret words' }, 'line');
      process.exit(0);
    `);
    const lines = stderr.trim().split('\n').map((line) => JSON.parse(line) as { n: number; question: string; app: string });
    expect(lines).toHaveLength(2000);
    expect(lines.map((line) => line.n)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(lines.every((line) => line.question === '[redacted]' && line.app === 'service-coach')).toBe(true);
    expect(stderr).not.toContain('secret words');
  });
});
