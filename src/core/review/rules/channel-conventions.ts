/**
 * What each channel expects of a reply's frame (Unit 3 AC 2.4 "business conventions for written
 * communications (salutations, close, paragraphing)" and 3.3 "acceptable practice for the type of
 * written communication"), and how a finding says which channel it assumed:
 *
 * | channel | greeting | closing | paragraphs | next step |
 * |---|---|---|---|---|
 * | email | expected ("Hey"/"Yo" too casual) | expected | judged | expected |
 * | letter | "Dear …" expected | a formal sign-off, matching the salutation | judged | expected |
 * | chat, sms | not expected | not expected | not judged | expected |
 * | social | not expected (public reply) | not expected | not judged | expected |
 * | not given | guessed from the layout | guessed | judged | expected |
 */
import type { Analysis, Span } from '../analyse.js';
import { CHANNEL_NAMES } from '../channel.js';

/** The words a formal letter's sign-off starts with. "Kind regards" is accepted in letters today. */
const FORMAL_SIGN_OFF = /^(?:yours\s+(?:sincerely|faithfully|truly)|(?:with\s+)?(?:kind|best|warm|warmest)\s+(?:regards|wishes)|regards|yours)\b/iu;
/** A salutation to an unnamed reader, which takes "Yours faithfully". */
const UNNAMED = /^dear\s+(?:sir(?:\s*(?:or|\/)\s*madam)?|madam|customer|resident|occupier|colleague|all)\b|^to\s+whom\s+it\s+may\s+concern/iu;
/** A greeting fit to open a letter. */
const LETTER_GREETING = /^dear\b/iu;
/** Short lines before the greeting that a letter or email may carry: a subject, an address, a date. */
const HEADER_LINE_WORDS = 10;

/**
 * The line holding the greeting. A given email or letter may start with a subject line, an
 * address block or a date before "Dear …"; otherwise (and whenever the channel was guessed) it is
 * the first line.
 */
export function greetingLine(analysis: Analysis, greeting: RegExp): Span | undefined {
  const [first] = analysis.lines;
  if (!analysis.channel || !analysis.letterShaped) return first;
  for (const line of analysis.lines.slice(0, 8)) {
    if (greeting.test(line.text.replace(/^@\w+\s*/, ''))) return line;
    if (line.text.split(/\s+/).length > HEADER_LINE_WORDS) break;
  }
  return first;
}

/** True when a letter must open with "Dear": "Hi Sam," is for emails and chat. */
export function letterNeedsDear(analysis: Analysis, opening: string): boolean {
  return analysis.channel === 'letter' && !LETTER_GREETING.test(opening);
}

/** What the finding says about the channel it assumed, for rules that depend on it. */
export function assumedChannel(analysis: Analysis): { name: string; guessed: boolean; note: string } {
  if (analysis.channel) return { name: CHANNEL_NAMES[analysis.channel], guessed: false, note: '' };
  const name = analysis.social ? 'a public social-media reply' : analysis.letterShaped ? 'an email or letter' : 'a chat or text message';
  return {
    name,
    guessed: true,
    note: ' No channel was given, so this was judged from the layout; if the reply is a live chat or a text message, give its channel and this is not expected.',
  };
}

/** The message for a missing greeting, naming the channel. */
export function noGreetingMessage(analysis: Analysis): { message: string; suggestion: string } {
  const channel = assumedChannel(analysis);
  if (analysis.channel === 'letter') {
    return {
      message: 'A letter starts with a salutation on a line of its own: "Dear Mr Hughes," or, when you do not know the name, "Dear Sir or Madam,".',
      suggestion: 'Open with "Dear" and the customer\'s title and surname, e.g. "Dear Mr Hughes,".',
    };
  }
  const lead = channel.guessed ? 'This reply is laid out like an email or letter, and it starts without a greeting.' : `${capital(channel.name)} to a customer starts with a greeting.`;
  return {
    message: `${lead} A salutation ("Dear Mr Hughes," or "Hello Priya,") is a basic business-writing convention.${channel.note}`,
    suggestion: 'Open with a greeting that uses the customer\'s name, e.g. "Dear Mr Hughes,".',
  };
}

/** The message for a missing closing, naming the channel. */
export function noClosingMessage(analysis: Analysis): { message: string; suggestion: string } {
  const channel = assumedChannel(analysis);
  if (analysis.channel === 'letter') {
    return {
      message: 'A letter ends with a formal sign-off: "Yours sincerely," (or "Yours faithfully," after "Dear Sir or Madam,"), then your name and job title.',
      suggestion: 'End with "Yours sincerely," and your name and role, e.g. "Yours sincerely, Sam Patel, Customer Relations".',
    };
  }
  const lead = channel.guessed ? 'This reply is laid out like an email or letter, and it ends without a closing.' : `${capital(channel.name)} to a customer ends with a closing.`;
  return {
    message: `${lead} A sign-off ("Kind regards," and your name) finishes a written reply professionally.${channel.note}`,
    suggestion: 'End with a closing line and your name, e.g. "Kind regards, Sam (Customer Care)".',
  };
}

/**
 * A letter's sign-off that is not formal ("Thanks,", "Cheers") or does not match its salutation
 * ("Dear Sir or Madam" … "Yours sincerely"). `signOff` is the sign-off line; `opening` the greeting.
 */
export function letterSignOffProblem(signOff: Span, opening: string): { span: Span; message: string; suggestion: string } | null {
  const phrase = /^[^,.!\n]*[,.!]?/u.exec(signOff.text)![0].trim();
  const span = { start: signOff.start, end: signOff.start + phrase.length, text: phrase };
  const unnamed = UNNAMED.test(opening);
  if (!FORMAL_SIGN_OFF.test(signOff.text)) {
    return {
      span,
      message: `"${phrase}" is fine in an email or a chat, but a letter ends with a formal sign-off.`,
      suggestion: unnamed ? 'End with "Yours faithfully," (after "Dear Sir or Madam,"), then your name and job title.' : 'End with "Yours sincerely," (after "Dear Ms Khan,"), then your name and job title.',
    };
  }
  if (unnamed && /^yours\s+sincerely/iu.test(signOff.text)) {
    return { span, message: 'A letter that opens "Dear Sir or Madam," (no name) closes with "Yours faithfully", not "Yours sincerely".', suggestion: 'Write "Yours faithfully,", or open with the customer\'s name and keep "Yours sincerely,".' };
  }
  if (!unnamed && LETTER_GREETING.test(opening) && /^yours\s+faithfully/iu.test(signOff.text)) {
    return { span, message: 'A letter that opens with the customer\'s name ("Dear Mrs Amin,") closes with "Yours sincerely", not "Yours faithfully".', suggestion: 'Write "Yours sincerely,".' };
  }
  return null;
}

function capital(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
