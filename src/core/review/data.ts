/**
 * The curated review data, validated once at load: the positive-language phrasebook
 * (`knowledge/phrasebook.json`) and the tone, GDPR and word-list files in `knowledge/review/`.
 * Every regular expression is compiled here, so a bad pattern stops start-up with the file and
 * entry named rather than failing on some learner's draft.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { REVIEW_CRITERIA } from './criteria.js';
import type { CriterionId, GdprPrinciple, Severity } from './types.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

const criterionId = z.enum(REVIEW_CRITERIA as unknown as [CriterionId, ...CriterionId[]]);
const principle = z.enum(['data minimisation', 'security', 'purpose limitation', 'lawful basis', 'accuracy', 'storage limitation']);

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case'),
    label: z.string().min(1),
    severity: z.enum(['info', 'warning', 'error']),
    principle: principle.optional(),
    patterns: z.array(z.string().min(1)).min(1),
    exceptions: z.array(z.string().min(1)).default([]),
    requiresInSentence: z.array(z.string().min(1)).default([]),
    unlessInSentence: z.array(z.string().min(1)).default([]),
    why: z.string().min(10),
    better: z.string().min(5),
    criteria: z.array(criterionId).min(1),
    examples: z.object({ flag: z.array(z.string()).min(1), allow: z.array(z.string()).default([]) }).strict(),
  })
  .strict();

const entryFileSchema = z.object({ about: z.string(), entries: z.array(entrySchema).min(1) }).strict();

const lexiconSchema = z
  .object({
    about: z.string(),
    informal: z.object({ tokens: z.array(z.string()), phrases: z.array(z.string()) }).strict(),
    knownAcronyms: z.array(z.string()),
    jargon: z.array(z.object({ term: z.string().min(2), meaning: z.string().min(2) }).strict()),
    complaintCues: z.array(z.string()),
    empathyCues: z.array(z.string()),
    greetings: z.array(z.string()),
    casualGreetings: z.array(z.string()),
    closings: z.array(z.string()),
    nextStepCues: z.array(z.string()),
    noNextStepNeeded: z.array(z.string()),
    timescaleCues: z.array(z.string()),
    futureCues: z.array(z.string()),
    specialCategory: z.array(z.string()),
    needContext: z.array(z.string()),
    personalReference: z.array(z.string()),
    reviewerInstructions: z.array(z.string()),
    spellingAllow: z.array(z.string()),
    positiveCues: z.array(z.string()),
    dataCareCues: z.array(z.string()),
    coldEvidence: z.array(z.string().regex(/^[a-z-]+\.[a-z_]+$/, 'category.rule')),
    keywordBefore: z.array(z.string()),
    vagueCues: z.array(z.string()),
    animalContext: z.array(z.string()),
    animalHealthTerms: z.array(z.string()),
    contractions: z
      .object({
        about: z.string(),
        fixed: z.record(z.string().regex(/^[a-z]+$/, 'keys are lower-case words'), z.string().min(2)),
        itIsBefore: z.array(z.string()),
        possessiveAfter: z.array(z.string()),
        verbsAfterIWould: z.array(z.string()),
        notContractedAfter: z.array(z.string()),
      })
      .strict(),
  })
  .strict();

/** A phrase rule with its patterns compiled. */
export interface PhraseRule {
  id: string;
  label: string;
  severity: Severity;
  principle: GdprPrinciple | null;
  patterns: RegExp[];
  exceptions: RegExp[];
  requiresInSentence: RegExp | null;
  unlessInSentence: RegExp | null;
  why: string;
  better: string;
  criteria: CriterionId[];
  examples: { flag: string[]; allow: string[] };
}

