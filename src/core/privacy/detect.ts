/**
 * Finds personal data in free text with exact UTF-16 offsets: payment cards (Luhn-checked, with a
 * card-network prefix), UK bank details, National Insurance numbers (valid prefixes and suffixes
 * only), dates of birth, email addresses, UK phone numbers, postcodes, street addresses, @handles
 * and names where a title, greeting or sign-off makes them detectable.
 *
 * Shared by review (GDPR findings) and by every LLM path (redaction before text leaves the
 * process). These patterns were measured against a maintained PII library on our labelled corpus
 * and kept because they were more accurate there: see docs/review.md.
 */

/** The kinds of personal data we detect. */
export type PersonalDataKind =
  | 'CARD' | 'SORT_CODE' | 'ACCOUNT_NUMBER' | 'IBAN' | 'NI_NUMBER' | 'DOB'
  | 'EMAIL' | 'PHONE' | 'POSTCODE' | 'ADDRESS' | 'HANDLE' | 'NAME';

/** One piece of personal data found in a text. */
export interface PersonalData {
  kind: PersonalDataKind;
  start: number;
  end: number;
  value: string;
  /** For phones: mobile numbers are personal; 03/08 numbers usually belong to an organisation. */
  detail?: 'mobile' | 'landline' | 'non-geographic';
}

