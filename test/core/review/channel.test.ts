/**
 * Round 5: the channel a draft was written for (issue 4, docs/review.md "Channels"). Given a
 * channel, the writing conventions follow what a tutor marking Unit 3 AC 2.4 / 3.3 expects of it:
 * an email or letter opens with a greeting and closes with a sign-off (a letter formally) and is set
 * out in paragraphs; a live-chat line or text message needs no greeting, sign-off or paragraphs; a
 * social-media reply is public; every channel needs a next step. Without a channel the reviewer
 * guesses from the layout, exactly as before.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS, parseChannel, type Channel } from '../../../src/core/review/channel.js';
import { review } from '../../../src/core/review/engine.js';
import { reviewDraft } from '../../../src/core/review/review-draft.js';
import { UserFacingError } from '../../../src/core/errors.js';
import { captureLogs } from '../../helpers/capture-logs.js';
import { testDeps } from '../../helpers/test-deps.js';

const writing = (text: string, channel?: Channel) =>
  review(text, { channel }).findings.filter((f) => f.category === 'writing').map((f) => f.rule);
const finding = (text: string, rule: string, channel?: Channel) => review(text, { channel }).findings.find((f) => f.rule === rule);

/** One unbroken line, with a next step: a chat line or text message as written. */
const ONE_LINE =
  'Your table for four is booked for 7pm on Friday, and I have added a note about the high chair, so it will be ready when you arrive.';
/** Laid out in paragraphs, with no greeting or sign-off. */
const LAID_OUT =
  'Your replacement card is on its way and should arrive within 3 working days.\n\nYour old card has been cancelled, so nobody else can use it. I will email you as soon as the new one has been posted.';
const PARAGRAPH = Array.from({ length: 8 }, () => 'We have checked the meter readings you sent and compared them with the readings our engineer took last month.').join(' ');
const LONG_EMAIL = `Dear Ms Shah,\n\n${PARAGRAPH} I will call you on Friday to explain the new bill.\n\nKind regards,\nAmy`;
const NO_STEP =
  'Hi Jade, Mia is away on a training course this week, so the salon is quieter than usual and the other stylists are covering her regular clients.';

describe('channel: greeting and closing', () => {
  it('expects a greeting and a closing in an email or a letter, whatever its layout', () => {
    for (const channel of ['email', 'letter'] as const) {
      expect(writing(ONE_LINE, channel)).toEqual(expect.arrayContaining(['no_greeting', 'no_closing']));
      expect(writing(LAID_OUT, channel)).toEqual(expect.arrayContaining(['no_greeting', 'no_closing']));
    }
  });

  it('expects neither in a live-chat message, a text message or a social-media reply, however it is laid out', () => {
    for (const channel of ['chat', 'sms', 'social'] as const) {
      expect(writing(LAID_OUT, channel)).not.toContain('no_greeting');
      expect(writing(LAID_OUT, channel)).not.toContain('no_closing');
    }
  });

  it('guesses from the layout when no channel is given, as before channels existed', () => {
    expect(writing(ONE_LINE)).toEqual([]);
    expect(writing(LAID_OUT)).toEqual(expect.arrayContaining(['no_greeting', 'no_closing']));
  });

  it('says in the message which channel it assumed', () => {
    expect(finding(LAID_OUT, 'no_greeting', 'email')?.message).toMatch(/an email/i);
    expect(finding(LAID_OUT, 'no_greeting', 'letter')?.message).toMatch(/a letter/i);
    expect(finding(LAID_OUT, 'no_closing', 'letter')?.message).toMatch(/a letter/i);
    const guessed = finding(LAID_OUT, 'no_greeting')?.message;
    expect(guessed).toMatch(/laid out like an email or letter/i);
    expect(guessed).toMatch(/channel/i);
  });

  it('does not count "Hello from…" in a text message as missing anything', () => {
    const text = 'Hello from Parkside Pharmacy. Your prescription is ready to collect from today until 5 June. Please bring photo ID if someone else is collecting it for you.';
    expect(writing(text, 'sms')).toEqual([]);
  });
});

describe('channel: a letter needs a formal salutation and sign-off', () => {
  const casual = 'Hi Sam,\n\nThank you for your letter about the bill. I have corrected it, and the new bill will reach you within 5 working days.\n\nThanks,\nJo';

  it('flags "Hi" and "Thanks," in a letter (info), but not in an email', () => {
    expect(writing(casual, 'letter')).toEqual(expect.arrayContaining(['informal_greeting', 'formal_sign_off']));
    const signOff = finding(casual, 'formal_sign_off', 'letter')!;
    expect(signOff.severity).toBe('info');
    expect(signOff.excerpt).toBe('Thanks,');
    expect(signOff.message).toMatch(/letter/);
    expect(signOff.suggestion).toMatch(/Yours sincerely/);
    expect(finding(casual, 'informal_greeting', 'letter')?.excerpt).toBe('Hi');
    expect(writing(casual, 'email')).toEqual([]);
    expect(writing(casual)).toEqual([]);
  });

  it('accepts "Dear …" with "Yours sincerely" or "Kind regards" in a letter', () => {
    const formal = 'Dear Mr Lindqvist,\n\nThank you for your letter. I have corrected your bill, and the new one will reach you within 5 working days.\n\nYours sincerely,\n\nRuth Evans\nCustomer Accounts';
    expect(writing(formal, 'letter')).toEqual([]);
    expect(writing(formal.replace('Yours sincerely', 'Kind regards'), 'letter')).toEqual([]);
  });

  it('matches the sign-off to the salutation: "Dear Sir or Madam" with "Yours faithfully", a name with "Yours sincerely"', () => {
    const body = '\n\nThank you for your letter. Your new bill will reach you within 5 working days.\n\n';
    const madam = finding(`Dear Sir or Madam,${body}Yours sincerely,\nRuth Evans`, 'formal_sign_off', 'letter');
    expect(madam?.suggestion).toMatch(/Yours faithfully/);
    const named = finding(`Dear Mrs Amin,${body}Yours faithfully,\nRuth Evans`, 'formal_sign_off', 'letter');
    expect(named?.suggestion).toMatch(/Yours sincerely/);
    expect(finding(`Dear Sir or Madam,${body}Yours faithfully,\nRuth Evans`, 'formal_sign_off', 'letter')).toBeUndefined();
  });

  it('still accepts "Hey" nowhere in a letter or an email, and anywhere in a chat', () => {
    const hey = 'Hey Jordan,\n\nGot your message about the parking fine. I have cancelled it, and you will get a letter confirming it within 5 days.\n\nKind regards,\nKim';
    expect(writing(hey, 'email')).toContain('informal_greeting');
    expect(writing(hey, 'letter')).toContain('informal_greeting');
    expect(writing(hey, 'chat')).not.toContain('informal_greeting');
  });
});

