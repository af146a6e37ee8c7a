/**
 * Applies curated phrase rules (the phrasebook, and the tone and GDPR files) to a draft. A match
 * is cancelled by an exception that overlaps it in the same sentence, by a required cue missing
 * from the sentence, or by an "unless" cue present in it ("we will never ask for your PIN").
 */
import { sentenceAt, type Analysis } from '../analyse.js';
import type { PhraseRule } from '../data.js';
import type { Category, Finding } from '../types.js';
import { allMatches, makeFinding, overlaps } from './finding.js';

/** One raw match of a rule before findings are built. */
export interface PhraseMatch {
  rule: PhraseRule;
  start: number;
  end: number;
}

/** Finds every accepted match of the rules, longest first where a rule's own patterns overlap. */
export function matchPhraseRules(analysis: Analysis, rules: readonly PhraseRule[]): PhraseMatch[] {
  const { text } = analysis;
  const found: PhraseMatch[] = [];
  for (const rule of rules) {
    const candidates = rule.patterns
      .flatMap((pattern) => allMatches(pattern, text))
      .sort((a, b) => b.end - b.start - (a.end - a.start));
    const accepted: PhraseMatch[] = [];
    for (const candidate of candidates) {
      if (accepted.some((a) => overlaps(a, candidate))) continue;
      const sentence = sentenceAt(analysis, candidate.start);
      const context = text.slice(sentence.start, Math.max(sentence.end, candidate.end));
      if (rule.exceptions.some((e) => allMatches(e, context, sentence.start).some((m) => overlaps(m, candidate)))) continue;
      if (rule.requiresInSentence && !rule.requiresInSentence.test(context)) continue;
      if (rule.unlessInSentence?.test(context)) continue;
      accepted.push({ rule, start: candidate.start, end: candidate.end });
    }
    found.push(...accepted);
  }
  return found;
}

/**
 * Findings for a list of rules in one category. When matches of different rules overlap, the
 * rule listed first in its file wins (so "can't do anything about it" is one finding, not two).
 */
export function phraseFindings(analysis: Analysis, category: Category, rules: readonly PhraseRule[], resolveAcrossRules: boolean): Finding[] {
  const matches = matchPhraseRules(analysis, rules);
  const order = new Map(rules.map((rule, index) => [rule.id, index]));
  const kept: PhraseMatch[] = [];
  for (const match of [...matches].sort((a, b) => order.get(a.rule.id)! - order.get(b.rule.id)!)) {
    if (resolveAcrossRules && kept.some((k) => overlaps(k, match))) continue;
    kept.push(match);
  }
  return kept.map((m) =>
    makeFinding(analysis.text, {
      category,
      rule: m.rule.id,
      severity: m.rule.severity,
      start: m.start,
      end: m.end,
      message: m.rule.why,
      suggestion: m.rule.better,
      principle: m.rule.principle,
      criteria: m.rule.criteria,
    }),
  );
}
