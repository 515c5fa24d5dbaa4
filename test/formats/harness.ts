// Shared by the format tests: the example reports saved by LibreOffice as .doc, .odt, .rtf or .pdf (converted
// once per test file), and the verdicts caselint gives a document, to compare a format with the text it holds.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReadError } from '../../packages/core/src/read/errors.js';
import { documentFromBytes } from '../../packages/core/src/read/read-file.js';
import type { Block, DocumentLocation, Finding, Format, SourceDocument } from '../../packages/core/src/types.js';
import { markdownToDocx, plainTextToDocx } from '../docx/markdown-to-docx.mjs';
import { samplePamsReport } from '../docx/fixtures.js';
import { convert, hasSoffice } from '../docx/soffice.js';

// The built packages: the same engine the CLI runs (`npm test` builds first).
const core = await import('@caselint/core').catch(() => undefined);
const catalogue = await import('@caselint/rules').catch(() => undefined);

const root = join(import.meta.dirname, '../..');
const corpus = join(root, '../shared/corpus/reports');
const reportsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)).map((f) => join(dir, f)) : []);

/** The example reports as text: the shared corpus and the bundled examples. */
export const sourceReports: string[] = [...reportsIn(corpus), ...reportsIn(join(root, 'examples'))];

export const ready = Boolean(core && catalogue?.rules) && (await hasSoffice());
if (!ready) console.warn('soffice not found or caselint not built: skipping the LibreOffice format comparisons');

/** What the corpus expects of each report (rules it must raise), by file name. */
export const expectations: Record<string, { must?: string[] }> = existsSync(join(corpus, 'expected.json'))
  ? JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8'))
  : {};

/** A converted copy of one report: its source as text and the converted file's bytes. */
export interface Converted {
  name: string;
  source: string;
  sourceFormat: 'text' | 'markdown';
  bytes: Uint8Array;
  path: string;
}

/**
 * Each source report, and the sample Word report (lists, a table, tracked changes) as `sample`, written as .docx
 * the way an author types them (headings, tables, lists), then saved by LibreOffice as `to` in one run.
 * `to` is what soffice --convert-to takes (a type, or type:filter:options).
 */
export async function convertReports(to: string): Promise<{ reports: Converted[]; sample: Uint8Array; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'caselint-formats-'));
  const extension = to.split(':')[0]!;
  const docxFiles: string[] = [];
  const sources: Omit<Converted, 'bytes' | 'path'>[] = [];
  for (const file of sourceReports) {
    const source = readFileSync(file, 'utf8');
    const sourceFormat = file.endsWith('.md') ? 'markdown' : 'text';
    // The corpus and the examples share names: keep them apart.
    const name = `${file.startsWith(corpus) ? 'corpus' : 'example'}-${basename(file).replace(/\.\w+$/, '')}`;
    const docx = join(dir, `${name}.docx`);
    writeFileSync(docx, sourceFormat === 'markdown' ? await markdownToDocx(source) : await plainTextToDocx(source));
    docxFiles.push(docx);
    sources.push({ name, source, sourceFormat });
  }
  const sampleDocx = join(dir, 'sample.docx');
  writeFileSync(sampleDocx, await samplePamsReport());
  await convert([...docxFiles, sampleDocx], to, dir);
  const converted = (name: string) => join(dir, `${name}.${extension}`);
  return {
    reports: sources.map((s) => ({ ...s, path: converted(s.name), bytes: new Uint8Array(readFileSync(converted(s.name))) })),
    sample: new Uint8Array(readFileSync(converted('sample'))),
    dir,
  };
}

/** What a test file's conversion gives, once its beforeAll has run. */
export interface Conversion {
  reports: Converted[];
  sample: Uint8Array;
  dir: string;
}

/** Convert the reports to `to` once, before the tests of the enclosing describe; the result is filled in then. */
export function convertBeforeAll(to: string): Conversion {
  const conversion: Conversion = { reports: [], sample: new Uint8Array(0), dir: '' };
  beforeAll(async () => {
    Object.assign(conversion, await convertReports(to));
  }, 120_000);
  return conversion;
}

/** The sample report's headings, list items and the outcome table's "Unachieved" cell, as a reader recovered them. */
export function expectSampleStructure(doc: SourceDocument): Block {
  const kinds = doc.blocks.map((b) => `${b.kind}${b.depth ?? ''}: ${b.text}`);
  expect(kinds).toContain('heading1: Parenting Assessment');
  expect(kinds).toContain('heading2: PAMS outcomes');
  expect(kinds).toContain('list-item: Staff found Mia asleep in her bed.');
  expect(kinds).toContain('list-item: She missed four sessions.');
  const cell = doc.blocks.find((b) => b.text === 'Unachieved')!;
  expect(cell.kind).toBe('table-cell');
  return cell;
}

