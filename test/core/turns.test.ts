import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { takeTurn, waitingTurns } from '../../src/core/turns.js';

/** Keeps the CPU busy for `ms`, like retrieval or rendering does. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A loopback server that answers at once, like an acknowledgement. */
async function ackServer(): Promise<number> {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends one request; resolves with how many steps had finished when the answer came. */
function ask(port: number, finished: () => number): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(finished()));
    })
      .on('error', reject)
      .end();
  });
}

describe('takeTurn', () => {
  it('lets waiting steps go first in, first out, and then is empty', async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map(async (n) => {
      await takeTurn();
      order.push(n);
    }));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(waitingTurns()).toBe(0);
  });

  it('answers a request that arrives during a burst of answer work before the burst is over', async () => {
    const port = await ackServer();
    let finished = 0;
    // 40 steps of 5 ms ready at once: 200 ms of work, as when a batch of store reads completes.
    const steps = Array.from({ length: 40 }, async () => {
      await takeTurn();
      busy(5);
      finished += 1;
    });
    const answeredAfter = await ask(port, () => finished);
    await Promise.all(steps);
    // The request was read, answered and its answer read back between steps, not after all 40.
    expect(answeredAfter).toBeLessThan(20);
    expect(finished).toBe(40);
  });

  it('without turns the same burst holds the request back until it is over (what turns prevent)', async () => {
    const port = await ackServer();
    let finished = 0;
    const gate = Promise.resolve();
    const steps = Array.from({ length: 40 }, async () => {
      await gate;
      busy(5);
      finished += 1;
    });
    const answeredAfter = await ask(port, () => finished);
    await Promise.all(steps);
    expect(answeredAfter).toBe(40);
  });
});

describe('coach_answer_steps_waiting', () => {
  it('reports the steps waiting for their turn on /metrics', async () => {
    const { createMetrics } = await import('../../src/core/metrics.js');
    const { registry } = createMetrics();
    const steps = [takeTurn(), takeTurn(), takeTurn()];
    expect(await registry.getSingleMetricAsString('coach_answer_steps_waiting')).toContain('coach_answer_steps_waiting 3');
    await Promise.all(steps);
    expect(await registry.getSingleMetricAsString('coach_answer_steps_waiting')).toContain('coach_answer_steps_waiting 0');
  });
});
