/**
 * Starts `npm start` as the app's own process (`src/main.ts` under tsx's loader: npm and the tsx
 * CLI would relay signals through extra processes) with only the given environment, and collects
 * its log (stderr) as it runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');

/** A running app process: its log so far, and its exit code once it closes. */
export interface MainProcess {
  child: ChildProcess;
  log: string;
  exited: Promise<number | null>;
}

/**
 * @param env added to PATH, `SERVICE_COACH_SKIP_DOTENV=1` (a developer's .env never leaks in) and `LOG_LEVEL=info`
 * @example const app = startMainProcess({ STORE_URL: 'memory://' }); await until(() => app.log.includes('ready'));
 */
export function startMainProcess(env: Record<string, string>): MainProcess {
  const loader = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', SERVICE_COACH_SKIP_DOTENV: '1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const app: MainProcess = { child, log: '', exited: new Promise((done) => child.on('close', (code) => done(code))) };
  child.stderr?.on('data', (chunk: Buffer) => (app.log += chunk.toString('utf8')));
  return app;
}
