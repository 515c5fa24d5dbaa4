// Findings -> LSP diagnostics: severity from the rule, code = rule id, a link to the rule's documentation,
// and related information for the facts a finding refers to (each unmet area a verdict contradicts).
import { pathToFileURL } from 'node:url';
import type { Finding, LineColumnRange, Span } from '@caselint/core';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export const SOURCE = 'caselint';

/** Maps a finding's span to an LSP range. */
export type RangeMapper = (span: Span & LineColumnRange) => Range;

/** Offsets are exact when the reader kept the editor's text (`exactOffsets`); otherwise by the reader's line and column. */
export function rangeMapperOf(document: TextDocument, exactOffsets: boolean): RangeMapper {
  return exactOffsets ? (span) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) }) : lineColumnRange;
}

export function toDiagnostic(finding: Finding, uri: string, toRange: RangeMapper): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(finding),
    severity: finding.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
  };
  if (finding.url) diagnostic.codeDescription = { href: finding.url };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (related): DiagnosticRelatedInformation => ({
        // A place in another document of the case: its own file, by the line and column its check gave.
        location: related.filePath ? { uri: pathToFileURL(related.filePath).href, range: lineColumnRange(related) } : { uri, range: toRange(related) },
        message: related.message,
      }),
    );
  }
  return diagnostic;
}

/** A range from the 1-based line and column the engine computed. */
export function lineColumnRange(r: LineColumnRange): Range {
  return {
    start: { line: Math.max(0, r.line - 1), character: Math.max(0, r.column - 1) },
    end: { line: Math.max(0, r.endLine - 1), character: Math.max(0, r.endColumn - 1) },
  };
}

/** A diagnostic about the document as a whole, shown at its start. */
function documentDiagnostic(severity: DiagnosticSeverity, code: string, message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, code, source: SOURCE, message };
}

/** The single diagnostic for a document too large to check live. */
export function oversizeDiagnostic(length: number, limit: number): Diagnostic {
  return documentDiagnostic(
    DiagnosticSeverity.Information,
    'document-too-large',
    `caselint did not check this document: it has ${length.toLocaleString('en-GB')} characters, ` +
      `more than caselint.maxDocumentSize (${limit.toLocaleString('en-GB')}). ` +
      'Raise the setting or run the caselint CLI on the file.',
  );
}

/** The single diagnostic for a document whose check ran past the time budget and was stopped. */
export function timeoutDiagnostic(seconds: number): Diagnostic {
  return documentDiagnostic(
    DiagnosticSeverity.Information,
    'check-timeout',
    `caselint stopped checking this document after ${seconds} s (caselint.maxCheckTime), so nothing is shown for it. ` +
      'Something in it is unusually slow to check; the caselint CLI reports it the same way. Please report this.',
  );
}

/** One diagnostic for a rule that failed, so the rest of the document's findings still show. */
export function ruleFailureDiagnostic(ruleId: string, othersRan = true): Diagnostic {
  return documentDiagnostic(
    DiagnosticSeverity.Warning,
    ruleId,
    othersRan
      ? `caselint: the rule ${ruleId} failed on this document (an internal error), so its findings are missing. The other rules ran. Please report this.`
      : `caselint: the rule ${ruleId} failed on this document (an internal error), and so did every other rule: this document was not checked. Please report this.`,
  );
}

/** One diagnostic for a document that could not be read or checked at all: no rule ran on it. */
export function checkFailureDiagnostic(error: string): Diagnostic {
  return documentDiagnostic(
    DiagnosticSeverity.Warning,
    'internal-error',
    `caselint could not check this document: an internal error (${error}) stopped it before any rule ran, so nothing is shown. Please report this.`,
  );
}

/** A configuration problem (the message names the file and the key), shown on the document it affects. */
export function configErrorDiagnostic(message: string): Diagnostic {
  return documentDiagnostic(
    DiagnosticSeverity.Error,
    'config-error',
    `caselint configuration error: ${message}. This document was checked with the editor settings and the recommended preset instead.`,
  );
}

/** An editor setting that was left out because it is invalid (the message names the key and what the rule accepts). */
export function settingsProblemDiagnostic(problem: string): Diagnostic {
  return documentDiagnostic(
    DiagnosticSeverity.Error,
    'config-error',
    `caselint settings error: ${problem}. The setting was ignored; the rest of the settings apply.`,
  );
}

/**
 * A document's diagnostics as one JSON array, as the checking thread wrote them: they cross to the main thread as one
 * string (copying a thousand rich objects between threads cost more than the check) and go out to the editor as
 * written (see encoded-json.ts). Parsed only where the objects themselves are needed.
 */
export class DiagnosticList {
  private parsed: Diagnostic[] | undefined;

  constructor(readonly json: string) {}

  static of(items: Diagnostic[]): DiagnosticList {
    const list = new DiagnosticList(JSON.stringify(items));
    list.parsed = items;
    return list;
  }

  get items(): Diagnostic[] {
    return (this.parsed ??= JSON.parse(this.json) as Diagnostic[]);
  }

  /** This list with document-wide diagnostics before it (configuration problems) and after it (rule failures). */
  around(before: Diagnostic[], after: Diagnostic[]): DiagnosticList {
    if (before.length === 0 && after.length === 0) return this;
    const parts = [...before.map((d) => JSON.stringify(d)), this.json.slice(1, -1), ...after.map((d) => JSON.stringify(d))];
    return new DiagnosticList(`[${parts.filter((part) => part.length > 0).join(',')}]`);
  }
}
