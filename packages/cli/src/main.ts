import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  ConfigError, fatalResult, formatJson, formatStylish, Linter, loadConfig, ReadError, readDocument, resolveConfig, toLintResult,
  type LintResult, type ResolvedConfig,
} from '@caselint/core';
import { ruleById, rules } from '@caselint/rules';
import ignore from 'ignore';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { expandTargets, loadIgnoreFile, type Target } from './files.js';
import { writeOutput } from './output.js';
import { annotateResults } from './annotate.js';

export interface RunIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

const defaultIO = (): RunIO => ({
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: !!process.stdout.isTTY,
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

  let results: LintResult[];
  try {
    results = await lintTargets(options, io);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`caselint: configuration error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const shown = options.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 2), warningCount: 0 })) : results;
  const forDisplay = shown.map((r) => ({ ...r, filePath: options.format === 'stylish' ? displayPath(r.filePath, io.cwd) : r.filePath }));
  const report = options.format === 'json' ? `${formatJson(forDisplay)}\n` : formatStylish(forDisplay, { color: options.color ?? (io.isTTY && !options.output), verbose: options.verbose });
  if (options.output) {
    try {
      await writeOutput(resolve(io.cwd, options.output), report);
    } catch (e) {
      io.stderr(`caselint: cannot write ${options.output}: ${(e as Error).message}\n`);
      return 2;
    }
  } else io.stdout(report);

  const annotationFailures = options.annotate ? await annotateResults(results, options.outDir, io) : 0;

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

async function lintTargets(options: CliOptions, io: RunIO): Promise<LintResult[]> {
  const targets = await expandTargets(options.patterns, io.cwd, options.ignore ? loadIgnoreFile(io.cwd) : undefined);
  const linter = new Linter(rules);
  const overrides = options.rules.length ? { rules: Object.fromEntries(options.rules.map((r) => [r.id, r.severity])) } : undefined;
  const results: LintResult[] = [];
  for (const target of targets) results.push(await lintTarget(target, options, linter, overrides));
  return results;
}

async function lintTarget(target: Target, options: CliOptions, linter: Linter, overrides: { rules: Record<string, 'off' | 'warn' | 'error'> } | undefined): Promise<LintResult> {
  if (target.missing) return fatalResult(target.path, 'does not exist (no file, folder or glob match)', 'not-found');
  let config: ResolvedConfig = loadConfig(target.path, { configFile: options.config });
  if (overrides) config = resolveConfig(overrides, config);
  if (options.ignore && !target.explicit && isConfigIgnored(config, target.path)) return { filePath: target.path, findings: [], errorCount: 0, warningCount: 0 };
  try {
    const doc = await readDocument(target.path, { maxFileSize: options.maxFileSize ?? config.maxFileSize });
    // --annotate needs the checked document to place its comments; otherwise it is not kept.
    return toLintResult(target.path, linter.lint(doc, config), options.annotate ? doc : undefined);
  } catch (e) {
    if (e instanceof ReadError) return fatalResult(target.path, e.message, e.code);
    // A bug must not cost the rest of the batch: report it against this file, without document text.
    return fatalResult(target.path, `could not be checked: internal error (${(e as Error).name}: ${(e as Error).message.slice(0, 200)})`, 'internal');
  }
}

function isConfigIgnored(config: ResolvedConfig, path: string): boolean {
  if (!config.ignores.length || !config.ignoreBase) return false;
  const rel = relative(config.ignoreBase, path);
  if (rel.startsWith('..')) return false;
  return ignore().add(config.ignores).ignores(rel.split('\\').join('/'));
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}


