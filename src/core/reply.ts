/**
 * The neutral Reply model: what every core command returns and every adapter renders.
 *
 * Text is plain text with a tiny inline markup (`**bold**` and `_italic_`), which each renderer
 * translates and escapes for its platform. Anything that came from a user (a draft excerpt, a
 * question) goes in a `quote` block or is escaped by the renderer: adapters never trust text.
 */

/** Where an answer, question or finding comes from: always built from knowledge-base metadata. */
export interface Citation {
  /** Stable knowledge-base record id, e.g. "u1.ac4.4" or "note.equality.misconceptions". */
  source: string;
  /** Unit number 1–11, or null for qualification facts, topic notes and curated records. */
  unit: number | null;
  /** Assessment criterion such as "4.4", or null. */
  ac: string | null;
  /** Human title of the record, e.g. "Explain how equality legislation affects customer service". */
  title: string;
}

/** One piece of a reply's body. */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: string }
  | { type: 'list'; items: string[]; ordered?: boolean }
  /** Text supplied by a user (an excerpt of their draft), shown literally. */
  | { type: 'quote'; text: string }
  | { type: 'fields'; fields: Array<{ label: string; value: string }> }
  | { type: 'divider' };

/** A button; `id` is opaque to adapters and routed back to the core unchanged (max 100 chars). */
export interface Button {
  id: string;
  label: string;
  style?: 'primary' | 'danger';
}

/** A form the adapter shows (Slack modal, Discord modal, terminal prompt) to collect text. */
export interface FormSpec {
  /** Routed back to the core as the command name. */
  command: string;
  title: string;
  field: { name: string; label: string; placeholder: string; maxLength: number; multiline: boolean };
}

/** The platform-neutral reply. */
export interface Reply {
  blocks: Block[];
  /** Best first. Rendered as a context line; also available as data. */
  citations: Citation[];
  /** Rows of buttons. */
  buttons: Button[][];
  /** Only the requesting user should see it. */
  ephemeral: boolean;
  /** For button clicks: replace the message that carried the button instead of posting anew. */
  replaceOriginal?: boolean;
}

/** Maximum length of a button id on any platform we support (Discord custom_id). */
export const MAX_BUTTON_ID = 100;

/**
 * Builds a reply from blocks.
 * @example reply([heading('Unit 1 · AC 4.4'), text('The nine protected characteristics are…')])
 */
export function reply(blocks: Block[], extra: Partial<Omit<Reply, 'blocks'>> = {}): Reply {
  return { blocks, citations: [], buttons: [], ephemeral: false, ...extra };
}

export const heading = (text: string): Block => ({ type: 'heading', text });
export const text = (value: string): Block => ({ type: 'text', text: value });
export const list = (items: string[], ordered = false): Block => ({ type: 'list', items, ordered });
export const quote = (value: string): Block => ({ type: 'quote', text: value });
export const divider = (): Block => ({ type: 'divider' });
export const fields = (entries: Array<{ label: string; value: string }>): Block => ({ type: 'fields', fields: entries });

/** A short private reply carrying one message, for errors and confirmations. */
export function notice(message: string, ephemeral = true): Reply {
  return reply([text(message)], { ephemeral });
}

/** "Unit 1 · AC 4.4" / "Unit 3" / "Qualification" — the short label of a citation. */
export function citationLabel(citation: Citation): string {
  if (citation.unit !== null && citation.ac) return `Unit ${citation.unit} · AC ${citation.ac}`;
  if (citation.unit !== null) return `Unit ${citation.unit}`;
  return sourceKindLabel(citation.source);
}

function sourceKindLabel(source: string): string {
  if (source.startsWith('note.')) return 'Topic note';
  if (source.startsWith('law.')) return 'Legislation';
  if (source.startsWith('glossary.')) return 'Glossary';
  return 'Qualification';
}

/** "Unit 1 · AC 4.4 — Explain how equality legislation affects customer service". */
export function formatCitation(citation: Citation): string {
  return `${citationLabel(citation)} — ${citation.title}`;
}

/** Removes the inline markup (`**bold**`, `_italic_`) for plain-text surfaces. */
export function stripMarkup(value: string): string {
  return value.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|[\s(])_(\S(?:.*?\S)?)_(?=$|[\s).,;:!?])/g, '$1$2');
}

/**
 * The whole reply as plain text: the terminal's rendering and every platform's fallback.
 * Buttons are listed as numbered choices so a plain-text reader can still answer.
 */
export function toPlainText(value: Reply): string {
  const parts: string[] = [];
  for (const block of value.blocks) {
    switch (block.type) {
      case 'heading':
      case 'text':
        parts.push(stripMarkup(block.text));
        break;
      case 'list':
        parts.push(block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${stripMarkup(item)}`).join('\n'));
        break;
      case 'quote':
        parts.push(block.text.split('\n').map((line) => `> ${line}`).join('\n'));
        break;
      case 'fields':
        parts.push(block.fields.map((f) => `${f.label}: ${stripMarkup(f.value)}`).join('\n'));
        break;
      case 'divider':
        parts.push('—');
        break;
    }
  }
  const buttons = value.buttons.flat();
  if (buttons.length > 0) parts.push(buttons.map((b, i) => `[${i + 1}] ${b.label}`).join('\n'));
  if (value.citations.length > 0) parts.push(`Source: ${value.citations.map(formatCitation).join('; ')}`);
  return parts.join('\n\n');
}
