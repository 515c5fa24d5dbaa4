// One harness for every rule's examples, in the manner of ESLint's RuleTester: an example is a test.
//
// Sources, per rule folder `rules/<id>/`:
// - `cases.yaml`: `flag:` and `clean:` lists. Each case is one document, a string or `{ text, format?, mentions? }`
//   (`format` is 'text' unless 'markdown'; every `mentions` entry must appear in some finding's message); or a
//   case of several documents, `{ case: { "<file name>": text, ... }, mentions? }` (Markdown for names ending .md),
//   each checked against what the others record, as a declared case is: marks may be in any of them.
// - `README.md`, section `## Examples`: a `### Flagged` and a `### Not flagged` subheading, each followed by `- `
//   list items. Each item is one plain-text document; lines after it indented by two or more spaces continue it
//   (joined with a newline). Other lines in the section are prose and ignored.
// - `README.md`, any table whose header is `| Instead of | Write |`: the "Instead of" cell must be flagged by the
//   rule, and the "Write" cell must draw no finding from any rule at all.
//
// Marking. In a flag example every phrase the rule must report is put in square brackets:
// `The PAMS outcome was [positive].` The harness removes the brackets (the linted text is the text without them,
// with offsets counted in that text), lints it, and asserts that the rule's findings cover exactly the marked spans:
// a finding's span is its [start, end) in the document, and for document rules (co-sleeping-plan,
// transition-planning, risk-assessment, unallocated-case, outcome-contradicts-findings) it is the phrase the finding
// is reported at. Same count, same positions; an unmarked finding or an unflagged mark fails the case.
// Escapes: `\[` and `\]` are literal square brackets and `\\` a literal backslash; any other backslash is kept as it
// is. (In a double-quoted YAML string write `\\[`; in a plain or block YAML scalar and in Markdown, `\[`. Markdown
// renders `\[` as `[`, so README examples read as they are linted.) Marks do not nest. A clean example has no marks
// (a literal bracket in it is escaped the same way) and must draw no finding of the rule.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig, Linter, parseDocument, type Finding } from '@caselint/core';
import { rules } from '@caselint/rules';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mark, unmark, type Span } from '../test/marks.js';

type Case = string | { text: string; format?: 'text' | 'markdown'; mentions?: string[] } | { case: Record<string, string>; mentions?: string[] };
const here = fileURLToPath(new URL('.', import.meta.url));
const linter = new Linter(rules);
const config = defaultConfig();

const folders = readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'rule.ts')));


const bySpan = (a: Span, b: Span) => a[0] - b[0] || a[1] - b[1];
const spansOf = (found: Finding[]): Span[] => found.map((f): Span => [f.start, f.end]).sort(bySpan);
const lintFor = (ruleId: string | undefined, text: string, format: 'text' | 'markdown' = 'text') =>
  linter.lint(parseDocument(text, format), config).filter((f) => ruleId === undefined || f.ruleId === ruleId);

