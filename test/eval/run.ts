/**
 * `npm run eval [-- <suite>…]`: quality figures for ask, review and quiz on our own labelled sets.
 * Suites are listed explicitly (no folder scanning); each area adds its line here.
 */
import { askEvalSuite } from './ask/suite.js';
import { quizEvalSuite } from './quiz.js';
import { reviewEvalSuite } from './review/suite.js';
import { runSuites, type Suite } from './suite.js';

const suites: Suite[] = [askEvalSuite, reviewEvalSuite, quizEvalSuite];

await runSuites('eval', suites, process.argv.slice(2));
