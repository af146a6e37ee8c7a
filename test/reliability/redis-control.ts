/**
 * A redis-server the test can stop, restart on the same port, and freeze (SIGSTOP) to play a
 * store that hangs. The shared helper (test/helpers/redis-server.ts) picks a new port each time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../helpers/redis-server.js';

export interface ControlledRedis {
  url: string;
  /** Starts (again) on the same port. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Freezes the server: connections stay open, nothing is answered. */
  freeze(): void;
  thaw(): void;
}

export async function controlledRedis(): Promise<ControlledRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
      proc.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
      proc.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGCONT');
      proc.kill('SIGKILL');
    });
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop, freeze: () => child?.kill('SIGSTOP'), thaw: () => child?.kill('SIGCONT') };
}

/** Polls until `check` resolves true; rejects after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
