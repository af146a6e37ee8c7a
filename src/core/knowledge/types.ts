/**
 * The knowledge base's data model: zod schemas for the built JSON (`knowledge/*.json`), the
 * curated registers (`knowledge/curated/*.json`) and the runtime shapes features code against.
 * Every string a learner may read is checked clean: no HTML, no "□"/"•" bullets, no table pipes.
 */
import { z } from 'zod';

/** Text with no extraction debris left in it. */
export const cleanText = z
  .string()
  .min(1)
  .refine((value) => !/<\/?[a-z][^>]*>|[□•|]/i.test(value), { message: 'contains HTML, a bullet or a table pipe' })
  .refine((value) => value === value.trim() && !/\s{2,}/.test(value), { message: 'has untrimmed or doubled spaces' });

/** A heading with its items: an amplification topic, a note section, a record section. */
export const topicSchema = z.object({ topic: cleanText, items: z.array(cleanText) }).strict();
export type Topic = z.infer<typeof topicSchema>;

/** Something the builder noticed in the source and kept as it is (a typo, a wrong AC number). */
export const sourceNoteSchema = z.object({ line: z.number().int().positive(), note: cleanText }).strict();
export type SourceNote = z.infer<typeof sourceNoteSchema>;

export const criterionDataSchema = z
  .object({
    ac: z.string().regex(/^\d+\.\d+$/),
    verb: z.string().regex(/^[A-Z][a-z]+$/),
    text: cleanText,
    amplification: z.array(topicSchema),
    /** Assessment-guidance sentences that name this criterion (directly or in a range). */
    guidance: z.array(cleanText),
    line: z.number().int().positive(),
  })
  .strict();
export type CriterionData = z.infer<typeof criterionDataSchema>;

export const outcomeSchema = z
  .object({
    number: z.number().int().positive(),
    title: cleanText,
    /** Delivery paragraphs that name this outcome (or the unit's general ones when none do). */
    delivery: z.array(cleanText),
    /** Assessment-guidance sentences about the outcome as a whole (no criterion named). */
    assessment: z.array(cleanText),
    criteria: z.array(criterionDataSchema).min(1),
  })
  .strict();
export type Outcome = z.infer<typeof outcomeSchema>;

export const unitSchema = z
  .object({
    number: z.number().int().positive(),
    title: cleanText,
    urn: z.string().regex(/^[A-Z]\/\d{3}\/\d{4}$/),
    level: z.number().int().min(1).max(8),
    credit: z.number().int().positive(),
    glh: z.number().int().positive(),
    aim: z.array(cleanText).min(1),
    essentialResources: z.array(cleanText),
    outcomes: z.array(outcomeSchema).min(1),
    /** Delivery paragraphs that name no particular outcome. */
    delivery: z.array(cleanText),
    /** Assessment-guidance sentences that name no outcome or criterion. */
    assessment: z.array(cleanText),
    resources: z.array(topicSchema),
    sourceNotes: z.array(sourceNoteSchema),
    line: z.number().int().positive(),
  })
  .strict();
export type Unit = z.infer<typeof unitSchema>;
export const unitsFileSchema = z.array(unitSchema).min(1);

export const qualificationKindSchema = z.enum(['award', 'certificate', 'diploma']);
export type QualificationKind = z.infer<typeof qualificationKindSchema>;

export const qualificationFactsSchema = z
  .object({
    kind: qualificationKindSchema,
    title: cleanText,
    qn: z.string().regex(/^\d{3}\/\d{4}\/\d$/),
    accreditationStartDate: cleanText,
    approvedAgeRanges: z.array(cleanText).min(1),
    credit: z.number().int().positive(),
    tqt: z.number().int().positive(),
    glh: z.number().int().positive(),
    assessment: cleanText,
    grading: cleanText,
    entryRequirements: cleanText,
    funding: z.array(cleanText),
    objective: z.array(cleanText),
  })
  .strict();
export type QualificationFacts = z.infer<typeof qualificationFactsSchema>;

export const structureUnitSchema = z
  .object({
    number: z.number().int().positive(),
    urn: z.string(),
    title: cleanText,
    level: z.number().int(),
    credit: z.number().int(),
    glh: z.number().int(),
    group: z.enum(['mandatory', 'optional']),
  })
  .strict();

export const structureSchema = z
  .object({
    kind: qualificationKindSchema,
    title: cleanText,
    /** The rule as the specification states it. */
    statement: z.array(cleanText).min(1),
    totalCredits: z.number().int().positive(),
    mandatoryCredits: z.number().int().nonnegative(),
    minOptionalCredits: z.number().int().nonnegative(),
    units: z.array(structureUnitSchema).min(1),
  })
  .strict();
export type QualificationStructure = z.infer<typeof structureSchema>;

/** A prose section of the qualification front matter (assessment, RPL, access, …). */
export const proseSectionSchema = z
  .object({ slug: z.string().regex(/^[a-z0-9-]+$/), number: z.number().int(), heading: cleanText, blocks: z.array(topicSchema).min(1) })
  .strict();
export type ProseSection = z.infer<typeof proseSectionSchema>;

