/**
 * The shape of a review: findings pinned to exact UTF-16 offsets of the draft, a score, a
 * one-paragraph summary and a tutor view against the qualification's criteria.
 */

import type { Channel } from './channel.js';

/** The four kinds of feedback. */
export type Category = 'positive-language' | 'tone' | 'gdpr' | 'writing';

/** How much a finding matters: `error` must be fixed before sending (GDPR breaches, threats). */
export type Severity = 'info' | 'warning' | 'error';

/** The tone rule ids (issue 4 spells them exactly). */
export type ToneRule = 'blaming' | 'dismissive' | 'sarcastic' | 'over_informal' | 'aggressive' | 'cold' | 'jargon';

/** The GDPR rule ids. */
export type GdprRule =
  | 'card_number' | 'bank_details' | 'ni_number' | 'dob' | 'health_data' | 'third_party_data'
  | 'password_request' | 'no_identity_check' | 'excessive_retention' | 'marketing_without_consent' | 'insecure_sharing'
  | 'excessive_data_request';

/**
 * The writing-convention rule ids; `informal_greeting` flags "hi," in lower case or "Hey" opening
 * an email, `formal_sign_off` a letter's "Thanks," or a sign-off that does not match its
 * salutation, and `instruction_to_reviewer` text aimed at the reviewer.
 */
export type WritingRule =
  | 'no_greeting' | 'informal_greeting' | 'no_closing' | 'formal_sign_off' | 'no_paragraphs' | 'spelling_errors' | 'no_next_step' | 'instruction_to_reviewer';

/** The UK GDPR principle a data-protection finding relates to. */
export type GdprPrinciple = 'data minimisation' | 'security' | 'purpose limitation' | 'lawful basis' | 'accuracy' | 'storage limitation';

/**
 * A knowledge-base criterion a finding relates to, by record id ("u3.ac2.2"). Titles come from
 * the knowledge base when rendering, never from this module.
 */
export interface CriterionRef {
  source: CriterionId;
  unit: number;
  ac: string;
}

/** The criteria the reviewer uses: Unit 3 AC 2.1, 2.2, 2.4, 3.2, 3.3 and Unit 1 AC 4.5. */
export type CriterionId = 'u3.ac2.1' | 'u3.ac2.2' | 'u3.ac2.4' | 'u3.ac3.2' | 'u3.ac3.3' | 'u1.ac4.5';

/** One piece of feedback, pinned to the words it is about: `text.slice(start, end) === excerpt`. */
export interface Finding {
  category: Category;
  /** Rule id: a tone/gdpr/writing id above, or a phrasebook entry id for positive language. */
  rule: string;
  severity: Severity;
  /** UTF-16 offsets into the draft. */
  start: number;
  end: number;
  excerpt: string;
  /** Why it matters, written for a learner. */
  message: string;
  /** A better phrasing or the fix, or null when there is nothing to suggest. */
  suggestion: string | null;
  /** For GDPR findings: the principle at stake; null otherwise. */
  principle: GdprPrinciple | null;
  criteria: CriterionRef[];
}

/** "met" when the draft shows the criterion in practice, "not yet" otherwise. */
export type TutorStatus = 'met' | 'not yet';

/** The tutor's view of one criterion, with the draft's own words as evidence. */
export interface TutorCriterion {
  criterion: CriterionRef;
  status: TutorStatus;
  /** One line on why. */
  reason: string;
  /** Short quotes from the draft (at most three). */
  evidence: string[];
}

/** Counts that describe the draft (no text). */
export interface ReviewStats {
  words: number;
  sentences: number;
  paragraphs: number;
  bySeverity: Record<Severity, number>;
  byCategory: Record<Category, number>;
}

/** Extra observations from the optional LLM pass, with personal data restored for the reader. */
export interface LlmSuggestions {
  /** Further tone observations (the rule findings stay authoritative). */
  toneObservations: string[];
  /** A rewritten reply the learner can compare with their own. */
  rewrite: string;
}

/** The result of reviewing one draft. */
export interface Review {
  findings: Finding[];
  /** 0–100; see docs/review.md for the weights. */
  score: number;
  /** One paragraph, written for the learner. */
  summary: string;
  /** Unit 3 AC 2.2, 2.4, 3.3 and Unit 1 AC 4.5, in that order. */
  tutorView: TutorCriterion[];
  stats: ReviewStats;
  /** The channel the review was told the draft is for; null when it judged the layout instead. */
  channel: Channel | null;
  /** Present only when an LLM is configured and answered in time. */
  llm: LlmSuggestions | null;
}
