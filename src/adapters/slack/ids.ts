/**
 * Opaque ids for the core, built from Slack's team, user, channel and thread ids. The core never
 * sees Slack payloads; it sees `slack:T1:U2` and friends.
 *
 * - user: `slack:<team>:<user>`; scope (workspace): `slack:<team>`; channel: `slack:<team>:<channel>`
 * - conversation: a thread `slack:<team>:<channel>:<thread_ts>`; a direct message outside a thread
 *   is its DM channel `slack:<team>:<channel>`; a slash command in a channel (which has no
 *   thread) is per person in that channel, `slack:<team>:<channel>:<user>`, so two learners'
 *   follow-ups never mix.
 *
 * `isAdmin` is false here: Slack does not say with a request whether someone is a workspace
 * admin. The commands listener asks Slack (`users.info`, see admin.ts) only when an admin-only
 * command runs, and sets it there.
 */
import type { CommandContext } from '../../core/commands/types.js';

/** Where a Slack request came from, as Slack ids. */
export interface SlackOrigin {
  /** Workspace id (T…); the enterprise id or "unknown" when Slack leaves it out. */
  team: string;
  /** User id (U… or W…). */
  user: string;
  /** Channel id (C…, G… or D… for a direct message). */
  channel: string;
  /** The thread's parent ts, when the request belongs to a thread. */
  threadTs?: string | undefined;
}

/** Slack channel ids of direct messages start with D. */
export function isDirectMessage(channel: string): boolean {
  return channel.startsWith('D');
}

/**
 * Builds the core's request context.
 * @example slackContext({ team: 'T1', user: 'U2', channel: 'C3', threadTs: '171.0001' })
 *   // { userId: 'slack:T1:U2', conversationId: 'slack:T1:C3:171.0001', … }
 */
export function slackContext(origin: SlackOrigin): CommandContext {
  const { team, user, channel, threadTs } = origin;
  const conversationId = threadTs
    ? `slack:${team}:${channel}:${threadTs}`
    : isDirectMessage(channel)
      ? `slack:${team}:${channel}`
      : `slack:${team}:${channel}:${user}`;
  return {
    surface: 'slack',
    userId: `slack:${team}:${user}`,
    scopeId: `slack:${team}`,
    channelId: `slack:${team}:${channel}`,
    conversationId,
    isAdmin: false,
  };
}

/** The workspace id of a payload: team, then the first authorization, then the enterprise. */
export function teamOf(body: {
  team_id?: string | null;
  team?: { id?: string | null } | null;
  user?: { team_id?: string | null } | string | null;
  authorizations?: Array<{ team_id?: string | null }>;
  enterprise_id?: string | null;
  enterprise?: { id?: string | null } | null;
}): string {
  const userTeam = typeof body.user === 'object' && body.user ? body.user.team_id : undefined;
  return (
    body.team_id ??
    body.team?.id ??
    userTeam ??
    body.authorizations?.[0]?.team_id ??
    body.enterprise_id ??
    body.enterprise?.id ??
    'unknown'
  );
}
