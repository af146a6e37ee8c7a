/**
 * Renders a core {@link Reply} as a Discord message: embeds for structured replies (title, text,
 * fields, citations in the footer), plain `content` for short notices, and buttons in action rows.
 * Every limit Discord enforces is in {@link DISCORD_LIMITS}; anything longer is split across
 * embeds or shortened with a visible marker, never rejected by the API.
 *
 * Nothing the bot sends can ping anyone: every payload carries `allowedMentions: { parse: [] }`
 * (no replied user either), and mention syntax in text is broken with a zero-width space so
 * `<@123>` or `@everyone` inside a question or an answer shows as plain text.
 */
import {
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { formatCitation, stripMarkup, toPlainText, type Block, type Button, type Reply } from '../../core/reply.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message), in one place. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  /** Title, description, field names and values and footer of ALL embeds in one message together. */
  embedTotal: 6000,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  buttonLabel: 80,
  customId: 100,
  modalTitle: 45,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  textInputValue: 4000,
  commandDescription: 100,
  optionDescription: 100,
  optionChoices: 25,
  optionChoiceName: 100,
  optionStringLength: 6000,
  commandOptions: 25,
} as const;

/** Mentions are never parsed, so nothing the bot sends pings a user, a role, @everyone or @here. */
export const NO_MENTIONS = { parse: [] as [], repliedUser: false } as const;

/** A message body that discord.js accepts for replies, edits, follow-ups and channel sends. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponentWithCustomId>>;
  allowedMentions: typeof NO_MENTIONS;
}

/** The same body in raw REST form (snake_case), for calls made without discord.js helpers. */
export function toRestBody(message: DiscordMessage): Record<string, unknown> {
  return {
    content: message.content ?? '',
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: { parse: [], replied_user: false },
  };
}

const BRAND_COLOUR = 0x2f6f8f;
const SHORTENED = '… _(shortened to fit Discord)_';

/**
 * Renders a reply. Short plain notices become `content`; anything with a heading, fields or
 * citations becomes embeds.
 * @example await interaction.reply({ ...renderReply(reply), flags: MessageFlags.Ephemeral });
 */
export function renderReply(value: Reply): DiscordMessage {
  const components = renderButtons(value.buttons);
  const plain = value.blocks.every((b) => b.type === 'text' || b.type === 'list' || b.type === 'quote') && value.citations.length === 0;
  if (plain) {
    const content = value.blocks.map(blockMarkdown).join('\n\n');
    if (content.length <= DISCORD_LIMITS.content) {
      // An empty reply with buttons still needs some text for Discord to accept it.
      return { content: content || (components.length > 0 ? 'Choose an option:' : '…'), embeds: [], components, allowedMentions: NO_MENTIONS };
    }
  }
  const embeds = renderEmbeds(value);
  // Nothing visible to show (empty blocks): a placeholder, because Discord rejects an empty message.
  if (embeds.length === 0) return { content: components.length > 0 ? 'Choose an option:' : '…', embeds: [], components, allowedMentions: NO_MENTIONS };
  return { embeds, components, allowedMentions: NO_MENTIONS };
}

/**
 * The whole reply as plain `content` (the core's `toPlainText`), with its buttons: the fallback
 * when Discord rejects a rendered body, so the learner still gets the answer.
 */
export function renderPlain(value: Reply): DiscordMessage {
  const content = truncate(neutraliseMentions(toPlainText(value)), DISCORD_LIMITS.content) || '…';
  return { content, embeds: [], components: renderButtons(value.buttons), allowedMentions: NO_MENTIONS };
}

/** Breaks mention syntax so it shows as text: `@everyone`, `@here`, `<@1>`, `<@!1>`, `<@&1>`, `<#1>`. */
export function neutraliseMentions(value: string): string {
  return value.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/g, '<\u200b$1$2>');
}

