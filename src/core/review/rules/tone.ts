/**
 * Tone rules that need more than a phrase list: slang, text-speak and emoji (over_informal),
 * shouting in capitals and runs of exclamation marks (aggressive), a complaint answered with no
 * acknowledgement (cold) and unexplained jargon or internal acronyms (jargon). Phrase-based tone
 * rules (blaming, dismissive, sarcastic, threats) live in knowledge/review/tone.json.
 */
import type { Analysis, Token } from '../analyse.js';
import type { Lexicons } from '../data.js';
import type { Finding } from '../types.js';
import { allMatches, makeFinding } from './finding.js';
import { isKnownWord } from './spelling.js';
import { hasNextStep } from './writing.js';

const TONE_CRITERIA = ['u3.ac2.1', 'u3.ac3.2', 'u3.ac3.3'] as const;

/** Slang, text-speak, stretched words ("sooo"), emoji and emoticons: one finding each. */
export function informalFindings(analysis: Analysis, lexicons: Lexicons): Finding[] {
  const { text, tokens } = analysis;
  const findings: Finding[] = [];
  const add = (start: number, end: number, what: string) =>
    findings.push(
      makeFinding(text, {
        category: 'tone',
        rule: 'over_informal',
        severity: 'warning',
        start,
        end,
        message: `${what} is too casual for a customer reply and can look unprofessional.`,
        suggestion: 'Use plain, friendly standard English, with full words and no emoji.',
        criteria: TONE_CRITERIA,
      }),
    );
  tokens.forEach((token, i) => {
    if (token.type === 'emoji' || token.type === 'emoticon') return add(token.start, token.end, 'An emoji or emoticon');
    if (token.type !== 'word') return;
    const lower = token.value.toLowerCase();
    if (lexicons.informalTokens.has(lower) && !betweenNumbers(tokens, i) && text[token.end] !== '-') {
      return add(token.start, token.end, `"${token.value}"`);
    }
    if (/(\p{L})\1\1/u.test(token.value) && !/^\p{Lu}+$/u.test(token.value)) add(token.start, token.end, `"${token.value}"`);
  });
  for (const m of allMatches(lexicons.informalPhrases, text)) add(m.start, m.end, `"${m.value}"`);
  return findings;
}

function betweenNumbers(tokens: Token[], i: number): boolean {
  return tokens[i - 1]?.type === 'number' && tokens[i + 1]?.type === 'number';
}

function isCapsWord(token: Token): boolean {
  return token.type === 'word' && /^\p{Lu}{2,}$/u.test(token.value);
}

/** Runs of "!!" and words in capitals that are shouting rather than acronyms. */
export function shoutingFindings(analysis: Analysis, lexicons: Lexicons): Finding[] {
  const { text, tokens } = analysis;
  const findings: Finding[] = [];
  const add = (start: number, end: number, message: string) =>
    findings.push(
      makeFinding(text, {
        category: 'tone',
        rule: 'aggressive',
        severity: 'warning',
        start,
        end,
        message,
        suggestion: 'Use capital letters only at the start of sentences and names, and at most one exclamation mark; calm wording carries more weight.',
        criteria: TONE_CRITERIA,
      }),
    );
  for (const m of allMatches(/!{2,}/g, text)) add(m.start, m.end, 'Several exclamation marks read as shouting or exasperation.');
  const jargon = new Set(lexicons.jargon.map((j) => j.term.toUpperCase()));
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && !isCapsWord(run[run.length - 1]!)) run.pop();
    const words = run.filter(isCapsWord);
    const letters = words.reduce((n, w) => n + w.value.length, 0);
    const single = words.length === 1 && words[0]!.value.length >= 4 && isKnownWord(words[0]!.value, lexicons);
    if (words.length > 0 && ((words.length >= 2 && letters >= 6) || single)) {
      add(run[0]!.start, run[run.length - 1]!.end, 'Writing in capitals reads as SHOUTING and feels aggressive to the customer.');
    }
    run = [];
  };
  let previous = '';
  for (const token of tokens) {
    const upper = token.value.toUpperCase();
    // "reply STOP", "text CHANGE": a keyword the customer sends, written as they must type it.
    const keyword = lexicons.keywordBefore.has(previous);
    if (token.type === 'word') previous = token.value.toLowerCase();
    const shouty = isCapsWord(token) && !keyword && !lexicons.knownAcronyms.has(upper) && !jargon.has(upper);
    if (shouty) run.push(token);
    else if (run.length > 0 && token.type === 'number') run.push(token);
    else if (token.value.trim() !== '') flush();
  }
  flush();
  return findings;
}

const NEGATORS = new Set(['no', 'not', 'nt', "n't", 'never', 'nothing', 'without', 'none']);

/**
 * A complaint word that is not negated right before it: "no problem at all", "not damaged" and
 * "can't see any problem" are not complaints. Only the three words before count, because wink-nlp's negation scope runs on to the
 * end of the clause ("I don't know why your reading was rejected" is still about a problem).
 */
