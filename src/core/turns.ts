/**
 * Answer work takes turns with incoming requests, so an acknowledgement never waits behind a
 * burst of answers being computed.
 *
 * Node runs every I/O callback that is ready, and every promise continuation they set off, before
 * it looks for new requests again. Under load many answers become ready together (a batch of store
 * reads finishing on the thread pool, a second's worth of LLM replies arriving at once), and each
 * then does a millisecond or more of synchronous work (retrieval, the LLM request, rendering): a
 * new Slack event arriving meanwhile is read only after all of it. Slack wants its acknowledgement
 * within 3 seconds, and we want it within 100 ms.
 *
 * `await takeTurn()` before such a step queues it; the queue lets **one** step go per turn of the
 * event loop (via `setImmediate`, which runs after the loop has polled for I/O), so between any two
 * answer steps the loop reads and acknowledges whatever requests have arrived. Nothing is dropped
 * or reordered: steps go first in, first out, and when the process is idle a turn costs a few
 * microseconds. A concurrency limiter (p-limit, p-queue) would not do this: it starts the next task
 * in the same microtask checkpoint, so a burst still runs back to back without polling for I/O.
 */
import { setImmediate } from 'node:timers';

const waiting: Array<() => void> = [];
let scheduled = false;

/** Lets the first waiting step go, and schedules the next turn if more are waiting. */
function release(): void {
  const wake = waiting.shift();
  if (waiting.length > 0) setImmediate(release);
  else scheduled = false;
  wake?.();
}

/**
 * Resolves on a later turn of the event loop, after any I/O that is ready has been handled and
 * after the steps queued before it. Call it before a step of synchronous work that is not itself
 * an acknowledgement.
 * @example await ack(); await takeTurn(); const reply = await runCommand(…);
 */
export function takeTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      // node:timers' own function, so a test's fake timers cannot stall answers.
      setImmediate(release);
    }
  });
}

/** Steps waiting for their turn right now (a queue that keeps growing means too little CPU). */
export function waitingTurns(): number {
  return waiting.length;
}
