/**
 * /forget-me asks before it deletes, only the person who asked can confirm, the button expires,
 * Cancel deletes nothing, and `coach privacy show | forget | sweep` work on a real SQLite store.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction, runCommand } from '../../src/core/commands/dispatch.js';
import { CONFIRM_WINDOW_MS } from '../../src/core/commands/forget-me.js';
import { getUserStats } from '../../src/core/quiz/progress-store.js';
import { toPlainText, type Reply } from '../../src/core/reply.js';
import { createStores } from '../../src/core/store/create-stores.js';
import { testDeps } from '../helpers/test-deps.js';
import { learner, postDaily, seedLearner, SEED_ENV } from './seed.js';

const ME = 'discord:300000000000000001';
const OTHER = 'discord:300000000000000002';
const deleteButton = (reply: Reply) => reply.buttons.flat().find((b) => b.label === 'Delete my data')!;

describe('/forget-me', () => {
  it('asks privately, shows what is held, and deletes nothing until confirmed', async () => {
    const deps = await testDeps({}, SEED_ENV);
    await seedLearner(deps, ME, await postDaily(deps));
    const ask = await runCommand('forget-me', {}, learner(ME), deps);
    expect(ask.ephemeral).toBe(true);
    const text = toPlainText(ask);
    expect(text).toMatch(/Delete your data\?/);
    expect(text).toMatch(/what I remember of your recent questions, for follow-ups \(1 record\)/);
    expect(text).toMatch(/cannot be undone/);
    expect(deleteButton(ask).style).toBe('danger');
    expect(deleteButton(ask).id).not.toContain('300000000000000001');
    expect(await getUserStats(ME, deps)).toBeDefined();

    const cancelled = await runAction('forget-me:no', learner(ME), deps);
    expect(toPlainText(cancelled)).toBe('Cancelled: nothing was deleted.');
    expect(await getUserStats(ME, deps)).toBeDefined();
  });

  it("refuses someone else's confirmation button and an expired one", async () => {
    const deps = await testDeps({}, SEED_ENV);
    await seedLearner(deps, ME, await postDaily(deps));
    const ask = await runCommand('forget-me', {}, learner(ME), deps);
    const foreign = await runAction(deleteButton(ask).id, learner(OTHER), deps);
    expect(toPlainText(foreign)).toMatch(/belongs to someone else's request, so nothing was deleted/);
    deps.clock.advance(CONFIRM_WINDOW_MS + 1000);
    const late = await runAction(deleteButton(ask).id, learner(ME), deps);
    expect(toPlainText(late)).toMatch(/expired, so nothing was deleted/);
    expect(toPlainText(await runAction('forget-me:yes.zz.1', learner(ME), deps))).toMatch(/not valid any more/);
    expect(await getUserStats(ME, deps)).toBeDefined();
  });

  it('is listed in /help for everyone', async () => {
    const deps = await testDeps();
    expect(toPlainText(await runCommand('help', {}, learner(ME), deps))).toMatch(/\/forget-me — Delete everything Service Coach has stored about you/);
  });
});

describe('coach privacy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coach-privacy-cli-'));
  const url = `sqlite://${join(dir, 'coach.sqlite')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const coach = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'privacy', ...args], {
      env: { PATH: process.env.PATH ?? '', SERVICE_COACH_SKIP_DOTENV: '1', STORE_URL: url, LOG_LEVEL: 'info' },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('shows what is held, deletes only with --yes, and sweeps', async () => {
    const stores = await createStores(url);
    const deps = await testDeps({ stores }, SEED_ENV);
    const daily = await postDaily(deps);
    await seedLearner(deps, ME, daily);
    await seedLearner(deps, OTHER, daily);
    await stores.close();

    const show = coach('show', ME);
    expect(show.status).toBe(0);
    expect(show.stdout).toMatch(/^\d+ records about discord:300000000000000001:/);
    expect(show.stdout).toMatch(/quiz-progress\s+user\|discord:300000000000000001\|stats\s+expires 20\d\d-/);
    expect(show.stdout).not.toContain('300000000000000002');

    const dry = coach('forget', ME);
    expect(dry.stdout).toMatch(/Would delete[\s\S]*Nothing was deleted\. Run again with --yes/);
    expect(coach('show', ME).stdout).toMatch(/^\d+ records/);

    const forget = coach('forget', ME, '--yes');
    expect(forget.status).toBe(0);
    expect(forget.stdout).toMatch(/Deleted \d+ records about discord:300000000000000001:/);
    expect(coach('show', ME).stdout).toBe('Nothing is stored about discord:300000000000000001.\n');
    expect(coach('show', OTHER).stdout).toMatch(/^\d+ records about discord:300000000000000002/);

    const bad = coach('forget', 'U123');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/not a Service Coach user id/);

    const sweep = coach('sweep', '--json');
    expect(sweep.status).toBe(0);
    expect(JSON.parse(sweep.stdout)).toMatchObject({ deleted: {}, trimmed: {} });
    // Nothing in the CLI's log names what was said; erasure logs counts only.
    expect(forget.stderr).not.toContain('LASS');
  }, 90_000);
});
