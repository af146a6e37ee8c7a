import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
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
