/**
 * Chat markup typed or pasted into a question: Slack's `<!channel>`, `<!here>`, `<@U123>`,
 * `<#C123|general>`, `<https://…|label>`, Discord's `<@123>`, `<#123>`, `<:emoji:123>`,
 * `@everyone`, and emoji shortcodes such as `:wave:`. They say nothing about the subject, so they
 * are read as plain text: mentions and broadcasts are dropped, a link keeps its label. Without
 * this, "channel" and "here" became words of the question and it was refused as off-topic.
 */

/** Slack `<!…>`, `<@…>`, `<#…>` and Discord `<@…>`, `<#…>`, `<:name:id>`, `<t:…>` tokens. */
const TOKEN = /<(?:![a-z^][^<>\s]*|@[!&]?[A-Za-z0-9]+(?:\|[^<>]*)?|#[A-Za-z0-9]+(?:\|[^<>]*)?|a?:[A-Za-z0-9_~]+:\d+|t:\d+(?::[A-Za-z])?)>/g;
/** `<https://example.com|label>` → "label"; `<https://example.com>` → the address as text. */
const LINK = /<((?:https?|mailto):[^<>|\s]+)(?:\|([^<>]*))?>/g;
const BROADCAST = /(^|\s)@(?:everyone|here|channel)\b/gi;
/** `:wave:`, `:+1:`, `:white_check_mark:` (a letter, digit or + first, so "10:30:" is left alone). */
const SHORTCODE = /(^|\s):[a-z+][a-z0-9_+-]*:(?=\s|$|[.,!?])/gi;

/**
 * The question with chat markup read as text.
 * @example plainQuestion('<!channel> what does LASS stand for?') // 'what does LASS stand for?'
 */
export function plainQuestion(question: string): string {
  if (!/[<@:]/.test(question)) return question;
  return question
    .replace(LINK, (_match, url: string, label: string | undefined) => (label && label.trim() !== '' ? label : url))
    .replace(TOKEN, ' ')
    .replace(BROADCAST, '$1')
    .replace(SHORTCODE, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
