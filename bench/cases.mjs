// Case benchmark: one case folder of 50, 100 and 200 generated documents, checked as a case (--cases) and as
// unrelated documents, by the CLI as whole processes. A case is checked in two passes (what each document records,
// then each document against the others), so its time should grow linearly with its size: the time per document
// stays flat as the case doubles. Called by bench/run.mjs; runnable on its own (after `npx tsc -b`):
//   node bench/cases.mjs
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS, measure } from './batch.mjs';
import { seededRandom } from './random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'packages/cli/bin/caselint.js');

/** A case folder of `n` report-like documents (fictional), and its size in bytes. */
function caseFolder(dir, n, seed) {
  const rand = seededRandom(seed);
  const folder = join(dir, `case-${n}`);
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const { ext, text } = DOCS[Math.floor(rand() * DOCS.length)](rand);
    writeFileSync(join(folder, `doc-${String(i).padStart(3, '0')}.${ext}`), text);
    bytes += Buffer.byteLength(text);
  }
  return { folder, bytes };
}

export async function benchCases({ sizes = [50, 100, 200], log = console.log } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'caselint-bench-cases-'));
  try {
    log('documents   size     alone (s)   as a case (s)   case / alone   ms per document (case)');
    const perDoc = [];
    for (const n of sizes) {
      const { folder, bytes } = caseFolder(dir, n, 1000 + n);
      const args = ['--jobs', '1', '--max-file-time', '0', '--format', 'json', '--output', join(dir, 'out.json')];
      // Warm the file cache, then the better of two runs each.
      await measure(process.execPath, [CLI, ...args, folder]);
      const best = async (extra) => {
        let seconds = Infinity;
        for (let i = 0; i < 2; i++) seconds = Math.min(seconds, (await measure(process.execPath, [CLI, ...args, ...extra, folder])).seconds);
        return seconds;
      };
      const alone = await best([]);
      const asCase = await best(['--cases', folder]);
      perDoc.push((asCase * 1000) / n);
      log(`${String(n).padStart(9)}   ${(bytes / 1e6).toFixed(2).padStart(5)} MB   ${alone.toFixed(2).padStart(9)}   ${asCase.toFixed(2).padStart(13)}   ${(asCase / alone).toFixed(2).padStart(12)}   ${((asCase * 1000) / n).toFixed(1).padStart(10)}`);
    }
    const growth = perDoc[perDoc.length - 1] / perDoc[0];
    log(`\nlinear in the case's size: time per document at ${sizes[sizes.length - 1]} documents is ${growth.toFixed(2)} × that at ${sizes[0]} (target ≤ 1.3; start-up is shared, so it falls)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCases();
