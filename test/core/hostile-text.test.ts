// Hostile text (issue 13): nothing a document contains makes caselint slow, silent or stuck. Each input here once
// took seconds to minutes, or threw; the bounds are generous (a loaded machine), the inputs far past where the old
// code blew up, so removing a workaround fails the test by its time, not by a hair.
import { decodeText, defaultConfig, Linter, parseDocument, readDocx, ReadError, retextSentences, sentencesOf, type Rule } from '@caselint/core';
import { rules } from '@caselint/rules';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root } from 'nlcst';
import { describe, expect, it } from 'vitest';
import { safeForParseLatin } from '../../packages/core/src/language/sentences.js';
import { hasLongSpaceRun, MAX_SPACE_RUN, toSource } from '../../packages/core/src/document/segments.js';
import { isDelimiterRow } from '../../packages/core/src/document/table-row.js';
import { withoutClosingHashes } from '../../packages/core/src/document/markdown.js';
import { labelArea, openingLabel } from '../../packages/core/src/facts/tables.js';
import { rawDocx } from '../docx/fixtures.js';

const linter = new Linter(rules);
const config = defaultConfig();

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/** retext-english's own sentences, on the text as given (no workaround): for short inputs only. */
function rawRetext(text: string): [number, number][] {
  const tree = unified().use(retextEnglish).parse(text) as Root;
  const out: [number, number][] = [];
  for (const p of tree.children) if (p.type === 'ParagraphNode') for (const s of p.children) if (s.type === 'SentenceNode') out.push([s.position!.start.offset!, s.position!.end.offset!]);
  return out;
}

describe('line breaks that reach retext-english (parse-latin)', () => {
  // parse-latin's newline expression backtracks exponentially on CR LF pairs followed by other white space:
  // 22 pairs took 0.4 s, 26 took 24 s, and each pair doubles it: 25 pairs take seconds without the workaround.
  const pairs = '\r\n'.repeat(25);

  it('splits a block with 25 CR LF pairs before a no-break space or a vertical tab at once', () => {
    for (const tail of ['\u00a0end.', '\v end.', '\f\u00a0end']) {
      const { value, ms } = timed(() => sentencesOf(`Title (draft) ${pairs}${tail}`));
      expect(ms).toBeLessThan(1000);
      expect(value.length).toBeGreaterThan(0);
      expect(retextSentences(`Title ${pairs}${tail}`).length).toBeGreaterThan(0);
    }
  });

  it('keeps the length and parse-latin\'s reading of CR, LF and CR LF', () => {
    for (const text of ['Ms Carter (PAMS).\r\nSafety: unachieved.', 'A b (c).\r\rD e.', 'x (y)\r\n\r\nz w.', 'Mr. A\rB. c\n\r\nd (e).', 'a\r\n \r\n\tb (c) \r']) {
      expect(safeForParseLatin(text)).toHaveLength(text.length);
      expect(safeForParseLatin(text)).not.toContain('\r');
      expect(retextSentences(text).map((s) => [s.start, s.end])).toEqual(rawRetext(text).filter(([a, b]) => /\w/.test(text.slice(a, b))));
    }
  });

  it('checks a Markdown heading of &#13;&#10; entities, and the same through a Word file', () => {
    const md = `# Title ${'&#13;&#10;'.repeat(25)}&#160;end\n\nMs Carter passed the PAMS assessment.\n`;
    const a = timed(() => linter.lint(parseDocument(md, 'markdown'), config));
    expect(a.ms).toBeLessThan(2000);
    expect(a.value.some((f) => f.phrase === 'passed')).toBe(true);

    const body = `<w:p><w:r><w:t xml:space="preserve">Title </w:t>${'<w:t>&#13;</w:t><w:br/>'.repeat(25)}<w:t xml:space="preserve">&#160;end</w:t></w:r></w:p>`;
    const b = timed(() => linter.lint(readDocx(rawDocx(body)), config));
    expect(b.ms).toBeLessThan(2000);
  });
});

