/**
 * Parses a topic note: a one-line preview (a truncated copy of the synopsis, dropped), then the
 * five standard sections, each a heading line followed by a paragraph or "- " items.
 */
import type { NoteSectionKind, TopicNote } from '../types.js';
import { fail, type SourceContext } from './source-error.js';
import { clean } from './text.js';

const HEADINGS: Array<[NoteSectionKind, RegExp]> = [
  ['synopsis', /^Topic Synopsis$/i],
  ['concepts', /^Key Concepts/i],
  ['exam-tips', /^Exam Tips/i],
  ['misconceptions', /^Common Misconceptions/i],
  ['marking-points', /^Examiner Marking Points$/i],
];

/** Parses one note; its title, slug and links come from the curated note links. */
export function parseNote(text: string, meta: Pick<TopicNote, 'file' | 'slug' | 'title' | 'links'>): TopicNote {
  const context: SourceContext = { file: meta.file, unit: null };
  const lines = text.split(/\r?\n/);
  const sections: TopicNote['sections'] = [];
  let preview: { text: string; line: number } | null = null;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const heading = HEADINGS.find(([, pattern]) => pattern.test(line));
    if (heading) {
      if (sections.some((section) => section.kind === heading[0])) fail(context, index + 1, `a second "${line}" section`);
      sections.push({ kind: heading[0], heading: line, items: [] });
      return;
    }
    const section = sections.at(-1);
    if (!section) {
      if (preview) fail(context, index + 1, 'text before the first section heading ("Topic Synopsis")');
      preview = { text: line, line: index + 1 };
      return;
    }
    const item = clean(line.replace(/^[-*•]\s+/, ''));
    if (!/^[-*•]\s/.test(line) && section.kind !== 'synopsis') fail(context, index + 1, `expected a "- " item under "${section.heading}"`);
    if (item) section.items.push(item);
  });
  if (sections.length === 0) fail(context, 1, 'no sections found (expected "Topic Synopsis", "Key Concepts & Core Principles", …)');
  for (const section of sections) if (section.items.length === 0) fail(context, 1, `the "${section.heading}" section is empty`);
  const synopsis = sections.find((section) => section.kind === 'synopsis');
  const first = preview as { text: string; line: number } | null;
  if (first && !(synopsis?.items[0] ?? '').startsWith(first.text.trim())) {
    fail(context, first.line, 'the first line is neither a section heading nor a preview of the synopsis');
  }
  return { ...meta, sections };
}
