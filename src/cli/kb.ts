/**
 * `coach kb …`: build, check and read the knowledge base.
 *
 *   coach kb build [--source <spec>] [--out <dir>] [--check]
 *   coach kb stats
 *   coach kb show <unit> [<criterion>]
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { KnowledgeSourceError } from '../core/knowledge/build/source-error.js';
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeLoadError, loadKnowledgeBase } from '../core/knowledge/index.js';
import { formatStats, showRecord } from '../core/knowledge/present.js';
import { CliError, action } from './program.js';

const out = (text: string) => process.stdout.write(`${text}\n`);

/** Knowledge errors are the user's to fix: show them without a stack trace. */
function asCliError(error: unknown): never {
  if (error instanceof KnowledgeSourceError || error instanceof KnowledgeLoadError) throw new CliError(error.message);
  throw error;
}

function load(dir: string) {
  try {
    return loadKnowledgeBase(dir);
  } catch (error) {
    return asCliError(error);
  }
}

/** Registers the `kb` command group. */
export function registerKb(program: Command): void {
  const kb = program.command('kb').description('build, check and read the knowledge base');
  const dirOption = ['--dir <dir>', 'the knowledge directory', DEFAULT_KNOWLEDGE_DIR] as const;

  kb.command('build')
    .description('parse the sources into knowledge/*.json (writes nothing if anything is wrong)')
    .option('--source <file>', 'build this specification instead of the one in knowledge/sources')
    .option('--out <dir>', 'write the built JSON here instead of the knowledge directory')
    .option('--check', 'rebuild in memory and exit 1 if the committed JSON differs')
    .option(...dirOption)
    .action(
      action(async (options: { source?: string; out?: string; check?: boolean; dir: string }) => {
        // The parsers (and their sentence model) load only for a build.
        const { buildKnowledge, writeKnowledge } = await import('../core/knowledge/build/build-knowledge.js');
        const { compareKnowledge } = await import('../core/knowledge/build/compare.js');
        const dir = resolve(options.dir);
        let built;
        try {
          built = buildKnowledge({ dir, ...(options.source ? { specification: resolve(options.source) } : {}) });
        } catch (error) {
          asCliError(error);
        }
        for (const warning of built.warnings) process.stderr.write(`note: ${warning}\n`);
        const target = resolve(options.out ?? dir);
        if (options.check) {
          const differences = compareKnowledge(target, built);
          if (differences.length > 0) {
            throw new CliError(`The committed knowledge base is out of date with its sources:\n${differences.join('\n')}\nRun "npm run kb:build" and commit the result.`);
          }
          out(`The knowledge base in ${target} matches its sources (${built.files.length} files).`);
          return;
        }
        writeKnowledge(target, built);
        out(`Wrote ${built.files.map((file) => file.path).join(', ')} to ${target}.`);
      }),
    );

  kb.command('stats')
    .description('counts per unit: outcomes, criteria, amplification items, guidance; notes, laws, glossary')
    .option(...dirOption)
    .action(
      action((options: { dir: string }) => {
        out(formatStats(load(resolve(options.dir))));
      }),
    );

  kb.command('show')
    .description('print a unit, or one of its assessment criteria (e.g. "coach kb show 1 4.4")')
    .argument('<unit>', 'unit number, e.g. 1')
    .argument('[criterion]', 'assessment criterion, e.g. 4.4')
    .option(...dirOption)
    .action(
      action((unit: string, criterion: string | undefined, options: { dir: string }) => {
        const result = showRecord(load(resolve(options.dir)), unit, criterion);
        if (!result.ok) throw new CliError(result.message);
        out(result.text);
      }),
    );
}
