/**
 * Text for Slack: escaping, the core's inline markup translated to mrkdwn, and truncation and
 * splitting that never cut an escape sequence (`&amp;`) or a surrogate pair in half.
 *
 * Every piece of user or model text passes through {@link toMrkdwn} or {@link escapeMrkdwn}
 * before it reaches a mrkdwn field, so `<!channel>`, `<@U123>` or `<http://evil|bank>` arrive
 * as inert text: Slack only parses those sequences when `<` and `>` are literal.
 */
import { stripMarkup } from '../../core/reply.js';

const ELLIPSIS = '…';

/**
 * Escapes the three characters Slack treats as control characters in mrkdwn.
 * @example escapeMrkdwn('<!here> & co') // '&lt;!here&gt; &amp; co'
 */
export function escapeMrkdwn(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Core text (`**bold**`, `_italic_`) to escaped Slack mrkdwn (`*bold*`, `_italic_`).
 * @example toMrkdwn('**Unit 1** & <!channel>') // '*Unit 1* &amp; &lt;!channel&gt;'
 */
export function toMrkdwn(value: string): string {
  // Italic is `_x_` in both, so only bold needs translating; escaping first cannot create markup.
  return escapeMrkdwn(value).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

/** Core text for a plain_text object: markup removed, never parsed by Slack, so no escaping. */
export function toPlainTextObject(value: string, max: number): string {
  return truncate(stripMarkup(value).replace(/\s+/g, ' ').trim(), max);
}

/**
 * Shortens text to at most `max` characters, ending with "…". Prefers a word boundary near the
 * end, never leaves half an HTML entity (which Slack would show as garbage) or half a surrogate
 * pair (which Slack rejects).
 */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const cut = safeCut(value, max - ELLIPSIS.length, true);
  return `${value.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * Splits text into chunks of at most `max` characters, at paragraph, line or word boundaries
 * where possible, never inside an entity or a surrogate pair.
 */
export function splitText(value: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = value;
  while (rest.length > max) {
    const cut = safeCut(rest, max, false);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk) chunks.push(chunk);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.trim() || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** The best index ≤ `limit` to cut at: a boundary if one is near, then moved off entities and surrogates. */
function safeCut(value: string, limit: number, wordsOnly: boolean): number {
  const window = Math.max(1, Math.floor(limit * 0.25));
  const head = value.slice(0, limit + 1);
  let cut = limit;
  const separators = wordsOnly ? [' ', '\n'] : ['\n\n', '\n', ' '];
  for (const separator of separators) {
    const at = head.lastIndexOf(separator);
    if (at > 0 && limit - at <= window) {
      cut = at;
      break;
    }
  }
  // Do not end inside "&amp;", "&lt;" or "&gt;": step back to the "&".
  const amp = value.lastIndexOf('&', cut - 1);
  if (amp !== -1 && cut - amp < 5) {
    const semicolon = value.indexOf(';', amp);
    if (semicolon >= cut) cut = amp;
  }
  // Do not split a surrogate pair (emoji).
  const code = value.charCodeAt(cut - 1);
  if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return Math.max(cut, 1);
}
