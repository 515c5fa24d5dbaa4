import { VFileMessage } from 'vfile-message';
import { defaultConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { parseDocument } from '../document/index.js';
import { Linter } from '../engine/linter.js';
import type { Rule } from '../engine/rule.js';
import type { Finding } from '../types.js';

/**
 * A finding as a `vfile-message`, the message type of the unified collective (retext, remark, vfile-reporter):
 * `ruleId`, `source: 'caselint'`, `place`, `actual` (the phrase), `expected` (rewrites), `url`, and `note` (why and
 * how to fix). Errors are `fatal: true` and warnings `fatal: false`, as vfile-reporter expects.
 */
export function toVFileMessage(finding: Finding, file?: string): VFileMessage {
  const message = new VFileMessage(finding.message, {
    ruleId: finding.ruleId,
    source: 'caselint',
    place: {
      start: { line: finding.line, column: finding.column, offset: finding.start },
      end: { line: finding.endLine, column: finding.endColumn, offset: finding.end },
    },
  });
  message.fatal = finding.severity === 2;
  message.actual = finding.phrase;
  if (finding.expected) message.expected = finding.expected;
  if (finding.url) message.url = finding.url;
  if (finding.note) message.note = finding.fix ? `${finding.note}\n${finding.fix}` : finding.note;
  if (file) message.file = file;
  return message;
}

interface VFileLike {
  value: unknown;
  path?: string;
  extname?: string;
  messages: VFileMessage[];
}

export interface UnifiedCaselintOptions {
  /** The rule catalogue: `import { rules } from '@caselint/rules'`. */
  rules: readonly Rule[];
  /** Severities and options (default: the recommended preset). */
  config?: ResolvedConfig;
}

/**
 * A unified plugin: `unified().use(remarkParse).use(unifiedCaselint, { rules })` adds caselint's findings to each
 * file's messages, for vfile-reporter and the rest of the collective. It checks the file's text with caselint's own
 * readers (Markdown for .md/.markdown, plain text otherwise), whatever tree the pipeline built.
 */
export function unifiedCaselint(options: UnifiedCaselintOptions) {
  const linter = new Linter(options.rules);
  const config = options.config ?? defaultConfig();
  return (_tree: unknown, file: VFileLike): void => {
    const text = typeof file.value === 'string' ? file.value : new TextDecoder().decode(file.value as Uint8Array);
    const format = /\.(?:md|markdown)$/i.test(file.path ?? file.extname ?? '') ? 'markdown' : 'text';
    for (const finding of linter.lint(parseDocument(text, format, file.path), config)) file.messages.push(toVFileMessage(finding, file.path));
  };
}
