/**
 * Slack's incoming text to the plain text the core expects. Slack sends message and command
 * text HTML-escaped, with mentions, channels and links as `<…>` tokens; the core should see
 * what the person typed ("@someone", "#general", "bank (http://…)"), never Slack markup.
 */

/**
 * @example fromSlackText('<@U1> what&#39;s &lt;LASS&gt;? see <https://x.test|notes>')
 *   // "@someone what's <LASS>? see notes (https://x.test)"
 * @param botUserId a mention of the bot itself is removed (it is how people address it)
 */
export function fromSlackText(value: string, botUserId?: string): string {
  const withoutBot = botUserId ? value.replace(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g'), ' ') : value;
  return unescapeEntities(withoutBot.replace(/<([^<>]*)>/g, (_match, inner: string) => describeToken(inner)))
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function describeToken(inner: string): string {
  const [target = '', label] = splitOnce(inner, '|');
  if (target.startsWith('@')) return label ? `@${label}` : '@someone';
  if (target.startsWith('#')) return label ? `#${label}` : '#a-channel';
  if (target.startsWith('!subteam^')) return label ?? '@a-group';
  if (target.startsWith('!')) return `@${target.slice(1).split('^')[0]}`;
  if (label && label !== target.replace(/^mailto:/, '')) return `${label} (${target})`;
  return target.replace(/^mailto:/, '');
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}

function unescapeEntities(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
