import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { CaseRecord } from '@caselint/core';
import { ConfigError } from '@caselint/core/config';
import { casesOf, chronologyRows, CONTRADICTION_RULE, formatChronologyCsv, writeFileAtomic, type ChronologyRow } from '@caselint/core/report';
// The rule catalogue (metadata; light): configuration is validated against it.
import { ruleById } from '@caselint/rules';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { runBatch, type FileResult } from './batch.js';
import { ResultCache } from './cache.js';
import { expandTargets, isFolder, loadIgnoreFile } from './files.js';
import { engineFingerprint } from './fingerprint.js';
import { ProgressBar, wantProgress } from './progress.js';
import { isStreamed, streamReport, writeHtmlReport, type StreamedReport } from './report.js';
import { fileSink, stdoutSink, type ReportSink } from './sink.js';

/** What each checked file records, dated, with the case folder it belongs to. */
export type CaseRecords = { path: string; caseRoot: string | undefined; record: CaseRecord }[];

export interface RunIO {
  cwd: string;
  stdout: (s: string) => void;
  /** Where report bytes go when they are already UTF-8 (standard output itself takes them as they are). */
  stdoutBytes?: (b: Uint8Array) => void;
  stderr: (s: string) => void;
  /** Whether standard output is a terminal (colour). */
  isTTY: boolean;
  /** Whether standard error is a terminal (progress bar). */
  stderrIsTTY?: boolean;
  env?: NodeJS.ProcessEnv;
}

