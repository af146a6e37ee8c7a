/**
 * Form submissions (view_submission from a command's modal). The modal changes to a short
 * "on its way" note at once; the command then runs with the field's value and the result is sent
 * to the requester's direct messages with the app. A DM is the one private place that always
 * works after a modal: ephemeral messages need a channel the bot is in, and a modal has no
 * response_url. If the DM fails, the result goes privately to the channel the form came from.
 */
import type { App } from '@slack/bolt';
import { findCommand, runCommand } from '../../../../core/commands/dispatch.js';
import type { Deps } from '../../../../core/deps.js';
import { takeTurn } from '../../../../core/turns.js';
import { isWorkspaceAdmin } from '../../admin.js';
import { postReply } from '../../deliver.js';
import { slackContext, teamOf } from '../../ids.js';
import { FORM_INPUT, renderModalNotice } from '../../render.js';
import { decodeOrigin } from './origin.js';

/** Shown in the modal once it is submitted. */
export const FORM_SUBMITTED_NOTE = 'Thanks! I am working on it. The result will arrive in your direct messages with Service Coach, where only you can see it.';

export function register(app: App, deps: Deps): void {
  app.view({ callback_id: /^form:/, type: 'view_submission' }, async ({ ack, view, body, client }) => {
    await ack({ response_action: 'update', view: renderModalNotice(view.title.text, FORM_SUBMITTED_NOTE) });
    await takeTurn();
    const name = view.callback_id.slice('form:'.length);
    const command = findCommand(name);
    const value = view.state.values[FORM_INPUT.blockId]?.[FORM_INPUT.actionId]?.value ?? '';
    const user = body.user.id;
    const origin = decodeOrigin(view.private_metadata);
    const base = slackContext({ team: teamOf(body), user, channel: origin.channel ?? user, threadTs: origin.threadTs });
    const context = { ...base, isAdmin: command?.adminOnly ? await isWorkspaceAdmin(client, deps, user) : false };
    const options = command?.form ? { ...command.parseText(''), ...origin.options, [command.form.field.name]: value } : {};
    const reply = await runCommand(name, options, context, deps);
    const sent = await postReply(client, deps, { channel: user, user }, { ...reply, ephemeral: false });
    if (!sent && origin.channel) {
      await postReply(client, deps, { channel: origin.channel, user, threadTs: origin.threadTs }, { ...reply, ephemeral: true });
    }
  });
}
