import { relative } from 'node:path';
import { htmlFileOf, sarifWriter, stylishFile, stylishSummary, toJsonObjects, writeHtml, type FindingInContext, type HtmlOptions } from '@caselint/core/report';
import { rules } from '@caselint/rules';
import type { FormatName } from './args.js';
import { readFindings, type FileResult } from './result.js';
import type { ReportSink } from './sink.js';

export interface ReportContext {
  cwd: string;
  version: string;
  color: boolean;
  verbose: boolean;
}

/**
 * The HTML report, after the batch: its summary comes first, so it needs every file's outcome. Files keep
 * only their findings' text during the batch; here each one is summarised, then rendered, one at a time.
 */
export function writeHtmlReport(results: readonly FileResult[], sink: ReportSink, ctx: ReportContext, keep: (f: FindingInContext) => boolean, cases: HtmlOptions['cases'] = []): void {
  const findingsOf = (i: number) => readFindings(results[i]!).filter(keep);
  const files = results.map((r, i) =>
    htmlFileOf(r.fatal ? { filePath: r.filePath, fatal: r.fatal, findings: [], errorCount: r.errorCount, warningCount: 0 } : { filePath: r.filePath, findings: findingsOf(i), errorCount: 0, warningCount: 0 }),
  );
  writeHtml(files, findingsOf, { rules: rules.map((r) => r.meta), toolVersion: ctx.version, baseDir: ctx.cwd, cases }, (chunk) => sink.write(chunk));
}

/** Formats written file by file as results arrive (JSON, stylish, SARIF): memory stays flat however large the batch. */
export interface StreamedReport {
  add(result: FileResult): void;
  end(): void;
}

export function isStreamed(format: FormatName): boolean {
  return format !== 'html';
}

export function streamReport(format: FormatName, sink: ReportSink, ctx: ReportContext): StreamedReport {
  if (format === 'json') {
    let first = true;
    return {
      add(r) {
        sink.write(first ? '[' : ',');
        first = false;
        if (r.text && !r.fatal) {
          // Findings already serialised (by a worker, or read from the cache) are copied, not parsed and re-serialised.
          sink.write(`{"filePath":${JSON.stringify(r.filePath)},"messages":`);
          sink.write(r.text.messages);
          sink.write(`,"errorCount":${r.errorCount},"warningCount":${r.warningCount},"fatalErrorCount":0}`);
        } else sink.write(JSON.stringify(toJsonObjects([r])[0]));
      },
      end() {
        sink.write(first ? '[]\n' : ']\n');
      },
    };
  }
  if (format === 'sarif') {
    const writer = sarifWriter({ rules: rules.map((r) => r.meta), toolVersion: ctx.version, baseDir: ctx.cwd }, (chunk) => sink.write(chunk));
    return { add: (r) => writer.add(r), end: () => writer.end() };
  }
  let errors = 0;
  let warnings = 0;
  const options = { color: ctx.color, verbose: ctx.verbose, displayPath: (path: string) => displayPath(path, ctx.cwd) };
  return {
    add(r) {
      errors += r.errorCount;
      warnings += r.warningCount;
      const chunk = stylishFile(r, options);
      if (chunk) sink.write(chunk);
    },
    end() {
      const summary = stylishSummary(errors, warnings, options);
      if (summary) sink.write(summary);
    },
  };
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
