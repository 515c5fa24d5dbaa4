// Pathological inputs (issue 13, hostile text): how the time to check one document grows as the hostile part of it
// doubles. Called by bench/run.mjs (`npm run bench -- pathological`); runnable on its own:
//   npx tsc -b && node bench/pathological.mjs [--max-ms 2000] [family ...]
// A linear reader doubles its time when its input doubles (ratio about 2); a ratio near 4 is quadratic, 8 cubic,
// and a family whose time explodes stops early (the row says so). Each size is checked once, in this process,
// through the same engine and readers the CLI uses.
import { pathToFileURL } from 'node:url';
import { defaultConfig, Linter, parseDocument, readDocx } from '../packages/core/dist/index.js';
import { rules } from '../rules/dist/index.js';
import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal .docx whose body is the given WordprocessingML. */
export function docxOf(body) {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`),
  });
}

const sp = (n) => ' '.repeat(n);

/**
 * Each family: a document format and a generator of the document for a size n (its hostile part grows with n).
 * `n` is where the doubling starts; the families that were exponential use a count of repetitions instead.
 */
export const FAMILIES = {
  'CR LF entities in a Markdown heading': { format: 'markdown', start: 20, steps: 5, make: (n) => `# Title ${'&#13;&#10;'.repeat(n)}&#160;end\n` },
  'CR and line breaks in a Word run': { format: 'docx', start: 20, steps: 5, make: (n) => `<w:p><w:r><w:t xml:space="preserve">Title </w:t>${'<w:t>&#13;</w:t><w:br/>'.repeat(n)}<w:t xml:space="preserve">&#160;end</w:t></w:r></w:p>` },
  'label, spaces, colon, spaces, word': { format: 'text', start: 200, make: (n) => `Ab${sp(60)}:${sp(n)}w)x\n` },
  'label, long spaces, colon, long spaces': { format: 'text', start: 200, make: (n) => `Safety${sp(n)}:${sp(n)}unachieved)x\n` },
  'label line of non-ASCII letters': { format: 'text', start: 2000, make: (n) => `Sécurité ${'é'.repeat(n)}: non atteint)x\n` },
  'table delimiter row, long spaces': { format: 'markdown', start: 5000, make: (n) => `| a | b |\n|${sp(n)}x\n` },
  'table delimiter row, long dashes then spaces': { format: 'markdown', start: 5000, make: (n) => `| a | b |\n| ${'-'.repeat(n)}${sp(n)}x\n` },
  'pipes and spaces on one line (text)': { format: 'text', start: 5000, make: (n) => `a${'| '.repeat(n)}\n|${sp(n)}x\n` },
  '"placement of" and long white space': { format: 'text', start: 5000, make: (n) => `The placement of${sp(n)}x began\n` },
  '"placement of" and long white space (Markdown)': { format: 'markdown', start: 5000, make: (n) => `The placement of${sp(n)}x began\n` },
  'a line of spaces then a word (text)': { format: 'text', start: 10000, make: (n) => `${sp(n)}x\n${sp(n)}\n` },
  'a line of spaces then a word (Markdown)': { format: 'markdown', start: 10000, make: (n) => `a${sp(n)}b\n#${sp(n)}x\n${sp(n)}=\n` },
  'Markdown paragraph of short lines': { format: 'markdown', start: 6250, make: (n) => 'ab\n'.repeat(n) },
  'plain-text paragraph of short lines': { format: 'text', start: 6250, make: (n) => 'ab\n'.repeat(n) },
  'Markdown list item of short lines': { format: 'markdown', start: 6250, make: (n) => `- ${'ab\n'.repeat(n)}` },
  'many < and [ and & in one line': { format: 'markdown', start: 5000, make: (n) => `${'<a [b &c '.repeat(n)}\n` },
  'many unclosed comments in one line': { format: 'markdown', start: 2000, make: (n) => `${'x <!-- '.repeat(n)}\n` },
  'unclosed comment, many lines': { format: 'markdown', start: 5000, make: (n) => `<!-- open\n${'text line\n'.repeat(n)}` },
  '"described ... as positive but ..." repeated': { format: 'text', start: 250, make: (n) => `${'described the placement as positive but '.repeat(n)}\n` },
  'verdict and concern words, no full stop': { format: 'text', start: 1000, make: (n) => `${'passed positive no concerns unachieved deteriorated '.repeat(n)}\n` },
};

const linter = new Linter(rules);
const config = defaultConfig();

function checkOnce(format, input) {
  const started = performance.now();
  const doc = format === 'docx' ? readDocx(docxOf(input)) : parseDocument(input, format);
  linter.lint(doc, config);
  return performance.now() - started;
}

/** Times of one family at doubling sizes; stops once a size takes longer than maxMs. */
export function measureFamily(family, { maxMs = 2000, steps } = {}) {
  const rows = [];
  let n = family.start;
  for (let i = 0; i < (steps ?? family.steps ?? 5); i++, n *= family.steps ? 1 : 2) {
    if (family.steps && i > 0) n += 1; // exponential families: one more repetition per step
    const input = family.make(n);
    const ms = checkOnce(family.format, input);
    rows.push({ n, bytes: input.length, ms });
    if (ms > maxMs) break;
  }
  return rows;
}

export async function benchPathological({ maxMs = 2000, only = [], log = console.log } = {}) {
  // Warm the engine so the first family does not pay for compiling it.
  checkOnce('text', 'Ms Carter passed the assessment. Safety: unachieved.\n');
  log(`pathological inputs: time to read and check one document as its hostile part doubles (stops past ${maxMs} ms)`);
  log('ratio: time at this size / time at the size before (about 2 is linear, 4 quadratic; exponential families add one repetition per step)');
  let worst = 0;
  for (const [name, family] of Object.entries(FAMILIES)) {
    if (only.length && !only.some((o) => name.includes(o))) continue;
    const rows = measureFamily(family, { maxMs });
    worst = Math.max(worst, ...rows.map((r) => r.ms));
    const cells = rows.map((r, i) => `${(r.bytes / 1000).toFixed(r.bytes < 10000 ? 1 : 0)} KB ${r.ms.toFixed(0)} ms${i ? ` (×${(r.ms / Math.max(rows[i - 1].ms, 0.5)).toFixed(1)})` : ''}`);
    log(`  ${name.padEnd(48)} ${cells.join(', ')}${rows.at(-1).ms > maxMs ? '  STOPPED' : ''}`);
  }
  log(`worst single document: ${worst.toFixed(0)} ms`);
  return worst;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--max-ms');
  const maxMs = at >= 0 ? Number(args.splice(at, 2)[1]) : 2000;
  await benchPathological({ maxMs, only: args });
}
