/**
 * Open-loop traffic for the load bench (`bench/load.ts`): request i is due at a fixed time,
 * whatever the earlier requests are doing, the way independent learners send events to Slack.
 *
 * A closed-loop tool (autocannon, each connection waiting for its answer before sending again)
 * slows down when the server does, so it under-reports slow answers ("coordinated omission").
 * Here latency is measured from the time each request was *due*, so time a request spent waiting
 * to be sent counts against the server too, and the sender's own lag is reported beside it.
 *
 * Shapes: `poisson` (independent arrivals at an average rate: real traffic, occasional clumps)
 * and `steady` (evenly spaced). The burst shape of earlier figures (autocannon's per-second
 * rate limit: every connection sends its whole second's quota at once) stays in `bench/load.ts`.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** How requests are spread in time. */
export type OpenLoopShape = 'poisson' | 'steady';

/** One request to send: body and headers (each request is signed separately). */
export interface TrafficRequest {
  body: string;
  headers: Record<string, string>;
}

/** What one run measured. Latencies are in milliseconds, from each request's due time. */
export interface TrafficResult {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  latency: { p50: number; p97_5: number; p99: number; max: number };
  /** How late the sender itself got requests out (its own event loop), p99 and max. */
  senderLag: { p99: number; max: number };
  /** Requests actually sent per second over the run. */
  rate: number;
}

/** Options for {@link openLoop}. */
export interface OpenLoopOptions {
  port: number;
  path: string;
  seconds: number;
  /** Average requests per second. */
  rate: number;
  shape: OpenLoopShape;
  /** Seed for the Poisson arrivals, so runs are comparable. */
  seed?: number;
  next(): TrafficRequest;
}

/** A request that has not answered in this time counts as an error (Slack gives up after 3 s). */
const REQUEST_TIMEOUT_MS = 10_000;

/** Due times (ms from the start) of every request in the run. */
export function arrivalTimes(shape: OpenLoopShape, rate: number, seconds: number, seed = 42): number[] {
  const end = seconds * 1000;
  const times: number[] = [];
  if (shape === 'steady') {
    for (let t = 0; t < end; t += 1000 / rate) times.push(t);
    return times;
  }
  const rng = xoroshiro128plus(seed);
  // Exponential gaps with mean 1/rate: the arrivals of many independent senders.
  for (let t = -Math.log(1 - uniformFloat64(rng)) * (1000 / rate); t < end; t += -Math.log(1 - uniformFloat64(rng)) * (1000 / rate)) {
    times.push(t);
  }
  return times;
}

/**
 * Sends requests at their due times over keep-alive connections (as many as are needed: a slow
 * answer never holds the next request back) and resolves when every request has finished.
 */
export function openLoop(options: OpenLoopOptions): Promise<TrafficResult> {
  const due = arrivalTimes(options.shape, options.rate, options.seconds, options.seed);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const latencies: number[] = [];
  const lags: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let finished = 0;
  let next = 0;
  const started = performance.now();
  let lastSent = started;
  return new Promise((resolve) => {
    const done = () => {
      finished += 1;
      if (finished < due.length) return;
      agent.destroy();
      resolve({
        sent: due.length,
        ok,
        non2xx,
        errors,
        latency: { p50: percentile(latencies, 50), p97_5: percentile(latencies, 97.5), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
        senderLag: { p99: percentile(lags, 99), max: percentile(lags, 100) },
        rate: due.length / ((lastSent - started) / 1000 || 1),
      });
    };
    const send = (dueAt: number) => {
      const { body, headers } = options.next();
      lags.push(performance.now() - dueAt);
      lastSent = performance.now();
      const req = request(
        { agent, host: '127.0.0.1', port: options.port, path: options.path, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, timeout: REQUEST_TIMEOUT_MS },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              ok += 1;
              latencies.push(performance.now() - dueAt);
            } else {
              non2xx += 1;
            }
            done();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', () => {
        errors += 1;
        done();
      });
      req.end(body);
    };
    const tick = () => {
      const now = performance.now() - started;
      // Everything due by now goes out, late or not: the server's slowness must not thin the load.
      while (next < due.length && due[next]! <= now) send(started + due[next++]!);
      if (next < due.length) setTimeout(tick, Math.max(0, due[next]! - (performance.now() - started)));
    };
    tick();
  });
}

/** Nearest-rank percentile of unsorted values (sorts them in place). */
function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  const rank = Math.min(values.length, Math.max(1, Math.ceil((p / 100) * values.length)));
  return Math.round(values[rank - 1]! * 10) / 10;
}
