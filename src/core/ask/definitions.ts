/**
 * Curated definitions: glossary entries for ordinary terms ("up-selling", "hazard", "brand")
 * rather than acronyms or named models. They are told apart by how the sources write them: a
 * definition's first spelling in `match` starts with a small letter ("hazard"), an acronym's or
 * a model's with a capital ("LASS", "Belbin"). Many criteria ask learners to define a term the
 * specification never defines ("Add-on sales, cross-selling and up-selling: definition of
 * terms"); the answer says so and gives the curated definition, marked as standard usage.
 */
import type { GlossaryEntry } from '../knowledge/types.js';
import type { AskKnowledge } from './types.js';

/** A curated definition with the criterion that asks learners to define it, if any. */
export interface Definition {
  entry: GlossaryEntry;
  /** The criterion whose amplification asks for this definition ("definition of terms"). */
  askedBy: string | null;
}

/** Words that make a question ask what something is ("what is…", "define…", "X vs Y"). */
const DEFINITION_CUE = /\b(?:what\s+(?:is|are|r|does|do)|whats|wats|define|defined|definition|definitions|meaning|mean|means|meant|difference|diff|vs|versus)\b/i;

const cache = new WeakMap<GlossaryEntry[], Map<string, Definition>>();

/** True for a glossary entry that defines an ordinary term (see the module comment). */
export function isDefinitionEntry(entry: GlossaryEntry): boolean {
  const first = entry.match[0] ?? '';
  return /^[a-z]/.test(first);
}

/** Every curated definition by glossary record id, worked out once per knowledge base. */
export function definitions(knowledge: AskKnowledge): Map<string, Definition> {
  let found = cache.get(knowledge.glossary);
  if (!found) {
    found = new Map();
    for (const entry of knowledge.glossary) {
      if (!isDefinitionEntry(entry)) continue;
      found.set(`glossary.${entry.slug}`, { entry, askedBy: askingCriterion(knowledge, entry) });
    }
    cache.set(knowledge.glossary, found);
  }
  return found;
}

/** The definitions a criterion asks for, in glossary order. */
export function definitionsFor(knowledge: AskKnowledge, criterionId: string): Definition[] {
  return [...definitions(knowledge).values()].filter((definition) => definition.askedBy === criterionId);
}

/** True when the question asks what something is or how two things differ. */
export function asksForDefinition(question: string): boolean {
  return DEFINITION_CUE.test(question);
}

/**
 * The line an answer shows for a definition, saying where it comes from.
 * @example definitionLine(upSelling) // '**Up-selling**: the specification asks you to define this; a standard definition …'
 */
export function definitionLine(definition: Definition): string {
  const { entry, askedBy } = definition;
  const own = entry.expansions.filter((e) => e.basis === 'specification').map((e) => e.text);
  const standard = entry.expansions.filter((e) => e.basis !== 'specification').map((e) => sentence(capitalise(e.text)));
  // The meaning's first sentence restates the definition in plain words; the rest is its example.
  const example = entry.meaning.split(/(?<=[.!?”])\s+(?=[A-Z“"])/).slice(1).join(' ');
  const labelled = `A standard definition (not the specification’s words): ${standard.join(' ')} ${example}`.trim();
  if (own.length > 0) {
    return `**${entry.term}**: the specification describes it as “${own.join('; ')}”. ${standard.length > 0 ? labelled : `In plain words: ${entry.meaning}`}`;
  }
  const framing = askedBy ? 'the specification asks you to define this but does not give a definition.' : 'the specification uses this term without defining it.';
  return `**${entry.term}**: ${framing} ${labelled}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The first criterion the entry appears in whose amplification asks for a definition in a topic
 * about the term.
 */
function askingCriterion(knowledge: AskKnowledge, entry: GlossaryEntry): string | null {
  const names = entry.match.map((spelling) => new RegExp(`(?<![A-Za-z])${spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`, 'i'));
  for (const id of entry.appearsIn) {
    const record = knowledge.record(id);
    if (record?.kind !== 'criterion') continue;
    // The topic's heading names the term ("Hazard and risk: definitions according to HSE"); an
    // item that only mentions it in passing ("definition, e.g. … value added benefits") does not count.
    const asks = record.sections.some((section) => section.items.some((item) => /\bdefinitions?\b/i.test(item)) && names.some((name) => name.test(section.heading)));
    if (asks) return id;
  }
  return null;
}
