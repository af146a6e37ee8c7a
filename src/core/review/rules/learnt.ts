/**
 * A sentence classifier learnt from labelled example sentences (`knowledge/review/examples.json`),
 * for the judgement rules whose wording varies most (blame, dismissal, sarcasm, threats, and the
 * GDPR practice rules). The phrase rules catch what their lists name; this catches a sentence that
 * reads like the examples of a rule even when no listed wording is in it.
 *
 * Two small models over the same features (lower-case Porter stems of wink-nlp's word tokens, "n't"
 * read as "not", plus neighbouring-stem pairs so "you failed" differs from "we failed"):
 * - naive Bayes across the classes, including a large "harmless" class of ordinary reply sentences
 *   and look-alikes ("I can't wait to help", "card ending 4421"), giving a posterior per class;
 * - the nearest example by TF-IDF cosine, per class.
 * A sentence is flagged only when its most likely class is a rule, that class's posterior is high
 * AND its nearest example of that class is close (precision first; thresholds calibrated on the
 * development drafts, docs/review.md "Round 6"). Built once at start-up from about 450 sentences.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stemmer } from 'stemmer';
import { z } from 'zod';
import { loadNlp, type Analysis, type Token } from '../analyse.js';
import type { PhraseRule, ReviewData } from '../data.js';
import { ReviewDataError } from '../data.js';
import type { Finding } from '../types.js';
import { makeFinding, overlaps } from './finding.js';

/** The rules the classifier learns, as `category.rule`. */
export const LEARNT_RULES = [
  'tone.blaming',
  'tone.dismissive',
  'tone.sarcastic',
  'tone.aggressive',
  'gdpr.third_party_data',
  'gdpr.no_identity_check',
  'gdpr.excessive_retention',
  'gdpr.marketing_without_consent',
  'gdpr.insecure_sharing',
  'gdpr.password_request',
  'gdpr.excessive_data_request',
] as const;

/** A class of the classifier: one of {@link LEARNT_RULES}, or an ordinary sentence. */
export type LearntClass = (typeof LEARNT_RULES)[number] | 'harmless';

const sentence = z.string().min(10).max(200);
/** The examples file: 25+ sentences per rule, 150+ harmless ones. */
export const examplesSchema = z
  .object({
    about: z.string(),
    classes: z
      .object({
        ...Object.fromEntries(LEARNT_RULES.map((rule) => [rule, z.array(sentence).min(25)])),
        harmless: z.array(sentence).min(150),
      } as Record<LearntClass, z.ZodArray<typeof sentence>>)
      .strict(),
  })
  .strict();

/** Thresholds (calibrated on the development drafts; see docs/review.md "Round 6"). */
export const LEARNT_THRESHOLDS = { posterior: 0.99, nearest: 0.2, minWords: 4 } as const;

/** Naive Bayes smoothing: small, as the example sentences are short. */
const ALPHA = 0.1;

/** The classifier's reading of one sentence. */
export interface Classification {
  /** The most likely class. */
  label: LearntClass;
  /** Its naive Bayes posterior, 0–1. */
  posterior: number;
  /** TF-IDF cosine with the closest example of that class, 0–1. */
  nearest: number;
}

/** The trained model. */
export interface LearntModel {
  /** Classifies a sentence given as features (see {@link featuresOf}). */
  classify(features: ReadonlySet<string>): Classification;
  /** Classifies a sentence of plain text (tokenised by wink-nlp). */
  classifyText(text: string): Classification;
}

