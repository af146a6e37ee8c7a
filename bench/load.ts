/**
 * `npm run bench -- load`: sustained load on the real Slack HTTP receiver, as operators run it.
 *
 * The app runs in its own process (`bench/load-app.ts`: the real `createDeps`, guarded stores,
 * metrics, pino logging at info), so its memory and CPU are its own. This process plays Slack:
 * it sends correctly signed `app_mention` events (each signed, each with a new event id, from
 * 2,000 different learners) at a fixed average rate (default 200 per second) for 20 seconds,
 * twice, and measures how long the app takes to acknowledge them. The fake OpenAI server answers
 * every LLM call after a full second, so acknowledgements must not wait for answers; the fake
 * Slack API receives the answers that follow, and the time from each event to its answer is
 * reported too.
 *
 * LOAD_SHAPE chooses how the events are spread in time (`bench/load-traffic.ts`):
 * - `poisson` (default): independent arrivals at the average rate, sent open-loop (each event at
 *   its due time, latency measured from then), which is how Slack delivers a class's events;
 * - `steady`: evenly spaced, open-loop;
 * - `burst`: autocannon with a per-second rate, as the first figures were measured: every
 *   connection sends its second's quota back to back at the start of each second, so ~200 events
 *   arrive together and their 200 answers come back together a second later. Autocannon's
 *   latency percentiles also add synthetic samples for every millisecond of a slow answer
 *   (coordinated-omission correction with a 1 ms interval), which weighs slow answers heavily.
 *
 * LOAD_INSTANCES=2 runs two app processes on one real redis-server (scale-out, as behind a load
 * balancer), each taking half the rate. LOAD_RATE and LOAD_SECONDS change the load.
 * Memory: RSS and heap after a full GC after a warm-up and after each round, once the answers have
 * drained; growth from round to round would be a leak.
 * Machine-dependent: the figures are for comparing runs on one machine (docs/OPERATIONS.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { envelope, mention } from '../test/adapters/slack/payloads.js';
import type { Suite, SuiteReport } from '../test/eval/suite.js';
import { startFakeOpenAI } from '../test/fakes/openai-server.js';
import { signSlackRequest, startFakeSlackApi } from '../test/fakes/slack-api.js';
import { startRedis, type RunningRedis } from '../test/helpers/redis-server.js';
import { startLoadApp, type AppStats, type LoadApp } from './load-app.js';
import { openLoop, type OpenLoopShape } from './load-traffic.js';

const SECRET = 'load-bench-signing-secret';
const RATE = Number(process.env.LOAD_RATE ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const INSTANCES = Math.max(1, Number(process.env.LOAD_INSTANCES ?? 1));
const SHAPE = (process.env.LOAD_SHAPE ?? 'poisson') as OpenLoopShape | 'burst';
const ROUNDS = 2;
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

let sequence = 0;
/** When each event was sent (Date.now(), as the fake Slack API stamps calls), by sequence number. */
const sentAt = new Map<number, number>();
/** A fresh signed event: a new event id, one learner of 2,000, a question that goes to the LLM. */
function signedEvent(): { body: string; headers: Record<string, string> } {
  sequence += 1;
  sentAt.set(sequence, Date.now());
  const ts = `1767601000.${String(sequence).padStart(6, '0')}`;
  const event = envelope(mention(QUESTIONS[sequence % QUESTIONS.length]!, { user: `U${sequence % LEARNERS}`, ts }), `EvLoad${sequence}`);
  const body = JSON.stringify(event);
  return { body, headers: { 'content-type': 'application/json', ...signSlackRequest(SECRET, body) } };
}

