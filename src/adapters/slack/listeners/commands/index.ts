/**
 * Slash commands. One listener serves every core command (`/ask`, `/quiz`, `/review`, `/help`, …):
 * it acknowledges at once, reads the text with the command's own `parseText`, and either opens
 * the command's form (when it has one and the text is empty) or runs the command and answers
 * through the response_url — privately or in the channel, as the command and reply say.
 * Commands registered in the core later work here without any change.
 */
import type { App } from '@slack/bolt';
import { findCommand, runCommand } from '../../../../core/commands/dispatch.js';
import type { CommandDefinition } from '../../../../core/commands/types.js';
import type { Deps } from '../../../../core/deps.js';
import { takeTurn } from '../../../../core/turns.js';
import { notice } from '../../../../core/reply.js';
import { NOT_ON_SLACK, isWorkspaceAdmin, offeredOnSlack } from '../../admin.js';
import { attempt, respondReply } from '../../deliver.js';
import { slackContext, teamOf, type SlackOrigin } from '../../ids.js';
import { fromSlackText } from '../../incoming.js';
import { renderForm } from '../../render.js';
import { encodeOrigin } from '../views/origin.js';

/** True when a form's field was not given in the command text. */
function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The note shown when Slack would not open a command's form. */
export function formFailedNote(command: CommandDefinition): string {
  return `I could not open the form. You can also write your text straight after the command: /${command.name} your text`;
}

export function register(app: App, deps: Deps): void {
  app.command(/^\/[\w-]+$/, async ({ command: payload, ack, respond, client }) => {
    // Acknowledge first, always: Slack shows an error if this takes more than 3 seconds.
    await ack();
    const origin: SlackOrigin = { team: teamOf(payload), user: payload.user_id, channel: payload.channel_id };
    const fallback = { client, target: { channel: origin.channel, user: origin.user } };
    const command = findCommand(payload.command);
    if (!command || !offeredOnSlack(command)) {
      const reply = command ? notice(`/${command.name} is not available in Slack: ${NOT_ON_SLACK[command.name]}.`) : await runCommand(payload.command, {}, slackContext(origin), deps);
      await respondReply(respond, deps, reply, { ephemeral: true }, fallback);
      return;
    }
    // Only admin-only commands pay for the users.info call.
    const context = { ...slackContext(origin), isAdmin: command.adminOnly ? await isWorkspaceAdmin(client, deps, origin.user) : false };
    const options = command.parseText(fromSlackText(payload.text ?? ''));
    if (command.form && isMissing(options[command.form.field.name])) {
      // Options typed before the form ("/review sms:") travel with it to the submission.
      const { [command.form.field.name]: _field, ...given } = options;
      const view = renderForm(command.form, encodeOrigin(origin, given));
      const opened = await attempt(deps, 'views.open', () => client.views.open({ trigger_id: payload.trigger_id, view }));
      if (!opened) await respondReply(respond, deps, notice(formFailedNote(command)), { ephemeral: true }, fallback);
      return;
    }
    // Opening a form is light and its trigger expires in 3 seconds, so it goes at once; running the
    // command waits its turn, so other requests' acknowledgements come first (core/turns.ts).
    await takeTurn();
    const reply = await runCommand(command.name, options, context, deps);
    await respondReply(respond, deps, reply, { ephemeral: reply.ephemeral || command.visibility === 'private' }, fallback);
  });
}
