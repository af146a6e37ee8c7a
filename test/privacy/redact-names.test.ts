/**
 * Regression: full names (first name and surname) after "my name is" and in a greeting reached
 * the LLM unredacted (found by test/privacy/log-privacy.test.ts); so did "My name is" with a
 * capital M. Ordinary sentences are not taken for names.
 */
import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../src/core/privacy/redact.js';

describe('names before an LLM call', () => {
  it.each([
    ['My name is Priya Sharma and I need help', 'My name is [NAME_1] and I need help'],
    ['my name is Tom.', 'my name is [NAME_1].'],
    ['Dear Priya Sharma,\n\nThank you', 'Dear [NAME_1],\n\nThank you'],
    ['This is Sam Jones from the shop.', 'This is [NAME_1] from the shop.'],
    ['Thank you, Priya Sharma.', 'Thank you, [NAME_1].'],
  ])('redacts %j', (input, expected) => {
    expect(redactPersonalData(input).text).toBe(expected);
  });

  it.each(["I'm going to help.", 'Dear Customer Services,', 'This is the right unit.', 'Hi there, thanks'])('leaves %j alone', (input) => {
    expect(redactPersonalData(input).text).toBe(input);
  });
});
