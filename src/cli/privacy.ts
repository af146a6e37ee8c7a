/**
 * `coach privacy …`: the data protection tools for whoever runs the bot (the centre's data
 * protection contact or the tutor), working on the configured store (STORE_URL):
 * - `show <user>`: every record held about a person, with when it expires (a subject access aid);
 * - `forget <user> --yes`: delete everything about them at once (without --yes: what would go);
 * - `sweep`: apply the retention rules now (npm start does this daily).
 */
import type { Command } from 'commander';
import { createDeps } from '../core/create-deps.js';
import { loadConfig } from '../core/config.js';
import type { Deps } from '../core/deps.js';
import { eraseUser } from '../core/privacy/erasers.js';
import { countByNamespace, describeCounts, listHoldings } from '../core/privacy/holdings.js';
import { sweepRetention } from '../core/privacy/retention.js';
import { terminalLogger } from './chat.js';
import { action, CliError } from './program.js';

/** Opaque ids as the adapters build them: slack:<team>:<user>, discord:<user>, terminal:<name>. */
const USER_ID = /^(slack:[A-Z0-9]+:[A-Z0-9]+|discord:\d{5,25}|terminal:[\w.-]+)$/;

function checkUserId(userId: string): string {
  const value = userId.trim();
  if (!USER_ID.test(value)) {
    throw new CliError(
      `"${value.slice(0, 60)}" is not a Service Coach user id. Use the opaque id: slack:<team id>:<user id> (e.g. slack:T0123ABCD:U0456EFGH), discord:<user id> or terminal:<name>.`,
    );
  }
  return value;
}

async function withDeps(run: (deps: Deps) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const deps = await createDeps(config, { logger: terminalLogger(config) });
  try {
    await run(deps);
  } finally {
    await deps.stores.close();
  }
}

const write = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Registers the `privacy` group on the program. */
export function registerPrivacy(program: Command): void {
  const privacy = program.command('privacy').description('data protection: show or delete what is held about a person, apply retention');

  privacy
    .command('show')
    .description('list every record held about a person, and when each expires')
    .argument('<user>', 'the opaque user id, e.g. slack:T0123:U0456 or discord:123456789012345678')
    .option('--json', 'print JSON: [{"namespace","key","expiresAt"}]')
    .action(
      action(async (user: string, flags: { json?: boolean }) => {
        const userId = checkUserId(user);
        await withDeps(async (deps) => {
          const held = await listHoldings(userId, deps);
          if (flags.json) return write(JSON.stringify(held.map((h) => ({ ...h, expiresAt: h.expiresAt === null ? null : new Date(h.expiresAt).toISOString() }))));
          if (held.length === 0) return write(`Nothing is stored about ${userId}.`);
          write(`${held.length} record${held.length === 1 ? '' : 's'} about ${userId}:`);
          for (const line of describeCounts(countByNamespace(held))) write(`  • ${line}`);
          write('');
          for (const h of held) write(`  ${h.namespace.padEnd(14)} ${h.key}  ${h.expiresAt === null ? 'kept until deleted' : `expires ${new Date(h.expiresAt).toISOString()}`}`);
        });
      }),
    );

  privacy
    .command('forget')
    .description('delete everything held about a person, immediately (needs --yes)')
    .argument('<user>', 'the opaque user id, e.g. slack:T0123:U0456 or discord:123456789012345678')
    .option('--yes', 'really delete (without it, only lists what would be deleted)')
    .option('--json', 'print the erasure report as JSON')
    .action(
      action(async (user: string, flags: { yes?: boolean; json?: boolean }) => {
        const userId = checkUserId(user);
        await withDeps(async (deps) => {
          if (!flags.yes) {
            const lines = describeCounts(countByNamespace(await listHoldings(userId, deps)));
            write(lines.length === 0 ? `Nothing is stored about ${userId}.` : `Would delete, for ${userId}:\n${lines.map((l) => `  • ${l}`).join('\n')}`);
            write('Nothing was deleted. Run again with --yes to delete it (this cannot be undone).');
            return;
          }
          const report = await eraseUser(userId, deps);
          if (flags.json) return write(JSON.stringify(report));
          const counts = Object.fromEntries(Object.entries(report.removed).map(([name, n]) => [name.replace(/^store:/, ''), n]));
          const lines = describeCounts(counts);
          write(report.total === 0 ? `Nothing was stored about ${userId}; nothing to delete.` : `Deleted ${report.total} record${report.total === 1 ? '' : 's'} about ${userId}:`);
          for (const line of lines) write(`  • ${line}`);
          write('Rate-limit counters were reset too.');
        });
      }),
    );

  privacy
    .command('sweep')
    .description('apply the retention rules now (QUIZ_RETENTION_DAYS, CONVERSATION_TTL_HOURS; npm start runs this daily)')
    .option('--json', 'print the sweep report as JSON')
    .action(
      action(async (flags: { json?: boolean }) => {
        await withDeps(async (deps) => {
          const report = await sweepRetention(deps);
          if (flags.json) return write(JSON.stringify(report));
          const deleted = Object.values(report.deleted).reduce((a, b) => a + b, 0);
          const trimmed = Object.values(report.trimmed).reduce((a, b) => a + b, 0);
          write(`Retention sweep done: ${deleted} record${deleted === 1 ? '' : 's'} deleted, ${trimmed} trimmed (quiz history before ${new Date(report.cutoff).toISOString().slice(0, 10)} removed).`);
        });
      }),
    );
}