const CARD = /(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d])/g;
const SORT_CODE = /(?<![\d-])\d{2}[- ]\d{2}[- ]\d{2}(?![\d-])/g;
const ACCOUNT = /(?<![\d-])\d{4} ?\d{4}(?![\d-])/g;
const IBAN = /\bGB\d{2} ?[A-Z]{4}(?: ?\d{4}){3} ?\d{2}\b/g;
// First letter not D F I Q U V; second not D F I O Q U V; suffix A–D. Prefixes BG GB KN NK NT TN ZZ are never issued.
const NI = /\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\b/g;
const NI_NEVER_ISSUED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = new RegExp(
  String.raw`\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS}),? \d{4}|(?:${MONTHS}) \d{1,2}(?:st|nd|rd|th)?,? \d{4})\b`,
  'gi',
);
const DOB_CUE = /\b(?:date of birth|d\.?o\.?b\.?|born(?: on| in)?|birthday)\b/gi;
const EMAIL = /\b[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi;
const PHONE = /(?<![\d])(?:(?:\+44 ?|0)7\d{3} ?\d{3} ?\d{3}|(?:\+44 ?|0)[12]\d{2,4} ?\d{3,4} ?\d{3,4}|0[38]\d{2} ?\d{3} ?\d{4})(?![\d])/g;
const POSTCODE = /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/g;
const STREET = /\b\d{1,4}[A-Za-z]? (?:[A-Z][a-z]+ ){1,3}(?:Road|Street|Lane|Avenue|Close|Way|Drive|Court|Crescent|Place|Grove|Gardens|Terrace|Hill|Rise|Row|Square|Walk|Mews|Park)\b/g;
const HANDLE = /(?<![\w@])@[A-Za-z0-9_]{2,30}\b/g;
const TITLED_NAME = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? (?:[A-Z][a-z'’-]+)(?: [A-Z][a-z'’-]+)?/g;
// A first name, or a first name and surname ("Dear Priya Sharma,", "my name is Priya Sharma and…").
const GREETING_NAME = /(?:^|\n)[ \t]*(?:@\w+ +)?(?:Dear|Hello|Hi|Hiya|Hey|Good (?:morning|afternoon|evening)|Thanks|Thank you),? ([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)(?= *[,.!\n]| *$)/g;
const SIGN_OFF_NAME = /(?:regards|wishes|sincerely|faithfully|thanks|cheers|best),?[ \t]*\r?\n[ \t]*([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)[ \t]*(?=\r?\n|$)/gi;
const SELF_NAME = /\b(?:[Mm]y name is|[Nn]ame's|I'm|[Tt]his is) ([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?)(?= (?:from|at|and|here)\b|[,.])/g;
const RELATION_NAME = /\b(?:husband|wife|partner|son|daughter|mum|mother|dad|father|neighbour|brother|sister|friend),? ([A-Z][a-z'’-]+)\b/g;

/** Words after a greeting that are not names ("Hi there", "Dear Customer"). */
const NOT_NAMES = new Set(['there', 'all', 'everyone', 'team', 'customer', 'sir', 'madam', 'again', 'for', 'so', 'very', 'both']);

/** True when the digits pass the Luhn check used by every payment card. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function* matches(pattern: RegExp, text: string): Generator<{ start: number; end: number; value: string; groups: string[] }> {
  for (const match of text.matchAll(pattern)) {
    yield { start: match.index, end: match.index + match[0].length, value: match[0], groups: match.slice(1) };
  }
}

/** Card numbers: 13–19 digits, a card-network first digit (2–6), Luhn-valid, not one repeated digit. */
export function findCards(text: string): PersonalData[] {
  const found: PersonalData[] = [];
  for (const m of matches(CARD, text)) {
    const value = m.value.replace(/[ -]+$/, '');
    const digits = value.replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19 || !/^[2-6]/.test(digits) || /^(\d)\1+$/.test(digits)) continue;
    if (luhnValid(digits)) found.push({ kind: 'CARD', start: m.start, end: m.start + value.length, value });
  }
  return found;
}

/** Sort codes (with "sort code" nearby or an account number just after) and 8-digit account numbers near "account". */
export function findBankDetails(text: string): PersonalData[] {
  const found: PersonalData[] = [];
  for (const m of matches(SORT_CODE, text)) {
    const before = text.slice(Math.max(0, m.start - 25), m.start);
    const after = text.slice(m.end, m.end + 45);
    if (/\bsort(?:[ -]?code)?\b/i.test(before) || ACCOUNT_AFTER.test(after)) found.push({ kind: 'SORT_CODE', ...span(m) });
  }
  for (const m of matches(ACCOUNT, text)) {
    const before = text.slice(Math.max(0, m.start - 30), m.start);
    if (/\b(?:account|acc|a\/c)\.?(?: number| no\.?)?[:\s,]*$/i.test(before)) found.push({ kind: 'ACCOUNT_NUMBER', ...span(m) });
  }
  for (const m of matches(IBAN, text)) found.push({ kind: 'IBAN', ...span(m) });
  return found;
}
const ACCOUNT_AFTER = /^[,;\s]*(?:and |with )?(?:account|acc|a\/c)?\.?(?: number| no\.?)?[:\s]*\d{4} ?\d{4}(?!\d)/i;

function span(m: { start: number; end: number; value: string }) {
  return { start: m.start, end: m.end, value: m.value };
}

/** National Insurance numbers in a valid format (prefix and suffix rules), upper case. */
export function findNiNumbers(text: string): PersonalData[] {
  return [...matches(NI, text)]
    .filter((m) => !NI_NEVER_ISSUED.has(m.groups[0]!))
    .map((m) => ({ kind: 'NI_NUMBER' as const, ...span(m) }));
}

/** Dates that follow a date-of-birth cue ("date of birth", "DOB", "born on") within a few words. */
export function findDatesOfBirth(text: string): PersonalData[] {
  const found: PersonalData[] = [];
  const cues = [...matches(DOB_CUE, text)];
  for (const date of matches(DATE, text)) {
    const cue = cues.find((c) => c.end <= date.start && date.start - c.end <= 30 && !/[.!?\n]/.test(text.slice(c.end, date.start)));
    if (cue) found.push({ kind: 'DOB', ...span(date) });
  }
  return found;
}

function phoneKind(value: string): PersonalData['detail'] {
  const digits = value.replace(/\D/g, '').replace(/^44/, '0');
  if (digits.startsWith('07')) return 'mobile';
  if (digits.startsWith('03') || digits.startsWith('08')) return 'non-geographic';
  return 'landline';
}

/** Names made detectable by a title, a greeting, a sign-off, "my name is" or a relation ("my son, Tom"). */
export function findNames(text: string): PersonalData[] {
  const found: PersonalData[] = [];
  for (const m of matches(TITLED_NAME, text)) found.push({ kind: 'NAME', ...span(m) });
  for (const pattern of [GREETING_NAME, SIGN_OFF_NAME, SELF_NAME, RELATION_NAME]) {
    for (const m of matches(pattern, text)) {
      const name = m.groups[0]!;
      if (NOT_NAMES.has(name.toLowerCase().split(' ')[0]!)) continue;
      const start = m.start + m.value.lastIndexOf(name);
      found.push({ kind: 'NAME', start, end: start + name.length, value: name });
    }
  }
  return found;
}

/** Priority when two detections overlap: the earlier kind in this list wins. */
const PRIORITY: PersonalDataKind[] = ['EMAIL', 'IBAN', 'CARD', 'NI_NUMBER', 'SORT_CODE', 'ACCOUNT_NUMBER', 'DOB', 'PHONE', 'ADDRESS', 'POSTCODE', 'HANDLE', 'NAME'];

/**
 * Every piece of personal data in a text, sorted by position, without overlaps.
 * @example findPersonalData('Call Sam on 07700 900123').map((d) => d.kind) // ['PHONE']
 */
export function findPersonalData(text: string): PersonalData[] {
  const all: PersonalData[] = [
    ...findCards(text),
    ...findBankDetails(text),
    ...findNiNumbers(text),
    ...findDatesOfBirth(text),
    ...[...matches(EMAIL, text)].map((m) => ({ kind: 'EMAIL' as const, ...span(m) })),
    ...[...matches(PHONE, text)].map((m) => ({ kind: 'PHONE' as const, ...span(m), detail: phoneKind(m.value) })),
    ...[...matches(POSTCODE, text)].map((m) => ({ kind: 'POSTCODE' as const, ...span(m) })),
    ...[...matches(STREET, text)].map((m) => ({ kind: 'ADDRESS' as const, ...span(m) })),
    ...[...matches(HANDLE, text)].map((m) => ({ kind: 'HANDLE' as const, ...span(m) })),
    ...findNames(text),
  ];
  all.sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.start - b.start);
  const kept: PersonalData[] = [];
  for (const item of all) {
    if (!kept.some((k) => item.start < k.end && k.start < item.end)) kept.push(item);
  }
  return kept.sort((a, b) => a.start - b.start);
}
