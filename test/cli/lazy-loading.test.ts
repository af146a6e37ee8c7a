/**
 * The `coach` command line loads a feature only when one of its commands runs: `coach --version`
 * and `coach ask` should not pay for the review engine's language models, the quiz bank, the
 * knowledge-base parsers or the Slack and Discord SDKs (docs/ask.md, "Memory"). A static import
 * in src/cli/*.ts is what would undo that, so the test reads the imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_DRAFT_CHARS as CLI_LIMIT } from '../../src/cli/review.js';
import { MAX_DRAFT_CHARS as ENGINE_LIMIT } from '../../src/core/review/engine.js';

const CLI_DIR = new URL('../../src/cli/', import.meta.url);
/** Modules a CLI file may import only inside an action (`await import(…)`). */
const HEAVY = [
  /\/core\/create-deps\.js$/,
  /\/core\/commands\/(index|dispatch)\.js$/,
  /\/core\/ask\/answer\.js$/,
  /\/core\/review\/(engine|review-draft)\.js$/,
  /\/core\/quiz\/bank\//,
  /\/core\/knowledge\/build\/build-knowledge\.js$/,
  /\/adapters\//,
  /^@slack\//,
  /^discord\.js$/,
  /^openai/,
];
/** Files written by other areas that still load eagerly; each should move to lazy imports. */
const KNOWN_EAGER = new Set(['privacy.ts']);

function staticImports(source: string): string[] {
  return [...source.matchAll(/^import\s+(?!type\b)[^'"]*from\s+'([^']+)'/gm)].map((match) => match[1]!);
}

describe('the coach command line loads features lazily', () => {
  const files = readdirSync(CLI_DIR).filter((name) => name.endsWith('.ts') && !KNOWN_EAGER.has(name));

  it.each(files)('%s imports no feature module at load time', (name) => {
    const heavy = staticImports(readFileSync(new URL(name, CLI_DIR), 'utf8')).filter((path) => HEAVY.some((pattern) => pattern.test(path)));
    expect(heavy, `${name}: move these into the command's action as await import(…)`).toEqual([]);
  });

  it('loads the openai SDK only when an LLM is configured (offline is the default)', () => {
    const imports = staticImports(readFileSync(new URL('../../src/core/create-deps.ts', import.meta.url), 'utf8'));
    expect(imports.filter((path) => /create-llm|^openai/.test(path))).toEqual([]);
  });

  it("keeps the CLI's copy of the review draft limit equal to the engine's", () => {
    expect(CLI_LIMIT).toBe(ENGINE_LIMIT);
  });
});
