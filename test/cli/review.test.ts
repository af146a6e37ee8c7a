import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { MAX_DRAFT_BYTES, readDraftFile, readDraftStream, reviewJsonLines } from '../../src/cli/review.js';
import { formatReport } from '../../src/cli/review-report.js';
import { review } from '../../src/core/review/engine.js';
import { testDeps } from '../helpers/test-deps.js';

const dir = mkdtempSync(join(tmpdir(), 'coach-review-'));

describe('coach review: input', () => {
  it('refuses a 1 MiB file from its size, without reading it', async () => {
    const path = join(dir, 'big.txt');
    writeFileSync(path, 'a'.repeat(1024 * 1024));
    const started = performance.now();
    await expect(readDraftFile(path)).rejects.toThrow(/longer than 20,000 characters/);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('stops reading a stream as soon as it passes the limit', async () => {
    let served = 0;
    const stream = new Readable({
      read() {
        served += 65536;
        this.push(served > 1024 * 1024 ? null : Buffer.alloc(65536, 97));
      },
    });
    await expect(readDraftStream(stream)).rejects.toThrow(/longer than 20,000/);
    expect(served).toBeLessThan(MAX_DRAFT_BYTES + 3 * 65536);
  });

  it('reads a UTF-8 file with a byte-order mark', async () => {
    const path = join(dir, 'bom.txt');
    writeFileSync(path, '\uFEFFHi Sam, thanks for waiting.');
    expect(await readDraftFile(path)).toBe('Hi Sam, thanks for waiting.');
  });

  it('names a missing file clearly', async () => {
    await expect(readDraftFile(join(dir, 'missing.txt'))).rejects.toThrow(/Cannot read/);
  });
});

describe('coach review --jsonl', () => {
  it('writes one {"id", …review} line per draft and an error line for bad input', async () => {
    const input = Readable.from([
      `${JSON.stringify({ id: 'a', text: "I can't help, it's our policy." })}\n`,
      'not json\n',
      `${JSON.stringify({ id: 'b', text: '' })}\n`,
      `${JSON.stringify({ id: 7, words: 'x' })}\n`,
    ]);
    const out: string[] = [];
    const failed = await reviewJsonLines(input, (line) => out.push(line), await testDeps());
    const rows = out.map((line) => JSON.parse(line));
    expect(failed).toBe(3);
    expect(rows[0]).toMatchObject({ id: 'a', score: expect.any(Number), llm: null });
    expect(rows[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['cant', 'policy']);
    expect(rows[1]).toEqual({ id: null, error: 'line 2 is not valid JSON' });
    expect(rows[2]).toMatchObject({ id: 'b', error: expect.stringMatching(/no draft/) });
    expect(rows[3]).toEqual({ id: '7', error: 'line 4 needs a "text" string' });
  });
});

describe('coach review: report', () => {
  it('marks each excerpt in its line and lists the tutor view', async () => {
    const draft = "Dear Mr Hughes,\n\nThank you for your email. I can't offer a refund.\n\nKind regards,\nDan";
    const deps = await testDeps();
    const plain = formatReport('draft.txt', draft, review(draft), deps.knowledge, createColors(false));
    expect(plain).toContain("Thank you for your email. «I can't» offer a refund.");
    expect(plain).toContain('Unit 3 · AC 2.2 — Outline the impact of positive and negative customer service language');
    expect(plain).toMatch(/NOT YET/);
    const coloured = formatReport('draft.txt', draft, review(draft), deps.knowledge, createColors(true));
    expect(coloured).toContain('\u001b[');
    expect(coloured).not.toContain('«');
  });
});

const run = promisify(execFile);
const env = { ...process.env, STORE_URL: 'memory://', SERVICE_COACH_SKIP_DOTENV: '1', OPENAI_API_KEY: '', LOG_LEVEL: 'silent' };
/** Laid out in paragraphs with no greeting or sign-off: wrong for an email, fine for a chat or text. */
const LAID_OUT = 'Your replacement card is on its way and should arrive within 3 working days.\n\nYour old card has been cancelled. I will email you as soon as the new one has been posted.';

describe('coach review: the channel', () => {
  it('reads "channel" on each --jsonl line, falls back to the default, and reports a bad one', async () => {
    const input = Readable.from([
      `${JSON.stringify({ id: 'sms', text: LAID_OUT, channel: 'sms' })}\n`,
      `${JSON.stringify({ id: 'email', text: LAID_OUT, channel: 'email' })}\n`,
      `${JSON.stringify({ id: 'default', text: LAID_OUT })}\n`,
      `${JSON.stringify({ id: 'null', text: LAID_OUT, channel: null })}\n`,
      `${JSON.stringify({ id: 'fax', text: LAID_OUT, channel: 'fax' })}\n`,
    ]);
    const out: string[] = [];
    const failed = await reviewJsonLines(input, (line) => out.push(line), await testDeps(), { channel: 'chat' });
    const rows = out.map((line) => JSON.parse(line));
    const rules = (row: { findings: Array<{ rule: string }> }) => row.findings.map((f) => f.rule);
    expect(failed).toBe(1);
    expect(rows[0]).toMatchObject({ id: 'sms', channel: 'sms' });
    expect(rules(rows[0])).not.toContain('no_greeting');
    expect(rows[1]).toMatchObject({ id: 'email', channel: 'email' });
    expect(rules(rows[1])).toEqual(expect.arrayContaining(['no_greeting', 'no_closing']));
    expect(rows[2]).toMatchObject({ id: 'default', channel: 'chat' });
    expect(rows[3]).toMatchObject({ id: 'null', channel: 'chat' });
    expect(rows[4]).toEqual({ id: 'fax', error: 'line 5: I don\'t know the channel "fax". Use one of: email, letter, chat, sms or social.' });
  });

  it('takes --channel for the files it reviews, and refuses a bad one with the valid ones', async () => {
    const path = join(dir, 'laid-out.txt');
    writeFileSync(path, LAID_OUT);
    const asSms = JSON.parse((await run('npx', ['tsx', 'src/cli.ts', 'review', '--json', '--channel', 'sms', path], { env })).stdout);
    expect(asSms.channel).toBe('sms');
    expect(asSms.findings.map((f: { rule: string }) => f.rule)).not.toContain('no_greeting');
    const bad = await run('npx', ['tsx', 'src/cli.ts', 'review', '--channel', 'fax', path], { env }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect((bad as { stderr: string }).stderr).toMatch(/channel.*"fax".*email, letter, chat, sms or social/s);
    expect((bad as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

