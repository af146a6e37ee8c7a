/**
 * Data-protection rules that need detectors rather than phrases: identifiers (cards, bank
 * details, NI numbers, dates of birth) from the shared privacy detector, special-category data
 * mentioned without need, and personal data posted in a public social-media reply. Practice rules
 * (identity checks, retention, consent, insecure sharing, third parties) are in gdpr.json.
 */
import { findBankDetails, findCards, findDatesOfBirth, findNiNumbers, findPersonalData, type PersonalData } from '../../privacy/detect.js';
import type { Analysis } from '../analyse.js';
import type { Lexicons } from '../data.js';
import type { Finding, GdprPrinciple } from '../types.js';
import { allMatches, makeFinding } from './finding.js';

function gdpr(text: string, rule: string, start: number, end: number, principle: GdprPrinciple, message: string, suggestion: string): Finding {
  return makeFinding(text, { category: 'gdpr', rule, severity: 'error', start, end, message, suggestion, principle, criteria: ['u1.ac4.5'] });
}

/** Full card numbers, bank details, NI numbers and dates of birth written into the reply. */
export function identifierFindings(analysis: Analysis): Finding[] {
  const { text } = analysis;
  const findings: Finding[] = [];
  for (const card of findCards(text)) {
    const last4 = card.value.replace(/\D/g, '').slice(-4);
    findings.push(
      gdpr(text, 'card_number', card.start, card.end, 'security',
        'A full payment card number is written in the reply. Card numbers must never be sent by email, chat or social media: anyone who sees the message could use it (UK GDPR security; card industry rules).',
        `Refer to the card by its last four digits only: "your card ending ${last4}".`),
    );
  }
  const bank = findBankDetails(text);
  const sortCodes = bank.filter((b) => b.kind === 'SORT_CODE');
  const used = new Set<PersonalData>();
  for (const sortCode of sortCodes) {
    const account = bank.find((b) => b.kind === 'ACCOUNT_NUMBER' && !used.has(b) && Math.abs(b.start - sortCode.end) < 80);
    if (account) used.add(account);
    const start = Math.min(sortCode.start, account?.start ?? sortCode.start);
    const end = Math.max(sortCode.end, account?.end ?? sortCode.end);
    findings.push(bankFinding(text, start, end));
  }
  // An account number with no sort code is a bank account's only when the reply says so ("your bank
  // account 12345678"); "Re: Account 55102938" on an energy bill is the customer's reference, like an order number.
  const bankAccount = (item: PersonalData) => /\b(?:bank(?:ing)?|savings|current|joint|isa)\b/i.test(text.slice(Math.max(0, item.start - 60), item.start));
  for (const item of bank.filter((b) => (b.kind === 'ACCOUNT_NUMBER' && !used.has(b) && bankAccount(b)) || b.kind === 'IBAN')) {
    findings.push(bankFinding(text, item.start, item.end));
  }
  for (const ni of findNiNumbers(text)) {
    findings.push(
      gdpr(text, 'ni_number', ni.start, ni.end, 'data minimisation',
        'A National Insurance number is written in the reply. It is a key to someone\'s identity and is not needed to answer them.',
        'Leave it out; if you must refer to it, say "the National Insurance number you gave us".'),
    );
  }
  for (const dob of findDatesOfBirth(text)) {
    findings.push(
      gdpr(text, 'dob', dob.start, dob.end, 'data minimisation',
        'A date of birth is written in the reply. It is used to confirm identity, so repeating it in a message helps a fraudster.',
        'Leave it out: "thank you for confirming your details" is enough.'),
    );
  }
  return findings;
}

function bankFinding(text: string, start: number, end: number): Finding {
  return gdpr(text, 'bank_details', start, end, 'security',
    'Full bank details (sort code and account number) are written in the reply. Messages can be forwarded or intercepted; only share what the customer needs.',
    'Refer to the account by its last digits only: "the account ending 19".');
}

/** Health, religion, sexuality and other special-category data about a person, mentioned with no need. */
export function specialCategoryFindings(analysis: Analysis, lexicons: Lexicons): Finding[] {
  const { text } = analysis;
  const findings: Finding[] = [];
  // A vet's "we will check his medication" is about the dog: an animal's health is not personal data.
  const animal = lexicons.animalContext.test(text);
  for (const sentence of analysis.sentences) {
    if (lexicons.needContext.test(sentence.text) || !lexicons.personalReference.test(sentence.text)) continue;
    const terms = allMatches(lexicons.specialCategory, sentence.text, sentence.start).filter((t) => !(animal && lexicons.animalHealthTerms.has(t.value.toLowerCase())));
    // Terms close together ("anxiety and depression") make one finding.
    const groups: Array<{ start: number; end: number }> = [];
    for (const term of terms) {
      const last = groups[groups.length - 1];
      if (last && term.start - last.end <= 25) last.end = term.end;
      else groups.push({ start: term.start, end: term.end });
    }
    for (const group of groups) {
      findings.push(
        gdpr(text, 'health_data', group.start, group.end, 'data minimisation',
          'This is special-category personal data (health, religion, sexuality and similar), which needs extra protection and a clear reason to record or mention it.',
          'Leave it out unless it is needed to help the customer (for example to make a reasonable adjustment), and record only what is needed, with their agreement.'),
      );
    }
  }
  return findings;
}

/**
 * Personal data posted in a public social-media reply (company numbers such as 0800/03 lines are
 * fine), including health and other special-category data about the customer: even with a good
 * reason to know it ("as you use a wheelchair"), a public reply is no place to say it, and nor is
 * another person's data (`disclosures`: the third_party_data findings).
 */
export function publicPostFindings(analysis: Analysis, lexicons: Lexicons, disclosures: readonly Finding[] = []): Finding[] {
  if (!analysis.social) return [];
  const { text } = analysis;
  const kinds = new Set(['EMAIL', 'PHONE', 'POSTCODE', 'ADDRESS', 'DOB', 'CARD', 'NI_NUMBER', 'ACCOUNT_NUMBER', 'SORT_CODE', 'IBAN']);
  const spans = findPersonalData(text).filter((item) => kinds.has(item.kind) && item.detail !== 'non-geographic');
  const special = analysis.sentences
    .filter((sentence) => lexicons.personalReference.test(sentence.text))
    .flatMap((sentence) => allMatches(lexicons.specialCategory, sentence.text, sentence.start));
  // Another person's details told in public ("your wife checked out of room 214 with…") are posted for anyone to read.
  const others = disclosures.filter((f) => f.category === 'gdpr' && f.rule === 'third_party_data');
  return [...spans, ...special, ...others].map((item) =>
    gdpr(text, 'insecure_sharing', item.start, item.end, 'security',
      'Personal data is posted in a public social-media reply, where anyone can read it.',
      'Move the conversation to a private message: "Please send us a direct message with your details and we\'ll sort this out."'),
  );
}
