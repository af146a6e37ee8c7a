/**
 * `coach kb build --check`: compares a fresh in-memory build with the committed files and
 * summarises the differences by JSON path, so a reviewer sees what changed without a raw diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltKnowledge } from './build-knowledge.js';

const MAX_PATHS = 12;

function diffPaths(before: unknown, after: unknown, path: string, out: string[]): void {
  if (out.length > MAX_PATHS) return;
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) diffPaths(before[key], after[key], path ? `${path}.${key}` : key, out);
    return;
  }
  const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value).slice(0, 80));
  out.push(`${path || '(root)'}: ${show(before)} → ${show(after)}`);
}

/** Readable lines describing how the committed files differ from the build; empty when identical. */
export function compareKnowledge(dir: string, built: BuiltKnowledge): string[] {
  const lines: string[] = [];
  for (const file of built.files) {
    let committed: string;
    try {
      committed = readFileSync(join(dir, file.path), 'utf8');
    } catch {
      lines.push(`${file.path}: missing (the build would create it)`);
      continue;
    }
    if (committed === file.content) continue;
    let paths: string[] = [];
    try {
      diffPaths(JSON.parse(committed), JSON.parse(file.content), '', paths);
    } catch {
      paths = ['the committed file is not valid JSON'];
    }
    if (paths.length === 0) paths = ['formatting only (whitespace or key order)'];
    lines.push(`${file.path} differs:`, ...paths.slice(0, MAX_PATHS).map((p) => `  ${p}`), ...(paths.length > MAX_PATHS ? ['  …and more'] : []));
  }
  return lines;
}
