/**
 * `npm start`: runs Slack and/or Discord when their tokens are configured, and otherwise the
 * terminal chat on the embedded defaults (no accounts needed).
 */
import { reportError } from './cli/program.js';
import { buildProgram } from './cli/build-program.js';
import { loadConfig } from './core/config.js';

try {
  const config = loadConfig();
  if (!config.slack && !config.discord) {
    // The terminal chat arrives with the Ask feature; until then show what the CLI offers.
    buildProgram().outputHelp();
  }
} catch (error) {
  process.exitCode = reportError(error);
}
