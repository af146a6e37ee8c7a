/**
 * Renders the core's Reply as terminal text: readable colour on a TTY, plain text without one
 * (the same layout, so piped output is stable). Every string from a Reply is cleaned of control
 * characters first, so text that came from a user cannot move the cursor or recolour the screen.
 */
import { createColors } from 'picocolors';
import { citationLabel, type Block, type Button, type Reply } from '../../core/reply.js';

/** The terminal's styling functions; identity functions when colour is off. */
export type Palette = ReturnType<typeof createColors>;

/** Builds the palette: colours only when asked for (a TTY that supports them). */
export function palette(colour: boolean): Palette {
  return createColors(colour);
}

/** C0 and C1 control characters except newline and tab (ESC starts every terminal escape). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Removes control characters so untrusted text cannot emit terminal escape sequences. */
export function clean(value: string): string {
  return value.replace(CONTROL, '');
}

/** `**bold**` and `_italic_` as styles (or stripped, when the palette has no colour). */
function inline(value: string, c: Palette): string {
  return clean(value)
    .replace(/\*\*(.+?)\*\*/g, (_m, inner: string) => c.bold(inner))
    .replace(/(^|[\s(])_(\S(?:.*?\S)?)_(?=$|[\s).,;:!?])/g, (_m, before: string, inner: string) => before + c.italic(inner));
}

function block(value: Block, c: Palette): string {
  switch (value.type) {
    case 'heading':
      return c.bold(c.cyan(inline(value.text, c)));
    case 'text':
      return inline(value.text, c);
    case 'list':
      return value.items.map((item, i) => `  ${value.ordered ? `${i + 1}.` : c.cyan('•')} ${inline(item, c)}`).join('\n');
    case 'quote':
      // User text, shown literally: no inline markup is interpreted inside it.
      return clean(value.text)
        .split('\n')
        .map((line) => `${c.dim('│')} ${line}`)
        .join('\n');
    case 'fields':
      return value.fields.map((f) => `${c.bold(clean(f.label))}: ${inline(f.value, c)}`).join('\n');
    case 'divider':
      return c.dim('─'.repeat(40));
  }
}

/** The reply's buttons in the order they are numbered for the user. */
export function numberedButtons(value: Reply): Button[] {
  return value.buttons.flat();
}

/**
 * The whole reply as terminal text. Buttons become numbered choices ("[1] Yes") that the user
 * answers by typing the number; citations close the reply as a "Source:" line.
 * @example process.stdout.write(renderReply(reply, palette(process.stdout.isTTY)) + '\n');
 */
export function renderReply(value: Reply, c: Palette): string {
  const parts = value.blocks.map((b) => block(b, c)).filter((part) => part !== '');
  const buttons = numberedButtons(value);
  if (buttons.length > 0) {
    const choices = buttons.map((b, i) => `  ${c.bold(c.yellow(`[${i + 1}]`))} ${clean(b.label)}`).join('\n');
    parts.push(`${choices}\n${c.dim(buttons.length === 1 ? 'Type 1 to choose.' : `Type a number from 1 to ${buttons.length} to choose.`)}`);
  }
  if (value.citations.length > 0) {
    const sources = value.citations.map((s) => `${citationLabel(s)} — ${clean(s.title)}`).join('; ');
    parts.push(c.dim(`Source: ${sources}`));
  }
  return parts.join('\n\n');
}
