/**
 * `npm start` as a learner runs it: a child process with piped stdin, a temporary working
 * directory and store, no platform tokens and no LLM key.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ASK_NOT_AVAILABLE } from '../../../src/adapters/terminal/chat.js';
import { findCommand } from '../../../src/core/commands/dispatch.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'coach-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A stack-trace line such as "    at main (/work/main/src/main.ts:12:3)". */
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm start` with `input` on stdin. With `signalAfterMs` it runs the app's own process
 * (`node --import tsx src/main.ts`: npm and the tsx CLI relay signals through extra processes)
 * and sends it SIGTERM `signalAfterMs` after its first answer instead of closing stdin.
 */
function npmStart(input: string, env: Record<string, string> = {}, signalAfterMs?: number): Promise<Run> {
  // Only what npm and the app need: no developer tokens or keys leak into the run.
  const baseEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? work,
    SERVICE_COACH_SKIP_DOTENV: '1',
    STORE_URL: `sqlite://${join(work, 'data', 'coach.sqlite')}`,
    LOG_LEVEL: 'info',
  };
  return new Promise((done, fail) => {
    const [command, args] =
      signalAfterMs === undefined
        ? ['npm', ['start', '--silent', '--prefix', ROOT]]
        : [process.execPath, ['--import', pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, join(ROOT, 'src/main.ts')]];
    const child = spawn(command as string, args as string[], { cwd: work, env: { ...baseEnv, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      // The first answer shows the chat is running (signal handlers installed): now interrupt it.
      if (signalAfterMs !== undefined && !signalled) {
        signalled = true;
        setTimeout(() => child.kill('SIGTERM'), signalAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.write(input);
    if (signalAfterMs === undefined) child.stdin.end();
  });
}

describe('npm start (terminal chat)', () => {
  it('answers piped questions and exits 0 at end of input, without stack traces', async () => {
    const run = await npmStart('what does LASS stand for?\nhelp\n');
    expect(run.code).toBe(0);
    if (findCommand('ask')) expect(run.stdout).toMatch(/listen/i);
    else expect(run.stdout).toContain(ASK_NOT_AVAILABLE);
    expect(run.stdout).toContain('/help');
    // Piped output is just the answers: no banner, prompt or colour codes, and no logs on stdout.
    expect(run.stdout).not.toContain('Ctrl-D to leave.\n›');
    expect(run.stdout).not.toMatch(/\u001b\[/);
    expect(run.stdout).not.toContain('"level"');
    expect(run.stderr).toBe('');
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_LINE);
  });

  it('creates its SQLite store under the configured path on first use', async () => {
    const run = await npmStart('/help\n');
    expect(run.code).toBe(0);
    expect(existsSync(join(work, 'data'))).toBe(true);
  });

  it('stops cleanly on SIGTERM while waiting for input', async () => {
    const run = await npmStart('help\n', {}, 100);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('/help');
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_LINE);
  });

  it('exits 2 with the readable list of problems on invalid configuration', async () => {
    const run = await npmStart('', { PORT: 'abc', STORE_URL: 'postgres://db', OPENAI_API_KEY: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid configuration:');
    expect(run.stderr).toContain('PORT');
    expect(run.stderr).toContain('STORE_URL');
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
