import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../packages/core/src/read/docx.js';
import { annotateDocx } from '../../packages/core/src/report/docx-annotate.js';
import { samplePamsReport } from './fixtures.js';
import { convert, hasSoffice } from './soffice.js';

const available = await hasSoffice();
if (!available) console.warn('soffice not found: skipping the LibreOffice round trip (CI installs libreoffice-writer-nogui)');

describe.skipIf(!available)('an annotated copy opens in LibreOffice', () => {
  it('converts to ODT with every caselint comment present', { timeout: 180_000 }, async () => {
    const original = await samplePamsReport();
    const text = readDocx(original).text;
    const phrases = ['passed', 'Unachieved', 'safer sleep guidance', 'broadly positive'];
    const findings = phrases.map((phrase, i) => {
      const start = text.indexOf(phrase);
      return { ruleId: `rule-${i}`, message: `Message ${i}.`, fix: `Fix ${i}.`, start, end: start + phrase.length };
    });
    const dir = mkdtempSync(join(tmpdir(), 'caselint-lo-'));
    const file = join(dir, 'report.caselint.docx');
    writeFileSync(file, annotateDocx(original, findings));
    await convert(file, 'odt', dir);
    const odt = join(dir, 'report.caselint.odt');
    expect(existsSync(odt)).toBe(true);
    const content = strFromU8(unzipSync(readFileSync(odt), { filter: (f) => f.name === 'content.xml' })['content.xml']!);
    const annotations = [...content.matchAll(/<office:annotation\b[\s\S]*?<\/office:annotation>/g)].map((m) => m[0]);
    expect(annotations).toHaveLength(phrases.length);
    for (const annotation of annotations) expect(annotation).toContain('<dc:creator>caselint</dc:creator>');
    for (let i = 0; i < phrases.length; i++) {
      // Annotations come in document order, which is not the findings' order.
      const annotation = annotations.find((a) => a.includes(`Message ${i}. (rule-${i})`));
      expect(annotation).toContain(`How to fix: Fix ${i}.`);
    }
    // Each annotation spans its phrase: LibreOffice writes an annotation-end for ranged comments.
    expect(content.match(/<office:annotation-end\b/g)).toHaveLength(phrases.length);
  });
});
