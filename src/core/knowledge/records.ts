/**
 * Flattens the knowledge base into uniform, citable records (`u1`, `u1.lo4`, `u1.ac4.4`,
 * `qual.award`, `note.equality.misconceptions`, `law.equality-act-2010`, `glossary.smart`) and
 * links them to each other. Used by the loader at start-up and by the builder to check references.
 */
import type { Criterion, GlossaryEntry, GlossaryEntryData, KnowledgeRecord, LegislationEntry, Qualification, TopicNote, Unit } from './types.js';

/** The data the records are made from. */
export interface KnowledgeData {
  qualification: Qualification;
  units: Unit[];
  notes: TopicNote[];
  legislation: LegislationEntry[];
  glossary: GlossaryEntryData[];
}

type Section = KnowledgeRecord['sections'][number];
type Draft = Omit<KnowledgeRecord, 'text' | 'related'> & { lead?: string; related?: string[] };

const STATUS_LABEL: Record<LegislationEntry['status'], string> = {
  'in-force': 'In force',
  amended: 'In force, as amended',
  'partly-replaced': 'Partly replaced',
  replaced: 'Replaced',
  revoked: 'Revoked',
};

/** "u1.ac4.4" for Unit 1, criterion 4.4. */
export const criterionId = (unit: number, ac: string) => `u${unit}.ac${ac}`;

/** A section as readable lines: its heading, then one line per item. */
const sectionText = (section: Section) => [`${section.heading}:`, ...section.items.map((item) => `- ${item}`)].join('\n');

function finish(draft: Draft): KnowledgeRecord {
  const { lead, related = [], ...record } = draft;
  const text = [lead ?? record.title, ...record.sections.map(sectionText)].join('\n');
  // A copy per record: links are added to it later and must not leak between records.
  return { ...record, text, related: [...new Set(related)] };
}

function qualificationRecords(qualification: Qualification): Draft[] {
  const base = { kind: 'qualification' as const, unit: null, lo: null, ac: null, verb: null };
  const drafts: Draft[] = qualification.qualifications.map((facts) => ({
    ...base,
    id: `qual.${facts.kind}`,
    title: facts.title,
    sections: [
      {
        heading: 'Key facts',
        items: [
          `Qualification Number (QN): ${facts.qn}`,
          `Credit value: ${facts.credit}`,
          `Total Qualification Time (TQT): ${facts.tqt} hours`,
          `Guided learning hours (GLH): ${facts.glh}`,
          `Accreditation start date: ${facts.accreditationStartDate}`,
          `Approved age ranges: ${facts.approvedAgeRanges.join(', ')}`,
          `Assessment: ${facts.assessment}`,
          `Grading: ${facts.grading}`,
        ],
      },
      { heading: 'Entry requirements', items: [facts.entryRequirements] },
      { heading: 'Qualification objective', items: facts.objective },
      { heading: 'Funding', items: facts.funding },
    ],
  }));
  drafts.push({
    ...base,
    id: 'qual.structure',
    title: 'Qualification structures',
    sections: qualification.structures.flatMap((structure) => [
      {
        heading: `${structure.title}: rules`,
        items: [
          ...structure.statement,
          `${structure.totalCredits} credits in total: ${structure.mandatoryCredits} from mandatory units and at least ${structure.minOptionalCredits} from optional units`,
        ],
      },
      {
        heading: `${structure.title}: units`,
        items: structure.units.map((u) => `Unit ${u.number} (${u.urn}, ${u.group}): ${u.title} (Level ${u.level}, ${u.credit} credits, ${u.glh} guided learning hours)`),
      },
    ]),
  });
  const { progression } = qualification;
  drafts.push({
    ...base,
    id: 'qual.progression',
    title: 'Progression opportunities',
    sections: [
      { heading: 'Progression', items: progression.paragraphs },
      { heading: 'Qualifications learners could progress to', items: progression.qualifications },
      { heading: 'Potential job roles', items: progression.jobRoles },
    ],
  });
  for (const topic of qualification.summary) drafts.push({ ...base, id: `qual.${slug(topic.topic)}`, title: topic.topic, sections: [{ heading: topic.topic, items: topic.items }] });
  for (const section of qualification.sections) {
    drafts.push({ ...base, id: `qual.${section.slug}`, title: section.heading, sections: section.blocks.map((block) => ({ heading: block.topic, items: block.items })) });
  }
  return drafts;
}

const slug = (value: string) => value.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** Every criterion, flat, in unit / outcome / criterion order. */
export function flattenCriteria(units: Unit[]): Criterion[] {
  return units.flatMap((unit) =>
    unit.outcomes.flatMap((outcome) =>
      outcome.criteria.map((criterion) => ({
        id: criterionId(unit.number, criterion.ac),
        unit: unit.number,
        lo: outcome.number,
        ac: criterion.ac,
        verb: criterion.verb,
        text: criterion.text,
        loTitle: outcome.title,
        amplification: criterion.amplification,
        guidance: criterion.guidance,
        delivery: outcome.delivery.join('\n\n'),
      })),
    ),
  );
}

