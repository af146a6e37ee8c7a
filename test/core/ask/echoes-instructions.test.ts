import { describe, expect, it } from 'vitest';
import { echoesInstructions } from '../../../src/core/ask/llm-answer.js';

const SYSTEM = 'You are Service Coach, a study helper for learners. Never invent facts, laws, dates, marks or deadlines.';

describe('echoesInstructions', () => {
  it('catches eight words in a row from the instructions, whatever the case and punctuation', () => {
    expect(echoesInstructions('Sure! "NEVER invent facts, laws, dates, marks or deadlines" is my rule.', SYSTEM)).toBe(true);
    expect(echoesInstructions('you are service coach a study helper for learners', SYSTEM)).toBe(true);
  });

  it('lets through seven words in a row, and words split across the reply', () => {
    expect(echoesInstructions('Never invent facts, laws, dates, marks: check them.', SYSTEM)).toBe(false);
    expect(echoesInstructions('You are a learner. Service Coach helps with study.', SYSTEM)).toBe(false);
    expect(echoesInstructions('', SYSTEM)).toBe(false);
  });

  it('gives the same answer every time and for each set of instructions', () => {
    const other = 'Review the draft reply for tone and clarity and list what to improve first.';
    for (let i = 0; i < 3; i++) {
      expect(echoesInstructions('a study helper for learners never invent facts laws dates', SYSTEM)).toBe(true);
      expect(echoesInstructions('a study helper for learners never invent facts laws dates', other)).toBe(false);
      expect(echoesInstructions('for tone and clarity and list what to improve', other)).toBe(true);
    }
  });
});
