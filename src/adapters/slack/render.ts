/**
 * The Slack renderer: a core {@link Reply} becomes Block Kit within {@link SLACK_LIMITS}, with a
 * plain-text fallback `text` for notifications and screen readers. A {@link FormSpec} becomes a
 * modal. All user and model text is escaped (see mrkdwn.ts); mrkdwn objects are `verbatim`, so
 * Slack does not auto-link bare names such as "@here" or "#general" either.
 */
import type { types } from '@slack/bolt';
import { formatCitation, toPlainText, type Block, type Button, type Citation, type FormSpec, type Reply } from '../../core/reply.js';
import { SLACK_LIMITS as L } from './limits.js';
import { escapeMrkdwn, splitText, toMrkdwn, toPlainTextObject, truncate } from './mrkdwn.js';

/** A message ready for chat.postMessage, chat.postEphemeral or a response_url. */
export interface SlackMessage {
  /** Plain-text fallback (escaped), always non-empty. */
  text: string;
  blocks: types.KnownBlock[];
}

/** Shown when a reply had more blocks than one Slack message allows. */
export const SHORTENED_NOTE = '_Shortened to fit in one Slack message._';

/**
 * Renders a reply as Block Kit.
 * @example const { text, blocks } = renderReply(reply); await client.chat.postMessage({ channel, text, blocks });
 */
export function renderReply(value: Reply): SlackMessage {
  const actions = value.buttons.flatMap(renderButtonRow).slice(0, L.blocksPerMessage);
  const context = value.citations.length > 0 ? [renderCitations(value.citations)] : [];
  const bodyBudget = Math.max(0, L.blocksPerMessage - actions.length - context.length);
  let body = value.blocks.flatMap(renderBlock);
  if (body.length > bodyBudget) {
    body = [...body.slice(0, Math.max(0, bodyBudget - 1)), contextBlock([SHORTENED_NOTE])];
  }
  const fallback = escapeMrkdwn(toPlainText(value)).trim();
  return {
    text: truncate(fallback || 'Done.', L.fallbackText),
    blocks: [...body, ...context, ...actions].slice(0, L.blocksPerMessage),
  };
}