/** Findings for a document with the default configuration and every rule. */
export function lint(doc: SourceDocument): Finding[] {
  const { Linter, defaultConfig } = core!;
  return new Linter(catalogue!.rules).lint(doc, defaultConfig());
}

/** The same report as text, read as caselint reads a .txt or .md. */
export function asText(report: Converted): SourceDocument {
  return core!.parseDocument(report.source, report.sourceFormat, report.name);
}

/** A document's verdicts: each finding's rule and flagged phrase (white space as one space: lines may wrap). */
export function verdicts(doc: SourceDocument): string[] {
  return lint(doc)
    .map((f) => `${f.ruleId}: ${f.phrase.replace(/\s+/g, ' ')}`)
    .sort();
}

/**
 * Read each converted report by its file name and expect the verdicts of its text version, rule for rule and
 * phrase for phrase; each finding quotes the document text at its offsets and has a location (`located`).
 */
export async function expectVerdictsOfText(reports: readonly Converted[], format: Format, located: (f: Finding) => boolean): Promise<void> {
  expect(reports.length).toBeGreaterThanOrEqual(4);
  for (const report of reports) {
    const doc = await documentFromBytes(report.bytes, report.path);
    expect(doc.format).toBe(format);
    const expected = verdicts(asText(report));
    if (expectations[`${report.name.replace(/^corpus-/, '')}.md`]?.must?.length) expect(expected.length).toBeGreaterThan(0);
    expect(verdicts(doc), report.name).toEqual(expected);
    for (const f of lint(doc)) {
      expect(located(f), `${report.name}: ${f.ruleId} has a location`).toBe(true);
      expect(doc.text.slice(f.start, f.end)).toBe(f.phrase);
    }
  }
}

/** The contradiction on "passed" in the passed PAMS summary, as a converted format gives it (with its unmet areas). */
export async function passedContradiction(reports: readonly Converted[]): Promise<Finding | undefined> {
  const report = reports.find((r) => r.name === 'corpus-pams-summary-passed')!;
  const findings = lint(await documentFromBytes(report.bytes, report.path));
  return findings.find((f) => f.ruleId === 'outcome-contradicts-findings' && f.phrase === 'passed');
}

/** Where a related location of a finding is, by its message. */
export const relatedTo = (finding: Finding | undefined, message: string) => finding?.related?.find((r) => r.message === message);

/** A finding in a word-processor format says which paragraph it is in. */
export const hasWordLocation = (f: Finding) => (f.docx?.paragraph ?? 0) > 0;

/** How a format's round trip is checked: where its findings are, and where one unmet area of the contradiction is. */
export interface RoundTrip {
  /** What soffice --convert-to takes for this format. */
  format: Format;
  /** The finding has a location in this format's terms. */
  located: (f: Finding) => boolean;
  /** An unmet area the "passed" contradiction names, and (part of) the location it must give. */
  unmet: [message: string, location: Partial<DocumentLocation>];
}

/**
 * The tests every format shares, in a describe of their own: the example reports saved by LibreOffice give the
 * verdicts of their text, and the contradiction in the passed summary says where its unmet areas are. `more`
 * adds the format's own tests, with the conversion.
 */
export function describeRoundTrip(title: string, trip: RoundTrip, more: (converted: Conversion) => void): void {
  describe.skipIf(!ready)(title, () => {
    const converted = convertBeforeAll(trip.format);
    it('matches the text version of every example report, rule for rule and phrase for phrase', async () => {
      await expectVerdictsOfText(converted.reports, trip.format, trip.located);
    });
    it('says where the unmet areas of the contradiction in the passed summary are', async () => {
      const [message, location] = trip.unmet;
      const related = relatedTo(await passedContradiction(converted.reports), message);
      expect(related?.pdf ?? related?.docx).toMatchObject(location);
    });
    it('reads damaged copies of the sample (bytes changed, or cut short) to a document or one ReadError each', async () => {
      const outcomes = new Set<string>();
      for (const bytes of damagedCopies(converted.sample)) {
        try {
          await documentFromBytes(bytes, `sample.${trip.format}`);
          outcomes.add('read');
        } catch (error) {
          expect(error).toBeInstanceOf(ReadError);
          expect((error as ReadError).message).not.toContain('\n');
          outcomes.add((error as ReadError).code);
        }
      }
      // Cutting the file in half is always noticed.
      expect([...outcomes].some((o) => o !== 'read')).toBe(true);
    });
    more(converted);
  });
}

/** Copies of a file with a few bytes changed (from a fixed seed, so a failure can be replayed), and cut short. */
function damagedCopies(bytes: Uint8Array): Uint8Array[] {
  let seed = 12345;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const copies: Uint8Array[] = [];
  for (let i = 0; i < 30; i++) {
    const copy = bytes.slice();
    for (let k = 1 + random(8); k > 0; k--) copy[random(copy.length)] = random(256);
    copies.push(copy);
  }
  for (const fraction of [0.1, 0.5, 0.9]) copies.push(bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return copies;
}
