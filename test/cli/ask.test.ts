import { execFile } from 'node:child_process';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { answerJsonLines, formatAnswer, toAskJson } from '../../src/cli/ask.js';
import { answerQuestion } from '../../src/core/ask/answer.js';
import { testContext, testDeps } from '../helpers/test-deps.js';

const run = promisify(execFile);

describe('coach ask', () => {
  it('gives the JSON shape {id, answer, citations[{source, unit, ac, title}], grounded}', async () => {
    const deps = await testDeps();
    const answer = await answerQuestion('How does equality legislation affect customer service?', testContext(), deps);
    const json = toAskJson(answer, 'q1');
    expect(Object.keys(json)).toEqual(['id', 'answer', 'citations', 'grounded']);
    expect(json.id).toBe('q1');
    expect(json.grounded).toBe(true);
    expect(json.citations[0]).toEqual({ source: 'u1.ac4.4', unit: 1, ac: '4.4', title: 'Explain how equality legislation affects customer service' });
    expect(json.answer).toMatch(/^Unit 1 · LO4 · AC 4\.4/);
    expect(formatAnswer(answer)).toMatch(/Sources:\n {2}Unit 1 · AC 4\.4 — Explain how equality/);
  });

  it('answers one JSON line per input line, with an error line for bad input', async () => {
    const deps = await testDeps();
    const input = Readable.from([
      '{"id":"a","question":"what does LASS stand for?"}\n',
      '\n',
      'not json\n',
      '{"id":"c"}\n',
      '{"id":7,"question":"who won the football?"}\n',
    ]);
    const lines: string[] = [];
    const answered = await answerJsonLines(input, (line) => lines.push(line), deps);
    expect(answered).toBe(2);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map((p) => p.id)).toEqual(['a', null, 'c', '7']);
    expect(parsed[0]).toMatchObject({ grounded: true, citations: [{ source: 'glossary.lass' }] });
    expect(parsed[1]!.error).toMatch(/line 3 is not valid JSON/);
    expect(parsed[2]!.error).toMatch(/needs a "question"/);
    expect(parsed[3]).toMatchObject({ grounded: false, citations: [] });
  });

  it('does not read one batch line as a follow-up to another', async () => {
    const deps = await testDeps();
    const input = Readable.from(['{"id":"1","question":"what are the two types of customer?"}\n', '{"id":"2","question":"and what about the second one?"}\n']);
    const lines: string[] = [];
    await answerJsonLines(input, (line) => lines.push(line), deps);
    expect(JSON.parse(lines[1]!).grounded).toBe(false);
  });

  it('runs end to end: readable text and exit code 0, with no stack trace for bad flags', async () => {
    const env = { ...process.env, STORE_URL: 'memory://', SERVICE_COACH_SKIP_DOTENV: '1', OPENAI_API_KEY: '' };
    const { stdout } = await run('npx', ['tsx', 'src/cli.ts', 'ask', '--json', 'what', 'does', 'LASS', 'stand', 'for?'], { env });
    expect(JSON.parse(stdout)).toMatchObject({ grounded: true, citations: [{ source: 'glossary.lass' }] });
    const failed = await run('npx', ['tsx', 'src/cli.ts', 'ask', '--jsonl', 'extra words'], { env }).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/either a question or --jsonl/);
    expect((failed as { stderr: string }).stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 30_000);
});
