/**
 * Round 3 of the review rules: wording a fresh batch of drafts, written by someone who had not
 * seen the rules, used for next steps, tone, negative phrasings and data protection. Each block
 * checks findings (and their exact words) and the harmless look-alikes that must not be flagged.
 */
import { describe, expect, it } from 'vitest';
import { review } from '../../../src/core/review/engine.js';
import type { Finding } from '../../../src/core/review/types.js';

const keys = (text: string) => review(text).findings.map((f) => `${f.category}.${f.rule}`);
const findingsOf = (text: string, key: string): Finding[] => review(text).findings.filter((f) => `${f.category}.${f.rule}` === key);

describe('next steps in more wordings', () => {
  it.each([
    ['Your new bank card is being printed today and the card will reach you by 30 June, so keep using the old one until then please.'],
    ['Your repair has been booked in and the engineer will arrive between 8am and 12pm, so someone needs to be home for the visit then.'],
    ['We have checked the meter reading and the credit should be in your account in 3 to 5 days, along with a letter that explains it.'],
    ['Please collect your glasses from the front desk after 2pm, and bring the receipt with you so the team can find the order quickly.'],
    ['Sorry about the mix-up with the tickets. You can rebook any performance on our website at no extra cost, using the same reference.'],
    ['The gym is closed on Monday for the floor to be repaired. If you would like to swim instead, the pool is open as usual from 7am.'],
    ['Your coat is ready and waiting at the tailoring desk, all taken in at the waist as you asked. See you on Friday for the final fitting then!'],
    ['We have now closed the old account and moved the balance of £14 to your new one, as you asked on the phone this morning, thank you.'],
  ])('"%s" gives a next step', (text) => {
    expect(keys(text)).not.toContain('writing.no_next_step');
  });

  it('a thank-you for a review needs no next step, however it is worded', () => {
    expect(keys('Thank you so much for the lovely review, Amir! The whole kitchen team were delighted to read it, and we cannot wait to welcome you back.')).not.toContain('writing.no_next_step');
  });

  it('"by 30 June" is a timescale: the whole number counts, not just its first digit', () => {
    expect(keys('The replacement part has been ordered from the supplier and the garage will fit it by 30 June, weather and deliveries permitting.')).not.toContain('writing.no_next_step');
  });

  it('still reports a reply with no next step, and past actions or "you should have" are not next steps', () => {
    const text = 'I am afraid the sale items cannot be exchanged. You should have returned it within the 14 days printed on the back of the receipt we sent you.';
    const [finding] = findingsOf(text, 'writing.no_next_step');
    expect(finding).toBeDefined();
    expect(text.slice(finding!.start, finding!.end)).toBe(finding!.excerpt);
  });
});
