import type { DocxLocation, Finding, LintResult, PdfLocation, Span } from '../types.js';

/** One finding as the JSON report prints it: ESLint's message shape plus caselint's extras. */
export interface JsonMessage {
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  phrase: string;
  messageId: string;
  note?: string;
  fix?: string;
  url?: string;
  expected?: string[];
  /** Places the finding refers to; `filePath` is set for one in another document of the case. */
  related?: { message: string; line: number; column: number; endLine: number; endColumn: number; docx?: DocxLocation; pdf?: PdfLocation; filePath?: string }[];
  docx?: DocxLocation;
  pdf?: PdfLocation;
}

/** What a finding holds that the JSON report leaves out: its offsets and its related locations' offsets. */
export interface FindingOffsets {
  span: [number, number];
  related?: [number, number][];
}

export function toJsonMessage(f: Finding): JsonMessage {
  return {
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
    ...(f.related
      ? {
          related: f.related.map((x) => ({
            message: x.message, line: x.line, column: x.column, endLine: x.endLine, endColumn: x.endColumn,
            ...(x.docx ? { docx: x.docx } : {}), ...(x.pdf ? { pdf: x.pdf } : {}), ...(x.filePath ? { filePath: x.filePath } : {}),
          })),
        }
      : {}),
    ...(f.docx ? { docx: f.docx } : {}),
    ...(f.pdf ? { pdf: f.pdf } : {}),
  };
}

export function findingOffsets(f: Finding): FindingOffsets {
  return f.related ? { span: [f.start, f.end], related: f.related.map((r) => [r.start, r.end]) } : { span: [f.start, f.end] };
}

/** The inverse of `toJsonMessage` and `findingOffsets`: a finding read back (from a cache, say). */
export function findingFromJson(m: JsonMessage, offsets: FindingOffsets): Finding {
  const at = (span: [number, number] | undefined): Span => ({ start: span?.[0] ?? 0, end: span?.[1] ?? 0 });
  const { related, ...rest } = m;
  return {
    ...rest,
    ...at(offsets.span),
    ...(related ? { related: related.map((r, i) => ({ ...r, ...at(offsets.related?.[i]) })) } : {}),
  };
}

/** ESLint's JSON shape, so existing tooling reads it; caselint's extras (note, fix, expected, related, docx, pdf) ride along. */
export function toJsonObjects(results: LintResult[]) {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.fatal
      ? [{ ruleId: null, severity: 2, fatal: true, message: r.fatal.message, code: r.fatal.code, line: 0, column: 0 }]
      : r.findings.map(toJsonMessage),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    fatalErrorCount: r.fatal ? 1 : 0,
  }));
}

/**
 * One file's entry in the JSON report, from its messages already serialised (`JSON.stringify` of its
 * `toJsonMessage`s): the same text `toJsonObjects` gives, without serialising the findings again.
 */
export function jsonResultText(filePath: string, messagesJson: string, errorCount: number, warningCount: number): string {
  return `{"filePath":${JSON.stringify(filePath)},"messages":${messagesJson},"errorCount":${errorCount},"warningCount":${warningCount},"fatalErrorCount":0}`;
}

export function formatJson(results: LintResult[]): string {
  return JSON.stringify(toJsonObjects(results));
}
