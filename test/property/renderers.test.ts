/**
 * Every renderer (Slack, Discord embeds and plain, terminal, the plain-text fallback) renders any
 * reply without throwing and without emitting a live mention, broadcast or link, whatever text
 * the reply holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { reply, text } from '../../src/core/reply.js';
import { arbitraryReply, DANGEROUS, discordProblems, renderEverywhere, slackProblems } from './safety.js';

describe('renderers, whatever the reply holds', () => {
  it('never throw and never emit an unescaped mention or link', () => {
    fc.assert(
      fc.property(arbitraryReply, (value) => {
        expect(renderEverywhere(value)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it('the checks themselves catch each dangerous fragment when it is not escaped', () => {
    // Guards the property above: a check that never fires would prove nothing.
    expect(slackProblems({ text: '<!channel>', blocks: [] })).toHaveLength(1);
    expect(discordProblems({ content: '@everyone', embeds: [], components: [], allowedMentions: { parse: [], repliedUser: false } })).toHaveLength(1);
    for (const fragment of DANGEROUS.filter((f) => /^<[!@#h]/.test(f))) {
      expect(slackProblems(renderSlack(reply([text(fragment)])))).toEqual([]);
    }
    for (const fragment of ['@everyone', '@here', '<@123456789012345678>', '<@&123456789012345678>']) {
      expect(discordProblems(renderDiscord(reply([text(fragment)])))).toEqual([]);
    }
  });
});
