/**
 * `npm run bench -- review`: start-up cost of the reviewer's models and data (wink-nlp English
 * model, the en-GB Hunspell dictionary, the curated files), then the time per draft for a typical
 * 200-word reply and for a draft full of problems (spelling suggestions are the slow part).
 */
import type { Channel } from '../src/core/review/channel.js';
import { review, warmUpReviewer } from '../src/core/review/engine.js';
import { percentile, type Suite } from '../test/eval/suite.js';

/** A typical, reasonably good 200-word email reply. */
export const TYPICAL_DRAFT = `Dear Mr Patel,

Thank you for your patience while we looked into your slow broadband connection, and I'm sorry it has been so frustrating over the last two weeks, especially while you have been working from home.

Our tests show a fault on the line between the street cabinet and your home, which explains why your speeds drop in the evenings. I have booked an engineer to visit on Thursday between 1pm and 6pm. They will not need to come inside unless the fault turns out to be in your router, and they will call you about thirty minutes before they arrive.

To make up for the disruption, I have added a credit of £15 to your account, and you will see it on your next bill. If the engineer's visit does not fix the problem, please reply to this email and I will arrange a replacement router straight away.

I will also call you on Friday morning to make sure everything is working as it should, and to check that the credit has reached your account. If Friday is not convenient, just let me know a better time and I will call you then instead.

Kind regards,
Aisha Khan
Broadband Support Team`;

const PROBLEM_DRAFT = `Mr Hughes, YOUR ACCOUNT IS OVERDUE!!! You failed to pay and as I said it's our policy, I can't help. Obviusly u shud of read the terms lol 🙄.
Your card 4929 1234 5678 9015 is blocked. Your wife rang so we changed your address. Please send your password and we will keep it on file forever. The SKU was flagged OOS in the WMS. Recieved, definately, accomodation, seperate, tommorow.`;

function time(draft: string, runs: number, channel?: Channel): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    review(draft, { channel });
    times.push(performance.now() - started);
  }
  return times;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

export const reviewBenchSuite: Suite = {
  name: 'review',
  async run() {
    const startup = await warmUpReviewer();
    const first = time(TYPICAL_DRAFT, 1)[0]!;
    time(TYPICAL_DRAFT, 50);
    const typical = time(TYPICAL_DRAFT, 300);
    // Told the channel, the same draft is judged as a letter (address block search, formal sign-off).
    const asLetter = time(TYPICAL_DRAFT, 300, 'letter');
    const problem = time(PROBLEM_DRAFT, 100);
    const words = TYPICAL_DRAFT.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*/gu)!.length;
    const rss = process.memoryUsage().rss / 1024 / 1024;
    return {
      metrics: {
        'startup.nlpMs': startup.nlpMs,
        'startup.dictionaryMs': startup.dictionaryMs,
        'startup.dataMs': startup.dataMs,
        'startup.rulesMs': startup.rulesMs,
        'typical.p50Ms': percentile(typical, 50),
        'typical.p95Ms': percentile(typical, 95),
        'typicalLetter.p50Ms': percentile(asLetter, 50),
        'problem.p95Ms': percentile(problem, 95),
        rssMb: rss,
      },
      lines: [
        `start-up (warmUpReviewer, in the background after start-up): wink-nlp model ${ms(startup.nlpMs)}, en-GB dictionary ${ms(startup.dictionaryMs)}, curated data ${ms(startup.dataMs)}, rules' first two runs ${ms(startup.rulesMs)}`,
        `first review after start-up (${words} words): ${ms(first)}`,
        `typical ${words}-word draft, 300 runs: p50 ${ms(percentile(typical, 50))}, p95 ${ms(percentile(typical, 95))}, max ${ms(Math.max(...typical))} (target < 10 ms)`,
        `the same draft with channel "letter", 300 runs: p50 ${ms(percentile(asLetter, 50))}, p95 ${ms(percentile(asLetter, 95))}`,
        `draft with ${review(PROBLEM_DRAFT).findings.length} findings, 100 runs: p50 ${ms(percentile(problem, 50))}, p95 ${ms(percentile(problem, 95))} (spelling suggestions are cached after first use)`,
        `resident memory: ${rss.toFixed(0)} MB`,
      ],
    };
  },
};
