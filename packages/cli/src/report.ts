import { relative } from 'node:path';
import { formatHtml, formatJson, formatSarif, formatStylish, type LintResult } from '@caselint/core';
import { rules } from '@caselint/rules';
import type { FormatName } from './args.js';
import type { FileResult } from './batch.js';

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

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