export const qualificationSchema = z
  .object({
    titles: z.array(cleanText).min(1),
    qualifications: z.array(qualificationFactsSchema).min(1),
    structures: z.array(structureSchema).min(1),
    progression: z.object({ paragraphs: z.array(cleanText).min(1), qualifications: z.array(cleanText), jobRoles: z.array(cleanText) }).strict(),
    /** Other parts of section 2 (relationship with previous qualifications, industry support…). */
    summary: z.array(topicSchema),
    sections: z.array(proseSectionSchema),
    sourceNotes: z.array(sourceNoteSchema),
  })
  .strict();
export type Qualification = z.infer<typeof qualificationSchema>;

export const noteSectionKindSchema = z.enum(['synopsis', 'concepts', 'exam-tips', 'misconceptions', 'marking-points']);
export type NoteSectionKind = z.infer<typeof noteSectionKindSchema>;

/** A curated link from a topic note to the criteria it supports, with the reason. */
export const noteLinkSchema = z
  .object({ unit: z.number().int().positive(), acs: z.array(z.string().regex(/^\d+\.\d+$/)).min(1), why: cleanText })
  .strict();

export const topicNoteSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    file: z.string(),
    title: cleanText,
    sections: z.array(z.object({ kind: noteSectionKindSchema, heading: cleanText, items: z.array(cleanText).min(1) }).strict()).min(1),
    links: z.array(noteLinkSchema),
  })
  .strict();
export type TopicNote = z.infer<typeof topicNoteSchema>;
export const notesFileSchema = z.array(topicNoteSchema);

/** `knowledge/curated/note-links.json`: what each topic note is and what it relates to. */
export const noteLinksFileSchema = z.array(
  z.object({ file: z.string().regex(/^[\w.-]+\.txt$/), slug: z.string().regex(/^[a-z0-9-]+$/), title: cleanText, links: z.array(noteLinkSchema).min(1) }).strict(),
);
export type NoteLinks = z.infer<typeof noteLinksFileSchema>;

export const legislationStatusSchema = z.enum(['in-force', 'amended', 'partly-replaced', 'replaced', 'revoked']);
export type LegislationStatus = z.infer<typeof legislationStatusSchema>;

export const legislationEntrySchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    name: cleanText,
    year: z.number().int().min(1900).max(2100).nullable(),
    /** How the specification writes it, exactly (used to check every citation is covered). */
    citedAs: z.array(cleanText).min(1),
    /** Record ids where the specification cites it. */
    citedIn: z.array(z.string()).min(1),
    governs: cleanText,
    status: legislationStatusSchema,
    /** What applies today, in plain words. */
    today: cleanText,
    replacedBy: z.array(z.object({ name: cleanText, from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(), scope: cleanText }).strict()),
    checked: cleanText,
  })
  .strict();
export type LegislationEntry = z.infer<typeof legislationEntrySchema>;
export const legislationFileSchema = z.array(legislationEntrySchema).min(1);

export const glossaryEntrySchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    term: cleanText,
    /** Spellings searched for in the records (case-sensitive, whole words), e.g. ["SLA", "SLAs"]. */
    match: z.array(z.string().min(1)).min(1),
    expansions: z
      .array(
        z
          .object({
            text: cleanText,
            /** "source": the specification or a topic note spells it out; "standard": the usual, unambiguous expansion. */
            basis: z.enum(['specification', 'topic-note', 'standard']),
            /** Record ids whose text gives this expansion (empty for "standard"). */
            citedIn: z.array(z.string()),
          })
          .strict(),
      )
      .min(1),
    meaning: cleanText,
  })
  .strict();
export type GlossaryEntryData = z.infer<typeof glossaryEntrySchema>;
export const glossaryFileSchema = z.array(glossaryEntrySchema).min(1);

/** A glossary entry with where it appears, computed from the records when the base loads. */
export interface GlossaryEntry extends GlossaryEntryData {
  appearsIn: string[];
}

/** One assessment criterion, flat, with everything a question or quiz about it needs. */
export interface Criterion {
  /** e.g. "u1.ac4.4" */
  id: string;
  unit: number;
  lo: number;
  /** e.g. "4.4" */
  ac: string;
  /** The command verb: State, Explain, Describe, Identify, Outline, … */
  verb: string;
  text: string;
  loTitle: string;
  amplification: Topic[];
  guidance: string[];
  /** The learning outcome's delivery guidance, paragraphs separated by blank lines. */
  delivery: string;
}

export type RecordKind = 'qualification' | 'unit' | 'outcome' | 'criterion' | 'note' | 'legislation' | 'glossary';

/** Every citable piece of the knowledge base in one uniform shape, for retrieval and quizzes. */
export interface KnowledgeRecord {
  id: string;
  kind: RecordKind;
  unit: number | null;
  lo: number | null;
  ac: string | null;
  title: string;
  verb: string | null;
  sections: Array<{ heading: string; items: string[] }>;
  /** The whole readable content, for search. */
  text: string;
  /** Ids of records this one is linked to (note ↔ criterion, law ↔ criterion, glossary ↔ record). */
  related: string[];
}
