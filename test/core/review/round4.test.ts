/**
 * Round 4 of the review rules: families of wording rather than phrases, checked on paraphrases and
 * harmless look-alikes written for these tests (not copied from the corpus). Blaming a colleague or
 * another team in front of the customer is tone.blaming; cold needs a way forward to be missing
 * when only blame or dismissal shows the problem; vague promises are not next steps; an animal's
 * health is not personal data; another person's data in a public reply is insecure sharing.
 */
import { describe, expect, it } from 'vitest';
import { review } from '../../../src/core/review/engine.js';

const keys = (text: string) => review(text).findings.map((f) => `${f.category}.${f.rule}`);
const excerpts = (text: string, key: string) =>
  review(text).findings.filter((f) => `${f.category}.${f.rule}` === key).map((f) => f.excerpt);

describe('blaming, including colleagues and other teams', () => {
  it.each([
    ['Sorry, the couriers have completely mucked up the delivery route this week.'],
    ['Our returns team clearly cannot follow instructions.'],
    ['The installers had no idea what they were doing that day.'],
    ['It is the accounts department\'s fault that the letter went out twice.'],
    ['The adviser you spoke to clearly got it wrong.'],
    ['The depot is completely useless at the moment.'],
    ['The refund failed only because you gave us an expired card.'],
    ['Had you kept the box, we would have taken it back.'],
    ['You were warned in writing about the late fee.'],
  ])('"%s" is blaming', (text) => {
    expect(keys(text)).toContain('tone.blaming');
  });

  it.each([
    ['We messed up your order, and I am sorry.'],
    ['Our engineers have fixed the fault on the line this morning.'],
    ['It happened because of a fault in our system, not anything you did.'],
    ['Had you been charged twice, we would have refunded it straight away.'],
    ['If you had any questions, we would have been happy to answer them.'],
    ['The warehouse team will send the right size today.'],
  ])('"%s" is not blaming', (text) => {
    expect(keys(text)).not.toContain('tone.blaming');
  });

  it('pins the blame to the words that carry it', () => {
    expect(excerpts('I am sorry for the wait. The planning office have lost your form, which is typical of them.', 'tone.blaming')).toContain('typical of them');
  });
});

describe('dismissing, sarcasm and threats in other words', () => {
  it.each([
    ['Queues at check-in are part of flying in August.', 'tone.dismissive'],
    ['Most residents hardly notice the bin lorry.', 'tone.dismissive'],
    ['Cancellations in the snow, that is the railways for you.', 'tone.dismissive'],
    ['This feels like a storm in a teacup.', 'tone.dismissive'],
    ['Sorry the free coffee was not fancy enough for you.', 'tone.sarcastic'],
    ['Disregard our letters again and you will see yourself in court.', 'tone.aggressive'],
    ['Settle the bill by Friday or we will pass your account to the bailiffs.', 'tone.aggressive'],
    ['Please keep calm while I look at this.', 'positive-language.calm_down'],
    ['I am afraid our hands are tied.', 'positive-language.nothing_we_can_do'],
    ['You are obliged to return the keys on the last day.', 'positive-language.you_must'],
  ])('"%s" is %s', (text, key) => {
    expect(keys(text)).toContain(key);
  });

  it.each([
    ['There is nothing wrong with your boiler; the fault was with our meter, and it is fixed now.'],
    ['A flat tyre is no way to start a holiday, so let us get you moving.'],
    ['We will help you claim compensation for the delay.'],
    ['You have to be over 18 to open the account, so I have sent the form to your mum.'],
    ['You must have been so worried when the pipe burst, and I am sorry.'],
    ['Please ignore this reminder if you have already paid.'],
    ['Your meter reading is perfectly normal, so there is nothing to pay.'],
  ])('"%s" raises no tone or negative-language finding', (text) => {
    expect(keys(text).filter((k) => k.startsWith('tone.') || k.startsWith('positive-language.'))).toEqual([]);
  });
});

