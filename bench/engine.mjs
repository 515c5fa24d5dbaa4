// Steady-state engine speed: the batch's documents checked in this process, again and again, once the JIT has
// warmed up. This is the engine alone (document, language, facts, rules), without start-up, reading or reports.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFolder } from './batch.mjs';

export async function benchEngine({ rounds = 4, log = console.log } = {}) {
  const { defaultConfig, Linter, parseDocument, formatFromPath } = await import('@caselint/core');
  const { rules } = await import('@caselint/rules');
  const dir = mkdtempSync(join(tmpdir(), 'caselint-engine-'));
  generateFolder(dir);
  const docs = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && !d.includes('broken') && /\.(?:md|txt)$/.test(e.name) && statSync(p).size < 5e6) docs.push([readFileSync(p, 'utf8'), formatFromPath(p)]);
    }
  };
  walk(dir);
  rmSync(dir, { recursive: true, force: true });
  const bytes = docs.reduce((n, [t]) => n + Buffer.byteLength(t), 0);
  const linter = new Linter(rules);
  const config = defaultConfig();
  const speeds = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    let findings = 0;
    for (const [text, format] of docs) findings += linter.lint(parseDocument(text, format), config).length;
    const s = (performance.now() - t0) / 1000;
    speeds.push(bytes / 1e6 / s);
    log(`round ${r + 1}: ${(bytes / 1e6).toFixed(1)} MB in ${s.toFixed(2)} s: ${(bytes / 1e6 / s).toFixed(1)} MB/s (${findings} findings)`);
  }
  const steady = Math.max(...speeds.slice(1));
  log(`steady state (best round after the first): ${steady.toFixed(1)} MB/s on one core`);
  return steady;
}
