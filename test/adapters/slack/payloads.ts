/**
 * Anonymised Slack payloads, shaped like what Slack sends (ids are made up). Tests override the
 * fields they are about.
 */
import { FAKE_BOT } from '../../fakes/slack-api.js';

export const TEAM = FAKE_BOT.teamId;
export const LEARNER = 'U1LEARNER';
export const TUTOR = 'U2TUTOR';
export const CLASS_CHANNEL = 'C1CLASS';
export const LEARNER_DM = 'D1LEARNER';

let counter = 0;
const nextTs = () => `1767601${String((counter += 1)).padStart(3, '0')}.000${String(counter).padStart(3, '0')}`;

/** Form fields of a slash command. */
export function commandFields(overrides: { command: string; text?: string; user?: string; channel?: string; responseUrl: string; triggerId?: string }) {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'class',
    channel_id: overrides.channel ?? CLASS_CHANNEL,
    channel_name: 'customer-service',
    user_id: overrides.user ?? LEARNER,
    user_name: 'learner',
    command: overrides.command,
    text: overrides.text ?? '',
    api_app_id: 'A0COACH',
    is_enterprise_install: 'false',
    response_url: overrides.responseUrl,
    trigger_id: overrides.triggerId ?? `trigger-${(counter += 1)}`,
  };
}

/** An Events API envelope around an event. */
export function envelope(event: Record<string, unknown>, eventId = `Ev${(counter += 1)}`) {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A0COACH',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: 1767601000,
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: FAKE_BOT.userId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** "@Service Coach …" in a channel. */
export function mention(text: string, overrides: { user?: string; channel?: string; ts?: string; threadTs?: string } = {}) {
  const ts = overrides.ts ?? nextTs();
  return {
    type: 'app_mention',
    user: overrides.user ?? LEARNER,
    text: `<@${FAKE_BOT.userId}> ${text}`,
    ts,
    ...(overrides.threadTs && { thread_ts: overrides.threadTs }),
    channel: overrides.channel ?? CLASS_CHANNEL,
    event_ts: ts,
    team: TEAM,
  };
}

/** A message in a direct message with the app (message.im). */
export function directMessage(text: string, overrides: Record<string, unknown> = {}) {
  const ts = nextTs();
  return { type: 'message', channel_type: 'im', channel: LEARNER_DM, user: LEARNER, text, ts, event_ts: ts, team: TEAM, ...overrides };
}

/** A learner opening a thread in the Assistant container. */
export function assistantThreadStarted(threadTs: string) {
  return {
    type: 'assistant_thread_started',
    assistant_thread: { user_id: LEARNER, context: { channel_id: CLASS_CHANNEL, team_id: TEAM, enterprise_id: null }, channel_id: LEARNER_DM, thread_ts: threadTs },
    event_ts: nextTs(),
  };
}

/** A click on a button in a message. */
export function buttonClick(overrides: { value: string; actionId?: string; user?: string; channel?: string; responseUrl?: string; messageTs?: string; threadTs?: string }) {
  const messageTs = overrides.messageTs ?? nextTs();
  const channel = overrides.channel ?? CLASS_CHANNEL;
  return {
    type: 'block_actions',
    user: { id: overrides.user ?? LEARNER, username: 'learner', name: 'learner', team_id: TEAM },
    api_app_id: 'A0COACH',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
    trigger_id: `trigger-${(counter += 1)}`,
    team: { id: TEAM, domain: 'class' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'customer-service' },
    message: { type: 'message', ts: messageTs, ...(overrides.threadTs && { thread_ts: overrides.threadTs }), text: 'A question', user: FAKE_BOT.userId, bot_id: FAKE_BOT.botId },
    state: { values: {} },
    ...(overrides.responseUrl && { response_url: overrides.responseUrl }),
    actions: [
      { action_id: overrides.actionId ?? overrides.value, block_id: 'b1', text: { type: 'plain_text', text: 'Choice' }, value: overrides.value, type: 'button', action_ts: '1767601999.000100' },
    ],
  };
}

/** Submitting a command's form modal. */
export function formSubmission(overrides: { callbackId: string; value: string; user?: string; privateMetadata?: string; title?: string }) {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'class' },
    user: { id: overrides.user ?? TUTOR, username: 'tutor', name: 'tutor', team_id: TEAM },
    api_app_id: 'A0COACH',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${(counter += 1)}`,
    view: {
      id: 'V0FORM',
      team_id: TEAM,
      type: 'modal',
      blocks: [],
      private_metadata: overrides.privateMetadata ?? '',
      callback_id: overrides.callbackId,
      state: { values: { form_field: { value: { type: 'plain_text_input', value: overrides.value } } } },
      hash: 'h1',
      title: { type: 'plain_text', text: overrides.title ?? 'Review a draft' },
      close: { type: 'plain_text', text: 'Cancel' },
      submit: { type: 'plain_text', text: 'Submit' },
      previous_view_id: null,
      root_view_id: 'V0FORM',
      app_id: 'A0COACH',
      external_id: '',
      app_installed_team_id: TEAM,
      bot_id: FAKE_BOT.botId,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** The "Review this reply" message shortcut on someone's message. */
export function messageShortcut(overrides: { text: string; responseUrl: string; user?: string; channel?: string; callbackId?: string }) {
  const ts = nextTs();
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: '1767601999.000200',
    team: { id: TEAM, domain: 'class' },
    user: { id: overrides.user ?? TUTOR, username: 'tutor', name: 'tutor', team_id: TEAM },
    channel: { id: overrides.channel ?? CLASS_CHANNEL, name: 'customer-service' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: overrides.callbackId ?? 'review_message',
    trigger_id: `trigger-${(counter += 1)}`,
    response_url: overrides.responseUrl,
    message_ts: ts,
    message: { type: 'message', user: LEARNER, text: overrides.text, ts },
  };
}
