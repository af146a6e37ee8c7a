/**
 * The offline answer: deterministic, composed from the best records. A lead line naming the
 * source, the part of the record that answers the question as a short list, and where relevant
 * a topic-note tip, what the command verb asks for, how the criterion is assessed, what law
 * applies today and where else to look. Never a dump of the whole record.
 */
import type { KnowledgeRecord } from '../knowledge/types.js';
import { verbGuidance } from './command-verbs.js';
import type { AskEngine, Retrieval } from './engine.js';
import { lawsToday } from './legislation-today.js';
import { relevanceScorer, type RelevanceScorer } from './relevance.js';
import type { AnswerPart, ConversationTurn } from './types.js';

/** Most sections (bullets) and items per bullet in an answer. */
const MAX_SECTIONS = 4;
const MAX_ITEMS = 10;
/** Most prose facts (qualification paragraphs) in an answer. */
const MAX_FACTS = 4;
/** A second record is worth pointing to when it scores at least this share of the best. */
const RELATED_SHARE = 0.55;
const ASSESSMENT_TERMS = new Set(['assess', 'assign', 'evid', 'mark', 'pass', 'grade', 'coursework', 'criterion', 'criteria', 'exam', 'test']);
const NOTE_LABEL: Record<string, string> = { 'exam-tips': 'Tip', misconceptions: 'Common mistake to avoid', 'marking-points': 'Assessors look for' };
const ASSESSMENT_FACT = 'There is no exam: your centre sets and marks the assessment (centre-devised), and units are graded Pass.';

/** What the composer needs. */
export interface ComposeInput {
  engine: AskEngine;
  retrieval: Retrieval;
  question: string;
  /** Show only this section of the best record (a follow-up about "the second one"). */
  focus?: string | null;
  /** Show everything in the best record ("tell me more"). */
  more?: boolean;
  /** Always say how it is assessed (integrity answers). */
  assessment?: boolean;
}

/** A composed answer: its parts, the ids it cites (best first) and what it listed. */
export interface Composed {
  parts: AnswerPart[];
  citations: string[];
  listed: ConversationTurn['listed'];
}

/** "Unit 1 · LO4 · AC 4.4 — Explain how equality legislation affects customer service". */
export function leadLine(record: KnowledgeRecord): string {
  switch (record.kind) {
    case 'criterion':
      return `Unit ${record.unit} · LO${record.lo} · AC ${record.ac} — ${record.title}`;
    case 'outcome':
      return `Unit ${record.unit} · LO${record.lo} — ${record.title}`;
    case 'unit':
      return `Unit ${record.unit} — ${record.title}`;
    case 'note':
      return `Topic note — ${record.title}`;
    case 'legislation':
      return `Legislation — ${record.title}`;
    case 'glossary':
      return `Glossary — ${record.title}`;
    case 'qualification':
      return `Qualification — ${record.title}`;
  }
}

const isGuidance = (heading: string) => /^Assessment guidance/.test(heading);
const bullet = (heading: string, items: string[]) => (items.length > 0 ? `**${heading}**: ${items.join('; ')}` : heading);

/** Composes the offline answer from a retrieval (which must have at least one hit). */
export function composeAnswer(input: ComposeInput): Composed {
  const { engine, retrieval } = input;
  const knowledge = engine.knowledge;
  const primary = knowledge.record(retrieval.hits[0]!.id)!;
  const scorer = relevanceScorer(engine, retrieval.ownTerms, retrieval.queryTerms.filter((t) => !retrieval.ownTerms.includes(t)));
  const parts: AnswerPart[] = [{ kind: 'lead', text: leadLine(primary) }];
  const listed: Composed['listed'] = [];
  const citations = [primary.id];

  const points = pickPoints(primary, scorer, input);
  // "What do FCR and CSAT mean?": every term the question names, not just the first.
  for (const other of otherTermsNamed(retrieval, primary, engine)) {
    const expansions = other.sections.find((s) => s.heading === 'Expansions')?.items ?? [];
    const meaning = other.sections.find((s) => s.heading === 'Meaning')?.items[0] ?? '';
    points.push({ text: `**${other.title}**: ${[expansions.join('; '), meaning].filter(Boolean).join('. ')}`, record: other.id });
    citations.push(other.id);
  }
  for (const point of points) listed.push({ text: point.text, record: point.record });
  if (points.length > 0) parts.push({ kind: 'point', text: '', items: points.map((p) => p.text) });

  const wantsAssessment = input.assessment === true || input.more === true || retrieval.ownTerms.some((term) => ASSESSMENT_TERMS.has(term));
  if (primary.kind === 'qualification' && wantsAssessment) parts.splice(1, 0, { kind: 'text', text: ASSESSMENT_FACT });
  if (primary.kind === 'criterion' && wantsAssessment) {
    const guidance = primary.sections.filter((s) => isGuidance(s.heading)).flatMap((s) => s.items);
    parts.push({ kind: 'text', text: `**How it is assessed**: ${[ASSESSMENT_FACT, ...guidance.slice(0, 2)].join(' ')}` });
  }

  const note = pickNoteLine(primary, scorer, engine);
  if (note) {
    parts.push({ kind: 'note', text: `**${note.label}** (topic note): ${note.text}` });
    citations.push(note.id);
  }
  const verb = primary.kind === 'criterion' ? verbGuidance(primary.verb) : null;
  if (verb) parts.push({ kind: 'verb', text: verb });

  for (const law of lawsToday(knowledge, input.question, [primary.id])) {
    // A legislation record already says what applies today.
    if (law.id === primary.id) continue;
    parts.push({ kind: 'law', text: `**Today**: ${law.name}: ${law.today}` });
    if (!citations.includes(law.id) && primary.id !== law.id) citations.push(law.id);
  }

  const related = relatedRecords(retrieval, primary).map((id) => knowledge.record(id)!);
  if (related.length > 0 && !input.focus) {
    parts.push({ kind: 'related', text: 'See also', items: related.map(leadLine) });
    citations.splice(1, 0, ...related.map((r) => r.id));
  }
  return { parts, citations: [...new Set(citations)], listed };
}

