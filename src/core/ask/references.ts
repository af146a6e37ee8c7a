/**
 * Recognises explicit references in a question — "unit 3", "U3", "AC 2.2", "criterion 4.4",
 * "LO2", a bare "2.1", and acronyms from the glossary ("LASS", "smart") — so retrieval can honour
 * them. Pure functions over the raw question; resolution to record ids happens in retrieval.
 */

/** What a question points at explicitly. */
export interface References {
  unit: number | null;
  ac: string | null;
  lo: number | null;
  /** Glossary record ids whose spelling appears in the question; `strong` when written in capitals. */
  acronyms: Array<{ id: string; strong: boolean }>;
  /** Word ordinals ("the second one") for follow-ups: 1-based, or null. */
  ordinal: number | null;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
};

const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5,
  sixth: 6, '6th': 6, seventh: 7, '7th': 7, eighth: 8, '8th': 8, ninth: 9, '9th': 9, tenth: 10, '10th': 10,
};

const UNIT = /\bunit\s*(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\b|\bu(\d{1,2})\b/i;
const AC_LABELLED = /\b(?:ac|a\.c\.|criterion|criteria|assessment\s+criteri(?:on|a))\s*(\d)\s*\.\s*(\d{1,2})\b/i;
/** A bare "2.1" (one digit, a dot, one or two digits) not part of a longer number, money or a date. */
const AC_BARE = /(?<![\d.£$/])\b([1-9])\.([1-9]\d?)\b(?![\d.%/]|\s*(?:%|per\s*cent|pm|am|kg|m\b))/i;
const LO = /\b(?:lo|learning\s+outcome)\s*(\d)\b/i;
const ORDINAL = /\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|7th|eighth|8th|ninth|9th|tenth|10th)\b/i;

/** A glossary spelling to look for: its record id and the spellings that match it. */
export interface AcronymSpelling {
  id: string;
  spellings: string[];
}

/** Glossary spellings compiled once into whole-word, case-insensitive patterns. */
export interface AcronymMatcher {
  entries: Array<{ id: string; patterns: Array<{ spelling: string; pattern: RegExp }> }>;
}

/** Compiles the glossary spellings (once, at start-up). */
export function compileAcronyms(acronyms: AcronymSpelling[]): AcronymMatcher {
  return {
    entries: acronyms.map((entry) => ({
      id: entry.id,
      patterns: entry.spellings.map((spelling) => ({
        spelling,
        pattern: new RegExp(`(?<![A-Za-z0-9])${spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i'),
      })),
    })),
  };
}

/**
 * Finds the references in a question.
 * @example findReferences('unit 1 AC 4.4?', compileAcronyms([])) // { unit: 1, ac: '4.4', lo: null, acronyms: [], ordinal: null }
 */
export function findReferences(question: string, acronyms: AcronymMatcher): References {
  const unitMatch = UNIT.exec(question);
  const unitValue = unitMatch ? toNumber((unitMatch[1] ?? unitMatch[2])!) : null;
  const acMatch = AC_LABELLED.exec(question) ?? AC_BARE.exec(question);
  const loMatch = LO.exec(question);
  const ordinalMatch = ORDINAL.exec(question);
  return {
    unit: unitValue !== null && unitValue >= 1 && unitValue <= 99 ? unitValue : null,
    ac: acMatch ? `${acMatch[1]}.${Number(acMatch[2])}` : null,
    lo: loMatch ? Number(loMatch[1]) : null,
    acronyms: findAcronyms(question, acronyms),
    ordinal: ordinalMatch ? ORDINALS[ordinalMatch[1]!.toLowerCase()]! : null,
  };
}

function toNumber(value: string): number {
  return NUMBER_WORDS[value.toLowerCase()] ?? Number(value);
}

function findAcronyms(question: string, acronyms: AcronymMatcher): References['acronyms'] {
  const found: References['acronyms'] = [];
  for (const entry of acronyms.entries) {
    let strong = false;
    let weak = false;
    for (const { spelling, pattern } of entry.patterns) {
      const match = pattern.exec(question);
      if (!match) continue;
      // Written as the glossary spells it (LASS, SMART) is a clear reference; "smart" in lower case may be the word.
      if (match[0] === spelling && /[A-Z]/.test(spelling)) strong = true;
      else weak = true;
    }
    if (strong || weak) found.push({ id: entry.id, strong });
  }
  return found;
}