/** Features of a run of tokens: stems of the words, and pairs of neighbouring stems. */
export function featuresOf(tokens: ReadonlyArray<Pick<Token, 'value' | 'type'>>): Set<string> {
  const stems: string[] = [];
  for (const token of tokens) {
    if (token.type === 'number') stems.push('<num>');
    else if (token.type === 'word') {
      const word = token.value.toLowerCase().replace(/[’'`ʼ]/g, '');
      stems.push(word === 'nt' ? 'not' : stemmer(word));
    } else if (token.type === 'email' || token.type === 'mention') stems.push(`<${token.type}>`);
  }
  const features = new Set(stems);
  for (let i = 1; i < stems.length; i += 1) features.add(`${stems[i - 1]} ${stems[i]}`);
  return features;
}

function tokensOf(text: string): Array<Pick<Token, 'value' | 'type'>> {
  const nlp = loadNlp();
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const types = doc.tokens().out(nlp.its.type) as string[];
  return values.map((value, i) => ({ value, type: types[i]! }));
}

/**
 * Trains both models on labelled sentences.
 * @example createLearntModel({ harmless: [...], 'tone.blaming': [...] }).classifyText('You broke it.')
 */
export function createLearntModel(classes: Partial<Record<LearntClass, readonly string[]>>): LearntModel {
  const labels = Object.keys(classes) as LearntClass[];
  const examples = labels.flatMap((label, index) => classes[label]!.map((text) => ({ index, features: featuresOf(tokensOf(text)) })));
  const df = new Map<string, number>();
  for (const { features } of examples) for (const f of features) df.set(f, (df.get(f) ?? 0) + 1);
  const idf = (f: string) => Math.log(1 + examples.length / (df.get(f) ?? 0.5));
  const vectors = examples.map(({ index, features }) => {
    const norm = Math.sqrt([...features].reduce((sum, f) => sum + idf(f) ** 2, 0)) || 1;
    return { index, weights: new Map([...features].map((f) => [f, idf(f) / norm])) };
  });
  const counts = labels.map(() => new Map<string, number>());
  const totals = labels.map(() => 0);
  const sizes = labels.map(() => 0);
  for (const { index, features } of examples) {
    sizes[index]! += 1;
    for (const f of features) counts[index]!.set(f, (counts[index]!.get(f) ?? 0) + 1);
    totals[index]! += features.size;
  }
  // Priors from the class sizes: harmless is by far the largest class, which is what we want.
  const priors = sizes.map((size) => Math.log(size / examples.length));
  const vocabulary = df.size;

  const classify = (all: ReadonlySet<string>): Classification => {
    const features = [...all].filter((f) => df.has(f));
    const logs = labels.map((_, c) => {
      let sum = priors[c]!;
      const denominator = totals[c]! + ALPHA * vocabulary;
      for (const f of features) sum += Math.log(((counts[c]!.get(f) ?? 0) + ALPHA) / denominator);
      return sum;
    });
    const max = Math.max(...logs);
    const z = logs.reduce((sum, value) => sum + Math.exp(value - max), 0);
    let best = labels.indexOf('harmless');
    logs.forEach((value, c) => {
      if (value > logs[best]!) best = c;
    });
    const norm = Math.sqrt(features.reduce((sum, f) => sum + idf(f) ** 2, 0)) || 1;
    let nearest = 0;
    for (const { index, weights } of vectors) {
      if (index !== best) continue;
      let dot = 0;
      for (const f of features) dot += (weights.get(f) ?? 0) * (idf(f) / norm);
      nearest = Math.max(nearest, dot);
    }
    return { label: labels[best]!, posterior: features.length === 0 ? 0 : Math.exp(logs[best]! - max) / z, nearest };
  };
  return { classify, classifyText: (text) => classify(featuresOf(tokensOf(text))) };
}

const EXAMPLES_PATH = fileURLToPath(new URL('../../../../knowledge/review/examples.json', import.meta.url));

/** Reads and validates the examples file. @throws ReviewDataError */
export function loadExamples(path = EXAMPLES_PATH): z.infer<typeof examplesSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ReviewDataError(`knowledge/review/examples.json: cannot read it as JSON (${(error as Error).message})`);
  }
  const parsed = examplesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReviewDataError(`knowledge/review/examples.json: ${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}

let cached: LearntModel | undefined;

/** The model trained on `knowledge/review/examples.json` (once per process). @throws ReviewDataError */
export function loadLearntModel(): LearntModel {
  cached ??= createLearntModel(loadExamples().classes);
  return cached;
}

/** How a learnt finding names what the sentence reads as. */
const READS_AS: Record<(typeof LEARNT_RULES)[number], string> = {
  'tone.blaming': 'blaming',
  'tone.dismissive': 'dismissive of the concern',
  'tone.sarcastic': 'sarcastic',
  'tone.aggressive': 'a threat or an order',
  'gdpr.third_party_data': "disclosing another person's personal data",
  'gdpr.no_identity_check': 'acting for someone without checking who they are',
  'gdpr.excessive_retention': 'keeping personal data too long or for other uses',
  'gdpr.marketing_without_consent': 'marketing or sharing data with partners without consent',
  'gdpr.insecure_sharing': 'sharing personal data insecurely',
  'gdpr.password_request': 'asking for a password, PIN or full card details',
  'gdpr.excessive_data_request': 'asking for identity documents or personal details by an insecure channel',
};

/**
 * Findings from the learnt classifier: one per sentence it reads as a rule with confidence, unless
 * a rule's finding of the same category (so also of the same rule) already covers the sentence
 * (for tone, also a positive-language finding). Message, suggestion, severity and criteria
 * come from the rule's own entry in `knowledge/review/{tone,gdpr}.json`.
 */
export function learntFindings(analysis: Analysis, data: ReviewData, existing: readonly Finding[], model: LearntModel = loadLearntModel()): Finding[] {
  const entries = new Map<string, PhraseRule>([...data.tone.map((r) => [`tone.${r.id}`, r] as const), ...data.gdpr.map((r) => [`gdpr.${r.id}`, r] as const)]);
  const findings: Finding[] = [];
  for (const span of analysis.sentences) {
    const tokens = analysis.tokens.filter((t) => t.start >= span.start && t.end <= span.end);
    if (tokens.filter((t) => t.type === 'word').length < LEARNT_THRESHOLDS.minWords) continue;
    const { label, posterior, nearest } = model.classify(featuresOf(tokens));
    if (label === 'harmless' || posterior < LEARNT_THRESHOLDS.posterior || nearest < LEARNT_THRESHOLDS.nearest) continue;
    const [category, rule] = label.split('.') as ['tone' | 'gdpr', string];
    // A sentence a rule already flagged in this category is left to the rule: on the development
    // drafts, a second label there was nearly always a neighbouring rule's problem read twice.
    // A sentence whose negative wording is already flagged is not read again as a tone problem.
    const covering = category === 'tone' ? ['tone', 'positive-language'] : [category];
    if (existing.some((f) => covering.includes(f.category) && overlaps(f, span))) continue;
    const entry = entries.get(label);
    // The rule's own "unless" cues hold for the learnt reading too ("we will never ask for your
    // PIN", "if you would like to opt in", "once we have confirmed your identity").
    if (!entry || entry.unlessInSentence?.test(span.text)) continue;
    findings.push(
      makeFinding(analysis.text, {
        category,
        rule,
        severity: entry.severity,
        start: span.start,
        end: span.end,
        message: `This sentence reads as ${READS_AS[label]}. ${entry.why}`,
        suggestion: entry.better,
        principle: entry.principle,
        criteria: entry.criteria,
      }),
    );
  }
  return findings;
}
