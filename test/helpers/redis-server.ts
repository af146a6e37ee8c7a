/**
 * Starts a real `redis-server` on a free loopback port for a test file, and stops it afterwards.
 * `.ci/run` installs Debian's redis-server when it is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunningRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * True when a redis-server binary is on the PATH. Redis suites are skipped on a developer machine
 * without one, but CI sets SERVICE_COACH_REQUIRE_REDIS so a missing server fails instead.
 */
export function hasRedisServer(): boolean {
  const found = spawnSync('redis-server', ['--version']).status === 0;
  if (!found && process.env.SERVICE_COACH_REQUIRE_REDIS) {
    throw new Error('redis-server is required (SERVICE_COACH_REQUIRE_REDIS is set) but was not found on the PATH');
  }
  return found;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