const defaultIO = (): RunIO => ({
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stdoutBytes: (b) => process.stdout.write(b),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
  stderrIsTTY: !!process.stderr.isTTY,
  env: process.env,
});

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Run the command line; resolves to the exit code. */
export async function main(argv: string[], io: RunIO = defaultIO()): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`caselint: ${e.message}\nRun caselint --help for usage.\n`);
      return 2;
    }
    throw e;
  }
  if (options.help) {
    io.stdout(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout(`${version()}\n`);
    return 0;
  }
  if (options.patterns.length === 0) {
    io.stderr('caselint: name the files or folders to check, for example: caselint reports/\nRun caselint --help for usage.\n');
    return 2;
  }
  for (const r of options.rules) {
    if (!ruleById.has(r.id)) {
      io.stderr(`caselint: --rule ${r.id}: no such rule (known: ${[...ruleById.keys()].join(', ')})\n`);
      return 2;
    }
  }

  const cache = options.cache ? await ResultCache.load(cachePath(io.cwd, options.cacheLocation), engineFingerprint(version())) : undefined;
  if (cache?.discarded && options.verbose) io.stderr(`caselint: ignoring the cache at ${options.cacheLocation} (${cache.discarded}); it will be rewritten\n`);

  const color = options.color ?? (io.isTTY && !options.output);
  const reportContext = { cwd: io.cwd, version: version(), color, verbose: options.verbose };
  // JSON, stylish and SARIF reports are written file by file as results arrive; HTML after the batch (its
  // summary comes first). A report file appears only when complete (see sink.ts).
  let sink: ReportSink;
  try {
    sink = options.output ? fileSink(resolve(io.cwd, options.output)) : stdoutSink(io.stdout, io.stdoutBytes);
  } catch (e) {
    io.stderr(`caselint: cannot write ${options.output}: ${(e as Error).message}\n`);
    return 2;
  }
  const stream: StreamedReport | undefined = isStreamed(options.format) ? streamReport(options.format, sink, reportContext) : undefined;
  const quiet = (r: FileResult): FileResult => {
    if (!options.quiet || r.warningCount === 0) return r;
    const { text: _text, ...rest } = r; // the text holds the warnings too
    return { ...rest, findings: r.findings.filter((f) => f.severity === 2), warningCount: 0 };
  };

  let results: FileResult[];
  let progress: ProgressBar | undefined;
  // What each file records, dated, with its case: for --chronology and the HTML report's case timelines.
  const records: CaseRecords = [];
  const wantRecords = options.chronology !== undefined || options.format === 'html';
  try {
    const targets = await expandTargets(options.patterns, io.cwd, options.ignore ? loadIgnoreFile(io.cwd) : undefined);
    const caseRoots = await caseFolders(options.cases, io.cwd);
    const showProgress = wantProgress(options.progress, io.stderrIsTTY ?? false, io.env ?? process.env);
    results = await runBatch(targets, {
      ...(options.jobs !== undefined ? { jobs: options.jobs } : {}),
      ...(options.config !== undefined ? { configFile: resolve(io.cwd, options.config) } : {}),
      ...(options.rules.length ? { overrides: { rules: Object.fromEntries(options.rules.map((r) => [r.id, r.severity])) } } : {}),
      ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
      ...(options.maxFileTime !== undefined ? { maxFileTime: options.maxFileTime } : {}),
      ignore: options.ignore,
      ...(caseRoots.size ? { caseRoots } : {}),
      ...(wantRecords
        ? {
            records: options.chronology !== undefined ? ('all' as const) : ('cases' as const),
            onRecord: (path: string, caseRoot: string | undefined, record: CaseRecord) => records.push({ path, caseRoot, record }),
          }
        : {}),
      onNotice: (message: string) => io.stderr(`caselint: ${message}\n`),
      snippets: options.format === 'html',
      keepDocxText: options.annotate,
      ...(stream ? { onResult: (r: FileResult) => stream!.add(quiet(r)), keepFindings: options.annotate || options.chronology !== undefined } : {}),
      ...(cache ? { cache } : {}),
      ...(showProgress
        ? {
            onStart: (total: number) => (progress = new ProgressBar(io.stderr, total)),
            onFile: (r: FileResult) => progress?.tick(r.errorCount + r.warningCount),
          }
        : {}),
    });
  } catch (e) {
    sink.abort();
    if (e instanceof ConfigError) {
      io.stderr(`caselint: configuration error: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    progress?.clear();
  }

  if (cache && options.verbose) io.stderr(`caselint: cache: ${cache.hits} file${cache.hits === 1 ? '' : 's'} reused, ${cache.misses} checked\n`);
  if (cache) {
    // A cache that cannot be written costs the next run time, not this run its report.
    await cache.save().catch((e: Error) => io.stderr(`caselint: cannot write the cache ${options.cacheLocation}: ${e.message}\n`));
  }

  try {
    if (stream) stream.end();
    else {
      if (options.format === 'html' && !options.output && io.isTTY) io.stderr('caselint: tip: write the HTML report to a file with --output report.html\n');
      // The case timelines: only declared cases have them (a lone document's chronology is its own findings).
      const timelines = casesOf(chronologyOf(records.filter((r) => r.caseRoot), results, io.cwd));
      writeHtmlReport(results, sink, reportContext, (f) => !options.quiet || f.severity === 2, timelines);
    }
    sink.close();
  } catch (e) {
    sink.abort();
    io.stderr(`caselint: cannot write ${options.output ?? 'the report'}: ${(e as Error).message}\n`);
    return 2;
  }

  if (options.chronology !== undefined) {
    const file = resolve(io.cwd, options.chronology);
    try {
      await writeFileAtomic(file, formatChronologyCsv(chronologyOf(records, results, io.cwd)));
    } catch (e) {
      io.stderr(`caselint: cannot write ${options.chronology}: ${(e as Error).message}\n`);
      return 2;
    }
  }

  // Word annotation loads the .docx writer only when asked for.
  const annotationFailures = options.annotate ? await (await import('./annotate.js')).annotateResults(results, options.outDir, io) : 0;

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const checked = results.filter((r) => !r.fatal).length;
  if (results.length > 0 && checked === 0) return 2;
  if (annotationFailures > 0) return 2;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && !options.quiet && warnings > options.maxWarnings) {
    io.stderr(`caselint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The folders --cases names, expanded: each one a case. */
async function caseFolders(globs: string[], cwd: string): Promise<Set<string>> {
  const out = new Set<string>();
  const patterns: string[] = [];
  // A folder named as it is ("--cases .", "--cases exports/reid") is a case; anything else is a glob of folders.
  for (const g of globs) {
    const path = resolve(cwd, g);
    if (isFolder(path)) out.add(path);
    else patterns.push(g);
  }
  if (patterns.length) {
    const { glob } = await import('tinyglobby');
    const found = await glob(patterns, { cwd, absolute: true, onlyDirectories: true, dot: false, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] });
    for (const d of found) out.add(resolve(d));
  }
  return out;
}


/** The chronology's rows: each file's dated facts and verdicts, verdicts a contradiction names marked as such. */
function chronologyOf(records: CaseRecords, results: FileResult[], cwd: string): ChronologyRow[] {
  const byPath = new Map(results.map((r) => [r.filePath, r]));
  return records.flatMap(({ path, caseRoot, record }) => {
    const findings = byPath.get(path)?.findings ?? [];
    const contradicted = (line: number, column: number) => findings.some((f) => f.ruleId === CONTRADICTION_RULE && f.line === line && f.column === column);
    return chronologyRows(displayPath(caseRoot ?? path, cwd), path, displayPath(path, cwd), record, contradicted);
  });
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path;
}

/** The cache location, resolved; a trailing slash (meaning "a folder") is kept. */
function cachePath(cwd: string, location: string): string {
  const abs = resolve(cwd, location);
  return /[\\/]$/.test(location) ? abs + sep : abs;
}
