// A rule that throws costs that rule's findings (one diagnostic says so), never the server or the other rules.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '@caselint/core';
import { rules } from '@caselint/rules';
import type { Diagnostic } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { DocumentChecker } from '../../packages/language-server/src/document-checker.js';
import { SafeLinter } from '../../packages/language-server/src/safe-lint.js';
import { DEFAULT_SETTINGS } from '../../packages/language-server/src/settings.js';
import { REPO_ROOT } from './lsp-session.js';

const REPORT_PATH = resolve(REPO_ROOT, '../shared/corpus/reports/pams-summary-passed.md');

function throwing(rule: Rule): Rule {
  const fail = () => {
    throw new Error('Ms Carter passed'); // document-like text in an error must not reach the logs
  };
  return { meta: rule.meta, ...(rule.sentence ? { sentence: fail } : {}), ...(rule.document ? { document: fail } : {}) };
}

describe('a rule that throws', () => {
  const victim = rules.find((rule) => rule.meta.id !== 'outcome-contradicts-findings' && rule.sentence)!;

  it('becomes one diagnostic for that rule while the other rules still report', async () => {
    const document = TextDocument.create(pathToFileURL(REPORT_PATH).toString(), 'markdown', 1, readFileSync(REPORT_PATH, 'utf8'));
    const published: Diagnostic[][] = [];
    const logs: string[] = [];
    const checker = new DocumentChecker(new SafeLinter(rules.map((rule) => (rule === victim ? throwing(rule) : rule))), {
      getDocument: () => document,
      getSettings: async () => DEFAULT_SETTINGS,
      publish: (_uri, _version, diagnostics) => published.push(diagnostics.items),
      status: () => undefined,
      log: (message) => logs.push(message),
    });

    for (let run = 0; run < 2; run++) {
      await checker.check(document.uri); // the second run uses the remembered failure
      const diagnostics = published.at(-1)!;
      const failures = diagnostics.filter((d) => d.code === victim.meta.id && /failed/.test(d.message));
      expect(failures).toHaveLength(1);
      expect(diagnostics.some((d) => d.code === 'outcome-contradicts-findings')).toBe(true);
    }
    expect(logs.join('\n')).not.toContain('Ms Carter');
  });
});
