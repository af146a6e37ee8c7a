/**
 * The app process of the load bench (`bench/load.ts`): the real configuration and dependencies
 * (`createDeps`) with the Slack HTTP receiver on a free loopback port, talking to the bench over
 * IPC. It reports its memory after a full GC, its CPU time and its event-loop delay when asked.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { productNodeFlags } from './node-flags.js';

/** What the app reports: bytes, CPU milliseconds since start, event-loop delay since the last report (ms). */
export interface AppStats {
  rss: number;
  heapUsed: number;
  cpuMs: number;
  /** The kernel's share of cpuMs (system time: sockets, files), the rest being JavaScript and libraries. */
  systemMs: number;
  loopP99: number;
  loopMax: number;
}

type FromApp = { port: number } | { stats: AppStats } | { stopped: true };

/** A running app process. */
export interface LoadApp {
  port: number;
  stats(): Promise<AppStats>;
  stop(): Promise<void>;
}

/**
 * Starts the app in its own process. Diagnosis switches: LOAD_LOG=<file> keeps its log,
 * LOAD_PROFILE=<dir> writes a CPU profile, LOAD_NODE_FLAGS adds Node flags (e.g. --trace-gc).
 */
export async function startLoadApp(env: Record<string, string>): Promise<LoadApp> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['serve'], {
    execArgv: [
      // The flags `npm start` gives the app (package.json), so the figures are the product's.
      ...productNodeFlags('start'),
      '--expose-gc',
      '--import',
      'tsx',
      ...(process.env.LOAD_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_PROFILE}`] : []),
      ...(process.env.LOAD_NODE_FLAGS ? process.env.LOAD_NODE_FLAGS.split(' ') : []),
    ],
    env: { PATH: process.env.PATH ?? '', SERVICE_COACH_SKIP_DOTENV: '1', ...env },
    stdio: ['ignore', process.env.LOAD_LOG ? 'pipe' : 'ignore', process.env.LOAD_LOG ? 'pipe' : 'ignore', 'ipc'],
  });
  if (process.env.LOAD_LOG) {
    child.stderr?.pipe(createWriteStream(`${process.env.LOAD_LOG}.${child.pid}`));
    child.stdout?.pipe(createWriteStream(`${process.env.LOAD_LOG}.${child.pid}.out`));
  }
  const next = <T>(pick: (m: FromApp) => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the app process did not answer within 60 s')), 60_000);
      const listener = (message: FromApp) => {
        const value = pick(message);
        if (value === undefined) return;
        clearTimeout(timer);
        child.off('message', listener);
        resolve(value);
      };
      child.on('message', listener);
    });
  const port = await next((m) => ('port' in m ? m.port : undefined));
  return {
    port,
    stats: async () => {
      const answer = next((m) => ('stats' in m ? m.stats : undefined));
      child.send('stats');
      return answer;
    },
    stop: async () => {
      const stopped = next((m) => ('stopped' in m ? true : undefined));
      child.send('stop');
      await stopped;
    },
  };
}

async function serve(): Promise<void> {
  const { loadConfig } = await import('../src/core/config.js');
  const { createDeps } = await import('../src/core/create-deps.js');
  const { startSlack } = await import('../src/adapters/slack/start.js');
  const deps = await createDeps(loadConfig({ dotenvPath: null }));
  const slack = await startSlack(deps, { port: 0, host: '127.0.0.1', botId: 'B0BOT', botUserId: 'U0BOT' });
  const send = (message: FromApp) => process.send?.(message);
  // Event-loop delay inside the app tells its own stalls apart from time spent outside it.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on('message', (message: string) => {
    if (message === 'stats') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      setTimeout(() => {
        gc?.();
        const { rss, heapUsed } = process.memoryUsage();
        const cpu = process.cpuUsage();
        send({ stats: { rss, heapUsed, cpuMs: (cpu.user + cpu.system) / 1000, systemMs: cpu.system / 1000, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 } });
        loop.reset();
      }, 200);
    }
    if (message === 'stop') {
      void slack
        .stop()
        .then(() => deps.stores.close())
        .then(() => send({ stopped: true }))
        .finally(() => setTimeout(() => process.exit(0), 100));
    }
  });
  send({ port: (slack.server!.address() as { port: number }).port });
}

if (process.argv[2] === 'serve' && process.argv[1] === fileURLToPath(import.meta.url)) await serve();
