import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToDocx, plainTextToDocx } from './markdown-to-docx.mjs';

// The built packages: this checks the same engine the CLI runs (`npm test` builds first).
const core = await import('@caselint/core').catch(() => undefined);
const catalogue = await import('@caselint/rules').catch(() => undefined);
const corpus = join(import.meta.dirname, '../../../shared/corpus/reports');
const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => /\.(md|txt)$/.test(f)) : [];
const expectations: Record<string, { must?: string[] }> = existsSync(join(corpus, 'expected.json'))
  ? JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8'))
  : {};
const ready = Boolean(core && catalogue?.rules) && files.length > 0;
if (!ready) console.warn('caselint engine not built or corpus missing: skipping the .docx corpus comparison');

describe.skipIf(!ready)('findings from a .docx match the same report as text', () => {
  for (const file of files) {
    it(file, async () => {
      const { Linter, defaultConfig, parseDocument, readDocx } = core!;
      const linter = new Linter(catalogue!.rules);
      const config = defaultConfig();
      const source = readFileSync(join(corpus, file), 'utf8');
      const asText = parseDocument(source, file.endsWith('.md') ? 'markdown' : 'text', file);
      const bytes = file.endsWith('.md') ? await markdownToDocx(source) : await plainTextToDocx(source);
      const asDocx = readDocx(bytes, file.replace(/\.\w+$/, '.docx'));
      const summary = (doc: typeof asText) =>
        linter
          .lint(doc, config)
          .map((f) => ({ ruleId: f.ruleId, message: f.message, phrase: f.phrase, related: f.related?.map((r) => r.message) ?? [] }))
          .sort((a, b) => (a.ruleId + a.message).localeCompare(b.ruleId + b.message));
      const expected = summary(asText);
      if (expectations[file]?.must?.length) expect(expected.length).toBeGreaterThan(0);
      expect(summary(asDocx)).toEqual(expected);
      // Every finding in the .docx says where it is in Word terms, and quotes the text at that place.
      for (const f of linter.lint(asDocx, config)) {
        expect(f.docx?.paragraph).toBeGreaterThan(0);
        expect(asDocx.text.slice(f.start, f.end)).toBe(f.phrase);
      }
    });
  }
});
