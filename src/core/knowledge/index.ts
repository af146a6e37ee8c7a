/**
 * The runtime knowledge base: reads the committed JSON under `knowledge/`, validates it with
 * zod, cross-checks the curated registers and flattens everything into citable records.
 * Ask, Quiz and Review code against {@link KnowledgeBase}; citations come only from records.
 *
 * @example
 * const kb = loadKnowledgeBase();
 * kb.record('u1.ac4.4')?.title; // "Explain how equality legislation affects customer service"
 * kb.citation('u1.ac4.4');      // { source: 'u1.ac4.4', unit: 1, ac: '4.4', title: '…' }
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { Citation } from '../reply.js';
import { checkReferences } from './checks.js';
import { buildRecords, flattenCriteria } from './records.js';
import {
  glossaryFileSchema,
  legislationFileSchema,
  notesFileSchema,
  qualificationSchema,
  unitsFileSchema,
  type Criterion,
  type GlossaryEntry,
  type KnowledgeRecord,
  type LegislationEntry,
  type Qualification,
  type TopicNote,
  type Unit,
} from './types.js';

export type * from './types.js';

/** Everything the features need to know, with stable record ids. */
export interface KnowledgeBase {
  /** Short content hash of the built JSON (used to key caches). */
  version: string;
  qualification: Qualification;
  /** The units, in order. */
  units: Unit[];
  /** Every assessment criterion, flat, in unit / outcome / criterion order. */
  criteria: Criterion[];
  notes: TopicNote[];
  legislation: LegislationEntry[];
  glossary: GlossaryEntry[];
  /** Every citable record, flattened, for retrieval and quizzes. */
  records: KnowledgeRecord[];
  record(id: string): KnowledgeRecord | undefined;
  /** The citation of a record, built only from its metadata; throws for an unknown id. */
  citation(id: string): Citation;
}

/** The knowledge base could not be loaded: names the file and what is wrong with it. */
export class KnowledgeLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KnowledgeLoadError';
  }
}

/** The repository's `knowledge/` directory. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

/** The files the base is loaded from, relative to its directory, in hashing order. */
export const KNOWLEDGE_FILES = {
  qualification: 'qualification.json',
  units: 'units.json',
  notes: 'notes.json',
  legislation: 'curated/legislation.json',
  glossary: 'curated/glossary.json',
} as const;

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>, hash: ReturnType<typeof createHash>): T {
  const path = join(dir, file);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new KnowledgeLoadError(`The knowledge base file ${path} is missing. Run "npm run kb:build" to create it.`);
  }
  hash.update(file).update('\0').update(raw).update('\0');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new KnowledgeLoadError(`${path} is not valid JSON (${(error as Error).message}). Rebuild it with "npm run kb:build".`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `  at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    const more = parsed.error.issues.length > 5 ? `\n  …and ${parsed.error.issues.length - 5} more` : '';
    throw new KnowledgeLoadError(`${path} does not match the knowledge base schema:\n${problems.join('\n')}${more}`);
  }
  return parsed.data;
}

/**
 * Loads and checks the knowledge base (synchronously, in a few tens of milliseconds).
 * @param dir the knowledge directory; the repository's `knowledge/` by default
 * @throws KnowledgeLoadError when a file is missing, not JSON, off-schema or points at nothing
 */
export function loadKnowledgeBase(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const hash = createHash('sha256');
  const qualification = readJson(dir, KNOWLEDGE_FILES.qualification, qualificationSchema, hash);
  const units = readJson(dir, KNOWLEDGE_FILES.units, unitsFileSchema, hash);
  const notes = readJson(dir, KNOWLEDGE_FILES.notes, notesFileSchema, hash);
  const legislation = readJson(dir, KNOWLEDGE_FILES.legislation, legislationFileSchema, hash);
  const glossaryData = readJson(dir, KNOWLEDGE_FILES.glossary, glossaryFileSchema, hash);
  const { records, glossary } = buildRecords({ qualification, units, notes, legislation, glossary: glossaryData });
  const problems = checkReferences(records, notes, legislation, glossary);
  if (problems.length > 0) throw new KnowledgeLoadError(`The knowledge base in ${dir} has broken references:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const byId = new Map(records.map((record) => [record.id, record]));
  return {
    version: hash.digest('hex').slice(0, 12),
    qualification,
    units,
    criteria: flattenCriteria(units),
    notes,
    legislation,
    glossary,
    records,
    record: (id) => byId.get(id),
    citation(id) {
      const record = byId.get(id);
      if (!record) throw new KnowledgeLoadError(`No knowledge base record has the id "${id}".`);
      return { source: record.id, unit: record.unit, ac: record.ac, title: record.title };
    },
  };
}
