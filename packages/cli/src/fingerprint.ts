import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What the cached results depend on besides the file and its configuration: the caselint version and the
 * built code of the engine and the rule catalogue (a changed rule invalidates every entry, even unreleased).
 */
export function engineFingerprint(version: string): string {
  const hash = createHash('sha256').update(`caselint ${version}\n`);
  for (const pkg of ['@caselint/core', '@caselint/rules']) {
    const root = dirname(fileURLToPath(import.meta.resolve(pkg)));
    for (const file of builtFiles(root)) hash.update(`${file.slice(root.length)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** The .js files under a dist folder, in a stable order. */
function builtFiles(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...builtFiles(full));
    else if (e.isFile() && e.name.endsWith('.js')) out.push(full);
  }
  return out;
}
