/**
 * Malformed sources fail with the file, the unit and the line, and nothing is written; a
 * specification of the same family with different unit titles still builds.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../../src/core/knowledge/build/build-knowledge.js';
import { KnowledgeSourceError } from '../../../src/core/knowledge/build/source-error.js';
import { scratchKnowledge, specText, specVariant } from './helpers.js';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.startsWith(needle)) + 1;

function buildError(edit: (text: string) => string): KnowledgeSourceError {
  const dir = scratchKnowledge();
  const specification = specVariant(dir, edit);
  try {
    buildKnowledge({ dir, specification });
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeSourceError);
    return error as KnowledgeSourceError;
  }
  throw new Error('the build did not fail');
}

describe('malformed specifications', () => {
  it('names the unit and line of a table row cut off mid-row', () => {
    const text = specText();
    const row = '| | | 1.3 | Explain how a brand affects';
    const line = lineOf(text, row);
    const error = buildError((t) => t.replace(/(\| \| \| 1\.3 \| Explain how a brand affects an organisation's customer service offer \| <ul)[^\n]*/, '$1'));
    expect(error.where).toMatchObject({ unit: 1, line });
    // The cut row runs into the next one, so the joined row has too many cells.
    expect(error.message).toMatch(new RegExp(`variant-spec\\.txt:${line}: Unit 1: .*cut off or garbled`));
  });

  it('names the unit and line of a table cut off at its last row', () => {
    const text = specText();
    const line = lineOf(text, '| | | 1.4 | State the importance of delivering');
    const error = buildError((t) => t.replace(/(\| \| \| 1\.4 \| State the importance of delivering consistently high quality customer service \| <ul)[^\n]*/, '$1'));
    expect(error.where).toMatchObject({ unit: 1, line });
    expect(error.message).toMatch(/a table row is cut off \(it never closes with "\|"\)/);
  });

  it('names the unit and line when a unit header is missing', () => {
    const text = specText();
    const error = buildError((t) => t.replace('\nUnit 3: Communicating with Customers\n', '\n\n'));
    expect(error.where).toMatchObject({ unit: 4, line: lineOf(text, 'Unit 4: Understanding How to Support') });
    expect(error.message).toMatch(/Unit 4 where Unit 3 was expected: is a unit header missing/);
  });

  it('names the unit and line of an out-of-order criterion number', () => {
    const text = specText();
    const line = lineOf(text, '| | | 2.2 | Describe how cultural factors');
    const error = buildError((t) => t.replace('| | | 2.2 | Describe how cultural factors', '| | | 2.7 | Describe how cultural factors'));
    expect(error.where).toMatchObject({ unit: 1, line });
    expect(error.message).toMatch(/assessment criterion 2\.7 found where 2\.2 was expected/);
  });

  it('names the unit when a row has the wrong number of cells', () => {
    const error = buildError((t) => t.replace('| | | 3.2 | Describe the relationship between customer satisfaction', '| | 3.2 | Describe the relationship between customer satisfaction'));
    expect(error.where.unit).toBe(1);
    expect(error.message).toMatch(/has 4 cells where the header has 5/);
  });

  it('names the unit when its header facts are missing', () => {
    const error = buildError((t) => t.replace('Guided learning hours: 17', ''));
    expect(error.where.unit).toBe(5);
    expect(error.message).toMatch(/no "Guided learning hours:" line/);
  });

  it('rejects garbage at line 1', () => {
    const error = buildError(() => 'lorem ipsum\n\n| not | a | spec |\n□ <i>nothing</i>\n');
    expect(error.where).toMatchObject({ line: 1 });
    expect(error.message).toMatch(/no numbered sections/);
  });

  it('writes nothing when the build fails', async () => {
    const dir = scratchKnowledge();
    const before = readFileSync(join(dir, 'units.json'), 'utf8');
    const specification = specVariant(dir, (t) => t.replace('| | | 2.2 | Describe how cultural factors', '| | | 2.9 | Describe how cultural factors'));
    const { buildProgram } = await import('../../../src/cli/build-program.js');
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (stderr.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      await buildProgram().exitOverride().parseAsync(['node', 'coach', 'kb', 'build', '--dir', dir, '--source', specification]);
    } finally {
      process.stderr.write = write;
    }
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(stderr.join('')).toMatch(/variant-spec\.txt:\d+: Unit 1: assessment criterion 2\.9/);
    expect(readFileSync(join(dir, 'units.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('fails on a topic note that does not follow the note format', () => {
    const dir = scratchKnowledge();
    const note = join(dir, 'sources', '001_15f3de65e41186b1.txt');
    writeFileSync(note, readFileSync(note, 'utf8').replace('- Assuming equality means', 'Assuming equality means'));
    expect(() => buildKnowledge({ dir })).toThrow(/001_15f3de65e41186b1\.txt:\d+: expected a "- " item under "Common Misconceptions/);
  });
});

describe('another specification of the same family', () => {
  it('builds without depending on unit titles or content', () => {
    const dir = scratchKnowledge();
    const titles = [...specText().matchAll(/^Unit (\d+): (.+)$/gm)].map((match) => match[2]!);
    const specification = specVariant(dir, (text) =>
      titles.reduce((result, title, i) => result.split(title).join(`Renamed Topic ${String.fromCharCode(65 + i)}`), text),
    );
    const built = buildKnowledge({ dir, specification });
    const units = JSON.parse(built.files.find((file) => file.path === 'units.json')!.content) as Array<{ title: string; outcomes: Array<{ criteria: unknown[] }> }>;
    expect(units.map((unit) => unit.title)).toEqual(titles.map((_, i) => `Renamed Topic ${String.fromCharCode(65 + i)}`));
    expect(units.flatMap((unit) => unit.outcomes.flatMap((outcome) => outcome.criteria))).toHaveLength(125);
    expect(existsSync(join(dir, 'units.json'))).toBe(true);
  });
});
