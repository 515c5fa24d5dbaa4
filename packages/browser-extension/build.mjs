// Builds dist/: the engine bundle (dist/engine/caselint.js, ESM, for any web page) and the unpacked Manifest V3
// extension (manifest, service worker, content script, popup, options). Bundles are made from the compiled
// workspace packages, so run `tsc -b` at the repository root first (the root `npm run build` does).
import { build } from 'esbuild';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { browserBundleOptions } from './esbuild-browser.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = `${here}dist`;

const common = browserBundleOptions;

rmSync(dist, { recursive: true, force: true });
await build({ ...common, entryPoints: [`${here}src/engine/index.ts`], outfile: `${dist}/engine/caselint.js`, format: 'esm' });

// The extension: a classic script per context (a service worker, a content script in every frame, two pages).
const extension = {
  'background.js': 'background/service-worker.ts',
  'content.js': 'content/main.ts',
  'popup.js': 'ui/popup.ts',
  'options.js': 'ui/options.ts',
};
await Promise.all(
  Object.entries(extension).map(([out, entry]) => build({ ...common, entryPoints: [`${here}src/${entry}`], outfile: `${dist}/${out}`, format: 'iife' })),
);
for (const file of readdirSync(`${here}static`)) cpSync(`${here}static/${file}`, `${dist}/${file}`);

const size = (file) => `${Math.round(statSync(`${dist}/${file}`).size / 1024)} KB`;
console.log(`caselint browser: dist/engine/caselint.js ${size('engine/caselint.js')}; extension in dist/ (background.js ${size('background.js')}, content.js ${size('content.js')})`);
