import type { LintResult } from '../types.js';

/** ESLint's JSON shape, so existing tooling reads it; caselint's extras (note, fix, expected, related, docx) ride along. */
export function toJsonObjects(results: LintResult[]) {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.fatal
      ? [{ ruleId: null, severity: 2, fatal: true, message: r.fatal.message, code: r.fatal.code, line: 0, column: 0 }]
      : r.findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          phrase: f.phrase,
          messageId: f.messageId,
          ...(f.note ? { note: f.note } : {}),
          ...(f.fix ? { fix: f.fix } : {}),
          ...(f.url ? { url: f.url } : {}),
          ...(f.expected ? { expected: f.expected } : {}),
          ...(f.related ? { related: f.related.map((x) => ({ message: x.message, line: x.line, column: x.column, endLine: x.endLine, endColumn: x.endColumn, ...(x.docx ? { docx: x.docx } : {}) })) } : {}),
          ...(f.docx ? { docx: f.docx } : {}),
        })),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    fatalErrorCount: r.fatal ? 1 : 0,
  }));
}

export function formatJson(results: LintResult[]): string {
  return JSON.stringify(toJsonObjects(results));
}
