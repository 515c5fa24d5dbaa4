// Inline directives in the comment form each file type understands: an HTML comment in Markdown,
// a line of its own in plain text. Core writes and reads both forms: one syntax for the readers and the editor.
import { directiveOnLine, directiveText } from '@caselint/core';
import type { TextEdit } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentFormat } from './safe-lint.js';

export function disableNextLineDirective(format: DocumentFormat, ruleIds: readonly string[]): string {
  return directiveText(format, 'disable-next-line', ruleIds);
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/** A GFM table row: a directive line inside a table would end the table, so the action is not offered there. */
export function isMarkdownTableLine(document: TextDocument, line: number): boolean {
  return /^\s*\|/.test(lineText(document, line));
}

/** The rule ids of a disable-next-line directive on a line (empty: every rule), as the core readers parse it. */
function existingDirective(text: string, format: DocumentFormat): string[] | undefined {
  const directive = directiveOnLine(text, format);
  return directive?.kind === 'disable-next-line' ? directive.rules : undefined;
}

/**
 * The edit that disables `ruleId` on `line`: a directive on its own line above, indented like the line,
 * or the rule added to a directive already there (a second directive line would cancel the first).
 */
export function disableForLineEdit(document: TextDocument, format: DocumentFormat, line: number, ruleId: string): TextEdit | undefined {
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  if (line > 0) {
    const previous = lineText(document, line - 1);
    const rules = existingDirective(previous, format);
    if (rules) {
      if (rules.length === 0 || rules.includes(ruleId)) return undefined; // already disabled
      const indent = /^\s*/.exec(previous)?.[0] ?? '';
      return {
        range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: previous.length } },
        newText: indent + disableNextLineDirective(format, [...rules, ruleId]),
      };
    }
  }
  const indent = /^\s*/.exec(lineText(document, line))?.[0] ?? '';
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: indent + disableNextLineDirective(format, [ruleId]) + eol,
  };
}
