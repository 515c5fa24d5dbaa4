import { relative } from 'node:path';
import { formatHtml, formatJson, formatSarif, formatStylish, stylishFile, stylishSummary, toJsonObjects, type LintResult } from '@caselint/core/report';
import { rules } from '@caselint/rules';
import type { FormatName } from './args.js';
import type { FileResult } from './result.js';
import type { ReportSink } from './sink.js';

export interface ReportContext {
  cwd: string;
  version: string;
  color: boolean;
  verbose: boolean;
}

/** Render the results in the chosen format. Paths are relative to the working folder where the format allows. */
export function renderReport(format: FormatName, results: FileResult[], ctx: ReportContext): string {
  const metas = rules.map((r) => r.meta);
  switch (format) {
    case 'json':
      return `${formatJson(results)}\n`;
    case 'sarif':
      return formatSarif(results, { rules: metas, toolVersion: ctx.version, baseDir: ctx.cwd });
    case 'html':
      return formatHtml(results, { rules: metas, toolVersion: ctx.version, baseDir: ctx.cwd });
    case 'stylish':
      return formatStylish(
        results.map((r): LintResult => ({ ...r, filePath: displayPath(r.filePath, ctx.cwd) })),
        { color: ctx.color, verbose: ctx.verbose },
      );
  }
}

/** Formats written file by file as results arrive (JSON and stylish): memory stays flat however large the batch. */
export interface StreamedReport {
  add(result: FileResult): void;
  end(): void;
}

export function isStreamed(format: FormatName): boolean {
  return format === 'json' || format === 'stylish';
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
  let errors = 0;
  let warnings = 0;
  const options = { color: ctx.color, verbose: ctx.verbose };
  return {
    add(r) {
      errors += r.errorCount;
      warnings += r.warningCount;
      const chunk = stylishFile({ ...r, filePath: displayPath(r.filePath, ctx.cwd) }, options);
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
