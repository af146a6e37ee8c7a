/**
 * Whether someone may run admin-only commands (the tutor's /class-report): Slack's workspace
 * admins and owners. Slack does not send this with a request, so it costs one `users.info` call
 * (scope `users:read`), made only when an admin-only command runs; nothing is stored. If Slack
 * does not answer (or the scope is missing on an older install), the answer is "no".
 */
import type { webApi } from '@slack/bolt';
import type { CommandDefinition } from '../../core/commands/types.js';
import type { Deps } from '../../core/deps.js';
import { attempt } from './deliver.js';

/**
 * Core commands Slack does not offer, with the reason. The daily quiz is posted to Discord
 * channels only, so its settings command would change nothing in Slack.
 */
export const NOT_ON_SLACK: Readonly<Record<string, string>> = {
  'daily-quiz': 'the daily question is posted on Discord only',
};

/** True for commands Slack lists and runs. */
export function offeredOnSlack(command: CommandDefinition): boolean {
  return !(command.name in NOT_ON_SLACK);
}

/** Asks Slack whether the user is a workspace admin or owner. */
export async function isWorkspaceAdmin(client: webApi.WebClient, deps: Pick<Deps, 'logger'>, user: string): Promise<boolean> {
  const result = await attempt(deps, 'users.info', () => client.users.info({ user }));
  const profile = result?.user;
  return Boolean(profile && (profile.is_admin || profile.is_owner || profile.is_primary_owner));
}
