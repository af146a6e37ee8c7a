/**
 * The offline answer: deterministic, composed from the best records. A lead line naming the
 * source, the part of the record that answers the question as a short list, and where relevant
 * a topic-note tip, what the command verb asks for, how the criterion is assessed, what law
 * applies today and where else to look. Never a dump of the whole record.
 */
import type { KnowledgeRecord } from '../knowledge/types.js';
import { employmentPointer, isPersonal } from './canned.js';
import { verbGuidance } from './command-verbs.js';
import { asksForDefinition, definitionLine, definitions, definitionsFor, type Definition } from './definitions.js';
import type { AskEngine, Retrieval } from './engine.js';
import { bullet, firstSentences, pickFacts, type Point } from './facts.js';
import { compareQualifications } from './qualifications.js';
import { lawLines, lawsToday } from './legislation-today.js';
import { lawNamedBy, teachingCriterion } from './pairing.js';
import { relevanceScorer, type RelevanceScorer } from './relevance.js';
import type { AnswerPart, ConversationTurn } from './types.js';

/** Most sections (bullets) and items per bullet in an answer. */
const MAX_SECTIONS = 4;
const MAX_ITEMS = 10;
/** Most definitions shown after the lead line. */
const MAX_DEFINITIONS = 3;
/** Questions about whether a law still applies: those lead with the law, not the criterion. */
const STATUS_QUESTION = /\b(?:still|in force|replaced|repealed|apply|applies|valid|current|currently|today|nowadays|now|new|old|changed|a thing|exist|exists|outdated|out of date)\b/i;
/** A second record is worth pointing to when it scores at least this share of the best. */
const RELATED_SHARE = 0.55;
const ASSESSMENT_TERMS = new Set(['assess', 'assign', 'evid', 'mark', 'pass', 'grade', 'coursework', 'criterion', 'criteria', 'exam', 'test']);
const NOTE_LABEL: Record<string, string> = { 'exam-tips': 'Tip', misconceptions: 'Common mistake to avoid', 'marking-points': 'Assessors look for' };
const TENTATIVE_OPENING = "I'm not sure the specification covers exactly that, but I think you're asking about this:";
const TENTATIVE_CLOSING = "If that's not what you meant, try asking another way, for example with the words your course uses, or ask your tutor.";
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
  /** Retrieval was not sure: frame the answer as a guess and offer the next matches. */
  tentative?: boolean;
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

/** Composes the offline answer from a retrieval (which must have at least one hit). */
export function composeAnswer(input: ComposeInput): Composed {
  const { engine, retrieval } = input;
  const knowledge = engine.knowledge;
  const top = knowledge.record(retrieval.hits[0]!.id)!;
  const primary = leadRecord(top, input);
  // The law or definition the question found, when its teaching criterion leads instead.
  const foundBy = primary.id === top.id ? null : top.id;
  const scorer = relevanceScorer(engine, retrieval.ownTerms, retrieval.queryTerms.filter((t) => !retrieval.ownTerms.includes(t)));
  const parts: AnswerPart[] = [{ kind: 'lead', text: leadLine(primary) }];
  const listed: Composed['listed'] = [];
  const citations = [primary.id];

  for (const definition of shownDefinitions(primary, foundBy, input)) {
    parts.push({ kind: 'text', text: definitionLine(definition) });
    citations.push(`glossary.${definition.entry.slug}`);
  }
  const points = pickPoints(primary, scorer, input);
  // "What do FCR and CSAT mean?": every term the question names, not just the first.
  for (const other of otherTermsNamed(retrieval, primary, engine)) {
    points.push({ text: termLine(other), record: other.id });
    citations.push(other.id);
  }
  // "Award or Certificate, what's the difference?": both sizes side by side, first.
  if (primary.kind === 'qualification') points.unshift(...compareQualifications(input.question, (id) => knowledge.record(id)));
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
  // "Tell me about the Trade Descriptions Act": the criterion leads, so say what the named law covers.
  // "What is RIDDOR?": the criterion leads, so say what the letters stand for and what the law requires.
  const acronymLaw = foundBy ? lawNamedBy(foundBy, knowledge) : undefined;
  if (acronymLaw) {
    parts.push({ kind: 'text', text: termLine(top, false) }, { kind: 'text', text: `**${acronymLaw.name}**: ${acronymLaw.governs}` });
    citations.push(foundBy!, `law.${acronymLaw.slug}`);
  }
  const namedLaw = foundBy ? knowledge.legislation.find((entry) => `law.${entry.slug}` === foundBy && lawsToday(knowledge, input.question, []).some((l) => l.id === foundBy)) : undefined;
  if (namedLaw) parts.push({ kind: 'text', text: `**${namedLaw.name}**: ${namedLaw.governs}` });
  for (const law of lawsToday(knowledge, input.question, foundBy ? [foundBy, primary.id] : [primary.id])) {
    // A legislation record already says what applies today.
    if (law.id === primary.id) continue;
    parts.push({ kind: 'law', text: `**Today** (${law.name}): ${law.brief}` });
    if (!citations.includes(law.id)) citations.push(law.id);
  }
  const verb = primary.kind === 'criterion' ? verbGuidance(primary.verb) : null;
  if (verb) parts.push({ kind: 'verb', text: verb });
  if (primary.unit === 7 && isPersonal(input.question)) parts.push({ kind: 'text', text: employmentPointer() });

  const teaching = teachingRecords(primary, knowledge);
  if (teaching.length > 0 && !input.focus) {
    parts.push({ kind: 'related', text: primary.kind === 'legislation' ? 'Where the specification teaches it' : 'Where the specification uses it', items: teaching.map(leadLine) });
    citations.splice(1, 0, ...teaching.map((r) => r.id));
  }
  const related = relatedRecords(retrieval, primary, [...citations, foundBy ?? ''], input.tentative === true).map((id) => knowledge.record(id)!);
  if (related.length > 0 && !input.focus) {
    parts.push({ kind: 'related', text: input.tentative ? 'If not, perhaps one of these' : 'See also', items: related.map(leadLine) });
    citations.splice(1 + teaching.length, 0, ...related.map((r) => r.id));
  }
  if (foundBy && !citations.includes(foundBy)) citations.splice(1, 0, foundBy);
  if (input.tentative) {
    parts.unshift({ kind: 'text', text: TENTATIVE_OPENING });
    parts.push({ kind: 'text', text: TENTATIVE_CLOSING });
  }
  return { parts, citations: [...new Set(citations)], listed };
}

