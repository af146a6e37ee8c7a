/**
 * `npm run eval [-- <suite>…]`: quality figures for ask, review and quiz on our own labelled sets.
 * Suites are listed explicitly (no folder scanning); each area adds its line here.
 */
import { runSuites, type Suite } from './suite.js';

const suites: Suite[] = [];

await runSuites('eval', suites, process.argv.slice(2));
