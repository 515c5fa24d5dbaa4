import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../engine/rule.js';
import type { LintResult, LineColumnRange, PdfLocation } from '../types.js';
import { pdfPlace } from './place.js';

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

/** Writes a SARIF log piece by piece: `add` each file's result as it is known, then `end`. */
export interface SarifWriter {
  add(result: LintResult): void;
  end(): void;
}

const RESULTS = '@@caselint:results@@';
const INVOCATIONS = '@@caselint:invocations@@';

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. One run; the rules with their summary,
 * lesson, fix and documentation link; a result per finding with its region (columns in UTF-16 code units,
 * end exclusive, as SARIF defines them) and a related location for each unmet area a contradiction names.
 * Files that could not be checked become tool execution notifications; the invocation is successful when
 * at least one file was checked. No document text is copied into the log (case records are confidential).
 *
 * Written as results arrive, so a batch of any size never holds its whole log (or its findings) in memory:
 * the invocation, which needs every file's outcome, comes after the results.
 */
export function sarifWriter(options: SarifOptions, write: (chunk: string) => void): SarifWriter {
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
  // A PDF's region is in its extracted text; the page and line a reader of the PDF looks for ride along.
  const pdfPlaceOf = (pdf: PdfLocation | undefined) => (pdf ? { message: { text: pdfPlace(pdf) }, properties: { pdf } } : {});

  // The log's skeleton, with placeholders where the streamed parts go.
  const skeleton = JSON.stringify(
    {
      $schema: SCHEMA,
      version: '2.1.0',
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
          columnKind: 'utf16CodeUnits',
          results: RESULTS,
          invocations: INVOCATIONS,
        },
      ],
    },
    null,
    2,
  );
  const [head, rest] = skeleton.split(`"${RESULTS}"`) as [string, string];
  const [middle, tail] = rest.split(`"${INVOCATIONS}"`) as [string, string];
  const keyIndent = head.slice(head.lastIndexOf('\n') + 1).match(/^ */)![0];
  const itemIndent = `${keyIndent}  `;
  const item = (value: unknown) => `${itemIndent}${JSON.stringify(value, null, 2).replace(/\n/g, `\n${itemIndent}`)}`;

  const notifications: unknown[] = [];
  let files = 0;
  let checked = 0;
  let first = true;
  write(head);
  return {
    add(result) {
      files++;
      if (result.fatal) {
        notifications.push({
          level: 'error',
          message: { text: `${displayName(result.filePath, base)} ${result.fatal.message}` },
          descriptor: { id: result.fatal.code },
          locations: [{ physicalLocation: { artifactLocation: artifact(result.filePath) } }],
        });
        return;
      }
      checked++;
      for (const f of result.findings) {
        const index = ruleIndex.get(f.ruleId);
        const sarifResult = {
          ruleId: f.ruleId,
          ...(index !== undefined ? { ruleIndex: index } : {}),
          level: level(f.severity),
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: artifact(result.filePath), region: region(f) }, ...pdfPlaceOf(f.pdf) }],
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((x, id) => ({
                  id,
                  message: { text: x.pdf ? `${x.message} (${pdfPlace(x.pdf)})` : x.message },
                  physicalLocation: { artifactLocation: artifact(x.filePath ?? result.filePath), region: region(x) },
                  ...(x.pdf ? { properties: { pdf: x.pdf } } : {}),
                })),
              }
            : {}),
        };
        write(`${first ? '[\n' : ',\n'}${item(sarifResult)}`);
        first = false;
      }
    },
    end() {
      write(first ? '[]' : `\n${keyIndent}]`);
      const invocations = [{ executionSuccessful: files === 0 || checked > 0, toolExecutionNotifications: notifications }];
      write(`${middle}${JSON.stringify(invocations, null, 2).replace(/\n/g, `\n${keyIndent}`)}${tail}\n`);
    },
  };
}

export function formatSarif(results: readonly LintResult[], options: SarifOptions): string {
  const chunks: string[] = [];
  const writer = sarifWriter(options, (chunk) => chunks.push(chunk));
  for (const r of results) writer.add(r);
  writer.end();
  return chunks.join('');
}

/** The SARIF log as an object. */
export function toSarif(results: readonly LintResult[], options: SarifOptions) {
  return JSON.parse(formatSarif(results, options)) as { $schema: string; version: '2.1.0'; runs: Record<string, unknown>[] };
}

function displayName(filePath: string, base: string | undefined): string {
  const rel = base ? relative(base, filePath) : '';
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : filePath;
}

/** SARIF's rule `name` is conventionally PascalCase: outcome-contradicts-findings -> OutcomeContradictsFindings. */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
