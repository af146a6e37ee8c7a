/**
 * `npm run bench -- load`: sustained load on the real Slack HTTP receiver, as operators run it.
 *
 * The app runs in its own process (`createDeps` from the real configuration: SQLite store,
 * guarded stores, metrics, pino logging at info), so its resident memory is its own. This process
 * plays Slack: autocannon sends correctly signed `app_mention` events (each signed, each with a
 * new event id, from 2,000 different learners) at a fixed 200 requests per second for 20 seconds,
 * twice, and measures how long the app takes to acknowledge them. The fake OpenAI server answers
 * every LLM call after a full second, so acknowledgements must not wait for the answers; the fake
 * Slack API counts the answers that follow.
 *
 * Memory: heap and RSS after a warm-up, after round 1 and after round 2, each after a full GC once
 * the answers have drained; growth between the rounds would be a leak.
 * Machine-dependent: the figures are for comparing runs on one machine (docs/OPERATIONS.md).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { envelope, mention } from '../test/adapters/slack/payloads.js';
import type { Suite, SuiteReport } from '../test/eval/suite.js';
import { startFakeOpenAI } from '../test/fakes/openai-server.js';
import { signSlackRequest, startFakeSlackApi } from '../test/fakes/slack-api.js';

const SECRET = 'load-bench-signing-secret';
const RATE = Number(process.env.LOAD_RATE ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const LLM_DELAY_MS = 1000;
const LEARNERS = 2000;
const QUESTIONS = [
  'What does LASS stand for?',
  'what is the difference between internal and external customers?',
  'what does the equality act mean for customer service',
  'why does customer service matter to a business',
  'what is upselling',
  'what are the features of good customer service',
];

type Memory = { rss: number; heapUsed: number; cpuMs: number };
type FromApp = { port: number } | { memory: Memory } | { stopped: true };

/** The app process: `node --expose-gc --import tsx bench/load.ts serve`. */
async function serveApp(): Promise<void> {
  const { loadConfig } = await import('../src/core/config.js');
  const { createDeps } = await import('../src/core/create-deps.js');
  const { startSlack } = await import('../src/adapters/slack/start.js');
  const deps = await createDeps(loadConfig({ dotenvPath: null }));
  const slack = await startSlack(deps, { port: 0, host: '127.0.0.1', botId: 'B0BOT', botUserId: 'U0BOT' });
  const send = (message: FromApp) => process.send?.(message);
  process.on('message', (message: string) => {
    if (message === 'memory') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      setTimeout(() => {
        gc?.();
        const { rss, heapUsed } = process.memoryUsage();
        const cpu = process.cpuUsage();
        send({ memory: { rss, heapUsed, cpuMs: (cpu.user + cpu.system) / 1000 } });
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

/** Starts the app process and returns a small handle to talk to it. */
async function startApp(env: Record<string, string>): Promise<{ port: number; ask(m: 'memory'): Promise<Memory>; stop(): Promise<void> }> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['serve'], {
    execArgv: ['--expose-gc', '--import', 'tsx', ...(process.env.LOAD_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_PROFILE}`] : [])],
    env: { PATH: process.env.PATH ?? '', SERVICE_COACH_SKIP_DOTENV: '1', ...env },
    stdio: ['ignore', 'ignore', process.env.LOAD_LOG ? 'pipe' : 'ignore', 'ipc'],
  });
  // LOAD_LOG=<file>: keep the app's warnings (store timeouts, LLM failures) for diagnosis.
  if (process.env.LOAD_LOG) {
    const { createWriteStream } = await import('node:fs');
    child.stderr?.pipe(createWriteStream(process.env.LOAD_LOG));
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
    ask: async () => {
      const answer = next((m) => ('memory' in m ? m.memory : undefined));
      child.send('memory');
      return answer;
    },
    stop: async () => {
      const stopped = next((m) => ('stopped' in m ? true : undefined));
      child.send('stop');
      await stopped;
    },
  };
}

let sequence = 0;
/** A fresh signed event: new event id, a learner out of 2,000, a question that goes to the LLM. */
function signedEvent(): { body: string; headers: Record<string, string> } {
  sequence += 1;
  const ts = `1767601000.${String(sequence).padStart(6, '0')}`;
  const event = envelope(mention(QUESTIONS[sequence % QUESTIONS.length]!, { user: `U${sequence % LEARNERS}`, ts }), `EvLoad${sequence}`);
  const body = JSON.stringify(event);
  return { body, headers: { 'content-type': 'application/json', ...signSlackRequest(SECRET, body) } };
}

async function round(port: number, seconds: number, rate: number): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 40,
    overallRate: rate,
    duration: seconds,
    requests: [{ method: 'POST', path: '/slack/events', setupRequest: (request) => ({ ...request, ...signedEvent() }) }],
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The load bench suite. */
export const loadBench: Suite = {
  name: 'load',
  async run(): Promise<SuiteReport> {
    const startLoad = loadavg().map((n) => n.toFixed(2)).join(' ');
    const slackApi = await startFakeSlackApi();
    const openai = await startFakeOpenAI();
    openai.onChat(() => ({ delayMs: LLM_DELAY_MS, json: { answer: 'A grounded answer from the first source.', sources: [1] } }));
    const dir = mkdtempSync(join(tmpdir(), 'coach-load-'));
    const app = await startApp({
      SLACK_BOT_TOKEN: 'xoxb-load',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slackApi.apiUrl,
      STORE_URL: `sqlite://${join(dir, 'coach.sqlite')}`,
      LOG_LEVEL: 'info',
      ...openai.env(),
    });
    const replies = () => slackApi.callsTo('chat.postMessage').length;
    const drain = async (expected: number) => slackApi.waitFor(() => replies() >= expected, 60_000).catch(() => undefined);
    try {
      const warm = await round(app.port, 5, 50);
      await drain(warm.requests.total);
      const before = await app.ask('memory');
      const rounds: autocannon.Result[] = [];
      const memory: Memory[] = [];
      for (let i = 0; i < 2; i++) {
        const sent = replies();
        const result = await round(app.port, SECONDS, RATE);
        rounds.push(result);
        await drain(sent + result['2xx']);
        memory.push(await app.ask('memory'));
      }
      // Let the last answers (events still in flight when a round ended) arrive before counting.
      await drain(sequence);
      const [first, second] = rounds as [autocannon.Result, autocannon.Result];
      const cpuPerEvent = (i: number) => (memory[i]!.cpuMs - (i === 0 ? before : memory[i - 1]!).cpuMs) / rounds[i]!.requests.total;
      // Every event built was sent (autocannon's totals leave out the last few still in flight at the end).
      const answered = replies();
      const sentTotal = sequence;
      const llmCalls = openai.chatRequests().length;
      const metrics: Record<string, number> = {
        'rate.target': RATE,
        'rate.achieved': (first.requests.total + second.requests.total) / (2 * SECONDS),
        'ack.p50.ms': Math.max(first.latency.p50, second.latency.p50),
        'ack.p99.ms': Math.max(first.latency.p99, second.latency.p99),
        'ack.max.ms': Math.max(first.latency.max, second.latency.max),
        'requests.non2xx': first.non2xx + second.non2xx,
        'requests.errors': first.errors + first.timeouts + second.errors + second.timeouts,
        'answers.ratio': sentTotal === 0 ? 0 : answered / sentTotal,
        'rss.before.mb': before.rss / 1048576,
        'rss.after1.mb': memory[0]!.rss / 1048576,
        'rss.after2.mb': memory[1]!.rss / 1048576,
        'heap.before.mb': before.heapUsed / 1048576,
        'heap.after1.mb': memory[0]!.heapUsed / 1048576,
        'heap.after2.mb': memory[1]!.heapUsed / 1048576,
        'cpu.per.event.ms': cpuPerEvent(1),
      };
      const lines = [
        `Slack HTTP receiver, signed app_mention events, ${RATE} req/s for ${SECONDS} s × 2 rounds (after a 5 s warm-up at 50 req/s);`,
        `LLM answers after ${LLM_DELAY_MS} ms; SQLite store; app in its own process.`,
        '',
        '| Round | Requests | Achieved rate | Ack p50 | Ack p97.5 | Ack p99 | Ack max | Non-2xx | Errors/timeouts |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rounds.map(
          (r, i) =>
            `| ${i + 1} | ${r.requests.total} | ${(r.requests.total / SECONDS).toFixed(1)}/s | ${r.latency.p50} ms | ${r.latency.p97_5} ms | ${r.latency.p99} ms | ${r.latency.max} ms | ${r.non2xx} | ${r.errors + r.timeouts} |`,
        ),
        '',
        `Answers posted after the acknowledgements (warm-up included): ${answered} of ${sentTotal} events (${(metrics['answers.ratio']! * 100).toFixed(1)}%); LLM calls: ${llmCalls}.`,
        `App CPU per event (ack, claim, answer, LLM call, reply): ${cpuPerEvent(0).toFixed(2)} ms in round 1, ${cpuPerEvent(1).toFixed(2)} ms in round 2. Load average when starting: ${startLoad}.`,
        `Memory after GC: before ${mb(before.rss)} RSS / ${mb(before.heapUsed)} heap; after round 1 ${mb(memory[0]!.rss)} / ${mb(memory[0]!.heapUsed)}; after round 2 ${mb(memory[1]!.rss)} / ${mb(memory[1]!.heapUsed)}.`,
        `Target: p99 acknowledgement under 100 ms at ${RATE} req/s: ${metrics['ack.p99.ms']! < 100 ? 'met' : 'NOT met'}.`,
      ];
      return { metrics, lines };
    } finally {
      await app.stop().catch(() => undefined);
      await slackApi.close();
      await openai.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

if (process.argv[2] === 'serve' && process.argv[1] === fileURLToPath(import.meta.url)) await serveApp();