function renderBlock(block: Block): types.KnownBlock[] {
  switch (block.type) {
    case 'heading': {
      const text = toPlainTextObject(block.text, Number.POSITIVE_INFINITY);
      // A heading too long for a header block (a long criterion title) stays whole, in bold.
      if (text.length > L.headerText) return sections(`*${escapeMrkdwn(text)}*`);
      return text ? [{ type: 'header', text: { type: 'plain_text', text, emoji: true } }] : [];
    }
    case 'text':
      return sections(toMrkdwn(block.text));
    case 'list':
      return sections(block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${toMrkdwn(item)}`).join('\n'));
    case 'quote':
      return quoteSections(block.text);
    case 'fields':
      return fieldSections(block.fields);
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** One or more sections for already-escaped mrkdwn, split at paragraph, line or word boundaries. */
function sections(mrkdwn: string): types.SectionBlock[] {
  if (!mrkdwn.trim()) return [];
  return splitText(mrkdwn, L.sectionText).map((chunk) => section(chunk));
}

function section(mrkdwn: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn, verbatim: true } };
}

/** User text shown literally as a block quote: escaped, every line marked with ">". */
function quoteSections(value: string): types.SectionBlock[] {
  const quoted = escapeMrkdwn(value)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
  // A line longer than a whole section is split mid-line: its continuation needs the marker too.
  return splitText(quoted, L.sectionText).map((chunk) => section(truncate(chunk.startsWith('>') ? chunk : `>${chunk}`, L.sectionText)));
}

function fieldSections(entries: Array<{ label: string; value: string }>): types.SectionBlock[] {
  const blocks: types.SectionBlock[] = [];
  for (let i = 0; i < entries.length; i += L.sectionFields) {
    const fields = entries.slice(i, i + L.sectionFields).map((entry) => ({
      type: 'mrkdwn' as const,
      text: truncate(`*${escapeMrkdwn(entry.label)}*\n${toMrkdwn(entry.value)}`, L.sectionFieldText),
      verbatim: true,
    }));
    blocks.push({ type: 'section', fields });
  }
  return blocks;
}

/** Citations as one context line: a label, then one element per source (at most ten elements). */
function renderCitations(citations: Citation[]): types.ContextBlock {
  const room = L.contextElements - 1;
  const shown = citations.length > room ? citations.slice(0, room - 1) : citations;
  const elements = shown.map((citation) => escapeMrkdwn(formatCitation(citation)));
  if (shown.length < citations.length) elements.push(`and ${citations.length - shown.length} more`);
  return contextBlock([citations.length === 1 ? '*Source:*' : '*Sources:*', ...elements]);
}

function contextBlock(mrkdwn: string[]): types.ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn.slice(0, L.contextElements).map((text) => ({ type: 'mrkdwn', text: truncate(text, L.contextText), verbatim: true })),
  };
}

/**
 * One row of core buttons becomes one actions block (more if the row is longer than Slack
 * allows). The core id travels in `value`; `action_id` repeats it, made unique within the block
 * because Slack rejects duplicate action_ids.
 */
function renderButtonRow(row: Button[]): types.ActionsBlock[] {
  const blocks: types.ActionsBlock[] = [];
  for (let i = 0; i < row.length; i += L.actionsElements) {
    const seen = new Set<string>();
    const elements = row.slice(i, i + L.actionsElements).map((button, index): types.Button => {
      let actionId = button.id.slice(0, L.actionId);
      if (seen.has(actionId)) actionId = `${actionId.slice(0, L.actionId - 6)}#${index}`;
      seen.add(actionId);
      return {
        type: 'button',
        text: { type: 'plain_text', text: toPlainTextObject(button.label, L.buttonText) || '…', emoji: true },
        action_id: actionId,
        value: button.id.slice(0, L.buttonValue),
        ...(button.style && { style: button.style }),
      };
    });
    if (elements.length > 0) blocks.push({ type: 'actions', elements });
  }
  return blocks;
}

/** The block and action ids of a form's single input, read back on view_submission. */
export const FORM_INPUT = { blockId: 'form_field', actionId: 'value' } as const;

/** The callback id of the modal for a command's form. */
export const formCallbackId = (command: string): string => `form:${command}`;

/**
 * A command's form as a modal with one (usually multi-line) text input.
 * @param privateMetadata where the command was run, returned with the submission
 */
export function renderForm(form: FormSpec, privateMetadata: string): types.ModalView {
  const placeholder = toPlainTextObject(form.field.placeholder, L.inputPlaceholder);
  return {
    type: 'modal',
    callback_id: formCallbackId(form.command),
    title: { type: 'plain_text', text: toPlainTextObject(form.title, L.modalTitle) || 'Service Coach' },
    submit: { type: 'plain_text', text: 'Submit' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: privateMetadata.slice(0, L.privateMetadata),
    blocks: [
      {
        type: 'input',
        block_id: FORM_INPUT.blockId,
        label: { type: 'plain_text', text: toPlainTextObject(form.field.label, L.inputLabel) || 'Text' },
        element: {
          type: 'plain_text_input',
          action_id: FORM_INPUT.actionId,
          multiline: form.field.multiline,
          min_length: 1,
          max_length: Math.min(form.field.maxLength, L.inputMaxLength),
          ...(placeholder && { placeholder: { type: 'plain_text', text: placeholder } }),
        },
      },
    ],
  };
}

/** A modal that only says something, with a Close button (shown after a form is submitted). */
export function renderModalNotice(title: string, message: string): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: toPlainTextObject(title, L.modalTitle) || 'Service Coach' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: sections(toMrkdwn(message)),
  };
}
