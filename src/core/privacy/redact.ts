/**
 * Replaces personal data with typed placeholders before any text leaves the process (an LLM
 * call), and puts it back only in what the user sees. The same value always gets the same
 * placeholder within one text, so the model can still tell "the same card" from "another card".
 *
 * @example
 * const { text, replacements } = redactPersonalData('Dear Mrs Patel, call 07700 900123');
 * // text: 'Dear [NAME_1], call [PHONE_1]'
 * restore('Hello [NAME_1]', replacements) // 'Hello Mrs Patel'
 */
import { findPersonalData, type PersonalData, type PersonalDataKind } from './detect.js';

/** The kind of a placeholder: a detected kind, or SPECIAL for special-category terms the caller names. */
export type PlaceholderKind = PersonalDataKind | 'SPECIAL';

/** One replaced value. */
export interface Replacement {
  /** e.g. "[CARD_1]". */
  placeholder: string;
  kind: PlaceholderKind;
  /** The original text. */
  value: string;
}

/** A redacted text and how to undo it. */
export interface Redacted {
  text: string;
  replacements: Replacement[];
}

/** Options for {@link redactPersonalData}. */
export interface RedactOptions {
  /**
   * Extra sensitive words or phrases to replace (case-insensitive, whole words), such as
   * special-category terms ("diabetes", "pregnant"). They become `[SPECIAL_n]`.
   */
  terms?: readonly string[];
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termMatches(text: string, terms: readonly string[]): PersonalData[] {
  if (terms.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...terms].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(pattern)].map((m) => ({ kind: 'NAME' as const, start: m.index, end: m.index + m[0].length, value: m[0] }));
}

/**
 * Replaces every detected piece of personal data with a typed, numbered placeholder.
 * Text that already looks like one of our placeholders is left as it is.
 */
export function redactPersonalData(text: string, options: RedactOptions = {}): Redacted {
  const detected: Array<PersonalData & { special?: boolean }> = findPersonalData(text);
  for (const term of termMatches(text, options.terms ?? [])) {
    if (!detected.some((d) => term.start < d.end && d.start < term.end)) detected.push({ ...term, special: true });
  }
  detected.sort((a, b) => a.start - b.start);
  const replacements: Replacement[] = [];
  const counters = new Map<PlaceholderKind, number>();
  const byValue = new Map<string, string>();
  let out = '';
  let cursor = 0;
  for (const item of detected) {
    const kind: PlaceholderKind = item.special ? 'SPECIAL' : item.kind;
    const key = `${kind}\u0000${normalise(item.value)}`;
    let placeholder = byValue.get(key);
    if (!placeholder) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      placeholder = `[${kind}_${n}]`;
      byValue.set(key, placeholder);
      replacements.push({ placeholder, kind, value: item.value });
    }
    out += text.slice(cursor, item.start) + placeholder;
    cursor = item.end;
  }
  out += text.slice(cursor);
  return { text: out, replacements };
}

function normalise(value: string): string {
  return value.toLowerCase().replace(/[\s-]+/g, '');
}

/**
 * Puts the original values back in text that came back from outside (a model's reply).
 * Unknown placeholders are left as they are; nothing else is changed.
 */
export function restore(text: string, replacements: readonly Replacement[]): string {
  if (replacements.length === 0) return text;
  const lookup = new Map(replacements.map((r) => [r.placeholder, r.value]));
  return text.replace(/\[(?:[A-Z]+_)+\d+\]/g, (placeholder) => lookup.get(placeholder) ?? placeholder);
}
