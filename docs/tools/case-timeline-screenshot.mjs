// Regenerates docs/case-timeline.png from a real render: the HTML report of the worked case in examples/case-reid,
// its case timeline rendered by Debian's headless Chromium.
//   npx tsc -b && node docs/tools/case-timeline-screenshot.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const work = mkdtempSync(join(tmpdir(), 'caselint-shot-'));
const html = join(work, 'report.html');
// Run from the examples folder, so the report shows paths as a quality team would see them.
// Exit 1 is expected: the case has errors.
spawnSync(process.execPath, [join(root, 'packages/cli/bin/caselint.js'), '--format', 'html', '--output', html, 'case-reid'], { cwd: join(root, 'examples'), stdio: 'ignore' });
// The timeline alone, with the report's own styles: a whole-page shot would be mostly the summary.
const page = readFileSync(html, 'utf8');
const head = /<head>[\s\S]*?<\/head>/.exec(page)[0];
const cases = /<section id="cases"[\s\S]*?<\/section>/.exec(page)[0];
const excerpt = join(work, 'timeline.html');
writeFileSync(excerpt, `<!doctype html><html lang="en">${head}<body><main>${cases}</main></body></html>`);
const shot = join(work, 'shot.png');
execFileSync('chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', `--user-data-dir=${join(work, 'profile')}`, '--hide-scrollbars',
  '--window-size=1000,500', `--screenshot=${shot}`, pathToFileURL(excerpt).href,
], { stdio: 'ignore', timeout: 60_000 });
renameSync(shot, join(root, 'docs/case-timeline.png'));
console.log('docs/case-timeline.png');
