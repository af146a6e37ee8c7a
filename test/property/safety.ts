/**
 * Shared pieces of the property tests: adversarial text (every mention and link syntax the
 * platforms know, mixed with markup, entities, control characters and plain words), arbitrary
 * Replies built from it, and checks that a rendered message cannot ping or link anyone.
 */
import fc from 'fast-check';
import { renderPlain, renderReply as renderDiscord, type DiscordMessage } from '../../src/adapters/discord/render.js';
import { renderReply as renderSlack, type SlackMessage } from '../../src/adapters/slack/render.js';
import { palette, renderReply as renderTerminal } from '../../src/adapters/terminal/render.js';
import { toPlainText, type Block, type Reply } from '../../src/core/reply.js';

/** Mention, broadcast and link syntax of Slack and Discord, and things that look like them. */
export const DANGEROUS = [
  '<!channel>', '<!here>', '<!everyone>', '<!subteam^S123|@team>', '<@U0123ABC>', '<@U0123ABC|priya>', '<#C0123|general>',
  '<http://evil.example|your bank>', '<https://evil.example>', '<mailto:a@b.co|mail>', '@everyone', '@here', '@Everyone',
  '<@123456789012345678>', '<@!123456789012345678>', '<@&123456789012345678>', '<#123456789012345678>',
  '[click](https://evil.example)', '&lt;!channel&gt;', '&amp;', '&', '<', '>', '**', '_', '*', '`', '```', '~', '\u001b[31m', '\u0007', '\r', '\n', '\u200b',
];

/** Text made of dangerous fragments, ordinary words and arbitrary characters. */
export const adversarialText = (maxParts = 12): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(fc.constantFrom(...DANGEROUS), fc.constantFrom('What', 'does', 'LASS', 'stand for', 'customer', 'refund', ' ', '?'), fc.string({ maxLength: 12 })), { maxLength: maxParts })
    .map((parts) => parts.join(''));

const block: fc.Arbitrary<Block> = fc.oneof(
  adversarialText().map((text): Block => ({ type: 'heading', text })),
  adversarialText().map((text): Block => ({ type: 'text', text })),
  fc.record({ items: fc.array(adversarialText(4), { maxLength: 6 }), ordered: fc.boolean() }).map(({ items, ordered }): Block => ({ type: 'list', items, ordered })),
  adversarialText().map((text): Block => ({ type: 'quote', text })),
  fc.array(fc.record({ label: adversarialText(3), value: adversarialText(6) }), { maxLength: 5 }).map((entries): Block => ({ type: 'fields', fields: entries })),
  fc.constant<Block>({ type: 'divider' }),
);

/** Any Reply a feature could produce, with untrusted text everywhere. */
export const arbitraryReply: fc.Arbitrary<Reply> = fc.record({
  blocks: fc.array(block, { maxLength: 8 }),
  citations: fc.array(fc.record({ source: fc.string({ maxLength: 20 }), unit: fc.option(fc.integer({ min: 1, max: 11 })), ac: fc.option(fc.string({ maxLength: 5 })), title: adversarialText(6) }), { maxLength: 3 }),
  buttons: fc.array(fc.array(fc.record({ id: fc.string({ maxLength: 100 }), label: adversarialText(3) }), { maxLength: 5 }), { maxLength: 3 }),
  ephemeral: fc.boolean(),
});

/** Every mrkdwn string Slack would parse in a message (text objects of type mrkdwn, and the fallback). */
function slackParsedText(message: SlackMessage): string[] {
  const found: string[] = [message.text];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (object.type === 'mrkdwn' && typeof object.text === 'string') found.push(object.text);
    Object.values(object).forEach(visit);
  };
  visit(message.blocks);
  return found;
}

/**
 * Problems with a Slack message: Slack parses `<…>` (mentions, broadcasts, links) only when `<`
 * is literal, so any literal `<` in parsed text is one. (A literal `>` opening a line is the
 * renderer's own quote markup and cannot ping or link.)
 */
export function slackProblems(message: SlackMessage): string[] {
  return slackParsedText(message).filter((text) => text.includes('<'));
}

const DISCORD_PINGS = [/@(everyone|here)/i, /<@!?\d+>/, /<@&\d+>/, /<#\d+>/];

/**
 * Problems with a Discord message: a mention that Discord would render (message content, embed
 * titles, descriptions and fields; footers show text as it is), or mentions allowed to ping.
 */
export function discordProblems(message: DiscordMessage): string[] {
  type Embed = { title?: string; description?: string; fields?: Array<{ name: string; value: string }> };
  const texts = [
    message.content ?? '',
    ...message.embeds.flatMap((embed) => {
      const data = ((embed as { toJSON?: () => Embed }).toJSON?.() ?? embed) as Embed;
      return [data.title ?? '', data.description ?? '', ...(data.fields ?? []).flatMap((f) => [f.name, f.value])];
    }),
  ];
  const problems = texts.filter((text) => DISCORD_PINGS.some((pattern) => pattern.test(text)));
  if (JSON.stringify(message.allowedMentions) !== JSON.stringify({ parse: [], repliedUser: false })) problems.push('allowedMentions');
  return problems;
}

/** Problems with terminal output: control characters (escape sequences) that did not come from our own colours. */
export function terminalProblems(output: string): string[] {
  return /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(output) ? ['control character'] : [];
}

/** Renders a reply on every surface and returns every problem found (none expected). */
export function renderEverywhere(value: Reply): string[] {
  toPlainText(value);
  return [
    ...slackProblems(renderSlack(value)).map((p) => `slack: ${p}`),
    ...discordProblems(renderDiscord(value)).map((p) => `discord: ${p}`),
    ...discordProblems(renderPlain(value)).map((p) => `discord plain: ${p}`),
    ...terminalProblems(renderTerminal(value, palette(false))).map((p) => `terminal: ${p}`),
  ];
}
