/**
 * Reads a draft once with wink-nlp (sentences, tokens, part of speech, negation) and maps every
 * token back to exact UTF-16 offsets, so rules can pin findings to the draft's own words. The
 * model loads once per process (about 100 ms); each draft then takes a millisecond or two.
 */
import winkNLP, { type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { isLetterLike, type Channel } from './channel.js';

/** A token of the draft with its offsets. */
export interface Token {
  value: string;
  start: number;
  end: number;
  /** wink-nlp's type: word, number, punctuation, emoji, emoticon, email, url, mention, hashtag, … */
  type: string;
  /** Universal part-of-speech tag (PROPN, VERB, …). */
  pos: string;
  /** True when wink-nlp marks the token as inside a negation's scope. */
  negated: boolean;
  /** Index of the sentence holding the token. */
  sentence: number;
}

/** A stretch of the draft. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** What rules need to know about a draft. */
export interface Analysis {
  text: string;
  tokens: Token[];
  sentences: Span[];
  /** Non-empty lines; a line is a paragraph in chat and email alike. */
  lines: Span[];
  /** Words and numbers, not counting a leading @handle. */
  wordCount: number;
  /** A public social-media reply: the channel given, or (none given) a draft starting with an @handle. */
  social: boolean;
  /**
   * Needs a greeting, a closing and paragraphs like a letter or email: the channel given, or (none
   * given) long enough or laid out in paragraphs to be one.
   */
  letterShaped: boolean;
  /** The channel the caller gave; null when the reviewer guessed from the layout. */
  channel: Channel | null;
  /** wink-nlp's sentiment of the whole draft, -1 to 1. */
  sentiment: number;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/** Loads the English model (once). Exposed so start-up cost can be measured and paid early. */
export function loadNlp(): Nlp {
  nlp ??= winkNLP(model, ['sbd', 'negation', 'sentiment', 'pos']);
  return nlp;
}

/** Words at or above this count make a draft letter-shaped even in one paragraph. */
export const LETTER_WORDS = 50;

/**
 * Analyses a draft, for the channel given or (none given) the one its layout suggests.
 * @example analyse('Hi Sam,\n\nThanks for waiting.').sentences.length // 2
 */
export function analyse(text: string, channel?: Channel): Analysis {
  const engine = loadNlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const tokens: Token[] = [];
  let offset = 0;
  doc.sentences().each((sentence, index) => {
    sentence.tokens().each((token: ItemToken) => {
      const value = token.out();
      offset += token.out(its.precedingSpaces).length;
      // wink-nlp is lossless, but guard the mapping: re-find the token if spacing ever drifts.
      const at = text.startsWith(value, offset) ? offset : text.indexOf(value, offset);
      const start = at === -1 ? offset : at;
      offset = start + value.length;
      tokens.push({
        value,
        start,
        end: start + value.length,
        type: token.out(its.type),
        pos: token.out(its.pos),
        negated: token.out(its.negationFlag) === true,
        sentence: index,
      });
    });
  });
  const sentences = sentenceSpans(text, tokens);
  const lines = lineSpans(text);
  const handle = /^\s*@\w/.test(text);
  const wordCount = countWords(handle ? text.slice(firstSpace(text)) : text);
  const blankLine = /\S[ \t]*\r?\n[ \t]*\r?\n\s*\S/.test(text);
  const social = channel ? channel === 'social' : handle;
  return {
    text,
    tokens,
    sentences,
    lines,
    wordCount,
    social,
    // One unbroken paragraph is a chat message, however long; a letter has lines or paragraphs.
    letterShaped: channel ? isLetterLike(channel) : !social && ((wordCount >= LETTER_WORDS && lines.length > 1) || (blankLine && wordCount >= 20)),
    channel: channel ?? null,
    sentiment: Number(doc.out(its.sentiment)) || 0,
  };
}

/** Words as a reader counts them: "won't" and "£86.40" are one each. */
export function countWords(value: string): number {
  return (value.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu) ?? []).length;
}

function firstSpace(text: string): number {
  const match = /\s/.exec(text.trimStart());
  return match ? match.index + (text.length - text.trimStart().length) : text.length;
}

/** Sentences from wink-nlp's boundaries, split again at line breaks (a sign-off is not a sentence's tail). */
function sentenceSpans(text: string, tokens: Token[]): Span[] {
  const spans: Span[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const start = current[0]!.start;
    const end = current[current.length - 1]!.end;
    spans.push({ start, end, text: text.slice(start, end) });
    current = [];
  };
  let previous: Token | undefined;
  for (const token of tokens) {
    if (token.value.trim() === '') continue;
    if (previous && (token.sentence !== previous.sentence || text.slice(previous.end, token.start).includes('\n'))) flush();
    current.push(token);
    previous = token;
  }
  flush();
  return spans;
}

function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /[^\r\n]+/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = match.index + lead;
    spans.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return spans;
}

/** The sentence holding an offset (or the last one before it). */
export function sentenceAt(analysis: Analysis, offset: number): Span {
  let found = analysis.sentences[0] ?? { start: 0, end: analysis.text.length, text: analysis.text };
  for (const sentence of analysis.sentences) {
    if (sentence.start <= offset) found = sentence;
    else break;
  }
  return found;
}