function unitRecords(unit: Unit): Draft[] {
  const where = `Unit ${unit.number}: ${unit.title}`;
  const drafts: Draft[] = [
    {
      id: `u${unit.number}`,
      kind: 'unit',
      unit: unit.number,
      lo: null,
      ac: null,
      verb: null,
      title: unit.title,
      lead: where,
      sections: [
        { heading: 'Unit facts', items: [`Unit reference number: ${unit.urn}`, `Level: ${unit.level}`, `Credit value: ${unit.credit}`, `Guided learning hours: ${unit.glh}`] },
        { heading: 'Unit aim', items: unit.aim },
        { heading: 'Essential resources', items: unit.essentialResources },
        { heading: 'Learning outcomes', items: unit.outcomes.map((outcome) => `${outcome.number} ${outcome.title}`) },
        { heading: 'Delivery', items: unit.delivery },
        { heading: 'Assessment', items: unit.assessment },
        ...unit.resources.map((group) => ({ heading: `Suggested resources: ${group.topic}`, items: group.items })),
      ].filter((section) => section.items.length > 0),
    },
  ];
  for (const outcome of unit.outcomes) {
    drafts.push({
      id: `u${unit.number}.lo${outcome.number}`,
      kind: 'outcome',
      unit: unit.number,
      lo: outcome.number,
      ac: null,
      verb: null,
      title: outcome.title,
      lead: `${where}. Learning outcome ${outcome.number}: ${outcome.title}`,
      sections: [
        { heading: 'Assessment criteria', items: outcome.criteria.map((criterion) => `${criterion.ac} ${criterion.text}`) },
        { heading: 'Delivery', items: outcome.delivery },
        { heading: 'Assessment guidance', items: outcome.assessment },
      ].filter((section) => section.items.length > 0),
      related: outcome.criteria.map((criterion) => criterionId(unit.number, criterion.ac)),
    });
    for (const criterion of outcome.criteria) {
      drafts.push({
        id: criterionId(unit.number, criterion.ac),
        kind: 'criterion',
        unit: unit.number,
        lo: outcome.number,
        ac: criterion.ac,
        verb: criterion.verb,
        title: criterion.text,
        lead: `${where}. Learning outcome ${outcome.number}: ${outcome.title}. Assessment criterion ${criterion.ac}: ${criterion.text}`,
        sections: [
          ...criterion.amplification.map((topic) => ({ heading: topic.topic, items: topic.items })),
          { heading: 'Assessment guidance', items: criterion.guidance },
          { heading: `Assessment guidance for learning outcome ${outcome.number}`, items: outcome.assessment },
        ].filter((section) => section.items.length > 0 || !/^Assessment guidance/.test(section.heading)),
        related: [`u${unit.number}.lo${outcome.number}`],
      });
    }
  }
  return drafts;
}

function noteRecords(note: TopicNote): Draft[] {
  const linked = note.links.flatMap((link) => link.acs.map((ac) => criterionId(link.unit, ac)));
  return note.sections.map((section) => ({
    id: `note.${note.slug}.${section.kind}`,
    kind: 'note',
    unit: null,
    lo: null,
    ac: null,
    verb: null,
    title: `${note.title}: ${section.heading}`,
    sections: [{ heading: section.heading, items: section.items }],
    related: linked,
  }));
}

function lawRecord(entry: LegislationEntry): Draft {
  return {
    id: `law.${entry.slug}`,
    kind: 'legislation',
    unit: null,
    lo: null,
    ac: null,
    verb: null,
    title: entry.name,
    sections: [
      { heading: 'What it governs', items: [entry.governs] },
      { heading: 'Status today', items: [`${STATUS_LABEL[entry.status]}. ${entry.today}`] },
      { heading: 'Replaced by', items: entry.replacedBy.map((r) => `${r.name}${r.from ? ` (from ${r.from})` : ''}: ${r.scope}`) },
      { heading: 'How the specification names it', items: entry.citedAs },
      { heading: 'Checked', items: [entry.checked] },
    ].filter((section) => section.items.length > 0),
    related: entry.citedIn,
  };
}

const spellingPatterns = new Map<string, RegExp>();

/** Whole-word, case-sensitive search for a glossary spelling. */
export function mentions(text: string, spelling: string): boolean {
  let pattern = spellingPatterns.get(spelling);
  if (!pattern) {
    const escaped = spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`);
    spellingPatterns.set(spelling, pattern);
  }
  return pattern.test(text);
}

/** Builds every record, links them both ways and computes where glossary terms appear. */
export function buildRecords(data: KnowledgeData): { records: KnowledgeRecord[]; glossary: GlossaryEntry[] } {
  const content = [
    ...qualificationRecords(data.qualification),
    ...data.units.flatMap(unitRecords),
    ...data.notes.flatMap(noteRecords),
    ...data.legislation.map(lawRecord),
  ].map(finish);
  const glossary: GlossaryEntry[] = data.glossary.map((entry) => ({
    ...entry,
    appearsIn: content.filter((record) => entry.match.some((spelling) => mentions(record.text, spelling) || mentions(record.title, spelling))).map((record) => record.id),
  }));
  const glossaryRecords = glossary.map((entry) =>
    finish({
      id: `glossary.${entry.slug}`,
      kind: 'glossary',
      unit: null,
      lo: null,
      ac: null,
      verb: null,
      title: entry.term,
      sections: [
        { heading: 'Expansions', items: entry.expansions.map((e) => `${e.text} (${e.basis === 'standard' ? 'standard expansion' : `as the ${e.basis.replace('-', ' ')} gives it`})`) },
        { heading: 'Meaning', items: [entry.meaning] },
      ],
      related: entry.appearsIn,
    }),
  );
  const records = [...content, ...glossaryRecords];
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const record of records) {
    for (const id of record.related) {
      const other = byId.get(id);
      if (other && !other.related.includes(record.id)) other.related.push(record.id);
    }
  }
  return { records, glossary };
}
