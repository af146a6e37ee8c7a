/**
 * Every prompt the app uses. Registering a prompt is one line here: its name, its file in
 * `prompts/`, and each placeholder with how it is inserted (`'untrusted'` for anything a user
 * wrote, `'text'` for our own content). A file in `prompts/` that is not listed is never loaded.
 * See prompts/README.md for the file conventions.
 *
 * @example { name: 'ask', file: 'ask.md', placeholders: { question: 'untrusted', sources: 'text' } },
 */
import type { PromptDefinition } from './prompt-registry.js';

export const PROMPT_DEFINITIONS: readonly PromptDefinition[] = [
  { name: 'ask', file: 'ask.md', placeholders: { question: 'untrusted', sources: 'text', today: 'text', context: 'text' } },
  { name: 'review', file: 'review.md', placeholders: { draft: 'untrusted', findings: 'text' } },
  { name: 'quiz', file: 'quiz.md', placeholders: { record: 'untrusted' } },
];
