// `npm run package`: dist/ (the unpacked extension, built by `npm run build`) as caselint-extension.zip, for the
// Chrome Web Store or for council IT to host. Written to a temporary file and renamed, so a reader never sees half a zip.
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = join(here, 'dist');
const out = resolve(here, process.argv[2] ?? 'caselint-extension.zip');

function filesIn(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path) : [path];
  });
}

const files = filesIn(dist);
if (!files.some((f) => relative(dist, f) === 'manifest.json')) {
  console.error('caselint: no dist/manifest.json; run `npm run build` first');
  process.exit(2);
}
// The engine bundle for web pages (dist/engine/) is not part of the extension.
const entries = Object.fromEntries(files.filter((f) => !relative(dist, f).startsWith('engine')).map((f) => [relative(dist, f).split('\\').join('/'), readFileSync(f)]));
const temporary = `${out}.${process.pid}.tmp`;
writeFileSync(temporary, zipSync(entries, { level: 9 }));
renameSync(temporary, out);
console.log(`caselint: wrote ${relative(process.cwd(), out)} (${Object.keys(entries).length} files)`);
