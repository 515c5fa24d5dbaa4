import { defaultConfig, fatalResult, formatHtml, formatSarif, htmlFileOf, Linter, parseDocument, toLintResult, writeHtml } from '@caselint/core';
import { rules } from '@caselint/rules';
import { describe, expect, it } from 'vitest';

const metas = rules.map((r) => r.meta);
const lint = (text: string) => new Linter(rules).lint(parseDocument(text, 'text'), defaultConfig());
const results = [
  toLintResult('/cases/a.txt', lint('Safe sleeping: Unachieved\n\nMs Carter passed the PAMS assessment. No concerns.\n')),
  fatalResult('/cases/b.txt', 'is a binary file, not text', 'binary'),
  toLintResult('/cases/c.txt', []),
];

describe('SARIF, written piece by piece', () => {
  it('is the pretty-printed JSON of one log: results streamed, the invocation after them', () => {
    for (const set of [results, [], [results[1]!], [results[2]!]]) {
      const text = formatSarif(set, { rules: metas, toolVersion: '0.1.0', baseDir: '/cases' });
      const log = JSON.parse(text) as { runs: { results: { ruleId: string }[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[] }[] };
      expect(text).toBe(`${JSON.stringify(log, null, 2)}\n`);
      const run = log.runs[0]!;
      const findings = set.reduce((n, r) => n + r.findings.length, 0);
      expect(run.results).toHaveLength(findings);
      expect(run.invocations[0]!.toolExecutionNotifications).toHaveLength(set.filter((r) => r.fatal).length);
      expect(run.invocations[0]!.executionSuccessful).toBe(set.length === 0 || set.some((r) => !r.fatal));
    }
  });
});

describe('HTML, written one document at a time', () => {
  it('asks for each document\'s findings once, only for documents with findings, and matches the one-piece page', () => {
    const generatedAt = new Date('2026-11-25T12:00:00Z');
    const options = { rules: metas, toolVersion: '0.1.0', baseDir: '/cases', generatedAt };
    const asked: number[] = [];
    const chunks: string[] = [];
    writeHtml(results.map(htmlFileOf), (i) => (asked.push(i), results[i]!.findings), options, (c) => chunks.push(c));
    expect(asked).toEqual([0]);
    expect(chunks.join('')).toBe(formatHtml(results, options));
    expect(chunks.length).toBeGreaterThan(2);
  });

  it('summarises a file by counts and the unmet areas its contradictions name', () => {
    const file = htmlFileOf(results[0]!);
    expect(file.contradictions).toBeGreaterThan(0);
    expect(file.unmet.join(' ')).toContain('Safe sleeping');
    expect(file.errors + file.warnings).toBe(results[0]!.findings.length);
    expect(htmlFileOf(results[1]!).fatal?.code).toBe('binary');
  });
});