function mentionsComplaint(analysis: Analysis, lexicons: Lexicons): boolean {
  const words = analysis.tokens.filter((t) => t.type === 'word');
  return allMatches(lexicons.complaint, analysis.text).some((m) => {
    const at = words.findIndex((t) => t.start <= m.start && m.start < t.end);
    return at === -1 || !words.slice(Math.max(0, at - 3), at).some((t) => NEGATORS.has(t.value.toLowerCase()));
  });
}

/**
 * A complaint answered with no acknowledgement, apology or empathy anywhere in the reply. A reply
 * that blames, dismisses or mocks the customer (`evidence`, the other rules' findings listed in
 * `coldEvidence`) is answering a problem even when it names none ("a loose thread is hardly a
 * reason to send back a whole coat").
 */
export function coldFindings(analysis: Analysis, lexicons: Lexicons, evidence: readonly Finding[] = []): Finding[] {
  const { text } = analysis;
  if (analysis.wordCount < 20 || lexicons.empathy.test(text)) return [];
  // Blame or dismissal with no complaint word shows a problem, but a reply that still says what
  // happens next is reported for the blame, not also as cold ("…you should check these yourself.
  // Please collect it by 5pm."); with no way forward either, it is cold.
  const evidenced = evidence.some((f) => lexicons.coldEvidence.has(`${f.category}.${f.rule}`)) && !hasNextStep(analysis, lexicons);
  if (!evidenced && !mentionsComplaint(analysis, lexicons)) return [];
  const body = analysis.sentences.find((s) => !(lexicons.greeting.test(s.text) && s.text.split(/\s+/).length <= 6)) ?? analysis.sentences[0];
  if (!body) return [];
  return [
    makeFinding(text, {
      category: 'tone',
      rule: 'cold',
      severity: 'warning',
      start: body.start,
      end: body.end,
      message: 'The customer has a problem, but the reply never acknowledges it or how they feel: it comes across as cold.',
      suggestion: 'Open by acknowledging the problem and its impact, e.g. "I\'m sorry your parcel arrived late; I understand how frustrating that is."',
      criteria: TONE_CRITERIA,
    }),
  ];
}

const ACRONYM = /^(?:\p{Lu}{2,6}|\p{Lu}\p{Ll}?\p{Lu}{1,4})$/u;

function explained(text: string, start: number, end: number, meaning: string | null): boolean {
  if (text[start - 1] === '(' || /^\s*\(/.test(text.slice(end, end + 3))) return true;
  return meaning !== null && text.toLowerCase().includes(meaning.toLowerCase());
}

/** Internal terms and acronyms a customer may not know, unless explained the first time. */
export function jargonFindings(analysis: Analysis, lexicons: Lexicons, shouted: readonly Finding[]): Finding[] {
  const { text, tokens } = analysis;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (start: number, end: number, meaning: string | null) => {
    const term = text.slice(start, end);
    if (seen.has(term.toUpperCase()) || explained(text, start, end, meaning)) return;
    seen.add(term.toUpperCase());
    findings.push(
      makeFinding(text, {
        category: 'tone',
        rule: 'jargon',
        severity: 'info',
        start,
        end,
        message: `"${term}" is internal jargon or an acronym the customer may not know.`,
        suggestion: meaning ? `Say "${meaning}" instead, or explain it the first time you use it.` : 'Spell it out or explain it in plain words the first time you use it.',
        criteria: ['u3.ac3.2', 'u3.ac3.3'],
      }),
    );
  };
  // "PO Box" is a postal address, not a purchase order.
  const poBox = (m: { value: string; end: number }) => m.value.toUpperCase() === 'PO' && /^\s+box\b/iu.test(text.slice(m.end, m.end + 5));
  const listed = lexicons.jargon.flatMap((j) => allMatches(j.pattern, text).filter((m) => !poBox(m)).map((m) => ({ ...m, meaning: j.meaning })));
  for (const m of listed.sort((a, b) => a.start - b.start)) add(m.start, m.end, m.meaning);
  for (const token of tokens) {
    if (token.type !== 'word' || !ACRONYM.test(token.value) || lexicons.knownAcronyms.has(token.value.toUpperCase())) continue;
    // Initials ("^JM"), handles and reference codes ("DQ 12 34 56", "SL-22817") are not jargon.
    if (text[token.start - 1] === '^' || text[token.start - 1] === '@' || /^(?:[\d-]| \d)/.test(text.slice(token.end, token.end + 2))) continue;
    // The second half of a registration or reference ("KT19 XPW") follows a code of letters and digits,
    // and a postcode's inward part ("M14 6ZQ") is read as "6" and "ZQ".
    if (/(?=[\p{L}\d]*\p{L})(?=[\p{L}\d]*\d)[\p{L}\d]+ $/u.test(text.slice(Math.max(0, token.start - 12), token.start))) continue;
    if (/\d/.test(text[token.start - 1] ?? '') || poBox(token)) continue;
    if (shouted.some((s) => s.start <= token.start && token.end <= s.end)) continue;
    if (listed.some((m) => m.start <= token.start && token.end <= m.end) || isKnownWord(token.value, lexicons)) continue;
    add(token.start, token.end, null);
  }
  return findings.sort((a, b) => a.start - b.start);
}
