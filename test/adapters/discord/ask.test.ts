/**
 * `/ask` through Discord with the real core (offline, no LLM): a public, deferred answer with its
 * citation and feedback buttons; a refusal goes to the asker only; the feedback buttons answer
 * privately.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/core/commands/dispatch.js';
import { formatCitation } from '../../../src/core/reply.js';
import { testContext } from '../../helpers/test-deps.js';
import { startHarness, type Harness } from './harness.js';

const EPHEMERAL = 64;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('/ask on Discord', () => {
  it('defers publicly, then edits in the answer with its citation and feedback buttons', async () => {
    const token = h.fake.command('ask', [{ name: 'question', type: 3, value: 'What does LASS stand for?' }]);
    const deferred = await h.callback(token);
    expect(deferred.body.type).toBe(5);
    expect(deferred.body.data.flags & EPHEMERAL).toBe(0);
    const edit = await h.webhook(token, 'PATCH');
    const text = JSON.stringify(edit.body.embeds);
    expect(text).toMatch(/Listen/i);
    expect(text).toMatch(/Apologi[sz]e/i);
    // The same citations the core gives for that question, in the footer.
    const core = await runCommand('ask', { question: 'What does LASS stand for?' }, testContext({ conversationId: 'terminal:other' }), h.deps);
    expect(core.citations.length).toBeGreaterThan(0);
    expect(edit.body.embeds.at(-1).footer.text).toBe(`Source${core.citations.length > 1 ? 's' : ''}: ${core.citations.map(formatCitation).join(' · ')}`);
    const labels = edit.body.components.flatMap((row: { components: Array<{ label: string; custom_id: string }> }) => row.components);
    expect(labels.map((b: { label: string }) => b.label)).toEqual(['Helpful', 'Not helpful']);
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });

    const vote = await h.callback(h.fake.button(labels[0].custom_id));
    expect(vote.body.type).toBe(4);
    expect(vote.body.data.flags).toBe(EPHEMERAL);
  });

  it('keeps a refusal private: the public placeholder is replaced by an ephemeral follow-up', async () => {
    const token = h.fake.command('ask', [{ name: 'question', type: 3, value: 'Who won the football last night @everyone?' }]);
    await h.callback(token);
    await h.webhook(token, 'DELETE');
    const followUp = await h.webhook(token, 'POST');
    expect(followUp.body.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(followUp.body)).not.toMatch(/@everyone/);
    expect(followUp.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});
