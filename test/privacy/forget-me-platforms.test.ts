/**
 * /forget-me as Slack and Discord users meet it: the command comes from the core list, the
 * question and its buttons are private, and pressing "Delete my data" replaces the question with
 * what was deleted; the learner's quiz progress is gone afterwards.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/core/commands/dispatch.js';
import { getUserStats } from '../../src/core/quiz/progress-store.js';
import { startHarness } from '../adapters/discord/harness.js';
import { buttonClick, commandFields, LEARNER, TEAM } from '../adapters/slack/payloads.js';
import { startSlackHarness } from '../adapters/slack/harness.js';
import { testContext } from '../helpers/test-deps.js';

const EPHEMERAL = 64;

describe('/forget-me on Slack', () => {
  it('asks privately with a danger button, then deletes and says what went', async () => {
    const h = await startSlackHarness();
    try {
      const userId = `slack:${TEAM}:${LEARNER}`;
      await runCommand('quiz', { count: 1 }, testContext({ surface: 'slack', userId }), h.deps);
      const sessions = async () => {
        let n = 0;
        for await (const [key] of h.deps.stores.ns('quiz-sessions').iterator!(undefined)) if (String(key).includes(userId)) n++;
        return n;
      };
      expect(await sessions()).toBe(1);
      await h.send.command(commandFields({ command: '/forget-me', responseUrl: h.fake.responseUrl('ask') }));
      await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'ask'), 5000);
      const question = h.fake.responses.find((r) => r.tag === 'ask')!.body;
      expect(question.response_type).toBe('ephemeral');
      const confirm = JSON.stringify(question.blocks).match(/"value":"(forget-me:yes[^"]+)"/)?.[1];
      expect(confirm).toBeDefined();
      expect(JSON.stringify(question.blocks)).toContain('"style":"danger"');
      await h.send.interaction(buttonClick({ value: confirm!, responseUrl: h.fake.responseUrl('done') }));
      await h.fake.waitFor(() => h.fake.responses.some((r) => r.tag === 'done'), 5000);
      const done = h.fake.responses.find((r) => r.tag === 'done')!.body;
      expect(done.replace_original).toBe(true);
      expect(JSON.stringify(done.blocks)).toMatch(/Your data has been deleted/);
      expect(await sessions()).toBe(0);
    } finally {
      await h.close();
    }
  });
});

describe('/forget-me on Discord', () => {
  it('asks privately, and the button replaces the question with the result', async () => {
    const h = await startHarness();
    try {
      const userId = 'discord:600000000000000042';
      await runCommand('quiz', { count: 1 }, testContext({ surface: 'discord', userId }), h.deps);
      const ask = await h.callback(h.fake.command('forget-me', [], { userId: '600000000000000042' }));
      expect(ask.body.data.flags).toBe(EPHEMERAL);
      const buttons = ask.body.data.components.flatMap((row: { components: Array<{ custom_id: string; label: string; style: number }> }) => row.components);
      const confirm = buttons.find((b: { label: string }) => b.label === 'Delete my data');
      expect(confirm.style).toBe(4); // Danger
      const done = await h.callback(h.fake.button(confirm.custom_id, { userId: '600000000000000042' }));
      expect(done.body.type).toBe(7); // replaces the message that carried the button
      expect(JSON.stringify(done.body.data)).toMatch(/Your data has been deleted/);
      expect(await getUserStats(userId, h.deps)).toBeUndefined();
    } finally {
      await h.close();
    }
  });
});