/** Assert that `ruleId` reports exactly the marked phrases of a flag example (and well-formed messages). */
function expectFlagged(ruleId: string, marked: string, format: 'text' | 'markdown' = 'text'): Finding[] {
  const { text, spans } = unmark(marked);
  expect(spans.length, 'a flag example marks at least one [phrase]').toBeGreaterThan(0);
  const found = lintFor(ruleId, text, format);
  // The marked text as the rule sees it, first: a readable diff when a phrase moves.
  expect(mark(text, spansOf(found)), 'the phrases the rule reports').toBe(mark(text, [...spans].sort(bySpan)));
  expect(spansOf(found), 'finding spans').toEqual([...spans].sort(bySpan));
  for (const f of found) {
    expect(f.message).not.toMatch(/\{\{/);
    expect(f.line).toBeGreaterThan(0);
  }
  return found;
}

function expectClean(ruleId: string | undefined, marked: string, format: 'text' | 'markdown' = 'text') {
  const { text, spans } = unmark(marked);
  expect(spans, 'a clean example has no [marks]; escape a literal bracket as \\[').toEqual([]);
  expect(lintFor(ruleId, text, format).map((f) => `${f.ruleId}: ${mark(text, [[f.start, f.end]])}`)).toEqual([]);
}

/** The documents of a case example, each linted with the others' facts: the rule's findings per document. */
function lintCase(ruleId: string, files: Record<string, string>) {
  const docs = Object.entries(files).map(([name, marked]) => {
    const { text, spans } = unmark(marked);
    return { name, marked, text, spans, doc: parseDocument(text, name.endsWith('.md') ? 'markdown' : 'text', `/case/${name}`) };
  });
  const facts = docs.map((d) => linter.record(d.doc, config));
  return docs.map((d, i) => ({ ...d, found: linter.lint(d.doc, config, undefined, facts.filter((_, j) => j !== i).flat()).filter((f) => f.ruleId === ruleId) }));
}

function expectCaseFlagged(ruleId: string, files: Record<string, string>, mentions: string[]) {
  const checked = lintCase(ruleId, files);
  expect(checked.some((d) => d.spans.length > 0), 'a flag case marks at least one [phrase]').toBe(true);
  for (const d of checked) expect(`${d.name}: ${mark(d.text, spansOf(d.found))}`).toBe(`${d.name}: ${d.marked}`);
  const found = checked.flatMap((d) => d.found);
  for (const m of mentions) expect(found.some((f) => f.message.toLowerCase().includes(m.toLowerCase())), `message names "${m}"`).toBe(true);
}

function expectCaseClean(ruleId: string, files: Record<string, string>) {
  for (const d of lintCase(ruleId, files)) {
    expect(d.spans, 'a clean case has no [marks]').toEqual([]);
    expect(d.found.map((f) => `${d.name}: ${mark(d.text, [[f.start, f.end]])}`)).toEqual([]);
  }
}

interface ReadmeExamples {
  flagged: string[] | undefined;
  clean: string[] | undefined;
  /** Rows of every "Instead of | Write" table. */
  insteadOf: { instead: string; write: string }[];
}

/** Split a Markdown table row into cells (`\|` is a literal pipe). */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** The examples of a rule README (see the header comment for the format). */
function readmeExamples(md: string): ReadmeExamples {
  const lines = md.split(/\r?\n/);
  const out: ReadmeExamples = { flagged: undefined, clean: undefined, insteadOf: [] };
  let h2 = '';
  let list: string[] | undefined;
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const [, hashes, title] = heading;
      list = undefined;
      if (hashes!.length <= 2) h2 = title!.toLowerCase();
      else if (h2 === 'examples' && hashes!.length === 3) {
        const t = title!.toLowerCase();
        if (t === 'flagged') list = out.flagged = [];
        else if (t === 'not flagged') list = out.clean = [];
      }
      continue;
    }
    if (list && line.startsWith('- ')) {
      let item = line.slice(2).trim();
      while (i + 1 < lines.length && /^ {2,}\S/.test(lines[i + 1]!)) item += `\n${lines[++i]!.trim()}`;
      list.push(item);
      continue;
    }
    const header = /^\s*\|/.test(line) ? cells(line).map((c) => c.toLowerCase()) : [];
    if (header.length === 2 && header[0] === 'instead of' && header[1] === 'write') {
      i++; // the delimiter row
      while (i + 1 < lines.length && /^\s*\|/.test(lines[i + 1]!)) {
        const [instead, write] = cells(lines[++i]!);
        out.insteadOf.push({ instead: instead ?? '', write: write ?? '' });
      }
    }
  }
  return out;
}

describe('rule catalogue', () => {
  it('has a folder with rule.ts, README.md and cases.yaml for every rule, and no rule without a folder', () => {
    expect(folders.map((f) => f.name).sort()).toEqual(rules.map((r) => r.meta.id).sort());
    for (const f of folders) {
      expect(existsSync(join(here, f.name, 'README.md')), `${f.name}/README.md`).toBe(true);
      expect(existsSync(join(here, f.name, 'cases.yaml')), `${f.name}/cases.yaml`).toBe(true);
    }
  });
});

