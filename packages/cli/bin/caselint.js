#!/usr/bin/env node
import { startWorkerEarly } from '../dist/checker-worker.js';

// The engine loads in the checking worker while this thread loads the command line (see checker-worker.ts).
startWorkerEarly(process.argv.slice(2));
const { main } = await import('../dist/main.js');

// A reader that stops early (`caselint reports/ | head`) closes the pipe: stop quietly, as other tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`caselint: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