/** The word lists with their cue patterns compiled. */
export interface Lexicons {
  informalTokens: Set<string>;
  informalPhrases: RegExp;
  knownAcronyms: Set<string>;
  jargon: Array<{ term: string; meaning: string; pattern: RegExp }>;
  complaint: RegExp;
  empathy: RegExp;
  greeting: RegExp;
  /** "Hey", "Yo": greetings too casual to open an email. */
  casualGreeting: RegExp;
  closing: RegExp;
  nextStep: RegExp;
  /** Replies to thanks or a compliment ("glad you enjoyed"), which need no next step. */
  noNextStepNeeded: RegExp;
  /** "within 5 days", "by Friday": a next step only in a sentence that also looks ahead (see `future`). */
  timescale: RegExp;
  future: RegExp;
  specialCategory: RegExp;
  specialCategoryTerms: string[];
  needContext: RegExp;
  personalReference: RegExp;
  reviewerInstruction: RegExp;
  spellingAllow: Set<string>;
  /** Positive customer-service wording ("I will", "I understand"): evidence for the tutor view. */
  positive: RegExp;
  /** Good data-protection practice ("for your security", "card ending 4421"): evidence too. */
  dataCare: RegExp;
  /** Findings ("tone.blaming") that show the customer has a problem even with no complaint word. */
  coldEvidence: Set<string>;
  /** Words before a reply keyword in capitals ("reply STOP"), which is not shouting. */
  keywordBefore: Set<string>;
  /** "at some point", "in due course": a sentence this vague is no next step, whatever it promises. */
  vague: RegExp;
  /** A draft about a pet or other animal ("vaccinations", "the vet"), whose health is not personal data. */
  animalContext: RegExp;
  /** Special-category terms that also describe an animal's health ("medication", "surgery"). */
  animalHealthTerms: Set<string>;
  /** Contractions typed without an apostrophe ("cant" → "can't") and the word lists that judge "its", "ill" and "id". */
  contractions: {
    fixed: Map<string, string>;
    itIsBefore: Set<string>;
    possessiveAfter: Set<string>;
    verbsAfterIWould: Set<string>;
    notContractedAfter: Set<string>;
  };
}

/** Everything the rules need, loaded once. */
export interface ReviewData {
  phrasebook: PhraseRule[];
  tone: PhraseRule[];
  gdpr: PhraseRule[];
  lexicons: Lexicons;
}

/** Raised when a curated file is invalid; names the file and the problem. */
export class ReviewDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewDataError';
  }
}

/**
 * Compiles a curated pattern: case-insensitive, Unicode, matched on whole words. Every apostrophe
 * in a pattern also matches a curly one (drafts pasted from word processors use ’) or none at all,
 * because learners often type "its", "dont", "cant" and "youre": one pattern "it's our policy"
 * then catches "its our policy" too, without listing each spelling.
 */
export function compilePattern(source: string, flags = 'giu'): RegExp {
  const body = tolerantApostrophes(source);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, flags);
}

/** Characters drafts use for an apostrophe: straight, curly, a backtick or a modifier letter. */
const APOSTROPHES = "'’‘`ʼ";

/**
 * Without its apostrophe, a contraction can spell another everyday word: "we'll" → "well",
 * "we're" → "were", "I'll" → "ill", "she'd" → "shed", "let's" → "lets". Patterns are
 * case-insensitive, so "Ill" (I'll) cannot be told from "ill" here; the apostrophe stays required
 * for these, and the writing rules report "Ill" → "I'll" with the case taken into account.
 */
const AMBIGUOUS_WITHOUT_APOSTROPHE = [
  ['we|he|she|i', 'll'],
  ['we', 're'],
  ['we|she|i|he', 'd'],
  ['let', 's'],
] as const;

const WORD_START = '(?<![\\p{L}\\p{N}_])';
const WORD_END = '(?![\\p{L}\\p{N}_])';
/** At an apostrophe's place: an apostrophe, or nothing unless that would spell an everyday word. */
const OPTIONAL_APOSTROPHE = `(?:[${APOSTROPHES}]|(?!${AMBIGUOUS_WITHOUT_APOSTROPHE.map(([before, after]) => `(?<=${WORD_START}(?:${before}))${after}${WORD_END}`).join('|')}))`;

/** Makes every apostrophe outside a character class optional (see above); inside a class it adds the other forms. */
function tolerantApostrophes(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (char === '\\') {
      out += char + (source[i + 1] ?? '');
      i += 1;
    } else if (char === "'") {
      out += inClass ? APOSTROPHES : OPTIONAL_APOSTROPHE;
    } else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      out += char;
    }
  }
  return out;
}

/** One pattern matching any of several sources, or null for an empty list. */
export function compileAny(sources: readonly string[], flags = 'iu'): RegExp | null {
  return sources.length === 0 ? null : compilePattern(sources.map((s) => `(?:${s})`).join('|'), flags);
}

