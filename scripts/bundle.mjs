#!/usr/bin/env node
// Bundles the two Node programs, the command line and the language server, each with its checking thread, into
// one file apiece (packages/cli/bundle/, packages/language-server/bundle/). Loaded one by one, the few hundred
// ESM modules behind them take most of a start-up (0.77 s for a one-file check, against 0.32 s bundled).
// Run after `tsc -b` (npm run build does): the bundles are made from the compiled packages. The bins run a
// bundle only while it is newer than every compiled package, and the compiled modules otherwise.
//
// Left out, to load from node_modules when first needed: the readers of rare formats (pdf.js, word-extractor),
// compromise (asked about bare names only) and yaml (read with YAML configuration only).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleDocs } from './rule-docs-plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Rule documentation links resolve from the installed rules package, not from the bundle's own URL.
const ruleDocsFromPackage = ruleDocs("new URL('../', import.meta.resolve('@caselint/rules'))");

const programs = [
  // [package folder, [compiled entry, bundle name]...]: each bundle finds its worker beside itself.
  ['packages/cli', [['dist/bin.js', 'caselint.js'], ['dist/worker.js', 'worker.js']]],
  ['packages/language-server', [['dist/main.js', 'main.js'], ['dist/lint-worker.js', 'lint-worker.js']]],
];

for (const [pkg, entries] of programs) {
  const out = join(root, pkg, 'bundle');
  rmSync(out, { recursive: true, force: true });
  for (const [entry, name] of entries)
    await build({
      entryPoints: [join(root, pkg, entry)],
      outfile: join(out, name),
      absWorkingDir: join(root, pkg),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['pdfjs-dist', 'word-extractor', 'compromise', 'yaml'],
      plugins: [ruleDocsFromPackage],
      // CommonJS dependencies call require() for Node's built-ins, which an ES module does not have.
      banner: { js: "import { createRequire as __caselintRequire } from 'node:module'; const require = __caselintRequire(import.meta.url);" },
      logLevel: 'warning',
    });
}
