/**
 * `npm run bench -- discord`: the real discord.js client against the fake Discord on loopback.
 * Measures how fast an interaction is acknowledged (Discord allows 3 s), how fast a deferred
 * `/ask` answer follows, that a triple-delivered interaction is answered once, and render cost.
 * Machine-dependent: figures are for comparing runs on one machine.
 */
import { renderReply } from '../src/adapters/discord/render.js';
import { startDiscord } from '../src/adapters/discord/start.js';
import { findCommand, runCommand } from '../src/core/commands/dispatch.js';
import { FAKE_APP_ID, startFakeDiscord } from '../test/fakes/discord-server.js';
import { percentile, type Suite, type SuiteReport } from '../test/eval/suite.js';
import { testContext, testDeps } from '../test/helpers/test-deps.js';
import { SAMPLE_QUESTIONS } from './sample-questions.js';

/** The Discord bench suite. */
export const discordBench: Suite = {
  name: 'discord',
  async run(): Promise<SuiteReport> {
    const fake = await startFakeDiscord();
    const deps = await testDeps({}, { DISCORD_TOKEN: 'bench-token', DISCORD_APPLICATION_ID: FAKE_APP_ID, DISCORD_API_URL: fake.apiUrl });
    const loginStarted = performance.now();
    const discord = await startDiscord(deps);
    const loginMs = performance.now() - loginStarted;
    const callback = (token: string) => fake.waitFor((r) => r.path.includes(`/${token}/callback`), 10_000);
    try {
      for (let i = 0; i < 10; i += 1) await callback(fake.command('help'));

      const helpAcks: number[] = [];
      for (let i = 0; i < 200; i += 1) {
        const started = performance.now();
        await callback(fake.command('help'));
        helpAcks.push(performance.now() - started);
      }
      const buttonAcks: number[] = [];
      for (let i = 0; i < 100; i += 1) {
        const started = performance.now();
        await callback(fake.button(`expired-action:${i}`));
        buttonAcks.push(performance.now() - started);
      }

      const askAcks: number[] = [];
      const askAnswers: number[] = [];
      if (findCommand('ask')) {
        for (let i = 0; i < 80; i += 1) {
          const started = performance.now();
          const token = fake.command('ask', [{ name: 'question', type: 3, value: SAMPLE_QUESTIONS[i % SAMPLE_QUESTIONS.length]! }]);
          await callback(token);
          askAcks.push(performance.now() - started);
          await fake.waitFor((r) => r.path.includes(`/${token}`) && r.path.startsWith('/webhooks/') && r.method !== 'DELETE', 20_000);
          askAnswers.push(performance.now() - started);
        }
      }

      // 50 interactions, each delivered three times at once (a replayed or doubled gateway event).
      const before = fake.requests.filter((r) => r.path.endsWith('/callback')).length;
      for (let i = 0; i < 50; i += 1) {
        fake.command('help');
        const payload = fake.lastDispatch('INTERACTION_CREATE');
        fake.dispatch('INTERACTION_CREATE', payload);
        fake.dispatch('INTERACTION_CREATE', payload);
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const duplicateAnswers = fake.requests.filter((r) => r.path.endsWith('/callback')).length - before;

      const renderUs: number[] = [];
      if (findCommand('ask')) {
        const replies = await Promise.all(SAMPLE_QUESTIONS.map((q) => runCommand('ask', { question: q }, testContext({ surface: 'discord' }), deps)));
        for (let i = 0; i < 2000; i += 1) {
          const started = performance.now();
          renderReply(replies[i % replies.length]!);
          renderUs.push((performance.now() - started) * 1000);
        }
      }

      const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
      const metrics: Record<string, number> = {
        'login.ms': loginMs,
        'help.ack.p50_ms': percentile(helpAcks, 50),
        'help.ack.p95_ms': percentile(helpAcks, 95),
        'help.ack.max_ms': Math.max(...helpAcks),
        'button.ack.p50_ms': percentile(buttonAcks, 50),
        'button.ack.p95_ms': percentile(buttonAcks, 95),
        'ask.ack.p50_ms': percentile(askAcks, 50),
        'ask.ack.p95_ms': percentile(askAcks, 95),
        'ask.answer.p50_ms': percentile(askAnswers, 50),
        'ask.answer.p95_ms': percentile(askAnswers, 95),
        'duplicates.answers_for_50': duplicateAnswers,
        'render.ask.p50_us': percentile(renderUs, 50),
        'render.ask.p95_us': percentile(renderUs, 95),
      };
      return {
        metrics,
        lines: [
          `login to ready (fake gateway):           ${ms(loginMs)}`,
          `/help acknowledged (200): p50 ${ms(metrics['help.ack.p50_ms']!)}, p95 ${ms(metrics['help.ack.p95_ms']!)}, max ${ms(metrics['help.ack.max_ms']!)}`,
          `expired button answered (100): p50 ${ms(metrics['button.ack.p50_ms']!)}, p95 ${ms(metrics['button.ack.p95_ms']!)}`,
          askAcks.length > 0
            ? `/ask deferred (80): p50 ${ms(metrics['ask.ack.p50_ms']!)}, p95 ${ms(metrics['ask.ack.p95_ms']!)}; answer edited in: p50 ${ms(metrics['ask.answer.p50_ms']!)}, p95 ${ms(metrics['ask.answer.p95_ms']!)}`
            : '/ask not registered: skipped',
          `triple-delivered interactions: ${duplicateAnswers} answers for 50 interactions`,
          renderUs.length > 0 ? `render an /ask reply: p50 ${metrics['render.ask.p50_us']!.toFixed(0)} µs, p95 ${metrics['render.ask.p95_us']!.toFixed(0)} µs` : '',
        ].filter(Boolean),
      };
    } finally {
      await discord.stop();
      await fake.close();
      await deps.stores.close();
    }
  },
};
