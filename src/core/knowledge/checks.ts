/**
 * Cross-checks the curated registers against the records they point at: every id must exist, a
 * law's citation must really name it, a glossary expansion must really appear where it says, and
 * every glossary term must appear somewhere. Returns readable problems (empty when all is well).
 */
import { criterionId, mentions } from './records.js';
import type { GlossaryEntry, KnowledgeRecord, LegislationEntry, TopicNote } from './types.js';

const normalise = (value: string) => value.toLowerCase().replace(/[()]/g, '').replace(/\s+/g, ' ');

/** Problems with the curated links, e.g. "law.equality-act-2010: u9.ac9.9 is not a record". */
export function checkReferences(records: KnowledgeRecord[], notes: TopicNote[], legislation: LegislationEntry[], glossary: GlossaryEntry[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, KnowledgeRecord>();
  for (const record of records) {
    if (byId.has(record.id)) problems.push(`two records share the id "${record.id}"`);
    byId.set(record.id, record);
  }
  for (const note of notes) {
    for (const link of note.links) {
      for (const ac of link.acs) if (!byId.has(criterionId(link.unit, ac))) problems.push(`note "${note.slug}" links to Unit ${link.unit} AC ${ac}, which does not exist`);
    }
  }
  for (const entry of legislation) {
    for (const id of entry.citedIn) {
      const record = byId.get(id);
      if (!record) problems.push(`law "${entry.slug}" is cited in "${id}", which is not a record`);
      else if (!entry.citedAs.some((name) => normalise(record.text).includes(normalise(name)))) {
        problems.push(`law "${entry.slug}": record "${id}" does not contain any of ${entry.citedAs.map((name) => `"${name}"`).join(', ')}`);
      }
    }
  }
  for (const entry of glossary) {
    if (entry.appearsIn.length === 0) problems.push(`glossary "${entry.slug}": "${entry.term}" appears in no record`);
    for (const expansion of entry.expansions) {
      for (const id of expansion.citedIn) {
        const record = byId.get(id);
        if (!record) problems.push(`glossary "${entry.slug}" cites "${id}", which is not a record`);
        else if (!entry.match.some((spelling) => mentions(record.text, spelling)) && !normalise(record.text).includes(normalise(expansion.text))) {
          problems.push(`glossary "${entry.slug}": record "${id}" mentions neither "${entry.term}" nor "${expansion.text}"`);
        }
      }
    }
  }
  return problems;
}