describe('channel: paragraphs and next steps', () => {
  it('judges paragraphing in an email or letter only', () => {
    expect(writing(LONG_EMAIL, 'email')).toContain('no_paragraphs');
    expect(writing(LONG_EMAIL, 'letter')).toContain('no_paragraphs');
    expect(writing(LONG_EMAIL)).toContain('no_paragraphs');
    for (const channel of ['chat', 'sms', 'social'] as const) expect(writing(PARAGRAPH, channel)).not.toContain('no_paragraphs');
  });

  it('expects a next step on every channel', () => {
    for (const channel of CHANNELS) expect(writing(NO_STEP, channel), channel).toContain('no_next_step');
    expect(writing(NO_STEP)).toContain('no_next_step');
  });

  it('keeps a lower-case greeting a slip on every channel', () => {
    expect(writing('hi Sam, your order is ready to collect from the Leeds store until 6pm on Saturday.', 'chat')).toContain('informal_greeting');
  });
});

describe('channel: a social-media reply is public', () => {
  const reply = 'Sorry about the wait, Kerry. Your parcel will reach you at 19 Ashdown Road, DE22 1FL, tomorrow.';

  it('flags personal data in a social reply even without an @handle, and not in a private chat', () => {
    expect(finding(reply, 'insecure_sharing', 'social')).toBeDefined();
    expect(finding(reply, 'insecure_sharing', 'chat')).toBeUndefined();
    expect(finding(reply, 'insecure_sharing')).toBeUndefined();
    expect(finding(`@kezza_99 ${reply}`, 'insecure_sharing')).toBeDefined();
    expect(finding(`@kezza_99 ${reply}`, 'insecure_sharing', 'chat')).toBeUndefined();
  });
});

describe('channel: the review and its callers', () => {
  it('reports the channel it was given, or null when it guessed', () => {
    expect(review(ONE_LINE, { channel: 'sms' }).channel).toBe('sms');
    expect(review(ONE_LINE).channel).toBeNull();
  });

  it('names the channel in the tutor view of a short reply', () => {
    const sms = review(ONE_LINE, { channel: 'sms' }).tutorView.find((row) => row.criterion.source === 'u3.ac2.4');
    expect(sms?.reason).toMatch(/^A text message with accurate spelling; no salutation or close is needed/);
  });

  it('refuses an unknown channel with a message listing the valid ones', () => {
    expect(() => review(ONE_LINE, { channel: 'fax' as Channel })).toThrow(UserFacingError);
    expect(() => review(ONE_LINE, { channel: 'fax' as Channel })).toThrow(/email, letter, chat, sms or social/);
  });

  it('reads channels typed by a person', () => {
    expect(parseChannel(' SMS ')).toBe('sms');
    expect(parseChannel('')).toBeUndefined();
    expect(parseChannel(null)).toBeUndefined();
    expect(() => parseChannel('fax')).toThrow(/I don't know the channel "fax". Use one of: email, letter, chat, sms or social./);
    expect(() => parseChannel(3)).toThrow(UserFacingError);
  });

  it('passes the channel through reviewDraft and logs it, never the draft', async () => {
    const { logger, lines } = captureLogs();
    const result = await reviewDraft(LAID_OUT, await testDeps({ logger }), { channel: 'chat' });
    expect(result.channel).toBe('chat');
    expect(result.findings.map((f) => f.rule)).not.toContain('no_greeting');
    const log = lines.join('');
    expect(log).toContain('"channel":"chat"');
    expect(log).not.toContain('replacement card');
  });
});

describe('round 5 look-alikes from letters and social replies', () => {
  it('does not call a PO Box or the second half of a postcode jargon', () => {
    const jargon = (text: string) => review(text).findings.filter((f) => f.rule === 'jargon').map((f) => f.excerpt);
    expect(jargon('Please write to us at PO Box 410, Leeds LS1 4AB, and we will reply within 10 days.')).toEqual([]);
    expect(jargon('Your phone will be sent to M14 6ZQ and will arrive by Thursday.')).toEqual([]);
    expect(jargon('Your PO number is on the invoice.')).toEqual(['PO']);
  });
});
