// Code actions for caselint findings: the rule's suggested rewrites as quick fixes, and the two ways to
// silence a rule (this line, with an inline directive; this workspace, in the config file).
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Range } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { filePathOf } from './config-resolver.js';
import { disableForLineEdit, isMarkdownTableLine } from './directives.js';
import { formatOf, type CheckedDocument } from './document-checker.js';
import type { PublishedFinding } from './published-findings.js';
import { disableRuleChange, toWorkspaceEdit } from './workspace-config.js';

export const DISABLE_IN_WORKSPACE_COMMAND = 'caselint.disableRuleInWorkspace';

export interface CodeActionOptions {
  /** The client can apply WorkspaceEdits that create files. */
  canCreateFiles: boolean;
  /** The workspace folder containing the document, if any. */
  workspaceRoot: string | undefined;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** A suggestion can be applied as is only when it is not a template with [placeholders] to fill in. */
export function applicableSuggestions(finding: Pick<PublishedFinding, 'expected'>): string[] {
  return [...new Set(finding.expected ?? [])].filter((text) => text.length > 0 && !text.includes('['));
}

export function codeActions(document: TextDocument, checked: CheckedDocument | undefined, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  if (params.context.only && !params.context.only.some((kind) => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix)) return [];
  // Findings from an older version would put edits in the wrong place; the client asks again after the next publish.
  if (!checked || checked.version !== document.version) return [];

  const format = formatOf(document);
  const relevant = checked.findings.filter((finding) => overlaps(finding.diagnostic.range, params.range));
  const actions: CodeAction[] = [];
  const disabledLines = new Set<string>();
  const disabledRules = new Set<string>();

  for (const finding of relevant) {
    const { diagnostic } = finding;
    const { range } = diagnostic;

    applicableSuggestions(finding).forEach((text, index) => {
      actions.push({
        title: `Replace with "${text}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        edit: { changes: { [document.uri]: [{ range, newText: text }] } },
      });
    });

    const lineKey = `${finding.ruleId}@${range.start.line}`;
    if (!disabledLines.has(lineKey) && !(format === 'markdown' && isMarkdownTableLine(document, range.start.line))) {
      disabledLines.add(lineKey);
      const edit = disableForLineEdit(document, format, range.start.line, finding.ruleId);
      if (edit) {
        actions.push({
          title: `Disable ${finding.ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: [edit] } },
        });
      }
    }

    if (!disabledRules.has(finding.ruleId)) {
      disabledRules.add(finding.ruleId);
      const action = disableInWorkspaceAction(document, finding.ruleId, options);
      if (action) actions.push({ ...action, diagnostics: [diagnostic] });
    }
  }
  return actions;
}

function disableInWorkspaceAction(document: TextDocument, ruleId: string, options: CodeActionOptions): CodeAction | undefined {
  const title = `Disable ${ruleId} in this workspace`;
  const path = filePathOf(document.uri);
  if (!path) return undefined; // an untitled document has no workspace config to write
  const change = disableRuleChange(path, options.workspaceRoot, ruleId);
  if (!change) return undefined;
  const edit = toWorkspaceEdit(change, options.canCreateFiles);
  if (edit) return { title, kind: CodeActionKind.QuickFix, edit };
  // The client cannot create files through an edit: the server writes the file when the command runs.
  const command: Command = { title, command: DISABLE_IN_WORKSPACE_COMMAND, arguments: [document.uri, ruleId] };
  return { title, kind: CodeActionKind.QuickFix, command };
}
