import { describe, expect, it } from 'vitest';
import { errorReply, runAction, runCommand } from '../../../src/core/commands/dispatch.js';
import { COMMANDS } from '../../../src/core/commands/index.js';
import { slashOptions } from '../../../src/core/commands/slash-options.js';
import { GENERIC_APOLOGY, UserFacingError } from '../../../src/core/errors.js';
import { createRateLimiter } from '../../../src/core/rate-limit.js';
import { toPlainText } from '../../../src/core/reply.js';
import { captureLogs } from '../../helpers/capture-logs.js';
import { testContext, testDeps } from '../../helpers/test-deps.js';

describe('command dispatch', () => {
  it('runs a registered command and counts it', async () => {
    const deps = await testDeps();
    const reply = await runCommand('/HELP', {}, testContext(), deps);
    expect(toPlainText(reply)).toContain('/help');
    expect(reply.ephemeral).toBe(true);
    const metrics = await deps.metrics.registry.getMetricsAsJSON();
    const requests = metrics.find((m) => m.name === 'coach_requests_total');
    expect(requests?.values).toEqual([expect.objectContaining({ value: 1, labels: { surface: 'terminal', command: 'help', outcome: 'ok' } })]);
  });

  it('answers an unknown command with a pointer to /help, not an error', async () => {
    const reply = await runCommand('teleport', {}, testContext(), await testDeps());
    expect(toPlainText(reply)).toMatch(/don't know the command "teleport".*\/help/);
    expect(reply.ephemeral).toBe(true);
  });

  it('answers an expired or unknown button clearly', async () => {
    const reply = await runAction('quiz-answer:old-session:1', testContext(), await testDeps());
    expect(toPlainText(reply)).toMatch(/expired/);
  });

  it('refuses requests past the per-user rate limit with a clear message, per user', async () => {
    const deps = await testDeps();
    deps.rateLimiter = createRateLimiter(deps.stores, 3);
    const learner = testContext({ userId: 'terminal:busy' });
    for (let i = 0; i < 3; i += 1) expect(toPlainText(await runCommand('help', {}, learner, deps))).toContain('/help');
    const refused = toPlainText(await runCommand('help', {}, learner, deps));
    expect(refused).toMatch(/faster than I can keep up.*wait \d+ seconds?/);
    expect(toPlainText(await runCommand('help', {}, testContext({ userId: 'terminal:calm' }), deps))).toContain('/help');
    const limited = (await deps.metrics.registry.getMetricsAsJSON()).find((m) => m.name === 'coach_rate_limited_total');
    expect(limited?.values[0]?.value).toBe(1);
  });
});

describe('errors become replies', () => {
  it('shows a user-facing error as it is', () => {
    const { logger } = captureLogs();
    const reply = errorReply(new UserFacingError('invalid_argument', 'Units go from 1 to 11.'), {}, { logger });
    expect(toPlainText(reply)).toBe('Units go from 1 to 11.');
  });

  it('answers an unexpected error with a short apology and logs the cause, not the user text', () => {
    const { logger, lines } = captureLogs();
    const reply = errorReply(new Error('ECONNRESET while reading store'), { command: 'ask', text: 'my card is 4111 1111 1111 1111' }, { logger });
    expect(toPlainText(reply)).toBe(GENERIC_APOLOGY);
    const log = lines.join('');
    expect(log).toContain('ECONNRESET');
    expect(log).not.toContain('4111');
  });
});

describe('slash options', () => {
  it('derives every command option from its schema, with descriptions within Discord limits', () => {
    for (const command of COMMANDS) {
      expect(command.description.length).toBeLessThanOrEqual(100);
      for (const option of slashOptions(command)) {
        expect(option.name).toMatch(/^[a-z0-9-]{1,32}$/);
        expect(option.description.length).toBeGreaterThan(0);
      }
    }
  });
});
