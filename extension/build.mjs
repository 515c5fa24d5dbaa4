// Bundles the extension (CommonJS, as VS Code loads it) and the language server (ESM, as the engine's
// dependencies are ESM) into dist/. The server is bundled from the compiled workspace packages, so run
// `tsc -b` at the repository root first (npm run build does).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleDocs } from '../scripts/rule-docs-plugin.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const rulesDir = `${here}../rules/`;
const production = !process.argv.includes('--dev');

rmSync(`${here}dist`, { recursive: true, force: true });

// Rule documentation links (a diagnostic's codeDescription, the hover's link) point at each rule's README
// next to the installed package. In the bundle they point at dist/rules/<id>/README.md, copied below.
const bundledRuleDocs = ruleDocs("new URL('rules/', import.meta.url)");

await build({
  entryPoints: [`${here}src/extension.ts`],
  outfile: `${here}dist/extension.js`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
});

// The server and its checking thread (lint-worker.mjs, which the server finds beside itself): one bundle each.
for (const [entry, out] of [['main.js', 'server.mjs'], ['lint-worker.js', 'lint-worker.mjs']]) await build({
  entryPoints: [`${here}../packages/language-server/dist/${entry}`],
  outfile: `${here}dist/${out}`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  // CommonJS dependencies (vscode-languageserver) call require() for Node built-ins.
  plugins: [bundledRuleDocs],
  banner: { js: "import { createRequire as __caselintCreateRequire } from 'node:module'; const require = __caselintCreateRequire(import.meta.url);" },
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
});

for (const entry of readdirSync(rulesDir, { withFileTypes: true })) {
  const readme = `${rulesDir}${entry.name}/README.md`;
  if (!entry.isDirectory() || entry.name === 'dist' || !existsSync(readme)) continue;
  mkdirSync(`${here}dist/rules/${entry.name}`, { recursive: true });
  copyFileSync(readme, `${here}dist/rules/${entry.name}/README.md`);
}