describe('strange text does not throw', () => {
  it('reads out-of-range, surrogate and NUL character references as U+FFFD', () => {
    const doc = parseDocument('Text &#x110000; and &#xD800; and &#55296; and &#0; and &#1114112; and &#x1F600; here.\n', 'markdown');
    expect(doc.blocks[0]!.text).toBe('Text \ufffd and \ufffd and \ufffd and \ufffd and \ufffd and \u{1F600} here.');
    expect(() => linter.lint(doc, config)).not.toThrow();
  });

  it('checks unclosed front matter, fences and comments', () => {
    for (const text of ['---\ntitle: x\n\nMs Carter passed.\n', '```\nMs Carter passed.\n', 'Intro.\n\n<!-- caselint-disable\nMs Carter passed.\n', 'a <!-- b <!-- c <!-- d\n'.repeat(200)]) {
      for (const format of ['markdown', 'text'] as const) expect(() => linter.lint(parseDocument(text, format), config)).not.toThrow();
    }
  });

  it('says that no rule ran when every rule failed', () => {
    const failing = rules.map((rule): Rule => {
      const fail = () => {
        throw new RangeError('boom');
      };
      return { meta: rule.meta, ...(rule.sentence ? { sentence: fail } : {}), ...(rule.document ? { document: fail } : {}) };
    });
    const findings = new Linter(failing).lint(parseDocument('Ms Carter passed the PAMS assessment. No concerns.\n', 'text'), config);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.message).not.toMatch(/other rules (still )?ran/);
      expect(f.message).toMatch(/not checked/);
    }
  });
});

describe('NUL bytes, wherever they are', () => {
  const refused = (bytes: Uint8Array) => {
    try {
      decodeText(bytes);
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(ReadError);
      return (error as ReadError).code;
    }
  };
  const text = (s: string) => new TextEncoder().encode(s);

  it('refuses a NUL byte past the first 8 KB as it does one in them', () => {
    expect(refused(text(`${'Ms Carter passed. '.repeat(1000)}\u0000 more`))).toBe('binary');
    expect(refused(text(`\u0000${'Ms Carter passed. '.repeat(1000)}`))).toBe('binary');
    expect(refused(text('Ms Carter passed. '.repeat(1000)))).toBeUndefined();
  });

  it('refuses UTF-16 full of NULs, and UTF-16 without a byte-order mark, with a clear message', () => {
    const le = (s: string, bom = true) => {
      const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
      if (bom) out.set([0xff, 0xfe]);
      for (let i = 0; i < s.length; i++) out[(bom ? 2 : 0) + i * 2] = s.charCodeAt(i);
      return out;
    };
    expect(refused(le('\u0000'.repeat(5000)))).toBe('binary');
    expect(refused(le(`Ms Carter passed.${'\u0000'.repeat(10)}`))).toBe('binary');
    expect(refused(le('Ms Carter passed the assessment.'))).toBeUndefined();
    expect(() => decodeText(le('Ms Carter passed the assessment.', false))).toThrow(/UTF-16 text without a byte-order mark/);
  });
});

