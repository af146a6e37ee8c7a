/**
 * Shared helpers for the knowledge-base tests: a scratch copy of `knowledge/` to break things in,
 * and the path of the real sources.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR } from '../../../src/core/knowledge/index.js';

export const KNOWLEDGE_DIR = DEFAULT_KNOWLEDGE_DIR;
export const SPEC_FILE = join(KNOWLEDGE_DIR, 'sources', JSON.parse(readFileSync(join(KNOWLEDGE_DIR, 'sources', 'manifest.json'), 'utf8')).specification);
export const specText = () => readFileSync(SPEC_FILE, 'utf8');

/** A scratch copy of the knowledge directory (sources, curated registers, built JSON). */
export function scratchKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-test-'));
  for (const entry of ['sources', 'curated', 'qualification.json', 'units.json', 'notes.json']) {
    cpSync(join(KNOWLEDGE_DIR, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

/** Writes a variant of the specification into a scratch file and returns its path. */
export function specVariant(dir: string, edit: (text: string) => string): string {
  const path = join(dir, 'variant-spec.txt');
  writeFileSync(path, edit(specText()));
  return path;
}
