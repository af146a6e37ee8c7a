/**
 * `npm run bench [-- <suite>…]`: performance figures (latency percentiles, start-up, memory).
 * Suites are listed explicitly (no folder scanning); each area adds its line here.
 */
import { lazySuite, runSuites, type Suite } from '../test/eval/suite.js';

// Each suite is imported only when it runs, so one suite's memory figure is not another's modules.
const suites: Suite[] = [
  lazySuite('ask', async () => (await import('./ask.js')).askBench),
  lazySuite('slack', async () => (await import('./slack.js')).slackBench),
  lazySuite('discord', async () => (await import('./discord.js')).discordBench),
  lazySuite('review', async () => (await import('./review.js')).reviewBenchSuite),
  lazySuite('quiz', async () => (await import('./quiz.js')).quizBench),
  lazySuite('load', async () => (await import('./load.js')).loadBench),
];

await runSuites('bench', suites, process.argv.slice(2));
