/**
 * `coach slack manifest`: prints (or writes) the Slack app manifest built from the core command
 * list, so the app in Slack always lists exactly the commands Service Coach handles.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { action, CliError } from './program.js';

/** Where the Socket Mode manifest is committed. */
export const MANIFEST_PATH = 'slack/manifest.json';

/** Registers the `slack` group on the program. */
export function registerSlack(program: Command): void {
  const slack = program.command('slack').description('Slack app set-up helpers');
  slack
    .command('manifest')
    .description('print the Slack app manifest (Socket Mode unless --url is given)')
    .option('--url <base-url>', 'HTTP mode: the public https base URL; Slack will post to <url>/slack/events')
    .option('--write', `write the Socket Mode manifest to ${MANIFEST_PATH} instead of printing it`)
    .action(
      action(async (options: { url?: string; write?: boolean }) => {
        if (options.url !== undefined && !/^https:\/\/[^\s/]+/.test(options.url)) {
          throw new CliError('--url must be the public https address of this app, e.g. https://coach.example.org');
        }
        if (options.write && options.url) throw new CliError('--write saves the Socket Mode manifest; leave out --url.');
        // Loaded on use: the command list brings every feature.
        const { manifestJson } = await import('../adapters/slack/manifest.js');
        const { COMMANDS } = await import('../core/commands/index.js');
        const json = manifestJson(COMMANDS, options.url ? { url: options.url } : {});
        if (options.write) {
          writeFileSync(MANIFEST_PATH, json);
          process.stdout.write(`Wrote ${MANIFEST_PATH}\n`);
        } else {
          process.stdout.write(json);
        }
      }),
    );
}
