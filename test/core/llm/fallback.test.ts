import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLlmFallback } from '../../../src/core/llm/fallback.js';
import { LlmError } from '../../../src/core/llm/llm-error.js';
import { createPromptRegistry, type Prompt } from '../../../src/core/llm/prompt-registry.js';
import type { LlmEvent } from '../../../src/core/llm/types.js';
import { startFakeOpenAI, type FakeOpenAI } from '../../fakes/openai-server.js';
import { testDeps } from '../../helpers/test-deps.js';

let fake: FakeOpenAI;
let dir: string;
let prompt: Prompt;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  dir = mkdtempSync(join(tmpdir(), 'coach-fallback-'));
  writeFileSync(join(dir, 'echo.md'), '## System\nRepeat the text.\n## User\n{{text}}\n');
  prompt = createPromptRegistry([{ name: 'echo', file: 'echo.md', placeholders: { text: 'untrusted' } }], dir).get('echo');
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('withLlmFallback', () => {
  it('answers offline without counting a fallback when no LLM is configured', async () => {
    const deps = await testDeps();
    expect(deps.llm).toBeNull();
    await expect(withLlmFallback(deps.llm, 'echo', () => Promise.resolve('llm'), (error) => `offline:${String(error)}`)).resolves.toBe('offline:null');
  });

  it('uses the LLM through testDeps when the env points at the fake server', async () => {
    const deps = await testDeps({}, fake.env());
    expect(deps.llm?.model).toBe('fake-model');
    fake.queueChat({ content: 'from the model' });
    const result = await withLlmFallback(deps.llm, 'echo', (llm) => llm.text({ prompt, values: { text: 'hi' }, maxTokens: 20 }), () => 'offline');
    expect(result).toBe('from the model');
  });

  it('falls back on any LlmError and records a fallback event with the reason', async () => {
    const deps = await testDeps({}, fake.env());
    const events: LlmEvent[] = [];
    deps.llm?.onEvent((event) => events.push(event));
    fake.queueChat({ status: 500 }, { status: 502 });
    const result = await withLlmFallback(deps.llm, 'echo', (llm) => llm.text({ prompt, values: { text: 'hi' }, maxTokens: 20 }), (error) => `offline:${error?.reason}`);
    expect(result).toBe('offline:http_error');
    expect(events.map((e) => [e.kind, e.reason])).toEqual([
      ['retry', 'http_error'],
      ['error', 'http_error'],
      ['fallback', 'http_error'],
    ]);
  });

  it('lets a feature reject a reply its own checks find unusable', async () => {
    const deps = await testDeps({}, fake.env());
    const result = await withLlmFallback(
      deps.llm,
      'echo',
      () => Promise.reject(new LlmError('invalid_output', 'cited a source that was not retrieved')),
      (error) => error?.reason,
    );
    expect(result).toBe('invalid_output');
  });

  it('does not swallow bugs', async () => {
    const deps = await testDeps({}, fake.env());
    await expect(withLlmFallback(deps.llm, 'echo', () => Promise.reject(new TypeError('bug')), () => 'offline')).rejects.toThrow(TypeError);
  });
});
