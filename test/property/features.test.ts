/**
 * Ask and review, whatever the input: they never throw (review may refuse an empty or over-long
 * draft with a user-facing message), and what they reply renders on every surface without a live
 * mention, broadcast or link — a learner cannot make the bot ping @everyone or post a disguised
 * link by asking or by pasting a draft.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/ask/answer.js';
import { answerReply } from '../../src/core/ask/render.js';
import { runCommand } from '../../src/core/commands/dispatch.js';
import { isUserFacing } from '../../src/core/errors.js';
import { notice } from '../../src/core/reply.js';
import { reviewReply } from '../../src/core/review/render.js';
import { reviewDraft } from '../../src/core/review/review-draft.js';
import { testContext, testDeps, type TestDeps } from '../helpers/test-deps.js';
import { adversarialText, renderEverywhere } from './safety.js';

let deps: TestDeps;
beforeAll(async () => {
  deps = await testDeps();
});

/** Questions and drafts: adversarial fragments around real course words, and arbitrary strings. */
const input = fc.oneof(adversarialText(16), fc.string({ maxLength: 300 }), fc.constantFrom('', ' ', '\n', '?', 'a'.repeat(2100)));

describe('ask, whatever the question', () => {
  it('answers without throwing, and the answer renders safely everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(input, fc.integer({ min: 1, max: 3 }), async (question, conversation) => {
        const context = testContext({ conversationId: `terminal:c${conversation}` });
        const answer = await answerQuestion(question, context, deps);
        expect(renderEverywhere(answerReply(answer))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('through the dispatcher too (rate limit, validation, errors)', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (question) => {
        expect(renderEverywhere(await runCommand('ask', { question }, testContext(), deps))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('review, whatever the draft', () => {
  it('reviews or refuses clearly, and the feedback renders safely everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (draft) => {
        let rendered;
        try {
          rendered = reviewReply(await reviewDraft(draft, deps), deps.knowledge);
        } catch (error) {
          if (!isUserFacing(error)) throw error;
          rendered = notice(error.message);
        }
        expect(renderEverywhere(rendered)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('through the dispatcher too', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (draft) => {
        expect(renderEverywhere(await runCommand('review', { draft }, testContext(), deps))).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