describe('linear readers', () => {
  // Each input took from 3 s to minutes before (see bench/pathological.mjs, `npm run bench -- pathological`);
  // each must now be read and checked well within a generous bound, in text and Markdown.
  const sp = (n: number) => ' '.repeat(n);
  const inputs: Record<string, string> = {
    'a label, spaces, a colon, spaces and a word (57 s at 465 bytes)': `Ab${sp(60)}:${sp(400)}w)x\nSafety${sp(3000)}:${sp(3000)}unachieved)x\n`,
    'a table delimiter row of long white space': `| a | b |\n|${sp(40000)}x\n| a | b |\n| ${'-'.repeat(40000)}${sp(40000)}x\n`,
    '"placement of" and long white space': `The placement of${sp(40000)}x began\n`,
    'long white-space lines and headings': `a${sp(100000)}b\n#${sp(100000)}x\n${sp(100000)}=\n`,
    'a paragraph of 50,000 short lines': 'ab\n'.repeat(50000),
    'a list item of 50,000 short lines': `- ${'ab\n'.repeat(50000)}`,
    'a line of unclosed comments and brackets': `${'x <!-- [y '.repeat(20000)}\n`,
    'an unclosed comment over many lines': `<!-- open\n${'text line\n'.repeat(50000)}`,
  };
  for (const [name, text] of Object.entries(inputs)) {
    it(`reads and checks ${name}`, { timeout: 30000 }, () => {
      for (const format of ['text', 'markdown'] as const) {
        const { ms } = timed(() => linter.lint(parseDocument(text, format), config));
        expect(ms, format).toBeLessThan(3000);
      }
    });
  }

  it('cuts long white-space runs in block text and still maps every kept character to its source', () => {
    const text = `Ms Carter passed${sp(5000)}the assessment.\n`;
    for (const format of ['text', 'markdown'] as const) {
      const doc = parseDocument(text, format);
      const block = doc.blocks[0]!;
      expect(block.text).toBe(`Ms Carter passed${sp(MAX_SPACE_RUN - 2)}the assessment.`);
      const at = block.text.indexOf('the');
      expect(text.slice(toSource(block, at), toSource(block, at) + 3)).toBe('the');
      const found = linter.lint(doc, config).find((f) => f.phrase === 'passed');
      expect(found?.column).toBe(11);
    }
  });

  it('finds a white-space run longer than MAX_SPACE_RUN exactly where the expression does, looking at one position in 17', () => {
    const long = new RegExp(`\\s{${MAX_SPACE_RUN + 1}}`);
    const chars = [' ', ' ', ' ', '\t', '\n', '\u00a0', '\u2003', 'a', '.', 'é'];
    let seed = 11;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 20000; k++) {
      let text = '';
      // Runs of one kind of character, of lengths around the limit, so that many texts come near it.
      for (let n = Math.floor(next() * 8); n > 0; n--) text += chars[Math.floor(next() * chars.length)]!.repeat(1 + Math.floor(next() * (MAX_SPACE_RUN + 4)));
      expect(hasLongSpaceRun(text), JSON.stringify(text)).toBe(long.test(text));
    }
  });

  it('reads table delimiter rows as the expression did', () => {
    const old = (l: string) => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)+\|?\s*$/.test(l);
    const chars = ['|', '-', ':', ' ', '\t', 'a'];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 20000; k++) {
      let line = '';
      for (let n = Math.floor(next() * 12); n > 0; n--) line += chars[Math.floor(next() * chars.length)];
      expect(isDelimiterRow(line), JSON.stringify(line)).toBe(old(line));
    }
  });

  it('strips closing hashes from headings as the expressions did', () => {
    const old = (c: string) => c.replace(/[ \t]+#+[ \t]*$/, '').replace(/^#+[ \t]*$/, '');
    for (const c of ['Safety ##', 'Safety##', 'C#', '##', '## ', '#  ##', 'a # b #  ', '  ##', 'x\t#\t', '# x #', '']) expect(withoutClosingHashes(c), JSON.stringify(c)).toBe(old(c));
  });

  it('reads label lines whatever their white space, with the area where it stands', () => {
    const line = `  Safe sleeping${sp(300)}:${sp(300)}Unachieved  `;
    const label = labelArea(line)!;
    expect(label).toMatchObject({ area: 'Safe sleeping', status: 'unmet', statusText: 'Unachieved', areaStart: 2 });
    expect(labelArea('Safety: Unachieved')).toMatchObject({ area: 'Safety', areaStart: 0 });
    // A second status after the note is the one the writer ends on.
    expect(labelArea('Routines: MEDIUM priority (bedtime from 7pm to 11pm) - not there yet')).toMatchObject({ area: 'Routines', status: 'unmet', statusText: 'MEDIUM priority - not there yet' });
    expect(labelArea('Freedom Programme: not yet started (referral made 30/05) - achieved')).toMatchObject({ status: 'met' });
    expect(labelArea(`Sécurité ${'é'.repeat(200)}: non atteint`)).toBeUndefined(); // too long, letters beyond ASCII counted
    const opening = openingLabel(`Hygiene:${sp(500)}Grade 4.${sp(20)}Bedding was soiled.`)!;
    expect(opening).toMatchObject({ area: 'Hygiene', statusText: 'Grade 4', areaStart: 0, end: 8 + 500 + 8 });
  });
});
