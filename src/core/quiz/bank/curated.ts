/**
 * The curated wrong answers in `knowledge/quiz/distractors.json`: plausible choices for closed
 * lists whose siblings in the specification cannot supply one (nothing else in the specification
 * reads like a protected characteristic or a PESTLE factor). Each entry carries why it is wrong.
 * They are data, read and checked with zod once; the list generator still checks every entry
 * against the cited record like any other distractor, and the tests require that none is dropped.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_KNOWLEDGE_DIR } from '../../knowledge/index.js';

const EntrySchema = z.object({ text: z.string().min(2).max(60), why: z.string().min(10) });
const FileSchema = z.object({
  about: z.string(),
  lists: z.array(z.object({ list: z.string().regex(/^u\d+\.ac\d+\.\d+\|[^|]+\|[^|]*$/, 'a list key such as "u1.ac4.4|Topic|head"'), distractors: z.array(EntrySchema).min(2) })),
});

/** One curated wrong answer and why it is wrong. */
export type CuratedDistractor = z.infer<typeof EntrySchema>;

/** Where the curated file lives (tests may point elsewhere). */
export const CURATED_FILE = `${DEFAULT_KNOWLEDGE_DIR}quiz/distractors.json`;

let byList: Map<string, CuratedDistractor[]> | undefined;

/** Reads and checks a curated file; throws an error naming the file and the problem. */
export function loadCurated(path: string = CURATED_FILE): Map<string, CuratedDistractor[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`knowledge/quiz/distractors.json: cannot read it as JSON (${(error as Error).message})`);
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`knowledge/quiz/distractors.json: ${issue.path.join('.')} ${issue.message}`);
  }
  const map = new Map<string, CuratedDistractor[]>();
  for (const { list, distractors } of parsed.data.lists) map.set(list, [...(map.get(list) ?? []), ...distractors]);
  return map;
}

/**
 * The curated wrong answers for a list key ("u1.ac4.4|Equality Act (2010)|nine protected characteristics").
 * @example curatedDistractors(list.key).map((d) => d.text)
 */
export function curatedDistractors(listKey: string): CuratedDistractor[] {
  byList ??= loadCurated();
  return byList.get(listKey) ?? [];
}

/** Every list key that has curated entries. */
export function curatedListKeys(): string[] {
  byList ??= loadCurated();
  return [...byList.keys()];
}