describe('example marks', () => {
  it('unmark removes marks and escapes, keeping offsets in the unmarked text', () => {
    expect(unmark('The PAMS outcome was [positive].')).toEqual({ text: 'The PAMS outcome was positive.', spans: [[21, 29]] });
    expect(unmark('[a] b \\[c\\] [d\\]e] f\\\\')).toEqual({ text: 'a b [c] d]e f\\', spans: [[0, 1], [8, 11]] });
    expect(unmark('a \\n b')).toEqual({ text: 'a \\n b', spans: [] });
    expect(() => unmark('[a [b]]')).toThrow(/nested/);
    expect(() => unmark('a]')).toThrow(/no "\["/);
    expect(() => unmark('[a')).toThrow(/unclosed/);
  });
  it('mark is the inverse of unmark', () => {
    for (const s of ['The PAMS outcome was [positive].', '[a] b \\[c\\] [d\\]e] f\\\\', '[x][y] z', 'no marks', '[]empty']) {
      const { text, spans } = unmark(s);
      expect(mark(text, spans)).toBe(s);
    }
  });
  it('reads a README examples section and its Instead of | Write tables', () => {
    const md = [
      '# r', '', '| Instead of | Write |', '| --- | --- |', '| A \\| b | C |', '', '## Examples', '', 'Prose.', '',
      '### Flagged', '', '- One [x].', '- Two', '  lines [y].', '', '### Not flagged', '', '- Three.', '', '## Configuration', '', '- not an example',
    ].join('\n');
    expect(readmeExamples(md)).toEqual({ flagged: ['One [x].', 'Two\nlines [y].'], clean: ['Three.'], insteadOf: [{ instead: 'A | b', write: 'C' }] });
  });
});

for (const folder of folders) {
  const id = folder.name;
  const cases = parse(readFileSync(join(here, id, 'cases.yaml'), 'utf8')) as { flag: Case[]; clean: Case[] };
  const readme = readmeExamples(readFileSync(join(here, id, 'README.md'), 'utf8'));
  const isCase = (c: Case): c is { case: Record<string, string>; mentions?: string[] } => typeof c === 'object' && 'case' in c;
  const norm = (c: Exclude<Case, { case: unknown }>) => (typeof c === 'string' ? { text: c, format: 'text' as const, mentions: [] } : { format: 'text' as const, mentions: [], ...c });
  const label = (text: string) => text.trim().split('\n').pop()!.slice(0, 90);
  const caseLabel = (files: Record<string, string>) => `a case of ${Object.keys(files).join(', ')}: ${label(Object.values(files).at(-1)!)}`;

  describe(id, () => {
    it('has at least two cases that must flag and two that must not', () => {
      expect(cases.flag.length).toBeGreaterThanOrEqual(2);
      expect(cases.clean.length).toBeGreaterThanOrEqual(2);
    });
    for (const c of cases.flag.filter(isCase)) it(`flags in ${caseLabel(c.case)}`, () => expectCaseFlagged(id, c.case, c.mentions ?? []));
    for (const c of cases.clean.filter(isCase)) it(`leaves clean ${caseLabel(c.case)}`, () => expectCaseClean(id, c.case));
    for (const c of cases.flag.filter((x) => !isCase(x)).map((x) => norm(x as Exclude<Case, { case: unknown }>))) {
      it(`flags: ${label(c.text)}`, () => {
        const found = expectFlagged(id, c.text, c.format);
        for (const m of c.mentions ?? []) {
          expect(found.some((f) => f.message.toLowerCase().includes(m.toLowerCase())), `message names "${m}"`).toBe(true);
        }
      });
    }
    for (const c of cases.clean.filter((x) => !isCase(x)).map((x) => norm(x as Exclude<Case, { case: unknown }>))) {
      it(`leaves clean: ${label(c.text)}`, () => expectClean(id, c.text, c.format));
    }

    describe('README', () => {
      it('has an Examples section with at least three flagged and three clean examples', () => {
        expect(readme.flagged?.length ?? 0, '### Flagged items under ## Examples').toBeGreaterThanOrEqual(3);
        expect(readme.clean?.length ?? 0, '### Not flagged items under ## Examples').toBeGreaterThanOrEqual(3);
      });
      for (const text of readme.flagged ?? []) it(`flags: ${label(text)}`, () => void expectFlagged(id, text));
      for (const text of readme.clean ?? []) it(`leaves clean: ${label(text)}`, () => expectClean(id, text));
      for (const row of readme.insteadOf) {
        it(`instead of: ${label(row.instead)}`, () => {
          const { text } = unmark(row.instead);
          expect(lintFor(id, text).length, 'the rule flags the "Instead of" example').toBeGreaterThan(0);
        });
        it(`write (no rule flags it): ${label(row.write)}`, () => expectClean(undefined, row.write));
      }
    });
  });
}
