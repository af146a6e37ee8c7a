import { afterEach, describe, expect, it } from 'vitest';
import type { AskEngine } from '../../../src/core/ask/engine.js';
import { testDeps } from '../../helpers/test-deps.js';
import { settle, startSlackHarness, type SlackHarness } from './harness.js';
import { envelope, mention } from './payloads.js';

/** Keeps the CPU busy, as retrieval does for about a millisecond per question under load. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('acknowledgements under a burst of answer work', () => {
  it('acknowledges 30 events that arrive together before most of their answers are computed, then answers every one', async () => {
    const real = (await testDeps()).ask;
    let retrieved = 0;
    // 20 ms of retrieval per question: 600 ms of answer work arriving at once.
    const slow: AskEngine = {
      ...real,
      retrieve: (question, options) => {
        busy(20);
        retrieved += 1;
        return real.retrieve(question, options);
      },
    };
    h = await startSlackHarness({ ask: slow });
    const events = Array.from({ length: 30 }, (_, i) =>
      envelope(mention('what does LASS stand for?', { user: `U0BURST${i}`, ts: `1767609000.${String(i).padStart(6, '0')}` }), `EvBurst${i}`),
    );
    const retrievedWhenAcked: number[] = [];
    const deliveries = await Promise.all(events.map((event) => h!.send.event(event).then((d) => (retrievedWhenAcked.push(retrieved), d))));
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    // Every acknowledgement was read back before half of the answers had been worked out; without
    // turns each request's answer work ran before the next request was read (all 30 first).
    expect(Math.max(...retrievedWhenAcked)).toBeLessThan(15);
    await h.fake.waitFor(() => h!.fake.callsTo('chat.postMessage').length >= 30, 10_000);
    await settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(30);
  });
});
