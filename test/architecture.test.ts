/**
 * The core is platform-neutral: nothing under src/core may import a platform SDK or an adapter,
 * and only the config module may read process.env.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (source: string) => [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('architecture', () => {
  const core = sourceFiles('src/core');

  it('finds the core sources', () => {
    expect(core.length).toBeGreaterThan(5);
  });

  it('keeps platform SDKs and adapters out of src/core', () => {
    const offenders = core.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => /^(@slack\/|discord\.js|@discordjs\/)/.test(spec) || spec.includes('/adapters/'))
        .map((spec) => `${relative('.', file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('reads process.env only in the config module', () => {
    const readers = sourceFiles('src')
      .filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative('.', file));
    expect(readers).toEqual(['src/core/config.ts']);
  });

  it('keeps modules small (about 300 lines at most)', () => {
    const large = sourceFiles('src')
      .map((file) => ({ file: relative('.', file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 350);
    expect(large).toEqual([]);
  });
});
