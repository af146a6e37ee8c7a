/**
 * The knowledge-base builder behind `coach kb build`: parses the sources, validates the result
 * and the curated registers, and produces stable, key-sorted, pretty JSON. Everything is built
 * and checked in memory first; files are written only when the whole build succeeded.
 */
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { z } from 'zod';
import { checkReferences } from '../checks.js';
import { buildRecords } from '../records.js';
import {
  glossaryFileSchema,
  legislationFileSchema,
  noteLinksFileSchema,
  notesFileSchema,
  qualificationSchema,
  unitsFileSchema,
} from '../types.js';
import { parseNote } from './notes.js';
import { splitSentences } from './sentences.js';
import { KnowledgeSourceError } from './source-error.js';
import { parseSpecification } from './spec.js';

/** Where to build from. */
export interface BuildOptions {
  /** The knowledge directory (sources, curated registers, output). */
  dir: string;
  /** A specification to build instead of the one named in `sources/manifest.json`. */
  specification?: string;
}

/** The built files (paths relative to the knowledge directory) and what the build noticed. */
export interface BuiltKnowledge {
  files: Array<{ path: string; content: string }>;
  /** Source notes (typos, wrong AC numbers) and, for a foreign specification, broken curated links. */
  warnings: string[];
}

const manifestSchema = z.object({ specification: z.string().regex(/^[\w.-]+$/) }).strict();

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** Stable JSON: keys sorted, two-space indent, final newline. */
export const stableJson = (value: unknown) => `${JSON.stringify(sortKeys(value), null, 2)}\n`;

function readSource(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new KnowledgeSourceError('cannot read this file', { file: path, line: 1 });
  }
}

function readCurated<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const path = join(dir, file);
  let value: unknown;
  try {
    value = JSON.parse(readSource(path));
  } catch (error) {
    if (error instanceof KnowledgeSourceError) throw error;
    throw new KnowledgeSourceError(`not valid JSON (${(error as Error).message})`, { file: path, line: 1 });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KnowledgeSourceError(`${issue.message} at ${issue.path.join('.')}`, { file: path, line: 1 });
  }
  return parsed.data;
}

function validated<T>(schema: z.ZodType<T>, value: T, file: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KnowledgeSourceError(`the parsed result is invalid: ${issue.message} at ${issue.path.join('.')}`, { file, line: 1 });
  }
  return parsed.data;
}

/**
 * Builds the knowledge base in memory.
 * @throws KnowledgeSourceError naming the file, line and unit of the first problem
 */
export function buildKnowledge(options: BuildOptions): BuiltKnowledge {
  const sources = join(options.dir, 'sources');
  const specPath = options.specification ?? join(sources, readCurated(sources, 'manifest.json', manifestSchema).specification);
  const specName = basename(specPath);
  const parsed = parseSpecification(readSource(specPath), specName, splitSentences);
  const qualification = validated(qualificationSchema, parsed.qualification, specName);
  const units = validated(unitsFileSchema, parsed.units, specName);

  const noteLinks = readCurated(options.dir, 'curated/note-links.json', noteLinksFileSchema);
  const notes = validated(
    notesFileSchema,
    noteLinks.map(({ file, slug, title, links }) => parseNote(readSource(join(sources, file)), { file, slug, title, links })),
    'notes',
  );
  const legislation = readCurated(options.dir, 'curated/legislation.json', legislationFileSchema);
  const glossaryData = readCurated(options.dir, 'curated/glossary.json', glossaryFileSchema);

  const warnings = [
    ...qualification.sourceNotes.map((note) => `${specName}:${note.line}: ${note.note}`),
    ...units.flatMap((unit) => unit.sourceNotes.map((note) => `${specName}:${note.line}: Unit ${unit.number}: ${note.note}`)),
  ];
  const { records, glossary } = buildRecords({ qualification, units, notes, legislation, glossary: glossaryData });
  const problems = checkReferences(records, notes, legislation, glossary);
  if (problems.length > 0) {
    // The curated registers describe the repository's own specification; another one only warns.
    if (!options.specification) throw new KnowledgeSourceError(`the curated registers do not match the built records:\n  ${problems.join('\n  ')}`, { file: 'knowledge/curated', line: 1 });
    warnings.push(...problems.map((problem) => `curated: ${problem}`));
  }
  return {
    files: [
      { path: 'qualification.json', content: stableJson(qualification) },
      { path: 'units.json', content: stableJson(units) },
      { path: 'notes.json', content: stableJson(notes) },
    ],
    warnings,
  };
}

/** Writes the built files, each through a temporary file and a rename, only after the build succeeded. */
export function writeKnowledge(outDir: string, built: BuiltKnowledge): void {
  for (const file of built.files) {
    const path = join(outDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, file.content);
  }
  for (const file of built.files) renameSync(join(outDir, `${file.path}.tmp`), join(outDir, file.path));
}
