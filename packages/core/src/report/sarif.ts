import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../engine/rule.js';
import type { LintResult, LineColumnRange } from '../types.js';

export interface SarifOptions {
  /** The rule catalogue's metadata: becomes tool.driver.rules. */
  rules: readonly Pick<RuleMeta, 'id' | 'severity' | 'summary' | 'lesson' | 'fix' | 'url'>[];
  toolVersion: string;
  /**
   * Files under this folder are given relative URIs against the SRCROOT base (what GitHub code scanning
   * expects, from the repository root); others get absolute file:// URIs.
   */
  baseDir?: string;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning';
const level = (severity: 1 | 2 | 'warn' | 'error'): Level => (severity === 2 || severity === 'error' ? 'error' : 'warning');

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. One run; the rules with their summary,
 * lesson, fix and documentation link; a result per finding with its region (columns in UTF-16 code units,
 * end exclusive, as SARIF defines them) and a related location for each unmet area a contradiction names.
 * Files that could not be checked become tool execution notifications; the invocation is successful when
 * at least one file was checked. No document text is copied into the log (case records are confidential).
 */
export function toSarif(results: readonly LintResult[], options: SarifOptions) {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  const base = options.baseDir;
  const artifact = (filePath: string) => {
    const rel = base ? relative(base, filePath) : '';
    if (base && rel && !rel.startsWith('..') && !isAbsolute(rel)) {
      return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
    }
    return { uri: pathToFileURL(filePath).href };
  };
  const region = (r: LineColumnRange) => ({ startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn });

  const sarifResults = [];
  const notifications = [];
  for (const result of results) {
    if (result.fatal) {
      notifications.push({
        level: 'error' as const,
        message: { text: `${displayName(result.filePath, base)} ${result.fatal.message}` },
        descriptor: { id: result.fatal.code },
        locations: [{ physicalLocation: { artifactLocation: artifact(result.filePath) } }],
      });
      continue;
    }
    for (const f of result.findings) {
      const index = ruleIndex.get(f.ruleId);
      sarifResults.push({
        ruleId: f.ruleId,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: level(f.severity),
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: artifact(result.filePath), region: region(f) } }],
        ...(f.related?.length
          ? {
              relatedLocations: f.related.map((x, id) => ({
                id,
                message: { text: x.message },
                physicalLocation: { artifactLocation: artifact(result.filePath), region: region(x) },
              })),
            }
          : {}),
      });
    }
  }
  const checked = results.filter((r) => !r.fatal).length;

  return {
    $schema: SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'caselint',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            rules: options.rules.map((r) => ({
              id: r.id,
              name: pascal(r.id),
              shortDescription: { text: r.summary },
              fullDescription: { text: r.lesson },
              help: { text: r.fix },
              ...(r.url ? { helpUri: r.url } : {}),
              defaultConfiguration: { level: level(r.severity) },
            })),
          },
        },
        ...(base ? { originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(base.endsWith(sep) ? base : base + sep).href } } } : {}),
        invocations: [
          {
            executionSuccessful: results.length === 0 || checked > 0,
            toolExecutionNotifications: notifications,
          },
        ],
        columnKind: 'utf16CodeUnits' as const,
        results: sarifResults,
      },
    ],
  };
}

export function formatSarif(results: readonly LintResult[], options: SarifOptions): string {
  return `${JSON.stringify(toSarif(results, options), null, 2)}\n`;
}

function displayName(filePath: string, base: string | undefined): string {
  const rel = base ? relative(base, filePath) : '';
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : filePath;
}

/** SARIF's rule `name` is conventionally PascalCase: outcome-contradicts-findings -> OutcomeContradictsFindings. */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
