// A check's findings cross from the checking thread as one JSON array of LSP diagnostics (and a few details), and go
// out to the editor as written. What the editor, hover and code actions get must be what the findings themselves give.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument, resolveConfig, type CaseFact, type Finding } from '@caselint/core';
import { rules } from '@caselint/rules';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { DiagnosticList, rangeMapperOf, toDiagnostic } from '../../packages/language-server/src/diagnostics.js';
import { EncodedJson, encodedJsonEncoder } from '../../packages/language-server/src/encoded-json.js';
import { DocumentCaches, runLintRequest } from '../../packages/language-server/src/lint-backend.js';
import { publishedFindings } from '../../packages/language-server/src/published-findings.js';
import { SafeLinter } from '../../packages/language-server/src/safe-lint.js';
import { denseDocument } from '../../bench/batch.mjs';
import { seededRandom } from '../../bench/random.mjs';
import { REPO_ROOT } from './lsp-session.js';

const linter = new SafeLinter(rules);
const config = resolveConfig({});

interface Sample {
  name: string;
  text: string;
  format: 'markdown' | 'text';
  caseFacts?: CaseFact[];
}

const REFERRAL = resolve(REPO_ROOT, 'examples/case-reid/referral.md');

async function samples(): Promise<Sample[]> {
  const file = (name: string, format: Sample['format']) => ({ name, text: readFileSync(resolve(REPO_ROOT, 'examples', name), 'utf8'), format });
  // The referral checked in its case: related places in the PAMS report beside it (another file).
  const { facts } = await linter.recordFile(resolve(REPO_ROOT, 'examples/case-reid/pams-report.md'), config, 10_000_000);
  return [
    file('pams-summary-passed.md', 'markdown'),
    file('pams-summary-evidenced.md', 'markdown'),
    file('case-notes.txt', 'text'),
    file('case-reid/referral.md', 'markdown'),
    { ...file('case-reid/referral.md', 'markdown'), name: 'referral in its case', caseFacts: facts },
    { name: 'dense case notes', text: denseDocument(seededRandom(4242), 40_000).text, format: 'text' },
    // Line ends the editor counts as TextDocument does: \r\n, and a lone \r.
    { name: 'CRLF case notes', text: readFileSync(resolve(REPO_ROOT, 'examples/case-notes.txt'), 'utf8').replace(/\r?\n/g, '\r\n'), format: 'text' },
    { name: 'CR report', text: readFileSync(resolve(REPO_ROOT, 'examples/pams-summary-passed.md'), 'utf8').replace(/\r?\n/g, '\r'), format: 'markdown' },
    // A byte-order mark the reader drops: offsets are the reader's, so ranges come from lines and columns.
    { name: 'with a BOM', text: '\uFEFF' + readFileSync(resolve(REPO_ROOT, 'examples/pams-summary-passed.md'), 'utf8'), format: 'markdown' },
  ];
}

/** The check as the checking thread answers it, and the findings of the same check made directly. */
async function crossing(sample: Sample, uri: string) {
  const { caseFacts } = sample;
  const request = { kind: 'check' as const, uri, text: sample.text, format: sample.format, path: undefined, config, caseFacts };
  const outcome = await runLintRequest(linter, new DocumentCaches(), request, 'config');
  const direct = linter.lint(sample.text, (text) => parseDocument(text, sample.format, undefined), config, undefined, new Set(), caseFacts);
  return { outcome, direct };
}

