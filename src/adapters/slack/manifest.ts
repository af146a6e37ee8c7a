/**
 * The Slack app manifest, generated from the core command list so Slack's slash commands never
 * drift from the commands the app handles. `slack/manifest.json` is this output for Socket Mode
 * (no public URL needed); `coach slack manifest --url https://…` prints the HTTP-mode variant.
 * Admin-only commands are listed too: Slack shows them to everyone, and the core refuses anyone
 * who is not a workspace admin or owner.
 * A test fails when the committed file differs from what this builds.
 */
import type { CommandDefinition } from '../../core/commands/types.js';
import { slashOptions } from '../../core/commands/slash-options.js';
import { offeredOnSlack } from './admin.js';
import { SLACK_EVENTS_PATH } from './app.js';
import { SUGGESTED_PROMPTS } from './listeners/events/assistant.js';
import { REVIEW_SHORTCUT } from './listeners/shortcuts/index.js';
import { SLACK_LIMITS as L } from './limits.js';

/** The app's name in the workspace. */
export const APP_NAME = 'Service Coach';

/**
 * The bot scopes, each for a reason: slash commands and shortcuts (`commands`), posting answers
 * (`chat:write`), hearing @mentions (`app_mentions:read`), direct messages (`im:history`,
 * `im:read`, `im:write`), the AI app surface (`assistant:write`), and checking that whoever runs
 * an admin-only command (the tutor's /class-report) is a workspace admin (`users:read`, one
 * `users.info` call then, nothing stored). Nothing reads channel history.
 */
export const BOT_SCOPES = ['app_mentions:read', 'assistant:write', 'chat:write', 'commands', 'im:history', 'im:read', 'im:write', 'users:read'] as const;

/** The events the app subscribes to. */
export const BOT_EVENTS = ['app_mention', 'assistant_thread_context_changed', 'assistant_thread_started', 'message.im'] as const;

/** Options for {@link buildManifest}. */
export interface ManifestOptions {
  /** HTTP mode: the public base URL (https://…); Slack then posts to `<url>/slack/events`. Omit for Socket Mode. */
  url?: string;
}

/** The subset of Slack's manifest format we produce. */
export interface SlackManifest {
  _metadata: { major_version: number; minor_version: number };
  display_information: { name: string; description: string; background_color: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string; always_online: boolean };
    assistant_view: { assistant_description: string; suggested_prompts: Array<{ title: string; message: string }> };
    shortcuts?: Array<{ name: string; type: 'message' | 'global'; callback_id: string; description: string }>;
    slash_commands: Array<{ command: string; description: string; usage_hint?: string; should_escape: boolean; url?: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/** The commands Slack lists: every core command except those in {@link NOT_ON_SLACK}. */
export function slackCommands(commands: CommandDefinition[]): CommandDefinition[] {
  return commands.filter(offeredOnSlack);
}

/**
 * Builds the manifest for the given commands.
 * @example JSON.stringify(buildManifest(COMMANDS), null, 2)
 */
export function buildManifest(commands: CommandDefinition[], options: ManifestOptions = {}): SlackManifest {
  const endpoint = options.url ? `${options.url.replace(/\/+$/, '')}${SLACK_EVENTS_PATH}` : undefined;
  const at = endpoint ? { request_url: endpoint } : {};
  const listed = slackCommands(commands);
  const canReview = listed.some((command) => command.name === REVIEW_SHORTCUT.command);
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: APP_NAME,
      description: 'Study help for BTEC Level 2 Customer Service: cited answers, quizzes and feedback on replies.',
      background_color: '#1f4e5f',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: APP_NAME, always_online: true },
      assistant_view: {
        assistant_description: 'Ask about the BTEC Level 2 Customer Service units; answers cite the unit and criterion.',
        suggested_prompts: SUGGESTED_PROMPTS.map((prompt) => ({ ...prompt })),
      },
      ...(canReview && {
        shortcuts: [
          {
            name: REVIEW_SHORTCUT.name,
            type: 'message' as const,
            callback_id: REVIEW_SHORTCUT.callbackId,
            description: 'Feedback on a drafted customer reply: language, tone, GDPR and writing. Only you see it.',
          },
        ],
      }),
      slash_commands: listed.map((command) => {
        const hint = usageHint(command);
        return {
          command: `/${command.name.slice(0, L.commandName)}`,
          description: command.description.slice(0, L.commandDescription),
          ...(hint && { usage_hint: hint }),
          should_escape: false,
          ...(endpoint && { url: endpoint }),
        };
      }),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...at, bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...at },
      org_deploy_enabled: false,
      socket_mode_enabled: !endpoint,
      token_rotation_enabled: false,
    },
  };
}

/** "[unit]" for optional options, "<question>" for required ones, from the command's schema. */
function usageHint(command: CommandDefinition): string {
  return slashOptions(command)
    .map((option) => (option.required ? `<${option.name}>` : `[${option.name}]`))
    .join(' ')
    .slice(0, L.commandUsageHint);
}

/** The manifest as committed in `slack/manifest.json` (two-space JSON, trailing newline). */
export function manifestJson(commands: CommandDefinition[], options: ManifestOptions = {}): string {
  return `${JSON.stringify(buildManifest(commands, options), null, 2)}\n`;
}
