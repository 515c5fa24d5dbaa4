export { main, version, type RunIO } from './main.js';
export { parseCliArgs, HELP, UsageError, type CliOptions } from './args.js';
export { expandTargets } from './files.js';
