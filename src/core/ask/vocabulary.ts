/**
 * The learner vocabulary layer (`knowledge/vocabulary.json`): text-speak, American spellings,
 * filler words, concepts (everyday wording → the specification's terms and criteria) and intents
 * (integrity, centre-specific, injection). The file is data, validated here; matching works on
 * stemmed words so "screamed at me" matches the phrase "screaming at me".
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createTextPipeline, type TextPipeline } from './text.js';

const phrase = z.string().trim().min(1).max(80);

/** The schema of `knowledge/vocabulary.json`. */
export const vocabularySchema = z
  .object({
    description: z.string(),
    textSpeak: z.record(z.string().regex(/^[a-z0-9&-]+$/), z.string().min(1)),
    spellings: z.record(z.string().regex(/^[a-z-]+$/), z.string().min(1)),
    fillers: z.array(z.string().regex(/^[a-z0-9]+$/)),
    /** Words dropped only when the question has other words ("this course"), kept when alone ("the course?"). */
    weakWords: z.array(z.string().regex(/^[a-z0-9]+$/)),
    /** Words that mark a question as being about customer service or work (a weak on-topic signal). */
    domainWords: z.array(z.string().regex(/^[a-z0-9]+$/)),
    /** Words about the assignment itself ("essay", "coursework"), set aside when finding what an integrity request is about. */
    assignmentWords: z.array(z.string().regex(/^[a-z0-9]+$/)),
    concepts: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/),
            phrases: z.array(phrase).min(1),
            terms: z.string().min(1),
            records: z.array(z.string().min(1)).optional(),
          })
          .strict(),
      )
      .min(1),
    intents: z
      .object({
        integrity: z.array(phrase).min(1),
        centreSpecific: z.array(phrase).min(1),
        injection: z.array(phrase).min(1),
        quizRequest: z.array(phrase).min(1),
        figures: z.array(phrase).min(1),
        /** Well-known organisations learners name ("primark", "argos"): their own rules are not in the specification. */
        organisations: z.array(phrase).min(1),
        /** What an organisation decides for itself (its policies, prices, pay, opening, uniform). */
        organisationRules: z.array(phrase).min(1),
        /** Wording that asks what the law requires of an organisation ("does tesco have to…"): a course question after all. */
        rightsAndLaw: z.array(phrase).min(1),
      })
      .strict(),
  })
  .strict();

export type VocabularyData = z.infer<typeof vocabularySchema>;
export type IntentKind = keyof VocabularyData['intents'];

/** A concept phrase found in a question. */
export interface ConceptMatch {
  concept: string;
  phrase: string;
  /** Extra search words in the specification's vocabulary. */
  terms: string;
  records: string[];
  /** Word positions [start, end) in the question, so callers can tell which words a phrase explained. */
  start: number;
  end: number;
}

/** The loaded, compiled vocabulary. */
export interface Vocabulary {
  data: VocabularyData;
  text: TextPipeline;
  /** Stems of filler words ("says" as well as "say"): dropped from questions before search (never from the index). */
  fillers: ReadonlySet<string>;
  /** Stems of words dropped only when something else is left. */
  weakWords: ReadonlySet<string>;
  /** Stems of fillers plus the assignment words: dropped when finding what a "write my assignment" request is about. */
  assignmentFillers: ReadonlySet<string>;
  /** True when the question uses a customer-service or workplace word ("customer", "team", "shop"). */
  onTopic(question: string): boolean;
  /** Every concept phrase in the question (longest first where they overlap at the same start). */
  concepts(question: string): ConceptMatch[];
  /** The first phrase of an intent found in the question, or null. */
  intent(kind: IntentKind, question: string): string | null;
}

const GAP = '\u0000gap';
const MAX_GAP = 3;

interface CompiledPhrase {
  source: string;
  stems: string[];
  owner: { id: string; terms: string; records: string[] } | null;
}

