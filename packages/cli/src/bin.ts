// The command line's entry: the built bin/caselint.js runs this, bundled into one file (bundle/caselint.js).
import { startWorkerEarly } from './checker-worker.js';

// The engine loads in the checking worker while this thread loads the command line (see checker-worker.ts).
startWorkerEarly(process.argv.slice(2));
const { main } = await import('./main.js');

// A reader that stops early (`caselint reports/ | head`) closes the pipe: stop quietly, as other tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`caselint: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
