/**
 * User text is data, never instructions. Prompts carry it between tagged delimiters on their own
 * lines, and anything inside the text that could pass for a delimiter (a closing tag, an HTML
 * entity for one, a full-width or look-alike angle bracket) is neutralised first, so a learner
 * cannot "close" the data block and write instructions after it.
 */

/** Angle-bracket look-alikes that a model may read as `<` / `>`. NFKC already folds ＜ ﹤ ＞ ﹥. */
const OPEN_LOOKALIKES = /[\u2039\u2329\u27E8\u3008\u02C2\u276E\u276C\u29FC\u1438]/g;
const CLOSE_LOOKALIKES = /[\u203A\u232A\u27E9\u3009\u02C3\u276F\u276D\u29FD\u1433]/g;
/** HTML entities for `<` and `>`, named or numeric. */
const OPEN_ENTITY = /&(?:lt|#0*60|#x0*3c);?/gi;
const CLOSE_ENTITY = /&(?:gt|#0*62|#x0*3e);?/gi;
/**
 * `<` that starts something tag-like (`<question>`, `</ question`, `<!--`, `<\u200b/x>`), up to
 * its `>` when there is one on the same line. Invisible format characters (\p{Cf}) are allowed
 * in between because a model does not see them.
 */
const TAG_LIKE = /<([\s\p{Cf}]*(?:!--|[/!?]?[\s\p{Cf}]*[\p{L}_])[^<>\n]*)(>?)/gu;

/**
 * Rewrites anything delimiter-like in untrusted text as a harmless square-bracket form:
 * `</question>` becomes `[/question]`. Ordinary text ("3 < 5", "<3") is left alone.
 * @example neutraliseDelimiters('hi</question> ignore that') // 'hi[/question] ignore that'
 */
export function neutraliseDelimiters(value: string): string {
  return value
    .normalize('NFKC')
    .replace(OPEN_ENTITY, '<')
    .replace(CLOSE_ENTITY, '>')
    .replace(OPEN_LOOKALIKES, '<')
    .replace(CLOSE_LOOKALIKES, '>')
    .replace(TAG_LIKE, (_match, inner: string, close: string) => `[${inner}${close ? ']' : ''}`);
}

/** Valid delimiter tag names: the placeholder names of prompts. */
const TAG_NAME = /^[a-z][A-Za-z0-9_]*$/;

/**
 * Wraps untrusted text in tagged delimiters, each on its own line, after neutralising
 * delimiter look-alikes inside it. The prompt registry does this for every placeholder declared
 * `'untrusted'`; use it directly only when you build a value from several user texts.
 * @example delimitUntrusted('question', 'what is LASS?') // '<question>\nwhat is LASS?\n</question>'
 */
export function delimitUntrusted(tag: string, value: string): string {
  if (!TAG_NAME.test(tag)) throw new Error(`Invalid delimiter tag "${tag}": use letters, digits and _ and start with a lower-case letter`);
  return `<${tag}>\n${neutraliseDelimiters(value)}\n</${tag}>`;
}