interface Point {
  text: string;
  record: string;
}

function pickPoints(record: KnowledgeRecord, scorer: RelevanceScorer, input: ComposeInput): Point[] {
  const content = record.sections.filter((s) => !isGuidance(s.heading) && s.items.length > 0);
  switch (record.kind) {
    case 'criterion': {
      const focused = input.focus ? content.filter((s) => s.heading === input.focus) : [];
      const chosen = focused.length > 0 ? focused : chooseSections(content, scorer, input.more === true);
      return chosen.map((s) => ({ text: bullet(s.heading, trimItems(s.items, scorer, input.more === true)), record: record.id }));
    }
    case 'unit': {
      const facts = content.find((s) => s.heading === 'Unit facts')?.items ?? [];
      const outcomes = content.find((s) => s.heading === 'Learning outcomes')?.items ?? [];
      const aim = content.find((s) => s.heading === 'Unit aim')?.items[0];
      const points: Point[] = [];
      if (facts.length > 0) points.push({ text: facts.filter((f) => !/reference number/i.test(f)).join(' · '), record: record.id });
      if (aim) points.push({ text: `**Aim**: ${firstSentences(aim, 2)}`, record: record.id });
      for (const outcome of outcomes) {
        const number = /^(\d+)/.exec(outcome)?.[1];
        points.push({ text: `**LO${number ?? ''}** ${outcome.replace(/^\d+\s*/, '')}`, record: number ? `u${record.unit}.lo${number}` : record.id });
      }
      return points;
    }
    case 'outcome': {
      const criteria = content.find((s) => s.heading === 'Assessment criteria')?.items ?? [];
      return criteria.map((line) => {
        const ac = /^(\d+\.\d+)/.exec(line)?.[1];
        return { text: ac ? `**AC ${ac}** ${line.slice(ac.length).trim()}` : line, record: ac ? `u${record.unit}.ac${ac}` : record.id };
      });
    }
    case 'glossary':
      return content.map((s) => ({ text: bullet(s.heading, s.items), record: record.id }));
    case 'legislation':
      return content
        .filter((s) => !/^(Checked|How the specification names it)$/.test(s.heading))
        .map((s) => ({ text: bullet(s.heading, s.items.map(britishDates)), record: record.id }));
    case 'note': {
      // A note section is a short list the learner asked for as a whole ("common mistakes…").
      const items = content.flatMap((s) => s.items);
      return items.slice(0, input.more ? items.length : MAX_ITEMS).map((text) => ({ text, record: record.id }));
    }
    case 'qualification':
      return pickFacts(record, content, scorer, input.more === true);
  }
}

/**
 * Qualification records are lists of facts: show the section that answers the question
 * (its heading counts double: "Potential job roles" answers "what jobs…"), and within it the items
 * that score close to the best one; the whole first section when nothing stands out.
 */
