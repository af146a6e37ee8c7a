/**
 * `npm run eval [-- <suite>…]`: quality figures for ask, review and quiz on our own labelled sets.
 * Suites are listed explicitly (no folder scanning); each area adds its line here.
 */
import { lazySuite, runSuites, type Suite } from './suite.js';

// Each suite is imported only when it runs.
const suites: Suite[] = [
  lazySuite('ask', async () => (await import('./ask/suite.js')).askEvalSuite),
  lazySuite('review', async () => (await import('./review/suite.js')).reviewEvalSuite),
  lazySuite('quiz', async () => (await import('./quiz.js')).quizEvalSuite),
];

await runSuites('eval', suites, process.argv.slice(2));
