// The command line's entry: the built bin/caselint.js runs this, bundled into one file (bundle/caselint.js).
import { setFlagsFromString } from 'node:v8';
import { startWorkerEarly } from './checker-worker.js';

// The rules' expressions are many and large, and each is run over thousands of sentences: compile each to machine
// code at once, rather than to bytecode first and again to machine code once it has run (V8's default, made for
// pages that run an expression a few times). A first pass over a folder is about a sixth faster. The flag is the
// process's, so the checking workers started below have it too.
setFlagsFromString('--no-regexp-tier-up');
// A check of a folder is short, and V8's optimising compiler takes a large share of it: counted in instructions
// (callgrind, single-threaded), compiling was two fifths of a first pass over 1.2 MB of reports, more than running
// the compiled code. Inlining less into each optimised function cut all instructions by 13 % there (6 % over 3 MB)
// for about 3 % slower compiled code, and smaller compile jobs bring the optimised code sooner: 3 MB folders were
// checked 6-8 % faster in alternating runs. The language server, which runs for hours, keeps V8's default.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');

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