describe('findings crossing from the checking thread', () => {
  it('are the diagnostics the findings make, and hover and code actions see the findings as they are', async () => {
    let findings = 0;
    let withSuggestions = 0;
    let withRelated = 0;
    for (const sample of await samples()) {
      const uri = pathToFileURL(resolve(REPO_ROOT, 'examples', `${sample.name}.md`)).href;
      const { outcome, direct } = await crossing(sample, uri);
      const document = TextDocument.create(uri, sample.format === 'markdown' ? 'markdown' : 'plaintext', 1, sample.text);
      const toRange = rangeMapperOf(document, direct.text === sample.text);
      const expected = direct.findings.map((finding) => toDiagnostic(finding, uri, toRange));
      findings += direct.findings.length;
      withSuggestions += direct.findings.filter((f) => f.expected?.length).length;
      withRelated += direct.findings.filter((f) => f.related?.length).length;
      expect(JSON.parse(outcome.diagnostics!), sample.name).toEqual(expected);
      expect(outcome.errors! + outcome.warnings!, sample.name).toBe(direct.findings.length);
      expect(outcome.errors, sample.name).toBe(direct.findings.filter((f) => f.severity === 2).length);

      const published = publishedFindings(JSON.parse(outcome.diagnostics!), outcome.details!, uri);
      published.forEach((finding, index) => {
        const original: Finding = direct.findings[index]!;
        expect(finding.diagnostic, sample.name).toEqual(expected[index]);
        expect({ ruleId: finding.ruleId, message: finding.message, note: finding.note, fix: finding.fix, url: finding.url, expected: finding.expected }, sample.name).toEqual({
          ruleId: original.ruleId,
          message: original.message,
          note: original.note,
          fix: original.fix,
          url: original.url,
          expected: original.expected,
        });
        expect(finding.related, sample.name).toEqual(original.related?.map((r) => ({ message: r.message, ...(r.filePath ? { filePath: r.filePath } : {}), line: r.line })));
      });
    }
    // The samples have findings of each kind the details carry.
    expect(Math.min(findings, withSuggestions, withRelated)).toBeGreaterThan(0);
  });

  it('has related places in another document of the case when checked in its case', async () => {
    const inCase = (await samples()).find((sample) => sample.caseFacts)!;
    const uri = pathToFileURL(REFERRAL).href;
    const { outcome } = await crossing(inCase, uri);
    const published = publishedFindings(JSON.parse(outcome.diagnostics!), outcome.details!, uri);
    expect(published.some((f) => f.related?.some((r) => r.filePath?.endsWith('pams-report.md')))).toBe(true);
  });
});

describe('DiagnosticList', () => {
  const at = (code: string) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, code, message: code });

  it('puts document-wide diagnostics before and after the findings', () => {
    const findings = DiagnosticList.of([at('a'), at('b')]);
    expect(findings.around([at('config')], [at('failed')]).items.map((d) => d.code)).toEqual(['config', 'a', 'b', 'failed']);
    expect(new DiagnosticList('[]').around([at('config')], []).items.map((d) => d.code)).toEqual(['config']);
    expect(new DiagnosticList('[]').around([], []).items).toEqual([]);
  });
});

describe('the --stdio encoder', () => {
  const decode = async (message: object) => Buffer.from(await encodedJsonEncoder.encode(message as never, { charset: 'utf-8' })).toString('utf8');

  it('writes encoded diagnostics into a publishDiagnostics notification as they are', async () => {
    const diagnostics = [{ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } }, severity: 1, code: 'x', message: 'Ms "Carter" \u2019 \n' }];
    for (const version of [7, undefined]) {
      const params = { uri: 'file:///a%20b/r\u00e9port.md', ...(version === undefined ? {} : { version }) };
      const written = await decode({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { ...params, diagnostics: new EncodedJson(JSON.stringify(diagnostics)) } });
      expect(JSON.parse(written)).toEqual({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { ...params, diagnostics } });
    }
  });

  it('writes any other message as JSON.stringify does, and encoded JSON anywhere else as its value', async () => {
    const hover = { jsonrpc: '2.0', id: 3, result: { contents: { kind: 'markdown', value: '**caselint**' } } };
    expect(await decode(hover)).toBe(JSON.stringify(hover));
    const traced = { jsonrpc: '2.0', method: 'other', params: { diagnostics: new EncodedJson('[1,2]') } };
    expect(JSON.parse(await decode(traced))).toEqual({ jsonrpc: '2.0', method: 'other', params: { diagnostics: [1, 2] } });
  });
});