/** Shortens to at most `max` characters, ending with "…", without splitting a surrogate pair. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(value.charAt(cut - 1))) cut -= 1;
  return `${value.slice(0, cut)}…`;
}

/** One block as Discord markdown. The core's `**bold**` and `_italic_` are Discord markdown already. */
function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading': {
      const heading = neutraliseMentions(stripMarkup(block.text)).trim();
      return heading ? `**${heading}**` : '';
    }
    case 'text':
      return neutraliseMentions(block.text);
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${neutraliseMentions(item)}`).join('\n');
    case 'quote':
      // User text is shown literally: markdown escaped, mentions broken, every line quoted.
      return neutraliseMentions(escapeMarkdown(block.text)).split('\n').map((line) => `> ${line}`).join('\n');
    case 'fields':
      return block.fields.map((f) => `**${neutraliseMentions(stripMarkup(f.label))}:** ${neutraliseMentions(f.value)}`).join('\n');
    case 'divider':
      return '───';
  }
}

function renderEmbeds(value: Reply): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let current: APIEmbed = { color: BRAND_COLOUR };
  const start = () => {
    embeds.push(current);
    current = { color: BRAND_COLOUR };
  };
  const [first, ...rest] = value.blocks;
  // A heading too long for a title (a whole-sentence answer) stays whole, as bold text, instead of being cut.
  const title = first?.type === 'heading' ? neutraliseMentions(stripMarkup(first.text)) : '';
  const titled = title.length > 0 && title.length <= DISCORD_LIMITS.embedTitle;
  const blocks = titled ? rest : value.blocks;
  if (titled) current.title = title;

  for (const block of blocks) {
    if (block.type === 'fields') {
      for (const field of block.fields) {
        if ((current.fields?.length ?? 0) >= DISCORD_LIMITS.embedFields) start();
        (current.fields ??= []).push(renderField(field, block.fields.length));
      }
      continue;
    }
    // Text after fields starts a new embed so the reading order of the reply is kept.
    if (current.fields?.length) start();
    for (const piece of splitText(blockMarkdown(block), DISCORD_LIMITS.embedDescription)) {
      const joined = current.description ? `${current.description}\n\n${piece}` : piece;
      if (joined.length > DISCORD_LIMITS.embedDescription) {
        start();
        current.description = piece;
      } else {
        current.description = joined;
      }
    }
  }
  if (value.citations.length > 0) {
    const label = value.citations.length === 1 ? 'Source' : 'Sources';
    current.footer = { text: truncate(`${label}: ${value.citations.map(formatCitation).join(' · ')}`, DISCORD_LIMITS.footerText) };
  }
  embeds.push(current);
  return fitTotal(embeds.filter((e) => e.title || e.description || e.fields?.length || e.footer));
}

function renderField(field: { label: string; value: string }, siblings: number): APIEmbedField {
  const value = neutraliseMentions(field.value).trim() || '—';
  return {
    name: truncate(neutraliseMentions(stripMarkup(field.label)).trim() || '—', DISCORD_LIMITS.fieldName),
    value: truncate(value, DISCORD_LIMITS.fieldValue),
    // Short values sit side by side (scores, counts); long ones get a full row.
    inline: siblings > 1 && value.length <= 40,
  };
}

/** Splits text into pieces of at most `max` characters, at paragraph, then line, then word breaks. */
function splitText(value: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = value;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const at = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find((i) => i > max / 2) ?? max;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

const embedLength = (e: APIEmbed) =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);

/**
 * Keeps at most 10 embeds and 6000 characters in total, marking a cut with "(shortened…)". The
 * footer (the citation) is kept whatever else is cut: a shortened answer still says its source.
 */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  const footer = embeds.at(-1)?.footer;
  // Room for the footer and the "shortened" marker is set aside first, so adding them never overflows.
  let budget = DISCORD_LIMITS.embedTotal - (footer?.text.length ?? 0) - SHORTENED.length;
  const kept: APIEmbed[] = [];
  let shortened = false;
  for (const [index, embed] of embeds.entries()) {
    const { footer: _footer, ...body } = embed;
    if (index >= DISCORD_LIMITS.embedsPerMessage) {
      shortened = true;
      break;
    }
    const size = embedLength(body);
    if (size <= budget) {
      kept.push(body);
      budget -= size;
      continue;
    }
    shortened = true;
    const room = Math.min(budget - (body.title?.length ?? 0), DISCORD_LIMITS.embedDescription - SHORTENED.length);
    if (room > 40 && body.description) kept.push({ ...body, description: truncate(body.description, room), fields: [] });
    break;
  }
  if (kept.length === 0 && !shortened && !footer) return [];
  if (kept.length === 0) kept.push({ color: BRAND_COLOUR });
  const last = kept[kept.length - 1]!;
  if (shortened) {
    const description = last.description ?? '';
    last.description = truncate(description, DISCORD_LIMITS.embedDescription - SHORTENED.length) + SHORTENED;
  }
  if (footer) last.footer = footer;
  return kept;
}

/** Rows of at most 5 buttons, at most 5 rows; ids over 100 characters or repeated are dropped. */
function renderButtons(rows: Button[][]): Array<APIActionRowComponent<APIButtonComponentWithCustomId>> {
  const seen = new Set<string>();
  const out: Array<APIActionRowComponent<APIButtonComponentWithCustomId>> = [];
  for (const row of rows) {
    const valid = row.filter((b) => b.id.length > 0 && b.id.length <= DISCORD_LIMITS.customId && !seen.has(b.id) && seen.add(b.id));
    for (let i = 0; i < valid.length; i += DISCORD_LIMITS.buttonsPerRow) {
      out.push({
        type: ComponentType.ActionRow,
        components: valid.slice(i, i + DISCORD_LIMITS.buttonsPerRow).map((button) => ({
          type: ComponentType.Button,
          custom_id: button.id,
          label: truncate(stripMarkup(button.label).trim() || '…', DISCORD_LIMITS.buttonLabel),
          style: button.style === 'primary' ? ButtonStyle.Primary : button.style === 'danger' ? ButtonStyle.Danger : ButtonStyle.Secondary,
        })),
      });
    }
  }
  return out.slice(0, DISCORD_LIMITS.rowsPerMessage);
}
