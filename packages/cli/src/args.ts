import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json', 'sarif', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface CliOptions {
  patterns: string[];
  format: FormatName;
  output?: string;
  rules: { id: string; severity: 'off' | 'warn' | 'error' }[];
  config?: string;
  quiet: boolean;
  maxWarnings?: number;
  maxFileSize?: number;
  /** Seconds one file may take to check (0: no limit). */
  maxFileTime?: number;
  verbose: boolean;
  color?: boolean;
  ignore: boolean;
  help: boolean;
  version: boolean;
  /** Write a copy of each .docx with a Word comment per finding. */
  annotate: boolean;
  /** Worker threads; undefined means "as many as there are cores" (and none for a small batch). */
  jobs?: number;
  /** Reuse results for unchanged files. */
  cache: boolean;
  cacheLocation: string;
  /** Show a progress bar when stderr is an interactive terminal (and CI is not set). */
  progress: boolean;
  /** Where annotated copies go (default: beside the original as NAME.caselint.docx). */
  outDir?: string;
  /** Globs of folders each of which is one case (--cases). */
  cases: string[];
  /** Write the chronology of dated facts, one row each, to this CSV file. */
  chronology?: string;
}

export class UsageError extends Error {}

export const HELP = `Usage: caselint [options] [paths, folders or globs...]

Checks social-care assessment reports and case notes (.txt, .md, .docx, .doc, .odt, .rtf, .pdf) for language that hides the picture:
one-word verdicts, unevidenced reassurance, verdicts that contradict the document's own findings, and missing plans.

Options:
  -f, --format <name>        Output format: stylish (default), json (ESLint's shape), sarif (SARIF 2.1.0)
                             or html (one self-contained page for supervisors; use with --output)
  -o, --output <file>        Write the report to a file (atomically) instead of standard output
  -j, --jobs <n>             Check files in n threads (default: one per core from 32 MB of text; 1: no workers)
      --cache                Reuse results for files that have not changed since the last run
      --cache-location <path>  Where the cache lives (default .caselintcache)
      --no-progress          No progress bar (it shows only on an interactive terminal, never in CI)
      --rule <id:severity>   Set a rule's severity: off, warn or error (repeatable)
  -c, --config <file>        Use this configuration file only (no search upward)
      --quiet                Report errors only
      --max-warnings <n>     Exit 1 when there are more than n warnings
      --max-file-size <mb>   Skip files larger than this many megabytes (default 20)
      --max-file-time <s>    Skip a file that takes longer than this many seconds to check (default 30; 0: no limit)
  -v, --verbose              Show why each finding matters and how to fix it
      --no-ignore            Check files even if .caselintignore or "ignores" list them
      --color / --no-color   Force colour on or off
      --annotate             Write a copy of each .docx with a Word comment on every finding
                             (NAME.caselint.docx beside the original; the original is never changed)
      --out-dir <dir>        With --annotate: put the annotated copies in this folder instead
      --cases <glob>         Each folder matching the glob is one case: its documents are checked against
                             what all of them record (repeatable; "case": true in a folder's config does the same)
      --chronology <file>    Write each case's dated facts (unmet areas, deterioration, concerns, plans, moves,
                             allocation, verdicts) to a CSV file, one row each, for a spreadsheet
  -h, --help                 Show this help
      --version              Show the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, configuration or input failure.
`;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        rule: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
        'max-file-time': { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'no-ignore': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        annotate: { type: 'boolean' },
        'out-dir': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        'no-progress': { type: 'boolean' },
        cases: { type: 'string', multiple: true },
        chronology: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]!);
  }
  const v = parsed.values;
  const format = (v.format ?? 'stylish') as FormatName;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${v.format}" (use one of: ${FORMATS.join(', ')})`);
  const rules = (v.rule ?? []).map((spec) => {
    const m = /^([a-z0-9-]+)\s*[:=]\s*(off|warn|error|0|1|2)$/.exec(spec.trim());
    if (!m) throw new UsageError(`--rule expects id:severity, for example --rule simplistic-outcome:error (got "${spec}")`);
    const sev = m[2] === '0' ? 'off' : m[2] === '1' ? 'warn' : m[2] === '2' ? 'error' : (m[2] as 'off' | 'warn' | 'error');
    return { id: m[1]!, severity: sev };
  });
  const count = (name: string, raw: string | undefined) => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`${name} expects a number (got "${raw}")`);
    return n;
  };
  const maxWarnings = count('--max-warnings', v['max-warnings']);
  const maxMb = count('--max-file-size', v['max-file-size']);
  const maxFileTime = count('--max-file-time', v['max-file-time']);
  const jobs = count('--jobs', v.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs expects a whole number of at least 1 (got "${v.jobs}")`);
  if (v['cache-location'] === '') throw new UsageError('--cache-location expects a path');
  if (v['out-dir'] !== undefined && !v.annotate) throw new UsageError('--out-dir is for annotated copies: use it with --annotate');
  if (v.cases?.some((c) => c.trim() === '')) throw new UsageError('--cases expects a glob of folders, for example --cases "exports/*"');
  if (v.chronology === '') throw new UsageError('--chronology expects a file name, for example --chronology chronology.csv');
  return {
    patterns: parsed.positionals,
    format,
    output: v.output,
    rules,
    config: v.config,
    quiet: v.quiet ?? false,
    maxWarnings: maxWarnings === undefined ? undefined : Math.floor(maxWarnings),
    maxFileSize: maxMb === undefined ? undefined : Math.round(maxMb * 1024 * 1024),
    ...(maxFileTime !== undefined ? { maxFileTime } : {}),
    verbose: v.verbose ?? false,
    color: v['no-color'] ? false : v.color,
    ignore: !v['no-ignore'],
    help: v.help ?? false,
    version: v.version ?? false,
    annotate: v.annotate ?? false,
    ...(jobs !== undefined ? { jobs } : {}),
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'] ?? '.caselintcache',
    progress: !v['no-progress'],
    ...(v['out-dir'] !== undefined ? { outDir: v['out-dir'] } : {}),
    cases: v.cases ?? [],
    ...(v.chronology !== undefined ? { chronology: v.chronology } : {}),
  };
}
