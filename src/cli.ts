/** Entry point of the `coach` command line: `npm run coach -- <command> --help`. */
import { buildProgram } from './cli/build-program.js';

await buildProgram().parseAsync(process.argv);
