import { describe, expect, it } from 'vitest';
import { findPersonalData, luhnValid } from '../../../src/core/privacy/detect.js';
import { redactPersonalData, restore } from '../../../src/core/privacy/redact.js';

const LETTER = `Dear Mrs Patel,

Your card 4539 1488 0343 6467 was charged twice. We will refund sort code 20-45-77, account 41234567.
Your NI number AB 12 34 56 C and date of birth 12/03/1984 are on file. Call 07700 900123 or email sam.patel@example.com.
We have your address as 14 Station Road, SW1A 1AA.

Kind regards,
Jamie Smith`;

const SECRETS = ['Patel', '4539 1488 0343 6467', '20-45-77', '41234567', 'AB 12 34 56 C', '12/03/1984', '07700 900123', 'sam.patel@example.com', '14 Station Road', 'SW1A 1AA', 'Jamie Smith'];

describe('personal-data redaction', () => {
  it('replaces every kind with a typed placeholder', () => {
    const { text, replacements } = redactPersonalData(LETTER);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(replacements.map((r) => r.placeholder)).toEqual([
      '[NAME_1]', '[CARD_1]', '[SORT_CODE_1]', '[ACCOUNT_NUMBER_1]', '[NI_NUMBER_1]', '[DOB_1]', '[PHONE_1]', '[EMAIL_1]', '[ADDRESS_1]', '[POSTCODE_1]', '[NAME_2]',
    ]);
  });

  it('restores the originals exactly, and only our placeholders', () => {
    const { text, replacements } = redactPersonalData(LETTER);
    expect(restore(text, replacements)).toBe(LETTER);
    expect(restore('Dear [NAME_1], see [LINK_3].', replacements)).toBe('Dear Mrs Patel, see [LINK_3].');
  });

  it('gives the same value the same placeholder', () => {
    const { text } = redactPersonalData('Call 07700 900123. Again: 07700900123.');
    expect(text).toBe('Call [PHONE_1]. Again: [PHONE_1].');
  });

  it('redacts extra sensitive terms the caller names', () => {
    const { text } = redactPersonalData('@jo_b Hi Jo, your husband, Tom, says you have diabetes.', { terms: ['diabetes'] });
    expect(text).toBe('[HANDLE_1] Hi [NAME_1], your husband, [NAME_2], says you have [SPECIAL_1].');
  });

  it('leaves masked cards, non-Luhn numbers and invalid NI numbers alone', () => {
    const kinds = findPersonalData('Card ending 4421, **** 4421, case 4000 1234 5678 9011, ref DQ 12 34 56 Z, prefix GB 12 34 56 A.').map((d) => d.kind);
    expect(kinds).toEqual([]);
    expect(luhnValid('4539148803436467')).toBe(true);
    expect(luhnValid('4000123456789011')).toBe(false);
  });

  it('tells personal mobiles from organisation numbers', () => {
    const phones = findPersonalData('Ring 0800 123 4567 or 07911 123456.').map((d) => d.detail);
    expect(phones).toEqual(['non-geographic', 'mobile']);
  });
});
