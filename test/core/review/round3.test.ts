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

describe('dismissive, blaming and sarcastic tone in more wordings', () => {
  it.each([
    ['A wobbly table leg is hardly a reason to ask for a full refund.', 'tone.dismissive', 'hardly a reason'],
    ['Queuing for ten minutes is not the end of the world.', 'tone.dismissive', 'is not the end of the world'],
    ['We sell thousands of these kettles every year without any complaints.', 'tone.dismissive', 'thousands of these kettles every year without any complaints'],
    ['Deliveries go wrong from time to time, it is just one of those things.', 'tone.dismissive', 'go wrong from time to time'],
    ['Most customers would simply wipe it clean.', 'tone.dismissive', 'Most customers would simply wipe'],
    ['If you had been at home at the time you booked, the engineer could have fitted it.', 'tone.blaming', 'If you had been at home'],
    ['The water damage is down to you, not us.', 'tone.blaming', 'down to you, not us'],
    ['You should read the small print yourself before you sign.', 'tone.blaming', 'You should read the small print yourself'],
    ['Sorry the spa is too posh for you.', 'tone.sarcastic', 'too posh for you'],
    ['Maybe try the corner shop next time.', 'tone.sarcastic', 'Maybe try the corner shop next time'],
  ])('"%s" is flagged as %s on "%s"', (text, key, excerpt) => {
    const found = findingsOf(text, key);
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it.each([
    ['If you had been charged twice, we would refund you the same day.'],
    ['It is up to you which day suits best, and I will book it.'],
    ['I wouldn\'t worry: your card is frozen and nothing else can be taken.'],
    ['I know this is more than a small delay for you, and I am sorry.'],
  ])('"%s" is not called dismissive, blaming or sarcastic', (text) => {
    expect(keys(text).filter((k) => /^tone\.(?:dismissive|blaming|sarcastic)$/.test(k))).toEqual([]);
  });
});

describe('cold: a reply that blames or dismisses is answering a problem', () => {
  const cold = 'We have looked at the photographs of the sofa. A small mark on the back cushion is hardly a reason to send back a whole three-seater sofa.';

  it('is cold when it names no complaint word but dismisses the customer, and not once it acknowledges them', () => {
    const [finding] = findingsOf(cold, 'tone.cold');
    expect(finding).toBeDefined();
    expect(finding!.excerpt).toBe('We have looked at the photographs of the sofa.');
    expect(keys(`I'm sorry the sofa arrived marked. ${cold}`)).not.toContain('tone.cold');
  });

  it('a refund we have made is not a complaint', () => {
    expect(keys('Thanks Lena, I have found the order and refunded the £24 to your card today. The money can take up to five working days to show.')).not.toContain('tone.cold');
    expect(keys('Your refund of £12.50 has gone through this morning and should show in your bank account in 3 to 5 working days from now.')).not.toContain('tone.cold');
  });
});

describe('a keyword the customer is asked to send is not shouting', () => {
  it('"reply STOP" is fine; a word in capitals elsewhere is still shouting', () => {
    expect(keys('To stop these reminders, reply STOP to this number.')).not.toContain('tone.aggressive');
    expect(findingsOf('You MUST bring the receipt with you.', 'tone.aggressive').map((f) => f.excerpt)).toEqual(['MUST']);
  });
});

describe('negative phrasings in other wordings', () => {
  it.each([
    ['We are not in a position to offer a refund on opened items.', 'positive-language.cant', 'We are not in a position to'],
    ['I won\'t be able to move the appointment to Monday.', 'positive-language.cant', 'I won\'t be able to'],
    ['Parking permits aren\'t handled here, sorry, billing isn\'t my area.', 'positive-language.not_my_department', 'isn\'t my area'],
    ['Refund queries are not something I deal with.', 'positive-language.not_my_department', 'not something I deal with'],
    ['There is no chance of a refund after 60 days.', 'positive-language.impossible', 'There is no chance'],
    ['You could have checked the opening times online.', 'positive-language.you_should_have', 'You could have checked'],
    ['In all honesty, the shop is very busy on Saturdays.', 'positive-language.to_be_honest', 'In all honesty'],
  ])('"%s" is flagged as %s on "%s"', (text, key, excerpt) => {
    const found = findingsOf(text, key);
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it.each([
    ['There is no chance of the payment being taken twice again.'],
    ['I can\'t wait to see the photos from the party!'],
    ['No problem at all, I have changed the delivery address for you.'],
    ['We should have told you sooner, and I am sorry we did not.'],
    ['You could have a refund or an exchange, whichever you prefer.'],
  ])('"%s" has no negative-wording finding', (text) => {
    expect(keys(text).filter((k) => k.startsWith('positive-language.'))).toEqual([]);
  });
});

describe('data protection in more wordings', () => {
  it.each([
    ['Dear Mr Ward,\n\nI have told your landlord your new mobile number so he can arrange the visit.', 'gdpr.third_party_data', 'told your landlord your new mobile number'],
    ['Dear Mr Ward,\n\nI have told your landlord your new mobile number so he can arrange the visit.', 'gdpr.insecure_sharing', 'told your landlord your new mobile number'],
    ['Your brother called on Monday and said you had moved away, so we have cancelled the water account.', 'gdpr.third_party_data', 'Your brother called on Monday and said you had moved away, so we have cancelled'],
    ['The man at number 9 has had two warnings about his dog already.', 'gdpr.third_party_data', 'has had two warnings'],
    ['I have copied in everyone who complained so you can all keep in touch.', 'gdpr.insecure_sharing', 'copied in everyone'],
    ['The list of names and phone numbers of the other members is attached.', 'gdpr.insecure_sharing', 'list of names and phone numbers of the other members is attached'],
    ['I have emailed your scan results to your work email so you see them sooner.', 'gdpr.insecure_sharing', 'emailed your scan results to your work email'],
    ['I have reset the password and texted it to the number you have just given me.', 'gdpr.no_identity_check', 'texted it to the number you have just given'],
    ['We hold on to the photos of your documents, and the forms, for as long as the company is trading.', 'gdpr.excessive_retention', 'for as long as the company is trading'],
    ['We have noted on your file that you have asthma and a heart condition.', 'gdpr.health_data', 'asthma and a heart condition'],
  ])('"%s" is flagged as %s on "%s"', (text, key, excerpt) => {
    const found = findingsOf(text, key);
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it('health data in a public reply is insecure sharing too, even with a reason to know it', () => {
    const text = '@sam_r Hi Sam, as you have epilepsy we have booked you a seat near the exit. ^Jo';
    expect(findingsOf(text, 'gdpr.insecure_sharing').map((f) => f.excerpt)).toEqual(['epilepsy']);
  });

  it.each([
    ['Your son rang to say thank you for the flowers, which was lovely.'],
    ['We will pass your message on to the tenant next door.'],
    ['A copy of your own statement is attached for your records.'],
    ['Once you have answered the security questions, I will send the code to the mobile number on your account.'],
    ['We keep your records for six years, as the law requires, and then delete them securely.'],
    ['As you use a wheelchair, I have booked an accessible room on the ground floor.'],
  ])('"%s" has no data-protection finding', (text) => {
    expect(keys(text).filter((k) => k.startsWith('gdpr.'))).toEqual([]);
  });
});

describe('greeting and closing on short emails and letters', () => {
  it('a short email signed off on its own line needs a greeting', () => {
    const text = 'Your refund has gone through.\n\nThanks,\nOrders Team';
    const [finding] = findingsOf(text, 'writing.no_greeting');
    expect(finding?.excerpt).toBe('Your refund has gone through.');
    expect(keys(text)).not.toContain('writing.no_closing');
  });

  it('a short letter opening "Dear …" needs a closing', () => {
    const text = 'Dear Mr Kaur,\n\nYour new bin will be delivered on Tuesday.';
    expect(findingsOf(text, 'writing.no_closing').map((f) => f.excerpt)).toEqual(['Your new bin will be delivered on Tuesday.']);
    expect(keys(text)).not.toContain('writing.no_greeting');
  });

  it.each([
    ['Hi Sam, your order is ready to collect. Thanks, Jo'],
    ['Hi Sam,\n\nYes, we open at 9am on Sunday.'],
    ['Yes, the pool is open until 8pm tonight.'],
    ['Dear Mr Kaur,\n\nYour new bin will be delivered on Tuesday.\n\nKind regards,\nWaste Team'],
  ])('"%s" is not asked for a greeting or closing', (text) => {
    expect(keys(text).filter((k) => k === 'writing.no_greeting' || k === 'writing.no_closing')).toEqual([]);
  });
});

describe('wider wording for tone, negative phrasing and data protection', () => {
  it.each([
    ['This only happened because you left the window open.', 'tone.blaming', 'because you left'],
    ['Had you rung us sooner, we could have sent a replacement.', 'tone.blaming', 'Had you rung us sooner'],
    ['The error was on your side when you booked.', 'tone.blaming', 'The error was on your side'],
    ['It is not our fault that the bus was late.', 'tone.blaming', 'is not our fault'],
    ['Honestly, you are making a fuss about nothing.', 'tone.dismissive', 'fuss about nothing'],
    ['I do not see why you are so upset about a receipt.', 'tone.dismissive', 'see why you are so upset'],
    ['Well, that is a first.', 'tone.sarcastic', 'that is a first'],
    ['Refunds cannot be given once the seal is broken.', 'positive-language.cant', 'Refunds cannot be given'],
    ['You have come to the wrong department for that.', 'positive-language.not_my_department', 'come to the wrong department'],
    ['To tell you the truth, the van never left the depot.', 'positive-language.to_be_honest', 'To tell you the truth'],
    ['Your wife\'s results came back this morning.', 'gdpr.third_party_data', 'wife\'s results'],
    ['I have put your details in our staff WhatsApp group so anyone can help.', 'gdpr.insecure_sharing', 'put your details in our staff WhatsApp group'],
    ['We changed the email address without checking who was calling.', 'gdpr.no_identity_check', 'without checking who'],
    ['We never throw away customer records.', 'gdpr.excessive_retention', 'We never throw away'],
    ['Your card details stay saved even after you close the account.', 'gdpr.excessive_retention', 'stay saved even after you close'],
    ['The staff know you had a panic attack at the till.', 'gdpr.health_data', 'panic attack'],
  ])('"%s" is flagged as %s on "%s"', (text, key, excerpt) => {
    const found = findingsOf(text, key);
    expect(found.map((f) => f.excerpt)).toContain(excerpt);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it.each([
    ['I understand how worrying this is. It was not your fault, and we have refunded the £30 today.'],
    ['Because you told us straight away, we could send a new one the same day.'],
    ['I am sorry for the inconvenience and have booked the engineer for Friday.'],
    ['Your details have been permanently deleted, as you asked.'],
    ['Please keep your receipt in case you need to return the jacket.'],
    ['Interesting question! The museum opens at 10am on Sundays.'],
    ['We love hearing from customers, so thank you for the lovely photos.'],
    ['Your mother\'s account has a power of attorney, so I can only speak to the named attorney.'],
  ])('"%s" has no tone, negative-wording or data-protection finding', (text) => {
    expect(keys(text).filter((k) => !k.startsWith('writing.'))).toEqual([]);
  });
});

describe('cold: more complaint words and more ways of acknowledging them', () => {
  it.each([
    ['We have received your email about the mould in the bathroom. An inspector will visit on 4 March between 9am and 1pm.'],
    ['Your order did not arrive because the courier could not find the address. A new delivery has been booked for Thursday.'],
  ])('"%s" is cold', (text) => {
    const [finding] = findingsOf(text, 'tone.cold');
    expect(finding).toBeDefined();
    expect(text.slice(finding!.start, finding!.end)).toBe(finding!.excerpt);
  });

  it.each([
    ['You are quite right, the parcel did not arrive on time. I have booked a new delivery for Thursday morning for you.'],
    ['Oh no, I can imagine how annoying it is to find the stain after the fitter left. I will send him back on Monday at 9am.'],
    ['That should not have happened, and we got it wrong. The second payment of £12 has been refunded to your card today.'],
    ['Thank you for flagging the mistake on the bill. I have corrected it and a new bill will arrive by Friday this week.'],
    ['Your table is booked for Saturday at 7pm and a cake will be waiting for you when you arrive, as you asked on the phone.'],
  ])('"%s" is not cold', (text) => {
    expect(keys(text)).not.toContain('tone.cold');
  });
});

describe('next steps told as plans and instructions', () => {
  it.each([
    ['Thanks for your message about the broken blind in the lounge. A joiner is coming round on Tuesday afternoon to replace it for you.'],
    ['Sorry about the wait for your glasses. They are now in the shop and ready to pick up whenever suits you during opening hours.'],
    ['Sorry the shoes did not fit. Just pop them back in the bag they came in, stick on the returns label and drop them at any post office.'],
    ['I have had a look and the seats are still available. Tap the link in the email we sent you to confirm them before midnight tonight.'],
  ])('"%s" gives a next step', (text) => {
    expect(keys(text)).not.toContain('writing.no_next_step');
  });

  it('a brush-off is still no next step', () => {
    const text = 'We have looked into your complaint about the rude driver on the number 12 bus. The driver followed our procedures on the day in question.';
    expect(findingsOf(text, 'writing.no_next_step').map((f) => f.excerpt)).toEqual(['The driver followed our procedures on the day in question.']);
  });
});
