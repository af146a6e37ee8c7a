/**
 * Round 6: the sentence classifier learnt from `knowledge/review/examples.json`. Sentences here were
 * written for these tests (not copied from the examples or the corpus): each class is found in
 * wording no phrase rule lists, harmless look-alikes are left alone, and the result is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { review } from '../../../src/core/review/engine.js';
import { loadReviewData } from '../../../src/core/review/data.js';
import { analyse } from '../../../src/core/review/analyse.js';
import { createLearntModel, examplesSchema, learntFindings, LEARNT_RULES, loadExamples, loadLearntModel } from '../../../src/core/review/rules/learnt.js';
import { loadCorpus } from '../../eval/review/corpus.js';

const keys = (text: string, learnt = true) => review(text, { learnt }).findings.map((f) => `${f.category}.${f.rule}`);

describe('the examples file', () => {
  const examples = loadExamples();

  it('has 25+ sentences for every learnt rule and 150+ harmless ones, with no sentence in two classes', () => {
    for (const rule of LEARNT_RULES) expect(examples.classes[rule].length).toBeGreaterThanOrEqual(25);
    expect(examples.classes.harmless.length).toBeGreaterThanOrEqual(150);
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const [label, list] of Object.entries(examples.classes)) {
      for (const sentence of list) {
        const key = sentence.toLowerCase();
        if (seen.has(key)) repeats.push(`${label} and ${seen.get(key)}: "${sentence}"`);
        seen.set(key, label);
      }
    }
    expect(repeats).toEqual([]);
  });

  it('rejects a malformed file with a readable message', () => {
    expect(examplesSchema.safeParse({ about: 'x', classes: { harmless: ['An ordinary sentence here.'] } }).success).toBe(false);
    expect(() => loadExamples('/nonexistent/examples.json')).toThrow(/examples\.json: cannot read it as JSON/);
  });

  it('copies no corpus sentence (the same words, or nearly the same)', () => {
    const words = (value: string) => value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const jaccard = (a: Set<string>, b: Set<string>) => {
      let shared = 0;
      for (const word of a) if (b.has(word)) shared += 1;
      return shared / (a.size + b.size - shared);
    };
    const corpus = (['dev', 'holdout', 'fresh', 'fresh2'] as const).flatMap((part) =>
      loadCorpus(part).flatMap((item) =>
        item.text
          .split(/(?<=[.!?])\s+|\n+/)
          .map((sentence) => words(sentence))
          .filter((list) => list.length >= 4)
          .map((list) => ({ id: item.id, text: list.join(' '), set: new Set(list) })),
      ),
    );
    const copies: string[] = [];
    for (const [label, list] of Object.entries(examples.classes)) {
      for (const example of list) {
        const own = words(example);
        const set = new Set(own);
        for (const sentence of corpus) {
          // Only the example and the draft id are reported: held-out drafts must not be shown.
          if (own.join(' ') === sentence.text || jaccard(set, sentence.set) >= 0.6) copies.push(`${label}: "${example}" is too close to a sentence of ${sentence.id}`);
        }
      }
    }
    expect(copies).toEqual([]);
  });
});

describe('sentences read as a rule in wording no phrase rule lists', () => {
  const learntKeys = (text: string) =>
    review(text, { learnt: true }).findings.filter((f) => f.message.startsWith('This sentence reads as')).map((f) => `${f.category}.${f.rule}`);

  it.each([
      ['gdpr.third_party_data', "Your neighbour's new mobile number is 07700 900111 if you want to call her."],
    ['gdpr.marketing_without_consent', "We've passed your number to a boiler company who will call you with offers."],
    ['gdpr.insecure_sharing', "I've put your address in this public comment so everyone can see it."],
  ])('finds %s in "%s", which the phrase rules alone miss', (key, text) => {
    expect(keys(text, false)).not.toContain(key);
    expect(learntKeys(text)).toEqual([key]);
  });

  it('each learnt class is the most likely reading of a sentence written for this test', () => {
    const model = loadLearntModel();
    const cases: Array<[string, string]> = [
      ['tone.blaming', 'The order went to the wrong house because you gave us an old address.'],
      ['tone.dismissive', 'A slightly wobbly table leg is really nothing to get excited about.'],
      ['tone.sarcastic', 'Oh brilliant, yet another customer who knows better than our technicians.'],
      ['tone.aggressive', 'Settle the bill this week or we will pass it to debt collectors.'],
      ['gdpr.third_party_data', 'The previous owner of the car lives at 5 Beech Road now.'],
      ['gdpr.no_identity_check', 'Your cousin rang, so we read him your last three payments.'],
      ['gdpr.excessive_retention', 'Your details will be kept indefinitely in case we need them later.'],
      ['gdpr.marketing_without_consent', 'You have been added to our offers newsletter automatically.'],
      ['gdpr.insecure_sharing', "I've forwarded your bank statement to the whole sales team."],
      ['gdpr.password_request', 'Email us your online banking password and we will take a look.'],
      ['gdpr.excessive_data_request', 'Please email us a photo of your passport and your date of birth.'],
    ];
    for (const [label, text] of cases) expect(model.classifyText(text).label, text).toBe(label);
  });

  it('says what the sentence reads as, with the rule\'s own fix, severity and criteria, pinned to the sentence', () => {
    const text = 'Hello Ms Bell,\n\nI\'ve put your address in this public comment so everyone can see it.';
    const finding = review(text, { learnt: true }).findings.find((f) => f.rule === 'insecure_sharing')!;
    const rule = loadReviewData().gdpr.find((r) => r.id === 'insecure_sharing')!;
    expect(finding.message).toMatch(/^This sentence reads as sharing personal data insecurely\./);
    expect(finding.suggestion).toBe(rule.better);
    expect(finding.severity).toBe(rule.severity);
    expect(finding.principle).toBe('security');
    expect(finding.criteria.map((c) => c.source)).toEqual(['u1.ac4.5']);
    expect(finding.excerpt).toBe("I've put your address in this public comment so everyone can see it.");
  });
});

describe('harmless look-alikes', () => {
  it.each([
    ["I can't wait to help you choose a new sofa."],
    ['We should have told you sooner about the delay.'],
    ['Your refund has gone to the card ending 4421.'],
    ["We'll call you on your own mobile number, 07700 900222, tomorrow morning."],
    ['Your address, 12 Park Lane, is the one the engineer will visit.'],
    ["We'll never ask you for your PIN by email or chat."],
    ['We keep your details only while your account is open.'],
    ["If you'd like to hear about our offers, you can opt in on our website."],
    ["Your husband can call us once you've added him to the account."],
    ["I've copied in my manager, who can approve the refund."],
    ['Thanks so much for the wonderful review of our restaurant.'],
  ])('"%s" gets no tone or GDPR finding', (text) => {
    expect(keys(text).filter((k) => k.startsWith('tone.') || k.startsWith('gdpr.'))).toEqual([]);
  });
});

describe('with the rules', () => {
  it('never repeats a finding a rule already made for the sentence', () => {
    const text = 'You failed to read the instructions, so the damage is your own fault.';
    expect(keys(text, false)).toContain('tone.blaming');
    // The phrase rules pin "You failed to" and "your own fault"; the classifier adds nothing.
    expect(keys(text)).toEqual(keys(text, false));
    const analysis = analyse(text);
    const ruled = review(text, { learnt: false }).findings;
    expect(learntFindings(analysis, loadReviewData(), ruled)).toEqual([]);
  });

  it('is off by default and switched on with { learnt: true }', () => {
    const text = "I've put your address in this public comment so everyone can see it.";
    expect(keys(text)).toContain('gdpr.insecure_sharing');
    expect(keys(text, false)).not.toContain('gdpr.insecure_sharing');
    expect(review(text).findings).toEqual(review(text, { learnt: false }).findings);
  });

  it('is deterministic: the same model from the same examples, the same findings for the same draft', () => {
    const classes = loadExamples().classes;
    const a = createLearntModel(classes);
    const b = createLearntModel(classes);
    for (const text of ['Your cousin rang, so we read him your last three payments.', 'Thanks for waiting.']) expect(a.classifyText(text)).toEqual(b.classifyText(text));
    const draft = "Hi Jo,\n\nI've forwarded your bank statement to the whole sales team. Don't ever ring this number again.";
    expect(review(draft, { learnt: true })).toEqual(review(draft, { learnt: true }));
  });
});
