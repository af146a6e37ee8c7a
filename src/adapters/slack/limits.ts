/**
 * Slack's Block Kit and API limits, in one table so the renderer, the modal builder and the
 * manifest never disagree. Values are Slack's documented maximums (characters or items); where
 * we stay below a maximum on purpose, the comment says why.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** Blocks in one modal view. */
  blocksPerModal: 100,
  /** Text of a section block (mrkdwn or plain_text). */
  sectionText: 3000,
  /** Fields in one section block. */
  sectionFields: 10,
  /** Text of one section field. */
  sectionFieldText: 2000,
  /** Text of a header block (plain_text). */
  headerText: 150,
  /** Elements in one context block. */
  contextElements: 10,
  /** Text of one context element. */
  contextText: 3000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** Text of a button (plain_text). */
  buttonText: 75,
  /** A button's action_id. */
  actionId: 255,
  /** A button's value. */
  buttonValue: 2000,
  /** A block_id. */
  blockId: 255,
  /**
   * The top-level `text` of a message. Slack truncates at 40,000; we keep the fallback short
   * because it is what notifications and screen readers show.
   */
  fallbackText: 3000,
  /** A modal's title, submit and close labels (plain_text). */
  modalTitle: 24,
  /** A modal's private_metadata. */
  privateMetadata: 3000,
  /** The label of an input block. */
  inputLabel: 2000,
  /** The placeholder of a plain_text_input. */
  inputPlaceholder: 150,
  /** The max_length of a plain_text_input. */
  inputMaxLength: 3000,
  /** An Assistant thread title; Slack shows about this much in the history list. */
  assistantTitle: 80,
  /** Title and message of a suggested prompt. */
  promptTitle: 75,
  /** Slash command name, without the slash. */
  commandName: 32,
  /** Slash command description in the manifest. */
  commandDescription: 100,
  /** Slash command usage hint in the manifest. */
  commandUsageHint: 100,
} as const;

/** The name of one limit in {@link SLACK_LIMITS}. */
export type SlackLimit = keyof typeof SLACK_LIMITS;
