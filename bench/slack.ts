/**
 * `npm run bench -- slack`: the real Bolt app in HTTP mode against the fake Slack API on
 * loopback, with signed requests. Measures how fast Slack gets its acknowledgement, how fast the
 * reply follows, and that duplicate deliveries get one reply. Reply times include the fake's
 * 10 ms polling step. Machine-dependent: figures are for comparing runs on one machine.
 */
import type { AddressInfo } from 'node:net';
import { startSlack } from '../src/adapters/slack/start.js';
import { findCommand } from '../src/core/commands/dispatch.js';
import { slackSender, startFakeSlackApi } from '../test/fakes/slack-api.js';
import { percentile, type Suite, type SuiteReport } from '../test/eval/suite.js';
import { testDeps } from '../test/helpers/test-deps.js';
import { commandFields, directMessage, envelope, mention } from '../test/adapters/slack/payloads.js';
import { SAMPLE_QUESTIONS } from './sample-questions.js';

const SECRET = 'bench-signing-secret';

/** The Slack bench suite. */
export const slackBench: Suite = {
  name: 'slack',
  async run(): Promise<SuiteReport> {
    const fake = await startFakeSlackApi();
    const deps = await testDeps({}, { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl });
    const slack = await startSlack(deps, { port: 0, host: '127.0.0.1' });
    const { port } = slack.server!.address() as AddressInfo;
    const send = slackSender(`http://127.0.0.1:${port}/slack/events`, SECRET);
    try {
      // Warm-up: first requests compile code paths and open connections.
      for (let i = 0; i < 10; i += 1) await send.command(commandFields({ command: '/help', responseUrl: fake.responseUrl(`warm-${i}`) }));
      await fake.waitFor(() => fake.responses.length >= 10, 10_000);

      const acks: number[] = [];
      const replies: number[] = [];
      for (let i = 0; i < 200; i += 1) {
        const tag = `help-${i}`;
        const started = performance.now();
        const result = await send.command(commandFields({ command: '/help', responseUrl: fake.responseUrl(tag) }));
        acks.push(result.ms);
        await fake.waitFor(() => fake.responses.some((r) => r.tag === tag), 10_000);
        replies.push(performance.now() - started);
      }

      const hasAsk = Boolean(findCommand('ask'));
      const answers: number[] = [];
      let cited = 0;
      if (hasAsk) {
        for (let i = 0; i < 80; i += 1) {
          const before = fake.callsTo('chat.postMessage').length + fake.callsTo('chat.postEphemeral').length;
          const started = performance.now();
          await send.event(envelope(mention(SAMPLE_QUESTIONS[i % SAMPLE_QUESTIONS.length]!)));
          await fake.waitFor(() => fake.callsTo('chat.postMessage').length + fake.callsTo('chat.postEphemeral').length > before, 20_000);
          answers.push(performance.now() - started);
          const blocks = (fake.callsTo('chat.postMessage').at(-1)?.body.blocks ?? []) as Array<{ type: string }>;
          if (blocks.some((block) => block.type === 'context')) cited += 1;
        }
      }

      // 50 events, each delivered three times at once (two retries racing the original).
      const postsBefore = fake.callsTo('chat.postMessage').length + fake.callsTo('chat.postEphemeral').length;
      await Promise.all(
        Array.from({ length: 50 }, (_, i) => {
          const body = envelope(directMessage(`duplicate ${i}`), `EvBench${i}`);
          return Promise.all([send.event(body), send.event(body, { retryNum: 1 }), send.event(body, { retryNum: 2 })]);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const duplicateReplies = fake.callsTo('chat.postMessage').length + fake.callsTo('chat.postEphemeral').length - postsBefore;

      const ms = (value: number) => `${value.toFixed(1)} ms`;
      const metrics: Record<string, number> = {
        'ack.p50_ms': percentile(acks, 50),
        'ack.p95_ms': percentile(acks, 95),
        'ack.max_ms': Math.max(...acks),
        'help_reply.p50_ms': percentile(replies, 50),
        'help_reply.p95_ms': percentile(replies, 95),
        'duplicates.replies_for_50_events': duplicateReplies,
        ...(hasAsk && {
          'mention_answer.p50_ms': percentile(answers, 50),
          'mention_answer.p95_ms': percentile(answers, 95),
          'mention_answer.cited_ratio': cited / answers.length,
        }),
      };
      const lines = [
        `slash command acknowledgement (200 × /help): p50 ${ms(metrics['ack.p50_ms']!)}, p95 ${ms(metrics['ack.p95_ms']!)}, max ${ms(metrics['ack.max_ms']!)} (Slack allows 3000 ms)`,
        `/help reply via response_url: p50 ${ms(metrics['help_reply.p50_ms']!)}, p95 ${ms(metrics['help_reply.p95_ms']!)}`,
        hasAsk
          ? `@mention → answer in thread (80 questions, offline ask): p50 ${ms(metrics['mention_answer.p50_ms']!)}, p95 ${ms(metrics['mention_answer.p95_ms']!)}; ${cited}/${answers.length} with a citation line`
          : '@mention → answer: skipped (ask is not registered)',
        `50 events delivered 3 times each, concurrently: ${duplicateReplies} replies (expected 50)`,
      ];
      return { metrics, lines };
    } finally {
      await slack.stop();
      await fake.close();
      await deps.stores.close();
    }
  },
};
