/**
 * Event de-duplication: Slack redelivers an event it thinks we missed (with `x-slack-retry-num`),
 * and behind a load balancer two instances may each receive one. Each `event_id` is claimed in
 * the store (atomic set-if-absent, across instances on Redis) before any listener runs, so only
 * the first delivery gets a reply.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Deps } from '../../../../core/deps.js';

/** How long an event id is remembered; Slack's retries arrive within minutes. */
export const EVENT_CLAIM_TTL_MS = 60 * 60 * 1000;

/** The store key of a claimed event. */
export const eventClaimKey = (eventId: string): string => `slack:event:${eventId}`;

/** Global middleware: lets the first delivery of each event through and drops the rest. */
export function dedupeEvents(deps: Pick<Deps, 'stores' | 'logger' | 'metrics'>): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const { type, event_id: eventId } = body as { type?: unknown; event_id?: unknown };
    if (type !== 'event_callback' || typeof eventId !== 'string') {
      await next();
      return;
    }
    let first = true;
    try {
      first = await deps.stores.claim(eventClaimKey(eventId), EVENT_CLAIM_TTL_MS);
    } catch (error) {
      // A store outage must not silence the bot: answering a rare retry twice is the lesser harm.
      deps.logger.warn({ surface: 'slack', eventId, err: error }, 'event claim failed; handling the event anyway');
    }
    if (!first) {
      deps.metrics.dedupeHits.inc({ surface: 'slack' });
      deps.logger.info({ surface: 'slack', eventId, retryNum: context.retryNum }, 'duplicate event ignored');
      return;
    }
    await next();
  };
}
