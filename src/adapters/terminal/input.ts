/**
 * What a line typed in the terminal chat means: nothing, leaving, a choice among the last reply's
 * numbered buttons, a command (`/quiz 3`, or a command word with only options: `quiz`, `quiz 3`),
 * or else a question for the ask command. Pure, so it is easy to test.
 */

/** The meaning of one line. */
export type LineIntent =
  | { kind: 'empty' }
  | { kind: 'quit' }
  | { kind: 'help' }
  /** `index` is 0-based into the last reply's buttons. */
  | { kind: 'choice'; index: number }
  /** A number when there are buttons, but not one of theirs. */
  | { kind: 'bad-choice'; count: number }
  | { kind: 'command'; name: string; args: string }
  | { kind: 'question'; text: string };

const QUIT_WORDS = new Set(['quit', 'exit', 'bye', ':q']);
const HELP_WORDS = new Set(['help', '?']);

/**
 * Reads one line.
 * @param commandNames the core's command names (lower case), to recognise bare command words
 * @param choices how many numbered buttons the last reply showed (0 when none)
 * @example parseLine('/quiz 3', ['quiz'], 0) // { kind: 'command', name: 'quiz', args: '3' }
 */
export function parseLine(line: string, commandNames: readonly string[], choices: number): LineIntent {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  const lower = text.toLowerCase();
  const bare = lower.replace(/^\//, '');
  if (QUIT_WORDS.has(bare)) return { kind: 'quit' };
  if (HELP_WORDS.has(bare)) return { kind: 'help' };

  if (choices > 0 && /^\d{1,3}$/.test(text)) {
    const index = Number(text) - 1;
    return index >= 0 && index < choices ? { kind: 'choice', index } : { kind: 'bad-choice', count: choices };
  }

  if (text.startsWith('/')) {
    const match = /^\/(\S+)\s*([\s\S]*)$/.exec(text);
    if (match) return { kind: 'command', name: match[1]!.toLowerCase(), args: match[2]!.trim() };
  }
  // A command word on its own ("quiz", "progress") or followed only by option words ("quiz 2",
  // "leaderboard all time") runs it; in a sentence it is just a word ("progress in customer
  // service?"), so the line is a question.
  const [first = '', ...rest] = lower.split(/\s+/);
  if (commandNames.includes(first) && rest.every((word) => OPTION_WORD.test(word))) {
    return { kind: 'command', name: first, args: text.slice(first.length).trim() };
  }
  // …or followed by a labelled option ("review sms: Hi Sam…"): a question never reads like that.
  if (commandNames.includes(first) && LABELLED_OPTION.test(lower.slice(first.length))) {
    return { kind: 'command', name: first, args: text.slice(first.length).trim() };
  }
  return { kind: 'question', text };
}

/** One to three words and a colon straight after the command word: an option's label, as in "review sms: …". */
const LABELLED_OPTION = /^\s+[a-z]+(?:\s[a-z]+){0,2}:(?:\s|$)/;

/** Words that can only be a command's options: numbers, units, counts and leaderboard periods. */
const OPTION_WORD = /^(\d{1,2}|u\d{1,2}|unit|count|questions?|qs?|week|weekly|all|all-time|time|ever)$/;

/** How a multi-line form answer ends: a line holding only ".", two empty lines, or end of input. */
export const FORM_END_HINT = 'finish with a line containing only "." (or press Enter on two empty lines)';

/**
 * Collects a form's text from the next lines. `next` resolves to null at end of input, which
 * submits what was typed so far (so piped input needs no terminator).
 * @returns the text, or '' when nothing was typed
 */
export async function collectForm(next: () => Promise<string | null>, multiline: boolean): Promise<string> {
  if (!multiline) return ((await next()) ?? '').trim();
  const lines: string[] = [];
  let emptyRun = 0;
  for (;;) {
    const line = await next();
    if (line === null || line.trim() === '.') break;
    if (line.trim() === '') {
      emptyRun += 1;
      if (emptyRun >= 2) break;
    } else {
      emptyRun = 0;
    }
    lines.push(line.replace(/\s+$/, ''));
  }
  return lines.join('\n').trim();
}
