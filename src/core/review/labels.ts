/** Short human names for rule ids, used in summaries, reports and replies. */
import { loadReviewData } from './data.js';
import type { Category } from './types.js';

const CODE_RULES: Record<string, string> = {
  over_informal: 'slang, text-speak or emoji',
  aggressive: 'shouting or hostile wording',
  cold: 'no acknowledgement of the problem',
  jargon: 'unexplained jargon',
  card_number: 'a full card number',
  bank_details: 'full bank details',
  ni_number: 'a National Insurance number',
  dob: 'a date of birth',
  health_data: 'special-category data (health, religion…)',
  no_greeting: 'no greeting',
  informal_greeting: 'an informal greeting',
  no_closing: 'no closing',
  formal_sign_off: 'a sign-off not fit for a letter',
  no_paragraphs: 'a wall of text',
  spelling_errors: 'spelling, apostrophes and capital letters',
  no_next_step: 'no next step or timescale',
  instruction_to_reviewer: 'text aimed at the reviewer',
};

/** Human names of the four categories. */
export const CATEGORY_LABELS: Record<Category, string> = {
  'positive-language': 'Positive language',
  tone: 'Tone',
  gdpr: 'Data protection',
  writing: 'Writing',
};

/** A short, lower-case name for a rule, e.g. "blaming the customer" or "\"I can't\"". */
export function ruleLabel(rule: string): string {
  if (CODE_RULES[rule]) return CODE_RULES[rule];
  const data = loadReviewData();
  const entry = [...data.phrasebook, ...data.tone, ...data.gdpr].find((e) => e.id === rule);
  if (!entry) return rule.replace(/_/g, ' ');
  return data.phrasebook.includes(entry) ? `"${entry.label}"` : entry.label.charAt(0).toLowerCase() + entry.label.slice(1);
}
