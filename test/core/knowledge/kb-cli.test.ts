/**
 * `coach kb …` run in-process (and once as a child process): readable output, clear failures.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildProgram } from '../../../src/cli/build-program.js';
import { scratchKnowledge } from './helpers.js';

async function coach(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const [out, err] = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)];
  process.stdout.write = ((chunk: string) => (stdout.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => (stderr.push(String(chunk)), true)) as typeof process.stderr.write;
  process.exitCode = 0;
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'coach', 'kb', ...args]);
  } catch (error) {
    // commander's exitOverride throws for --help and usage errors.
    if ((error as { exitCode?: number }).exitCode !== undefined) process.exitCode = (error as { exitCode: number }).exitCode;
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { stdout: stdout.join(''), stderr: stderr.join(''), code };
}

afterEach(() => {
  process.exitCode = 0;
});

describe('coach kb', () => {
  it('shows a criterion readably', async () => {
    const { stdout, code } = await coach('show', '1', '4.4');
    expect(code).toBe(0);
    expect(stdout).toContain('AC 4.4 (Explain): Explain how equality legislation affects customer service');
    expect(stdout).toContain('  • nine protected characteristics (age, disability, race');
    expect(stdout).toContain('law.equality-act-2010: Equality Act 2010');
  });

  it('shows a unit with its facts and outcomes', async () => {
    const { stdout, code } = await coach('show', '10');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Unit 10: Health and Safety at Work/);
    expect(stdout).toContain('Unit reference number: F/505/6927');
    expect(stdout).toContain('4 Be able to work safely in a workplace environment');
  });

  it('fails clearly for an unknown unit or criterion', async () => {
    const unit = await coach('show', '12');
    expect([unit.code, unit.stderr.trim()]).toEqual([1, 'There is no unit "12". Units are 1–11.']);
    const criterion = await coach('show', '3', '1.4');
    expect(criterion.code).toBe(1);
    expect(criterion.stderr).toContain('Unit 3 has no assessment criterion "1.4". It has 1.1, 1.2, 1.3, 2.1');
  });

  it('prints counts per unit', async () => {
    const { stdout, code } = await coach('stats');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s+1\s+4\s+18\s+/m);
    expect(stdout).toMatch(/^\s*All\s+34\s+125\s+/m);
    expect(stdout).toMatch(/Legislation register: 18 entries/);
  });

  it('checks the committed output and reports differences', async () => {
    const ok = await coach('build', '--check');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/matches its sources/);
    const dir = scratchKnowledge();
    const units = JSON.parse(readFileSync(join(dir, 'units.json'), 'utf8'));
    units[0].title = 'Edited by hand';
    writeFileSync(join(dir, 'units.json'), `${JSON.stringify(units, null, 2)}\n`);
    const stale = await coach('build', '--check', '--dir', dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('units.json differs:\n  0.title: "Edited by hand" → "Customer Service Principles"');
  });

  it('rebuilds into a directory', async () => {
    const dir = scratchKnowledge();
    writeFileSync(join(dir, 'notes.json'), '[]\n');
    const { stdout, code } = await coach('build', '--dir', dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Wrote qualification\.json, units\.json, notes\.json/);
    expect((await coach('build', '--check', '--dir', dir)).code).toBe(0);
  });

  it('has help on every command', async () => {
    for (const command of ['build', 'stats', 'show']) {
      const { stdout } = await coach(command, '--help');
      expect(stdout, command).toMatch(/^Usage: coach kb /);
    }
  });

  it('works as a child process', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'kb', 'show', '3', '2.2'], { encoding: 'utf8' });
    expect(output).toContain("words that convey support and develop confidence and reassurance, e.g. 'I can', 'I will ensure', 'I understand'");
  });
});
