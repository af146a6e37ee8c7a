/**
 * `/review` through Discord with the real core: the slash command opens a modal as its first
 * response (no defer), and the submitted draft comes back as private feedback; the draft is
 * never logged and nothing in it can ping anyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const EPHEMERAL = 64;
const DRAFT = "hi @everyone, u can't get a refund its not our problem. <@&123456789012> ring me on 07700 900123";
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('/review on Discord', () => {
  it('opens a modal with a paragraph input as the first response', async () => {
    const token = h.fake.command('review');
    const { body } = await h.callback(token);
    expect(body.type).toBe(9);
    expect(body.data).toMatchObject({ custom_id: 'form:review', title: 'Review a reply' });
    expect(body.data.components[0]).toMatchObject({
      type: 18,
      label: 'Your draft reply to the customer',
      component: { type: 4, custom_id: 'draft', style: 2, max_length: 3000, min_length: 1, required: true },
    });
    expect(h.fake.forToken(token)).toHaveLength(1);
  });

  it('answers the submitted draft privately, deferring first, with nothing that pings', async () => {
    const token = h.fake.modalSubmit('form:review', { draft: DRAFT });
    expect((await h.callback(token)).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await h.webhook(token, 'PATCH');
    expect(edit.body.embeds.length).toBeGreaterThan(0);
    const shown = JSON.stringify(edit.body.embeds);
    expect(shown).not.toMatch(/@everyone|<@&\d+>/);
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify(h.logs)).not.toContain('refund its not our problem');
  });
});
