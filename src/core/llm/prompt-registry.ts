/**
 * The prompt registry: prompts are Markdown files in `prompts/` with named `{{placeholders}}`,
 * registered by an explicit list of definitions (`prompt-definitions.ts`) — no folder scanning.
 * Every file is loaded and checked at start-up: the placeholders in the file must be exactly the
 * declared ones, and untrusted ones may appear only in the user message. Conventions are in
 * `prompts/README.md`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { delimitUntrusted } from './untrusted.js';

/**
 * How a placeholder's value is inserted: `'text'` verbatim (our own content, e.g. knowledge-base
 * records), `'untrusted'` wrapped in `<name>` delimiters with look-alikes neutralised (anything a
 * user wrote). When in doubt, it is untrusted.
 */
export type PlaceholderKind = 'text' | 'untrusted';

/** One registered prompt. */
export interface PromptDefinition {
  /** The name features ask for, e.g. "ask". */
  name: string;
  /** File name inside `prompts/`, e.g. "ask.md". */
  file: string;
  /** Every placeholder the file uses, and how its value is inserted. */
  placeholders: Record<string, PlaceholderKind>;
}

/** Values for a prompt's placeholders. */
export type PromptValues = Record<string, string | number>;

/** A prompt with its values filled in: the system and user messages to send. */
export interface FilledPrompt {
  name: string;
  system: string;
  user: string;
}

/** A loaded, checked prompt. */
export interface Prompt {
  readonly name: string;
  readonly placeholders: Readonly<Record<string, PlaceholderKind>>;
  /** Fills every placeholder; throws a {@link PromptError} on a missing or unknown value. */
  fill(values: PromptValues): FilledPrompt;
}

/** The prompts the app knows, loaded at start-up. */
export interface PromptRegistry {
  names(): string[];
  has(name: string): boolean;
  /** Throws a {@link PromptError} when no prompt of that name is registered. */
  get(name: string): Prompt;
  /** Shorthand for `get(name).fill(values)`. */
  fill(name: string, values: PromptValues): FilledPrompt;
}

/** A prompt file or a fill is wrong; `problems` lists each one, naming the file. */
export class PromptError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `Prompt problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PromptError';
  }
}

/** The `prompts/` folder of this checkout, whatever the working directory. */
export const PROMPTS_DIR = fileURLToPath(new URL('../../../prompts/', import.meta.url));

const PLACEHOLDER = /\{\{([a-z][A-Za-z0-9_]*)\}\}/g;
const SECTION_HEADING = /^##[ \t]+(system|user)[ \t]*$/gim;

/**
 * Loads and checks every defined prompt, reporting all problems at once.
 * @example const prompts = createPromptRegistry(PROMPT_DEFINITIONS); prompts.fill('ask', { question, sources });
 * @throws PromptError naming each file that is missing, malformed or has wrong placeholders.
 */
export function createPromptRegistry(definitions: readonly PromptDefinition[], dir: string = PROMPTS_DIR): PromptRegistry {
  const problems: string[] = [];
  const prompts = new Map<string, Prompt>();
  const seen = new Set<string>();
  for (const definition of definitions) {
    if (seen.has(definition.name)) {
      problems.push(`prompt "${definition.name}" is registered twice`);
      continue;
    }
    seen.add(definition.name);
    const loaded = loadPrompt(definition, dir);
    if (Array.isArray(loaded)) problems.push(...loaded);
    else prompts.set(definition.name, loaded);
  }
  if (problems.length > 0) throw new PromptError(problems);
  return {
    names: () => [...prompts.keys()],
    has: (name) => prompts.has(name),
    get(name) {
      const prompt = prompts.get(name);
      if (!prompt) throw new PromptError([`no prompt named "${name}" is registered (add it to src/core/llm/prompt-definitions.ts)`]);
      return prompt;
    },
    fill(name, values) {
      return this.get(name).fill(values);
    },
  };
}

/** Reads one file and returns the prompt, or the list of its problems. */
function loadPrompt(definition: PromptDefinition, dir: string): Prompt | string[] {
  const path = join(dir, definition.file);
  const label = join(basename(dir), definition.file);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return [`${label}: cannot read the file for prompt "${definition.name}"`];
  }
  const sections = splitSections(source);
  if (typeof sections === 'string') return [`${label}: ${sections}`];

  const problems: string[] = [];
  const used = new Set([...placeholdersIn(sections.system), ...placeholdersIn(sections.user)]);
  const declared = Object.keys(definition.placeholders);
  for (const name of used) {
    if (!(name in definition.placeholders)) problems.push(`${label}: unknown placeholder {{${name}}} (declare it in src/core/llm/prompt-definitions.ts or remove it)`);
  }
  for (const name of declared) {
    if (!used.has(name)) problems.push(`${label}: declared placeholder {{${name}}} is missing from the file`);
    if (definition.placeholders[name] === 'untrusted' && placeholdersIn(sections.system).includes(name)) {
      problems.push(`${label}: untrusted placeholder {{${name}}} must be in the User section, not the System section`);
    }
  }
  for (const stray of strayBraces(sections.system + '\n' + sections.user)) {
    problems.push(`${label}: malformed placeholder "${stray}" (write {{name}}: a lower-case letter, then letters, digits or _)`);
  }
  if (problems.length > 0) return problems;

  const placeholders = Object.freeze({ ...definition.placeholders });
  return {
    name: definition.name,
    placeholders,
    fill(values: PromptValues) {
      const missing = declared.filter((name) => values[name] === undefined || values[name] === null);
      const unknown = Object.keys(values).filter((name) => !(name in placeholders));
      if (missing.length > 0 || unknown.length > 0) {
        throw new PromptError([
          ...missing.map((name) => `prompt "${definition.name}" needs a value for {{${name}}}`),
          ...unknown.map((name) => `prompt "${definition.name}" has no placeholder {{${name}}}`),
        ]);
      }
      // One pass over the template, so a value that contains "{{x}}" is never expanded itself.
      const insert = (template: string) =>
        template.replace(PLACEHOLDER, (_match, name: string) => {
          const value = String(values[name]);
          return placeholders[name] === 'untrusted' ? delimitUntrusted(name, value) : value;
        });
      return { name: definition.name, system: insert(sections.system), user: insert(sections.user) };
    },
  };
}

/**
 * Splits a prompt file into its `## System` and `## User` sections (each required once, System
 * first). Text before `## System` and HTML comments are notes for maintainers and are not sent.
 */
function splitSections(source: string): { system: string; user: string } | string {
  const withoutComments = source.replace(/<!--[\s\S]*?-->/g, '');
  const headings = [...withoutComments.matchAll(SECTION_HEADING)].map((m) => ({ kind: m[1]!.toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const kinds = headings.map((h) => h.kind).join(',');
  if (kinds !== 'system,user') {
    return `expected exactly one "## System" heading followed by one "## User" heading (found: ${kinds || 'none'})`;
  }
  const [system, user] = headings as [(typeof headings)[0], (typeof headings)[0]];
  const systemText = withoutComments.slice(system.end, user.start).trim();
  const userText = withoutComments.slice(user.end).trim();
  if (systemText === '' || userText === '') return 'the System and User sections must not be empty';
  return { system: systemText, user: userText };
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** `{{`/`}}` pairs that are not valid placeholders, such as `{{ question }}` or `{{Question}}`. */
function strayBraces(text: string): string[] {
  const rest = text.replace(PLACEHOLDER, '');
  return [...rest.matchAll(/\{\{[^}\n]*\}?\}?|\}\}/g)].map((m) => m[0]);
}