function readFile<T>(relative: string, schema: z.ZodType<T>): T {
  const path = `${KNOWLEDGE_DIR}${relative}`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ReviewDataError(`knowledge/${relative}: cannot read it as JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReviewDataError(`knowledge/${relative}: ${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}

function compileEntries(relative: string): PhraseRule[] {
  const file = readFile(relative, entryFileSchema);
  const ids = new Set<string>();
  return file.entries.map((entry) => {
    if (ids.has(entry.id)) throw new ReviewDataError(`knowledge/${relative}: duplicate id "${entry.id}"`);
    ids.add(entry.id);
    try {
      return {
        id: entry.id,
        label: entry.label,
        severity: entry.severity,
        principle: entry.principle ?? null,
        patterns: entry.patterns.map((p) => compilePattern(p)),
        exceptions: entry.exceptions.map((p) => compilePattern(p)),
        requiresInSentence: compileAny(entry.requiresInSentence),
        unlessInSentence: compileAny(entry.unlessInSentence),
        why: entry.why,
        better: entry.better,
        criteria: entry.criteria,
        examples: entry.examples,
      };
    } catch (error) {
      throw new ReviewDataError(`knowledge/${relative}: entry "${entry.id}" has an invalid pattern (${(error as Error).message})`);
    }
  });
}

function compileLexicons(): Lexicons {
  const raw = readFile('review/lexicons.json', lexiconSchema);
  const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const any = (sources: string[]) => compileAny(sources) ?? /$^/;
  return {
    informalTokens: new Set(raw.informal.tokens.map((t) => t.toLowerCase())),
    informalPhrases: compilePattern(raw.informal.phrases.map(escape).join('|')),
    knownAcronyms: new Set(raw.knownAcronyms.map((a) => a.toUpperCase())),
    // Acronyms are matched in their own case ("PO", not "po"); longer terms case-insensitively.
    jargon: raw.jargon.map((j) => ({ ...j, pattern: compilePattern(escape(j.term), /^[A-Z0-9&]+$/.test(j.term) ? 'gu' : 'giu') })),
    complaint: any(raw.complaintCues),
    empathy: any(raw.empathyCues),
    greeting: compilePattern(`^(?:${raw.greetings.join('|')})`, 'iu'),
    casualGreeting: compilePattern(`^(?:${raw.casualGreetings.join('|')})`, 'iu'),
    closing: any(raw.closings),
    nextStep: any(raw.nextStepCues),
    noNextStepNeeded: any(raw.noNextStepNeeded),
    timescale: any(raw.timescaleCues),
    future: any(raw.futureCues),
    specialCategory: compilePattern(raw.specialCategory.map(escape).join('|')),
    specialCategoryTerms: raw.specialCategory,
    needContext: any(raw.needContext),
    personalReference: any(raw.personalReference),
    reviewerInstruction: compilePattern(raw.reviewerInstructions.map((s) => `(?:${s})`).join('|')),
    spellingAllow: new Set(raw.spellingAllow.map((w) => w.toLowerCase())),
    positive: any(raw.positiveCues),
    dataCare: any(raw.dataCareCues),
    coldEvidence: new Set(raw.coldEvidence),
    keywordBefore: new Set(raw.keywordBefore.map((w) => w.toLowerCase())),
    vague: any(raw.vagueCues),
    animalContext: any(raw.animalContext),
    animalHealthTerms: new Set(raw.animalHealthTerms.map((w) => w.toLowerCase())),
    contractions: {
      fixed: new Map(Object.entries(raw.contractions.fixed)),
      itIsBefore: new Set(raw.contractions.itIsBefore),
      possessiveAfter: new Set(raw.contractions.possessiveAfter),
      verbsAfterIWould: new Set(raw.contractions.verbsAfterIWould),
      notContractedAfter: new Set(raw.contractions.notContractedAfter),
    },
  };
}

let cached: ReviewData | undefined;

/** Loads and validates the curated review data (once per process). @throws ReviewDataError */
export function loadReviewData(): ReviewData {
  cached ??= {
    phrasebook: compileEntries('phrasebook.json'),
    tone: compileEntries('review/tone.json'),
    gdpr: compileEntries('review/gdpr.json'),
    lexicons: compileLexicons(),
  };
  return cached;
}
