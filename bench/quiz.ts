/**
 * `npm run bench -- quiz`: how long the question bank takes to build (first build, with cold
 * text caches, and later builds), the first quiz after start-up with and without the background
 * warm-up, and the latency of starting a quiz and of scoring one answer through the real command
 * dispatcher on the in-memory store.
 */
import { runAction, runCommand } from '../src/core/commands/dispatch.js';
import { loadKnowledgeBase } from '../src/core/knowledge/index.js';
import { buildBank, getQuizBank } from '../src/core/quiz/bank/build-bank.js';
import { warmQuizBank } from '../src/core/quiz/warm-up.js';
import { percentile, type Suite } from '../test/eval/suite.js';
import { testDeps } from '../test/helpers/test-deps.js';

const ms = (value: number) => `${value.toFixed(2)} ms`;

export const quizBench: Suite = {
  name: 'quiz',
  async run() {
    const kb = loadKnowledgeBase();
    let started = performance.now();
    buildBank(kb);
    const firstBuild = performance.now() - started;
    const builds: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      started = performance.now();
      buildBank(kb);
      builds.push(performance.now() - started);
    }

    // The same real in-memory parts the tests use: a memory store that really stores, no LLM.
    const deps = await testDeps({}, { RATE_LIMIT_PER_MINUTE: '10000' });
    const { stores } = deps;
    // The first /quiz of a process: a knowledge base version the bank cache has not seen makes the
    // command build the bank itself (as before the warm-up); after `warmQuizBank` it finds it built.
    const firstContext = { surface: 'terminal' as const, userId: 'terminal:first', scopeId: 'terminal:bench', channelId: 'terminal:bench', conversationId: 'first', isAdmin: false };
    started = performance.now();
    await runCommand('quiz', { count: 5 }, firstContext, { ...deps, knowledge: { ...kb, version: 'bench-cold' } });
    const firstQuizCold = performance.now() - started;
    const warmDeps = { ...deps, knowledge: { ...kb, version: 'bench-warm' } };
    started = performance.now();
    await warmQuizBank(warmDeps, { delayMs: 0 });
    const warmUp = performance.now() - started;
    started = performance.now();
    await runCommand('quiz', { count: 5 }, firstContext, warmDeps);
    const firstQuizWarm = performance.now() - started;
    getQuizBank(kb);
    const starts: number[] = [];
    const answers: number[] = [];
    for (let session = 0; session < 40; session += 1) {
      const context = { surface: 'terminal' as const, userId: `terminal:bench-${session % 10}`, scopeId: 'terminal:bench', channelId: 'terminal:bench', conversationId: 'bench', isAdmin: false };
      started = performance.now();
      let reply = await runCommand('quiz', { count: 10 }, context, deps);
      starts.push(performance.now() - started);
      for (;;) {
        const button = reply.buttons.flat().find((b) => b.id.startsWith('qa:'));
        if (!button) break;
        started = performance.now();
        reply = await runAction(button.id, context, deps);
        answers.push(performance.now() - started);
      }
    }
    await stores.close();
    const metrics = {
      'bank.first_build_ms': firstBuild,
      'bank.build_p50_ms': percentile(builds, 50),
      'quiz.first_start_cold_ms': firstQuizCold,
      'quiz.warm_up_ms': warmUp,
      'quiz.first_start_after_warm_up_ms': firstQuizWarm,
      'session.start_p50_ms': percentile(starts, 50),
      'session.start_p95_ms': percentile(starts, 95),
      'answer.p50_ms': percentile(answers, 50),
      'answer.p95_ms': percentile(answers, 95),
    };
    return {
      metrics,
      lines: [
        `bank build: first ${ms(firstBuild)} (cold caches), then p50 ${ms(metrics['bank.build_p50_ms'])} over ${builds.length} builds`,
        `first /quiz of a process: ${ms(firstQuizCold)} building the bank on demand; ${ms(firstQuizWarm)} after the background warm-up (which took ${ms(warmUp)}, off the request path)`,
        `quiz start (10 questions, memory store): p50 ${ms(metrics['session.start_p50_ms'])}, p95 ${ms(metrics['session.start_p95_ms'])} over ${starts.length}`,
        `answer scored (feedback + next question): p50 ${ms(metrics['answer.p50_ms'])}, p95 ${ms(metrics['answer.p95_ms'])} over ${answers.length}`,
      ],
    };
  },
};