/**
 * The record the answer leads with: the best hit, except that a curated definition gives way to
 * the criterion that asks for it, and a law to the criterion that teaches it — unless the
 * question is about whether the law still applies.
 */
function leadRecord(top: KnowledgeRecord, input: ComposeInput): KnowledgeRecord {
  if (input.focus || input.more) return top;
  if (top.kind === 'legislation' && STATUS_QUESTION.test(input.question)) return top;
  if (top.kind !== 'legislation' && top.kind !== 'glossary') return top;
  const teacher = teachingCriterion(top.id, input.engine.knowledge, input.retrieval.hits);
  return (teacher && input.engine.knowledge.record(teacher)) || top;
}

/**
 * Definitions to show after the lead: those of the lead criterion the question names (or the
 * one that found it); all of them when the question asks what something is without naming one.
 */
function shownDefinitions(primary: KnowledgeRecord, foundBy: string | null, input: ComposeInput): Definition[] {
  const knowledge = input.engine.knowledge;
  if (primary.kind === 'glossary') {
    const own = definitions(knowledge).get(primary.id);
    return own ? [own] : [];
  }
  if (primary.kind !== 'criterion') return [];
  const asked = definitionsFor(knowledge, primary.id);
  const named = new Set([...input.retrieval.references.acronyms.map((a) => a.id), foundBy ?? '']);
  const chosen = asked.filter((d) => named.has(`glossary.${d.entry.slug}`));
  if (chosen.length > 0) return chosen.slice(0, MAX_DEFINITIONS);
  return input.retrieval.explicit || asksForDefinition(input.question) ? asked.slice(0, MAX_DEFINITIONS) : [];
}

/** For a law, the criteria that teach it; for a definition nothing asks for, the criteria that use it. */
function teachingRecords(primary: KnowledgeRecord, knowledge: AskEngine['knowledge']): KnowledgeRecord[] {
  const ids =
    primary.kind === 'legislation'
      ? (knowledge.legislation.find((law) => `law.${law.slug}` === primary.id)?.citedIn ?? [])
      : primary.kind === 'glossary' && definitions(knowledge).has(primary.id)
        ? primary.related
        : [];
  return ids
    .map((id) => knowledge.record(id))
    .filter((record): record is KnowledgeRecord => record?.kind === 'criterion')
    .slice(0, 2);
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
      // A curated definition is shown by its own line (see shownDefinitions), not as "Expansions".
      if (definitions(input.engine.knowledge).has(record.id)) return [];
      return content.map((s) => ({ text: bullet(s.heading, s.items), record: record.id }));
    case 'legislation': {
      const entry = input.engine.knowledge.legislation.find((law) => `law.${law.slug}` === record.id);
      return entry ? lawLines(entry, input.question).map((text) => ({ text, record: record.id })) : [];
    }
    case 'note': {
      // A note section is a short list the learner asked for as a whole ("common mistakes…").
      const items = content.flatMap((s) => s.items);
      return items.slice(0, input.more ? items.length : MAX_ITEMS).map((text) => ({ text, record: record.id }));
    }
    case 'qualification':
      return pickFacts(record, content, scorer, input.more === true);
  }
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

/** "**RIDDOR**: Reporting of Injuries, … Regulations. The regulations that require …" */
function termLine(record: KnowledgeRecord, withMeaning = true): string {
  const expansions = record.sections.find((s) => s.heading === 'Expansions')?.items ?? [];
  const meaning = withMeaning ? (record.sections.find((s) => s.heading === 'Meaning')?.items[0] ?? '') : '';
  return `**${record.title}**: ${[expansions.join('; '), meaning].filter(Boolean).join('. ')}${withMeaning ? '' : '.'}`;
}

/** Other good matches; for a guess, the next two whatever their score (one of them may be what was meant). */
function relatedRecords(retrieval: Retrieval, primary: KnowledgeRecord, shown: string[], guess: boolean): string[] {
  const [top, ...rest] = retrieval.hits;
  if (!top) return [];
  return rest
    .filter((hit) => (guess || hit.score >= top.score * RELATED_SHARE) && !shown.includes(hit.id) && (guess || !primary.related.includes(hit.id)) && !hit.id.includes('.lo'))
    .slice(0, 2)
    .map((hit) => hit.id);
}
