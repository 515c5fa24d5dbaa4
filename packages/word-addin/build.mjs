// Builds dist/: the task pane (taskpane.html, taskpane.js, taskpane.css) and manifest.xml. The pane bundles the
// compiled workspace packages with the browser extension's esbuild options, so run `tsc -b` at the repository
// root first (the root `npm run build` does). The manifest points at https://localhost:3000 unless given the
// council's host: CASELINT_WORD_HOST=https://addins.example.gov.uk/caselint or `--host https://…`.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { browserBundleOptions } from '../browser-extension/esbuild-browser.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = `${here}dist`;

/** The manifest's host: an https origin (and path), without a trailing slash. */
export function manifestFor(host) {
  const url = new URL(host);
  if (url.protocol !== 'https:') throw new Error(`the add-in's host must be https (got ${host})`);
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return readFileSync(`${here}manifest.template.xml`, 'utf8')
    .replaceAll('{{HOST}}', escape(`${url.origin}${url.pathname.replace(/\/+$/, '')}`))
    .replaceAll('{{ORIGIN}}', escape(url.origin));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--host');
  const host = (flag >= 0 ? process.argv[flag + 1] : undefined) ?? process.env.CASELINT_WORD_HOST ?? 'https://localhost:3000';
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await build({ ...browserBundleOptions, entryPoints: [`${here}src/taskpane.ts`], outfile: `${dist}/taskpane.js`, format: 'iife' });
  for (const file of readdirSync(`${here}static`)) cpSync(`${here}static/${file}`, `${dist}/${file}`);
  writeFileSync(`${dist}/manifest.xml`, manifestFor(host));
  console.log(`caselint Word add-in: dist/taskpane.js ${Math.round(statSync(`${dist}/taskpane.js`).size / 1024)} KB; dist/manifest.xml for ${host}`);
}