describe('cold: a problem with no acknowledgement', () => {
  it('blame with no way forward is cold; blame that still says what happens next is not also cold', () => {
    const stuck = 'The screen cracked because you dropped the phone, and drops are not covered by the warranty, so any repair will be charged at the full price.';
    const onward = 'Your tyres are below the legal limit and you should check these things yourself. Please collect the car by 5pm and we can fit new ones on Monday.';
    expect(keys(stuck)).toContain('tone.cold');
    expect(keys(onward)).toContain('tone.blaming');
    expect(keys(onward)).not.toContain('tone.cold');
  });

  it.each([
    ['Your bin has not been collected because the crew could not access the road. It will be collected next Tuesday as part of the normal round.'],
    ['Regarding your email about the bed bugs in room 12, housekeeping inspected the room on Monday and it has been treated. Your booking fee is non-refundable.'],
    ['Coach delays happen in the summer and the motorway is always busy on a Saturday afternoon, so the driver will get you there when the roads clear.'],
  ])('"%s" is cold', (text) => {
    expect(keys(text)).toContain('tone.cold');
  });

  it.each([
    ['What a shame the cake arrived squashed! I have refunded the £24 to your card and it will show within 3 working days.'],
    ['We dropped the ball on your repair and I owe you an apology. The part is ordered and the engineer will fit it on Friday.'],
    ['Got your email about the parking fine, no worries at all. The machine was faulty that day, so I have cancelled the fine.'],
  ])('"%s" acknowledges the problem', (text) => {
    expect(keys(text)).not.toContain('tone.cold');
  });
});

describe('next steps', () => {
  it.each([
    ['Thank you for waiting. The team will look into it today and update you by 5pm with what they find.'],
    ['Your order has now been shipped with Royal Mail from our warehouse, so it is on the way to you already.'],
    ['A member of our repairs team will be in touch shortly to arrange a time that suits you.'],
    ['Thanks for your patience. Your refund will show in 3-5 working days on the card you paid with.'],
    ['Your table for four is reserved for 7pm on Saturday, and we have noted the birthday cake request.'],
    ['Sorry the screen is still flickering. Maybe restart the router first, as that clears most faults of this kind.'],
  ])('"%s" gives a next step', (text) => {
    expect(keys(text)).not.toContain('writing.no_next_step');
  });

  it.each([
    ['Thank you for reporting the broken paving slab outside the library. We will look into it at some point when the highways team has capacity.'],
    ['Warranty claims are handled by the manufacturer rather than the dealership, so you will have to take it up with them.'],
    ['I am really sorry your broadband keeps dropping out in the evenings. I have logged everything you told me about the connection.'],
  ])('"%s" is too vague to be a next step', (text) => {
    expect(keys(text)).toContain('writing.no_next_step');
  });
});

describe('data protection in unseen wording', () => {
  it.each([
    ['Please reply to this email with the 16-digit number on your debit card.', 'gdpr.password_request'],
    ['To confirm it is you, reply to this message with your date of birth.', 'gdpr.excessive_data_request'],
    ['We will hold on to your form after your tenancy ends, in case you ever come back.', 'gdpr.excessive_retention'],
    ['Your photos stay on our system even once you have closed the account.', 'gdpr.excessive_retention'],
    ['I will text the copy of your passport and the tenancy form to my own mobile so I can finish it later.', 'gdpr.insecure_sharing'],
    ['I have attached our spreadsheet with every tenant\'s phone number.', 'gdpr.insecure_sharing'],
    ['Your husband stayed in room 12 on Friday night and left at 7am.', 'gdpr.third_party_data'],
    ['The landlord is going through a divorce and is in debt, so he wants a quick let.', 'gdpr.third_party_data'],
    ['An email came in from your address, so we took it that it was you and moved the payments to the new card.', 'gdpr.no_identity_check'],
    ['We passed your number to our broadband partner, who will call you with a deal.', 'gdpr.marketing_without_consent'],
    ['You have been signed up to our monthly offers emails.', 'gdpr.marketing_without_consent'],
  ])('"%s" is %s', (text, key) => {
    expect(keys(text)).toContain(key);
  });

  it.each([
    ['We keep the copy for six years, as anti-money-laundering law requires, then delete it securely.'],
    ['Please keep your receipt just in case you need to return the jacket.'],
    ['With your permission, I discussed the repair with your daughter.'],
    ['Her name is on the booking as the second guest, as you asked.'],
    ['Thank you for booking Biscuit in. You mentioned he has been off his food since starting his new tablets, so the vet will check his medication.'],
  ])('"%s" raises no data-protection finding', (text) => {
    expect(keys(text).filter((k) => k.startsWith('gdpr.'))).toEqual([]);
  });

  it('another person\'s details in a public reply are also insecure sharing', () => {
    const text = '@MarkP We have checked for you: your wife checked out of room 214 on Sunday with another guest, Mr Rhys Allen.';
    expect(keys(text)).toEqual(expect.arrayContaining(['gdpr.third_party_data', 'gdpr.insecure_sharing']));
  });
});
