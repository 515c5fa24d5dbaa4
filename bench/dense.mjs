// Dense and sparse folders side by side: caselint, alex and write-good on the same files, in one run, as whole
// processes. A dense file is a year of case notes where most sentences are verdicts, reassurance or recorded
// concerns; a sparse folder is the batch's ordinary reports. caselint must stay at least 25 times as fast as alex and
// 3 times as fast as write-good on both. Called by bench/run.mjs; runnable on its own (after `npx tsc -b`):
//   node bench/dense.mjs [--mb 3]
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { denseDocument, firstBytes, generateFolder, measure } from './batch.mjs';
import { seededRandom } from './random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'packages/cli/bin/caselint.js');
const ALEX = join(root, 'node_modules/alex/cli.js');
const WRITE_GOOD = join(root, 'node_modules/write-good/bin/write-good.js');
const TARGETS = { timesAlex: 25, timesWriteGood: 3 };

/** About `bytes` of dense case notes, ~150 KB a file. */
function denseFolder(dir, bytes) {
  const rand = seededRandom(31337);
  const folder = join(dir, 'dense');
  mkdirSync(folder, { recursive: true });
  const files = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const { text } = denseDocument(rand);
    const file = join(folder, `notes-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(file, text);
    files.push(file);
    size += Buffer.byteLength(text);
  }
  return files;
}

/** The first `bytes` of the batch's ordinary (sparse) text files. */
function sparseFiles(dir, bytes) {
  return firstBytes(generateFolder(join(dir, 'sparse'), { files: 400, minBytes: bytes }).textFiles, bytes).files;
}

export async function benchDense({ megabytes = 3, log = console.log } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'caselint-bench-dense-'));
  try {
    const folders = { dense: denseFolder(dir, megabytes * 1e6), sparse: sparseFiles(dir, megabytes * 1e6) };
    const rows = [];
    const checks = [];
    for (const [name, files] of Object.entries(folders)) {
      const mb = files.reduce((n, f) => n + readFileSync(f).length, 0) / 1e6;
      const run = async (label, command, args) => {
        const r = await measure(process.execPath, [command, ...args, ...files], { cwd: dir });
        rows.push([`${name}: ${label}`, String(files.length), mb.toFixed(2), r.seconds.toFixed(2), (mb / r.seconds).toFixed(2)]);
        return r.seconds;
      };
      const caselint = await run('caselint --jobs 1', CLI, ['--jobs', '1', '--format', 'json', '--output', join(dir, `${name}.json`), '--no-progress']);
      const findings = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')).reduce((n, r) => n + r.messages.length, 0);
      const alex = existsSync(ALEX) ? await run('alex', ALEX, ['--quiet']) : NaN;
      const writeGood = existsSync(WRITE_GOOD) ? await run('write-good', WRITE_GOOD, ['--parse']) : NaN;
      rows.push([`${name}: caselint findings`, '', '', '', String(findings)]);
      checks.push([`${name}: times alex`, alex / caselint, TARGETS.timesAlex], [`${name}: times write-good`, writeGood / caselint, TARGETS.timesWriteGood]);
    }
    const table = [['run', 'files', 'MB', 'wall s', 'MB/s'], ...rows];
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
    for (const r of table) log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    log('');
    for (const [name, value, target] of checks) log(`${value >= target ? 'ok  ' : 'MISS'}  ${name.padEnd(26)} ${Number.isFinite(value) ? value.toFixed(1) : 'n/a'}  (target >= ${target})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--mb');
  await benchDense(i === -1 ? {} : { megabytes: Number(process.argv[i + 1]) });
}
