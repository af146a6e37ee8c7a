/**
 * Regression tests for the gaps a tutor found when trying the reviewer (issue 4, review round 2):
 * apostrophe-less wording, missing apostrophes and capitals, partner marketing, requests for
 * personal data, praise for absent strengths, and scores too high for replies a tutor would fail.
 */
import { describe, expect, it } from 'vitest';
import { review } from '../../../src/core/review/engine.js';
import { MAX_WITH_ERROR, scoreBand, scoreFindings } from '../../../src/core/review/score.js';
import type { Finding } from '../../../src/core/review/types.js';

const keys = (text: string) => review(text).findings.map((f) => `${f.category}.${f.rule}`);
const findAll = (text: string, key: string): Finding[] => review(text).findings.filter((f) => `${f.category}.${f.rule}` === key);

describe('1. phrasebook patterns tolerate missing and curly apostrophes', () => {
  it.each([
    ['its our policy not to refund', 'positive-language.policy', 'its our policy'],
    ['it’s our policy not to refund', 'positive-language.policy', 'it’s our policy'],
    ['Sorry, i cant offer a refund.', 'positive-language.cant', 'i cant'],
    ['I dont know when it will arrive.', 'positive-language.i_dont_know', 'I dont know'],
    ['youre wrong about the price.', 'positive-language.you_are_wrong', 'youre wrong'],
    ['Theres nothing we can do now.', 'positive-language.nothing_we_can_do', 'Theres nothing we can do'],
    ['Youll have to wait for the engineer.', 'positive-language.you_must', 'Youll have to'],
    ['Ive got no idea who handles that.', 'positive-language.i_dont_know', 'Ive got no idea'],
    ['Its not my department so cant help.', 'positive-language.not_my_department', 'Its not my department'],
  ])('"%s" is flagged as %s', (text, key, excerpt) => {
    expect(findAll(text, key).map((f) => f.excerpt)).toContain(excerpt);
  });

  it('does not read everyday words as contractions ("well", "were", "ill")', () => {
    expect(keys('We were unable to deliver yesterday, as well as today.')).not.toContain('positive-language.cant');
    expect(keys('As well as the refund, we will send a voucher.')).not.toContain('writing.spelling_errors');
  });
});

describe('2. missing apostrophes and a lower-case "i" are spelling errors, with the fix', () => {
  const text = 'Hi Mr Shah, i cant change the booking and I dont know when the manager is back. Its not possible today. Ill ask tomorrow and youre welcome to ring. Ive noted it and we wont charge you.';
  const fixes = Object.fromEntries(findAll(text, 'writing.spelling_errors').map((f) => [f.excerpt, f.suggestion]));

  it('reports each one with the corrected word', () => {
    expect(fixes).toMatchObject({
      i: 'Write "I".',
      cant: 'Write "can\'t".',
      dont: 'Write "don\'t".',
      Its: 'Write "It\'s".',
      Ill: 'Write "I\'ll".',
      youre: 'Write "you\'re".',
      Ive: 'Write "I\'ve".',
      wont: 'Write "won\'t".',
    });
  });

  it('explains the apostrophe in plain words', () => {
    const [its] = findAll('Its been sent today.', 'writing.spelling_errors');
    expect(its?.message).toContain('belonging to it');
    expect(findAll('ill call you tomorrow', 'writing.spelling_errors')[0]?.message).toContain('capital I and an apostrophe');
  });

  it('leaves the possessive "its", "i.e.", "ill" meaning unwell and "ID" alone', () => {
    const fine = 'Hi Lewis, your car has passed its MOT. We will call you first, i.e. before 9am. I was ill last week. Please bring your ID.';
    expect(findAll(fine, 'writing.spelling_errors')).toEqual([]);
  });

  it('asks for a capital at the start of a sentence, but not for brand names or bullet points', () => {
    expect(findAll('Thanks for waiting. the parcel is on its way.', 'writing.spelling_errors').map((f) => f.suggestion)).toEqual(['Write "The".']);
    expect(findAll('Thanks for waiting. iPhone cases are back in stock.\n- check the box\n- return it', 'writing.spelling_errors')).toEqual([]);
  });

  it('still finds the next step in "ill check on monday"', () => {
    const draft = 'Hi, sorry your parcel is late, the courier seems to have lost it somewhere. ill check with them on Monday and message you back.';
    expect(keys(draft)).not.toContain('writing.no_next_step');
    expect(keys(draft.replace('ill check with them on Monday and message you back.', 'the depot is very busy this week with all the orders.'))).toContain('writing.no_next_step');
  });
});