function pickFacts(record: KnowledgeRecord, sections: KnowledgeRecord['sections'], scorer: RelevanceScorer, all: boolean): Point[] {
  const toPoints = (items: string[]) => items.map((text) => ({ text, record: record.id }));
  if (all) return toPoints(sections.flatMap((s) => s.items));
  const within = scorer;
  // A short fact that matches beats a long paragraph that mentions the word in passing.
  const itemScore = (item: string) => within.score(item) / Math.max(1, item.split(' ').length / 25);
  const ranked = sections
    .map((section) => {
      const itemScores = section.items.map(itemScore);
      return { section, itemScores, score: 2 * within.score(section.heading) + Math.max(0, ...itemScores) };
    })
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best || best.score === 0) return toPoints((sections[0]?.items ?? []).slice(0, 5));
  // Sections whose heading answers ("Potential job roles") are shown whole, up to two of them.
  const byHeading = ranked.filter((entry) => within.score(entry.section.heading) > 0 && entry.score >= best.score * 0.5).slice(0, 2);
  if (byHeading.length > 0) {
    return byHeading.map((entry) => ({ text: bullet(entry.section.heading, bestItems(entry.section.items, entry.itemScores).map(brief)), record: record.id }));
  }
  const top = Math.max(...best.itemScores);
  const items = best.section.items.filter((_, i) => best.itemScores[i]! >= top * 0.6);
  return toPoints(items.slice(0, MAX_FACTS).map(brief));
}

/** A section's items in order: all of them when short, else the best-scoring few (prose sections are long). */
function bestItems(items: string[], scores: number[]): string[] {
  if (items.length <= MAX_FACTS || items.every((item) => item.length < 80)) return items.slice(0, MAX_ITEMS);
  const keep = new Set(items.map((item, i) => ({ item, score: scores[i]!, i })).sort((a, b) => b.score - a.score || a.i - b.i).slice(0, MAX_FACTS).map((e) => e.i));
  return items.filter((_, i) => keep.has(i));
}

/** Sections that answer the question, in the record's order; all of them when few or nothing stands out. */
function chooseSections<S extends { heading: string; items: string[] }>(sections: S[], scorer: RelevanceScorer, all: boolean): S[] {
  if (all || sections.length <= 3) return sections;
  const scored = sections.map((s) => ({ s, score: scorer.score(s.heading) * 2 + scorer.score(s.items.join(' ')) }));
  const relevant = scored.filter((entry) => entry.score > 0);
  if (relevant.length === 0) return sections.slice(0, MAX_SECTIONS);
  const cut = [...relevant].sort((a, b) => b.score - a.score).slice(0, MAX_SECTIONS).map((entry) => entry.s);
  return sections.filter((s) => cut.includes(s));
}

/** Up to {@link MAX_ITEMS} items: the relevant ones first in record order, then the rest. */
function trimItems(items: string[], scorer: RelevanceScorer, all: boolean): string[] {
  if (all || items.length <= MAX_ITEMS) return items;
  const best = new Set(scorer.best(items, MAX_ITEMS));
  const rest = items.filter((item) => !best.has(item)).slice(0, MAX_ITEMS - best.size);
  return items.filter((item) => best.has(item) || rest.includes(item));
}

function pickNoteLine(record: KnowledgeRecord, scorer: RelevanceScorer, engine: AskEngine): { id: string; label: string; text: string } | null {
  if (record.kind === 'note' || record.kind === 'glossary') return null;
  let best: { id: string; label: string; text: string; score: number } | null = null;
  for (const id of record.related) {
    const note = engine.knowledge.record(id);
    const kind = id.split('.').pop() ?? '';
    if (!note || note.kind !== 'note' || !NOTE_LABEL[kind]) continue;
    for (const item of note.sections.flatMap((s) => s.items)) {
      const score = scorer.score(item);
      if (score > 0 && (!best || score > best.score)) best = { id, label: NOTE_LABEL[kind]!, text: item, score };
    }
  }
  // One shared common word is not relevance: ask for at least two words' worth of overlap.
  return best && best.score >= 3 ? best : null;
}

function otherTermsNamed(retrieval: Retrieval, primary: KnowledgeRecord, engine: AskEngine): KnowledgeRecord[] {
  if (primary.kind !== 'glossary') return [];
  return retrieval.references.acronyms
    .filter((acronym) => acronym.strong && acronym.id !== primary.id)
    .map((acronym) => engine.knowledge.record(acronym.id))
    .filter((record): record is KnowledgeRecord => record !== undefined)
    .slice(0, 3);
}

function relatedRecords(retrieval: Retrieval, primary: KnowledgeRecord): string[] {
  const [top, ...rest] = retrieval.hits;
  if (!top) return [];
  return rest
    .filter((hit) => hit.score >= top.score * RELATED_SHARE && hit.id !== primary.id && !primary.related.includes(hit.id) && !hit.id.includes('.lo'))
    .slice(0, 2)
    .map((hit) => hit.id);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "(from 2018-05-25)" → "(from 25 May 2018)": the register stores ISO dates; learners read British ones. */
function britishDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_m, y: string, m: string, d: string) => `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`);
}

/** At most two sentences and about 240 characters of a long paragraph. */
function brief(text: string): string {
  const short = firstSentences(text, 2);
  return short.length <= 240 ? short : `${short.slice(0, short.lastIndexOf(' ', 237))}…`;
}

function firstSentences(text: string, count: number): string {
  const sentences = text.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [text];
  return sentences.slice(0, count).join('').trim();
}
