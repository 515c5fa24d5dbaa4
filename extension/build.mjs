// Bundles the extension (CommonJS, as VS Code loads it) and the language server (ESM, as the engine's
// dependencies are ESM) into dist/. The server is bundled from the compiled workspace packages, so run
// `tsc -b` at the repository root first (npm run build does).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const production = !process.argv.includes('--dev');

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

await build({
  entryPoints: [`${here}../packages/language-server/dist/main.js`],
  outfile: `${here}dist/server.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  // CommonJS dependencies (vscode-languageserver) call require() for Node built-ins.
  banner: { js: "import { createRequire as __caselintCreateRequire } from 'node:module'; const require = __caselintCreateRequire(import.meta.url);" },
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
});