describe('3. sharing with partners for offers is marketing without consent', () => {
  it('flags it next to the retention finding', () => {
    const text = 'Dear Ms Cole,\n\nThank you for opening an account. We will keep your details forever and share them with our partners for offers.\n\nKind regards,\nJo';
    expect(keys(text)).toEqual(expect.arrayContaining(['gdpr.excessive_retention', 'gdpr.marketing_without_consent']));
  });

  it.each([
    'Our partners may contact you by phone with offers they think you will like.',
    'We may pass them on to selected brands who will be in touch with exclusive deals.',
  ])('flags "%s"', (text) => {
    expect(keys(text)).toContain('gdpr.marketing_without_consent');
  });

  it.each([
    'We will never share your details with other companies.',
    'If you would like offers from our partners, tick the box and we will share your email with them.',
  ])('leaves "%s" alone', (text) => {
    expect(keys(text)).not.toContain('gdpr.marketing_without_consent');
  });
});

describe('4. asking for personal data that is not needed, or by an insecure route', () => {
  it('flags a date of birth asked for by email, naming data minimisation and the fix', () => {
    const [finding] = findAll('Please send us a copy of your passport and your date of birth so we can check your account.', 'gdpr.excessive_data_request');
    expect(finding?.principle).toBe('data minimisation');
    expect(finding?.severity).toBe('error');
    expect(finding?.suggestion).toMatch(/secure online form|security questions/);
  });

  it.each([
    'Please confirm the first line of your address when you call.',
    'Please bring your passport when you collect the keys.',
    'We will never ask for your date of birth by email.',
    'Please upload your bank statements through our secure portal.',
    'We will store your bank details securely in case we need to refund you.',
  ])('keeps "%s" harmless', (text) => {
    expect(keys(text)).not.toContain('gdpr.excessive_data_request');
  });
});

describe('5. the summary praises only what is there', () => {
  const hi = 'hi,\n\nthanks for your complaint about the late delivery of your sofa. the warehouse has it now and the team there are looking at it.\n\nJo';

  it('reports a lower-case "hi," opening an email as an informal greeting', () => {
    const [greeting] = findAll(hi, 'writing.informal_greeting');
    expect(greeting).toMatchObject({ excerpt: 'hi', severity: 'info' });
    expect(findAll('Hey Jordan,\n\nGot your email about the parking fine. I have cancelled it as the machine was faulty.\n\nKind regards,\nKim', 'writing.informal_greeting')[0]?.excerpt).toBe('Hey');
  });

  it('does not praise a greeting or a next step the reply does not have', () => {
    const { summary } = review(hi);
    expect(summary).not.toContain('a proper greeting');
    expect(summary).not.toContain('a clear next step');
  });

  it('does not praise flawed sentences ("We will keep your details forever" is not a next step)', () => {
    const { summary } = review('Dear Ms Cole,\n\nThank you for opening an account. We will keep your details forever.\n\nKind regards,\nJo');
    expect(summary).not.toContain('a clear next step');
    expect(summary).not.toContain('careful handling of personal data');
  });

  it('praises what a good reply does', () => {
    const { summary } = review('Dear Ms Wright,\n\nI\'m sorry the lamp arrived cracked. I have sent a replacement, and it will arrive by Wednesday.\n\nBest wishes,\nHannah');
    expect(summary).toMatch(/What works well: a proper greeting, an acknowledgement of the customer's situation and positive wording/);
  });
});

describe('6. scores match how a tutor would grade', () => {
  it('fails the tutor\'s example reply', () => {
    const result = review('Hi Sam, ur order is delayed lol, the warehouse messed up again 🙄 soz. Its not my department so cant help. Ill pass it on to the CRM team asap re your SLA.');
    expect(result.score).toBeLessThan(40);
    expect(result.summary).toContain('not yet ready to send');
  });

  it('keeps several should-fix tone problems with no acknowledgement out of the pass range, even with nothing else wrong', () => {
    const text = 'Dear Mr Blake,\n\nFunny how nobody else noticed the noise. It\'s not a big deal, and these things happen in hotels.\n\nI will call you on Friday to talk about your stay.\n\nRegards,\nFront Office';
    const result = review(text);
    expect(result.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['sarcastic', 'dismissive', 'cold']));
    expect(scoreBand(result.score)).toBe('not yet');
  });

  it('keeps any GDPR breach or threat below the pass mark', () => {
    const result = review('Dear Mr Ahmed,\n\nThank you for your call. We have checked the card 4929 1234 5678 9015 and refunded £12 to it today.\n\nKind regards,\nSam');
    expect(result.score).toBeLessThanOrEqual(MAX_WITH_ERROR);
    expect(scoreBand(result.score)).toBe('not yet');
  });

  it('keeps good replies at 100 and a single minor point near it', () => {
    expect(scoreFindings([])).toBe(100);
    expect(scoreBand(review('Hi Tom, you need to restart the router, and I will check the line from here within the hour.').score)).toBe('ready to send');
  });

  it('weighs tone problems more than a writing slip', () => {
    const tone = review('Hi Ana, your parcel is late. It is what it is.').score;
    const spelling = review('Hi Ana, your parcel is late. I am sorry, I will chase the courier tommorow.').score;
    expect(tone).toBeLessThan(spelling);
  });
});