/** One round's acknowledgement figures for one instance, whichever sender produced them. */
interface RoundResult {
  requests: number;
  latency: { p50: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  /** Open loop only: how late this process got requests out (its own stalls), p99. */
  senderLagP99?: number;
}

async function hammer(port: number, seconds: number, rate: number, instance: number): Promise<RoundResult> {
  if (SHAPE !== 'burst') {
    const r = await openLoop({ port, path: '/slack/events', seconds, rate, shape: SHAPE, seed: sequence + 1 + 7919 * instance, next: signedEvent });
    return { requests: r.sent, latency: r.latency, non2xx: r.non2xx, errors: r.errors, senderLagP99: r.senderLag.p99 };
  }
  const r = await autocannonRound(port, seconds, rate);
  return { requests: r.requests.total, latency: r.latency, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

function autocannonRound(port: number, seconds: number, rate: number): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: Math.max(10, Math.round(rate / 5)),
    overallRate: rate,
    duration: seconds,
    requests: [{ method: 'POST', path: '/slack/events', setupRequest: (request) => ({ ...request, ...signedEvent() }) }],
  });
}

/**
 * Time from sending each event to its answer reaching the fake Slack API, per round: the answer
 * goes to the event's thread, whose ts carries the event's sequence number.
 */
function answerTimes(posts: Array<{ body: Record<string, any>; at: number }>, firstOfRound: number[]): Array<{ p50: number; p99: number }> {
  const byRound = firstOfRound.slice(1).map(() => [] as number[]);
  for (const post of posts) {
    const seq = Number(String(post.body.thread_ts ?? '').split('.')[1]);
    const round = firstOfRound.findIndex((first, i) => seq >= first && seq < (firstOfRound[i + 1] ?? 0));
    const sent = sentAt.get(seq);
    if (round >= 0 && sent !== undefined) byRound[round]!.push(post.at - sent);
  }
  return byRound.map((times) => {
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.max(0, Math.ceil((p / 100) * times.length) - 1)] ?? 0;
    return { p50: at(50), p99: at(99) };
  });
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** The load bench suite. */
export const loadBench: Suite = {
  name: 'load',
  async run(): Promise<SuiteReport> {
    const startLoad = loadavg().map((n) => n.toFixed(2)).join(' ');
    const slackApi = await startFakeSlackApi();
    const openai = await startFakeOpenAI();
    openai.onChat(() => ({ delayMs: LLM_DELAY_MS, json: { answer: 'A grounded answer from the first source.', sources: [1] } }));
    const dir = mkdtempSync(join(tmpdir(), 'coach-load-'));
    const redis: RunningRedis | null = INSTANCES > 1 ? await startRedis() : null;
    const storeUrl = redis?.url ?? `sqlite://${join(dir, 'coach.sqlite')}`;
    const env = { SLACK_BOT_TOKEN: 'xoxb-load', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slackApi.apiUrl, STORE_URL: storeUrl, LOG_LEVEL: 'info', ...openai.env() };
    const apps: LoadApp[] = [];
    const replies = () => slackApi.callsTo('chat.postMessage').length;
    const drain = (expected: number) => slackApi.waitFor(() => replies() >= expected, 60_000).catch(() => undefined);
    /** One round: every instance gets its share of the rate at the same time. */
    const round = (seconds: number, rate: number) => Promise.all(apps.map((app, k) => hammer(app.port, seconds, rate / apps.length, k)));
    try {
      for (let i = 0; i < INSTANCES; i++) apps.push(await startLoadApp(env));
      await round(5, 50);
      await drain(sequence);
      const stats: AppStats[][] = [await Promise.all(apps.map((app) => app.stats()))];
      const rounds: RoundResult[][] = [];
      const firstOfRound: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        firstOfRound.push(sequence + 1);
        rounds.push(await round(SECONDS, RATE));
        await drain(sequence);
        stats.push(await Promise.all(apps.map((app) => app.stats())));
      }
      firstOfRound.push(sequence + 1);
      const endLoad = loadavg().map((n) => n.toFixed(2)).join(' ');
      const answers = answerTimes(slackApi.callsTo('chat.postMessage'), firstOfRound);
      const all = rounds.flat();
      const total = (r: RoundResult[]) => r.reduce((sum, x) => sum + x.requests, 0);
      const cpuPerEvent = (i: number) => stats[i + 1]!.reduce((sum, s, k) => sum + s.cpuMs - stats[i]![k]!.cpuMs, 0) / total(rounds[i]!);
      const systemPerEvent = (i: number) => stats[i + 1]!.reduce((sum, s, k) => sum + s.systemMs - stats[i]![k]!.systemMs, 0) / total(rounds[i]!);
      const metrics: Record<string, number> = {
        'rate.target': RATE,
        instances: INSTANCES,
        'ack.p50.ms': Math.max(...all.map((r) => r.latency.p50)),
        'ack.p99.ms': Math.max(...all.map((r) => r.latency.p99)),
        'ack.p99.steady.ms': Math.max(...rounds.at(-1)!.map((r) => r.latency.p99)),
        'ack.max.ms': Math.max(...all.map((r) => r.latency.max)),
        'requests.non2xx': all.reduce((sum, r) => sum + r.non2xx, 0),
        'requests.errors': all.reduce((sum, r) => sum + r.errors, 0),
        'answer.p99.ms': Math.max(...answers.map((a) => a.p99)),
        'answers.ratio': replies() / sequence,
        'cpu.per.event.ms': cpuPerEvent(ROUNDS - 1),
        'rss.growth.mb': (Math.max(...stats.at(-1)!.map((s) => s.rss)) - Math.max(...stats[1]!.map((s) => s.rss))) / 1048576,
        'heap.growth.mb': (Math.max(...stats.at(-1)!.map((s) => s.heapUsed)) - Math.max(...stats[1]!.map((s) => s.heapUsed))) / 1048576,
      };
      const lines = [
        `Slack HTTP receiver, signed app_mention events at ${RATE}/s (${SHAPE}) for ${SECONDS} s × ${ROUNDS} rounds (after 5 s at 50/s); ` +
          `LLM answers after ${LLM_DELAY_MS} ms; ${INSTANCES === 1 ? 'one app process, SQLite' : `${INSTANCES} app processes sharing one redis-server`}.`,
        '',
        '| Round | Instance | Requests | Rate | Ack p50 | Ack p97.5 | Ack p99 | Ack max | Non-2xx | Errors | Sender lag p99 |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...rounds.flatMap((results, i) =>
          results.map(
            (r, k) =>
              `| ${i + 1} | ${k + 1} | ${r.requests} | ${(r.requests / SECONDS).toFixed(1)}/s | ${r.latency.p50} ms | ${r.latency.p97_5} ms | ${r.latency.p99} ms | ${r.latency.max} ms | ${r.non2xx} | ${r.errors} | ${r.senderLagP99 === undefined ? '–' : `${r.senderLagP99.toFixed(1)} ms`} |`,
          ),
        ),
        '',
        `Answers posted after the acknowledgements (warm-up included): ${replies()} of ${sequence} events; LLM calls: ${openai.chatRequests().length}.`,
        `Event to answer (the LLM takes ${LLM_DELAY_MS} ms): ${answers.map((a, i) => `round ${i + 1} p50 ${a.p50} ms, p99 ${a.p99} ms`).join('; ')}.`,
        `App CPU per event (ack, claim, answer, LLM call, reply): ${rounds.map((_, i) => `${cpuPerEvent(i).toFixed(2)} ms`).join(', ')} by round` +
          ` (of which kernel: ${rounds.map((_, i) => `${systemPerEvent(i).toFixed(2)} ms`).join(', ')}). Load average at the start: ${startLoad}; at the end: ${endLoad}.`,
        `App event-loop delay p99 / max: ${stats.slice(1).map((s, i) => `round ${i + 1} ${s.map((x) => `${x.loopP99.toFixed(0)}/${x.loopMax.toFixed(0)} ms`).join(' + ')}`).join('; ')}.`,
        `Memory after GC (RSS / heap per instance): ${stats.map((s, i) => `${i === 0 ? 'warm' : `round ${i}`} ${s.map((x) => `${mb(x.rss)} / ${mb(x.heapUsed)}`).join(' + ')}`).join('; ')}.`,
        `Target p99 acknowledgement < 100 ms at ${RATE}/s: ${metrics['ack.p99.ms']! < 100 ? 'met' : metrics['ack.p99.steady.ms']! < 100 ? 'met in the steady round only' : 'not met'}.`,
      ];
      return { metrics, lines };
    } finally {
      await Promise.all(apps.map((app) => app.stop().catch(() => undefined)));
      await slackApi.close();
      await openai.close();
      await redis?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
