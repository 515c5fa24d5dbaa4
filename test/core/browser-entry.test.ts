// The browser bundles (the extension, the Word add-in, the page) map '@caselint/core' to the browser entry point, so
// every value a rule imports from '@caselint/core' must be exported there too, or those bundles fail to build.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as browser from '@caselint/core/browser';
import { describe, expect, it } from 'vitest';

const rulesDir = join(dirname(fileURLToPath(import.meta.url)), '../../rules');

describe("the browser entry point of '@caselint/core'", () => {
  const rules = readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !['dist', 'node_modules'].includes(d.name));
  for (const rule of rules) {
    let source: string;
    try {
      source = readFileSync(join(rulesDir, rule.name, 'rule.ts'), 'utf8');
    } catch {
      continue;
    }
    const names = [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@caselint\/core'/g)].flatMap((m) =>
      m[1]!.split(',').map((s) => s.trim()).filter((s) => s && !s.startsWith('type ')).map((s) => s.split(/\s+as\s+/)[0]!),
    );
    // A rule that imports only types from core has nothing a bundle must find.
    if (names.length === 0) continue;
    it(`exports every value ${rule.name} imports (${names.join(', ')})`, () => {
      expect(names.filter((n) => !(n in browser))).toEqual([]);
    });
  }
});
