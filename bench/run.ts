/**
 * `npm run bench [-- <suite>…]`: performance figures (latency percentiles, start-up, memory).
 * Suites are listed explicitly (no folder scanning); each area adds its line here.
 */
import { runSuites, type Suite } from '../test/eval/suite.js';
import { askBench } from './ask.js';
import { discordBench } from './discord.js';
import { quizBench } from './quiz.js';
import { reviewBenchSuite } from './review.js';
import { slackBench } from './slack.js';

const suites: Suite[] = [askBench, slackBench, discordBench, reviewBenchSuite, quizBench];

await runSuites('bench', suites, process.argv.slice(2));