/** Reads and compiles the vocabulary file; throws a readable error naming the problem. */
export function loadVocabulary(path: string | URL = new URL('../../../knowledge/vocabulary.json', import.meta.url)): Vocabulary {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the learner vocabulary (${String(path)}): ${(error as Error).message}`);
  }
  const parsed = vocabularySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`The learner vocabulary is invalid:\n  ${problems.join('\n  ')}`);
  }
  return compileVocabulary(parsed.data);
}

/** Compiles validated vocabulary data (tests build small ones directly). */
export function compileVocabulary(data: VocabularyData): Vocabulary {
  const text = createTextPipeline(data);
  const compile = (source: string, owner: CompiledPhrase['owner']): CompiledPhrase => {
    const parts = source.split('...').map((part) => text.stems(part));
    const stems = parts.flatMap((part, i) => (i === 0 ? part : [GAP, ...part]));
    if (stems.filter((s) => s !== GAP).length === 0) throw new Error(`The learner vocabulary phrase "${source}" has no words`);
    return { source, stems, owner };
  };
  const conceptPhrases = indexByFirst(data.concepts.flatMap((c) => c.phrases.map((p) => compile(p, { id: c.id, terms: c.terms, records: c.records ?? [] }))));
  const intentPhrases = Object.fromEntries(
    Object.entries(data.intents).map(([kind, phrases]) => [kind, indexByFirst(withPossessives(kind, phrases).map((p) => compile(p, null)))]),
  ) as Record<IntentKind, Map<string, CompiledPhrase[]>>;
  const fillers = new Set(data.fillers.flatMap((word) => text.stems(word)));
  const weakWords = new Set(data.weakWords.flatMap((word) => text.stems(word)));
  const assignmentFillers = new Set([...fillers, ...data.assignmentWords.flatMap((word) => text.stems(word))]);
  const domain = new Set(data.domainWords.flatMap((word) => text.stems(word)));

  return {
    data,
    text,
    fillers,
    weakWords,
    assignmentFillers,
    onTopic: (question) => text.stems(question).some((stem) => domain.has(stem)),
    concepts(question) {
      const stems = text.stems(question);
      const found: ConceptMatch[] = [];
      const seen = new Set<string>();
      for (const hit of findAll(conceptPhrases, stems)) {
        const owner = hit.phrase.owner!;
        const key = `${owner.id}:${hit.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ concept: owner.id, phrase: hit.phrase.source, terms: owner.terms, records: owner.records, start: hit.start, end: hit.end });
      }
      return found;
    },
    intent(kind, question) {
      const [first] = findAll(intentPhrases[kind], text.stems(question));
      return first ? first.phrase.source : null;
    },
  };
}

/** An organisation's name also matches in the possessive ("argos's", written "argoss" once the apostrophe goes). */
function withPossessives(kind: string, phrases: string[]): string[] {
  return kind === 'organisations' ? phrases.flatMap((name) => [name, `${name}'s`]) : phrases;
}

function indexByFirst(phrases: CompiledPhrase[]): Map<string, CompiledPhrase[]> {
  const byFirst = new Map<string, CompiledPhrase[]>();
  for (const compiled of phrases) {
    const list = byFirst.get(compiled.stems[0]!) ?? [];
    list.push(compiled);
    byFirst.set(compiled.stems[0]!, list);
  }
  // Longer phrases first, so the most specific wording wins where two start at the same word.
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return byFirst;
}

function findAll(byFirst: Map<string, CompiledPhrase[]>, stems: string[]): Array<{ phrase: CompiledPhrase; start: number; end: number }> {
  const hits: Array<{ phrase: CompiledPhrase; start: number; end: number }> = [];
  for (let start = 0; start < stems.length; start++) {
    for (const candidate of byFirst.get(stems[start]!) ?? []) {
      const end = matchAt(candidate.stems, stems, start);
      if (end !== -1) hits.push({ phrase: candidate, start, end });
    }
  }
  return hits;
}

/** Matches a phrase (with gaps) at a position; returns the end position or -1. */
function matchAt(phrase: string[], stems: string[], start: number): number {
  let position = start;
  for (let i = 0; i < phrase.length; i++) {
    const part = phrase[i]!;
    if (part === GAP) {
      const next = phrase[i + 1]!;
      let found = -1;
      for (let skip = 0; skip <= MAX_GAP && position + skip < stems.length; skip++) {
        if (stems[position + skip] === next) {
          found = position + skip;
          break;
        }
      }
      if (found === -1) return -1;
      position = found;
      continue;
    }
    if (stems[position] !== part) return -1;
    position++;
  }
  return position;
}
