import { createHash } from 'node:crypto';
import { isAbsolute, relative } from 'node:path';
import type { RuleMeta } from '../engine/rule.js';
import type { Finding, LintResult } from '../types.js';
import type { ChronologyRow } from './chronology.js';
import { pdfPlace } from './place.js';
import type { Snippet } from './snippet.js';

/** A finding with the sentence it sits in (see snippet.ts). Without a snippet the report shows the phrase alone. */
export type FindingInContext = Finding & { snippet?: Snippet };
export type HtmlResult = Omit<LintResult, 'findings'> & { findings: FindingInContext[] };

export interface HtmlOptions {
  rules: readonly Pick<RuleMeta, 'id' | 'severity' | 'summary' | 'lesson' | 'fix' | 'url'>[];
  toolVersion: string;
  /** Paths are shown relative to this folder when they are inside it. */
  baseDir?: string;
  /** When the report was made (default: now). */
  generatedAt?: Date;
  title?: string;
  /** Each declared case's chronology, for its timeline. */
  cases?: { name: string; rows: ChronologyRow[] }[];
}

/** The rule whose findings are contradictions between a verdict and what the document records. */
export const CONTRADICTION_RULE = 'outcome-contradicts-findings';
/** Above this many documents with findings, only those with contradictions start expanded. */
const OPEN_ALL_UP_TO = 60;

/** What the summary needs of one file: counts and names, not its findings (a batch keeps only these). */
export interface HtmlFile {
  filePath: string;
  fatal?: { message: string; code: string };
  errors: number;
  warnings: number;
  contradictions: number;
  /** The unmet areas and concerns its contradictions name, once each. */
  unmet: string[];
  /** Findings per rule. */
  byRule: Record<string, number>;
}

export function htmlFileOf(r: HtmlResult): HtmlFile {
  const file: HtmlFile = { filePath: r.filePath, errors: 0, warnings: 0, contradictions: 0, unmet: [], byRule: {} };
  if (r.fatal) {
    file.fatal = r.fatal;
    return file;
  }
  const unmet = new Set<string>();
  for (const f of r.findings) {
    if (f.severity === 2) file.errors++;
    else file.warnings++;
    file.byRule[f.ruleId] = (file.byRule[f.ruleId] ?? 0) + 1;
    if (f.ruleId === CONTRADICTION_RULE) {
      file.contradictions++;
      for (const x of f.related ?? []) unmet.add(x.message);
    }
  }
  file.unmet = [...unmet];
  return file;
}

/**
 * One self-contained HTML page for a supervisor: inline CSS, a few lines of inline JavaScript (a filter),
 * nothing remote (a Content-Security-Policy forbids it: case records are confidential and the file must work
 * offline). Summary first, then each document, contradictions first. Every piece of document text and every
 * path is escaped.
 */
export function formatHtml(results: readonly HtmlResult[], options: HtmlOptions): string {
  const chunks: string[] = [];
  writeHtml(results.map(htmlFileOf), (i) => results[i]!.findings, options, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

/**
 * The same page, written in pieces: the summary from the files' summaries, then each document's findings,
 * asked for one document at a time (`findingsOf(index)`), so a batch of any size holds one document's
 * findings at once.
 */
export function writeHtml(files: readonly HtmlFile[], findingsOf: (index: number) => FindingInContext[], options: HtmlOptions, write: (chunk: string) => void): void {
  const title = options.title ?? 'caselint report';
  const generated = options.generatedAt ?? new Date();
  const show = (path: string) => displayPath(path, options.baseDir);
  const metaById = new Map(options.rules.map((r) => [r.id, r]));

  const indexOf = new Map(files.map((f, i) => [f, i]));
  const fatal = files.filter((r) => r.fatal);
  const checked = files.filter((r) => !r.fatal);
  const findingCount = (r: HtmlFile) => r.errors + r.warnings;
  const withContradictions = checked.filter((r) => r.contradictions > 0);
  const withOtherFindings = checked.filter((r) => r.contradictions === 0 && findingCount(r) > 0);
  const clean = checked.filter((r) => findingCount(r) === 0);
  const errors = checked.reduce((n, r) => n + r.errors, 0);
  const warnings = checked.reduce((n, r) => n + r.warnings, 0);

  // Documents in reading order: contradictions first, then other findings; each group in path order.
  const ordered = [...withContradictions, ...withOtherFindings];
  const anchor = new Map(ordered.map((r, i) => [r.filePath, `doc-${i + 1}`]));
  // Documents with no findings have anchors too: a case timeline links to every document it draws on.
  clean.forEach((r, i) => anchor.set(r.filePath, `clean-${i + 1}`));
  const openAll = ordered.length <= OPEN_ALL_UP_TO;
  /** Another document of the case: a link to its findings where it has some, else its name. */
  const linkTo = (path: string, line: number) => {
    const id = anchor.get(path);
    const label = `${esc(show(path))}, line ${line}`;
    return id ? `<a href="#${id}">${label}</a>` : label;
  };

  const byRule = new Map<string, { findings: number; documents: number }>();
  for (const r of options.rules) byRule.set(r.id, { findings: 0, documents: 0 });
  for (const r of checked) {
    for (const [ruleId, n] of Object.entries(r.byRule)) {
      const entry = byRule.get(ruleId) ?? { findings: 0, documents: 0 };
      entry.findings += n;
      entry.documents++;
      byRule.set(ruleId, entry);
    }
  }

  const count = (id: string, label: string, value: number, tone = '') =>
    `<div class="count ${tone}" id="count-${id}"><dd>${value}</dd><dt>${esc(label)}</dt></div>`;

  const summary = `
<section id="summary" aria-labelledby="summary-title">
  <h2 id="summary-title">Summary</h2>
  <dl class="counts">
    ${count('checked', 'Documents checked', checked.length)}
    ${count('contradictions', 'Documents with contradictions', withContradictions.length, withContradictions.length ? 'alert' : '')}
    ${count('other', 'Documents with other findings', withOtherFindings.length, withOtherFindings.length ? 'warn' : '')}
    ${count('clean', 'Documents with no findings', clean.length)}
    ${count('fatal', 'Files that could not be checked', fatal.length, fatal.length ? 'alert' : '')}
    ${count('errors', 'Errors', errors)}
    ${count('warnings', 'Warnings', warnings)}
  </dl>
  <h3>Documents with contradictions</h3>
  ${
    withContradictions.length
      ? `<ol id="contradiction-list">${withContradictions
          .map((r) => {
            const n = r.contradictions;
            return `<li><a href="#${anchor.get(r.filePath)}">${esc(show(r.filePath))}</a> <span class="muted">${n} ${n === 1 ? 'verdict contradicts' : 'verdicts contradict'} what the document records</span>${unmetSummary(r)}</li>`;
          })
          .join('')}</ol>`
      : '<p id="contradiction-list" class="muted">None: no verdict contradicts what its document records.</p>'
  }
  <h3>Findings by rule</h3>
  ${ruleChart(byRule, metaById)}
  ${
    fatal.length
      ? `<h3>Files that could not be checked</h3><ul id="fatal-list">${fatal
          .map((r) => `<li><span class="path">${esc(show(r.filePath))}</span> ${esc(r.fatal!.message)} <span class="code">${esc(r.fatal!.code)}</span></li>`)
          .join('')}</ul>`
      : ''
  }
</section>`;

  const documentHtml = (r: HtmlFile) => {
    const n = r.contradictions;
    const open = openAll || n > 0 ? ' open' : '';
    const findings = findingsOf(indexOf.get(r)!);
    return `
<article class="doc${n ? ' has-contradiction' : ''}" id="${anchor.get(r.filePath)}" data-path="${esc(show(r.filePath).toLowerCase())}">
<details${open}>
  <summary><h3>${esc(show(r.filePath))}</h3> <span class="doc-counts">${plural(r.errors, 'error')}, ${plural(r.warnings, 'warning')}${n ? ` · <strong>${plural(n, 'contradiction')}</strong>` : ''}</span></summary>
  <ol class="findings">${findings.map((f) => findingHtml(f, metaById.get(f.ruleId), linkTo)).join('')}</ol>
</details>
</article>`;
  };

  const timelines = options.cases?.length
    ? `
<section id="cases" aria-labelledby="cases-title">
  <h2 id="cases-title">Cases</h2>
  <p class="muted">What each case records, in date order, from all of its documents. Undated entries are not shown.</p>
  ${options.cases.map((c) => caseTimeline(c, linkTo)).join('')}
</section>`
    : '';

  const cleanList = clean.length
    ? `<details id="clean-list"><summary><h3>Documents with no findings (${clean.length})</h3></summary><ul>${clean
        .map((r) => `<li id="${anchor.get(r.filePath)}">${esc(show(r.filePath))}</li>`)
        .join('')}</ul></details>`
    : '';

  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  write(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="caselint ${esc(options.toolVersion)}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${esc(title)}</h1>
  <p class="muted">Made ${esc(generated.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' }))} by caselint ${esc(options.toolVersion)}${options.baseDir ? ` in ${esc(options.baseDir)}` : ''}. Confidential: this report quotes case records.</p>
</header>
<main>
${summary}
${timelines}
<section id="documents" aria-labelledby="documents-title">
  <h2 id="documents-title">Documents</h2>
  <p class="tools"><label>Find a document <input id="filter" type="search" placeholder="part of a file name"></label>
  <button type="button" id="expand">Expand all</button> <button type="button" id="collapse">Collapse all</button></p>
  ${ordered.length ? '' : '<p class="muted">No document has findings.</p>'}`);
  for (const r of ordered) write(documentHtml(r));
  write(`
  ${cleanList}
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`);
}

/** One case's timeline: each dated entry with its kind, what it says, and a link to its document. */
function caseTimeline(c: { name: string; rows: ChronologyRow[] }, linkTo: (path: string, line: number) => string): string {
  const contradicted = c.rows.filter((r) => r.kind.endsWith('(contradicted)')).length;
  return `
<details class="case"${contradicted ? ' open' : ''}>
  <summary><h3>${esc(c.name)}</h3> <span class="doc-counts">${plural(c.rows.length, 'entry', 'entries')}${contradicted ? ` · <strong>${plural(contradicted, 'contradicted verdict')}</strong>` : ''}</span></summary>
  <ol class="timeline">${c.rows
    .map((r) => {
      const tone = r.kind.endsWith('(contradicted)') ? ' contradicted' : TIMELINE_ALERT.test(r.kind) ? ' concern' : '';
      return `<li class="entry${tone}" data-kind="${esc(r.kind)}"><time datetime="${esc(r.date)}">${esc(r.date)}</time> <span class="kind">${esc(r.kind)}</span> <span class="text">${esc(r.text)}</span> <span class="where">${linkTo(r.filePath, r.line)}</span></li>`;
    })
    .join('')}</ol>
</details>`;
}

/** Kinds of entry a supervisor's eye should go to. */
const TIMELINE_ALERT = /^(?:unmet area|deterioration|concern|co-sleeping|worker left|unallocated)$/;

function findingHtml(f: FindingInContext, meta: HtmlOptions['rules'][number] | undefined, linkTo: (path: string, line: number) => string): string {
  // A related place in another document of the case links to that document's findings.
  const placeOf = (x: NonNullable<FindingInContext['related']>[number]) => (x.filePath ? linkTo(x.filePath, x.line) : x.pdf ? pdfPlace(x.pdf) : `line ${x.line}`);
  const severity = f.severity === 2 ? 'error' : 'warning';
  const context = f.snippet
    ? `${esc(f.snippet.text.slice(0, f.snippet.start))}<mark>${esc(f.snippet.text.slice(f.snippet.start, f.snippet.end))}</mark>${esc(f.snippet.text.slice(f.snippet.end))}`
    : `<mark>${esc(f.phrase)}</mark>`;
  const related = f.related?.length
    ? `<div class="related"><h4>${f.ruleId === CONTRADICTION_RULE ? 'Unmet areas and concerns it contradicts' : 'Related places'}</h4><ul>${f.related
        .map((x) => `<li>${esc(x.message)} <span class="where">${placeOf(x)}</span></li>`)
        .join('')}</ul></div>`
    : '';
  const why = f.note ?? meta?.lesson;
  const how = f.fix ?? meta?.fix;
  const url = safeUrl(f.url ?? meta?.url);
  return `
<li class="finding ${severity}" data-rule="${esc(f.ruleId)}">
  <p class="head"><span class="sev">${severity === 'error' ? 'Error' : 'Warning'}</span> <span class="rule">${esc(f.ruleId)}</span> <span class="where">${f.pdf ? pdfPlace(f.pdf) : `line ${f.line}, column ${f.column}`}</span></p>
  <blockquote class="context">${context}</blockquote>
  <p class="message">${esc(f.message)}</p>
  ${related}
  ${why ? `<p class="why"><strong>Why it matters:</strong> ${esc(why)}</p>` : ''}
  ${how ? `<p class="how"><strong>How to fix:</strong> ${esc(how)}</p>` : ''}
  ${f.expected?.length ? `<p class="expected"><strong>You could write:</strong> ${f.expected.map((e) => `<q>${esc(e)}</q>`).join(' or ')}</p>` : ''}
  ${url ? `<p class="rule-link"><a href="${esc(url)}">About this rule</a></p>` : ''}
</li>`;
}

/** The unmet areas the document's contradictions name, once each, for the summary list. */
function unmetSummary(r: HtmlFile): string {
  if (!r.unmet.length) return '';
  const shown = r.unmet.slice(0, 8).map(esc).join('; ');
  return `<br><span class="unmet">${shown}${r.unmet.length > 8 ? `; and ${r.unmet.length - 8} more` : ''}</span>`;
}

/** Horizontal bars, one per rule, as inline SVG (no scripts, no images to fetch). */
function ruleChart(byRule: Map<string, { findings: number; documents: number }>, metaById: Map<string, HtmlOptions['rules'][number]>): string {
  const rows = [...byRule].sort((a, b) => b[1].findings - a[1].findings || (a[0] < b[0] ? -1 : 1));
  if (!rows.length) return '<p class="muted">No rules ran.</p>';
  const max = Math.max(1, ...rows.map(([, v]) => v.findings));
  const labelWidth = 250;
  const barWidth = 380;
  const rowHeight = 30;
  const height = rows.length * rowHeight + 8;
  const bars = rows
    .map(([id, v], i) => {
      const y = i * rowHeight + 4;
      const w = v.findings ? Math.max(2, Math.round((v.findings / max) * barWidth)) : 0;
      const tone = metaById.get(id)?.severity === 'error' ? 'bar-error' : 'bar-warn';
      const summary = metaById.get(id)?.summary ?? '';
      return `<g class="bar-row" data-rule="${esc(id)}"><title>${esc(id)}: ${esc(summary)}</title>
<text x="${labelWidth - 8}" y="${y + 19}" text-anchor="end" class="bar-label">${esc(id)}</text>
<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 10}" rx="3" class="${tone}"></rect>
<text x="${labelWidth + w + 6}" y="${y + 19}" class="bar-value">${v.findings} in ${plural(v.documents, 'document')}</text></g>`;
    })
    .join('');
  const described = rows.map(([id, v]) => `${id}: ${v.findings}`).join(', ');
  return `<svg id="rule-chart" role="img" aria-label="Findings by rule: ${esc(described)}" viewBox="0 0 ${labelWidth + barWidth + 160} ${height}" width="100%" style="max-width:${labelWidth + barWidth + 160}px">${bars}</svg>`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function displayPath(path: string, base: string | undefined): string {
  if (!base) return path;
  const rel = relative(base, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Only links a supervisor can follow safely: http(s) and local files. */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^(https?|file):\/\//i.test(url) ? url : undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escape text for HTML content and quoted attributes. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const SCRIPT = `(() => {
  const docs = [...document.querySelectorAll('article.doc')];
  const filter = document.getElementById('filter');
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const d of docs) d.hidden = q !== '' && !d.dataset.path.includes(q);
  });
  const all = (open) => () => { for (const d of document.querySelectorAll('#documents details')) d.open = open; };
  document.getElementById('expand').addEventListener('click', all(true));
  document.getElementById('collapse').addEventListener('click', all(false));
  document.body.dataset.interactive = 'yes';
})();`;

const STYLE = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6475; --line: #d9dde5; --error: #b42318; --warn: #9a6700; --bg-alert: #fdecea; --bg-warn: #fff6dc; --mark: #ffe08a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
header, main { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; }
h1 { margin: 0 0 .25rem; font-size: 1.75rem; }
h2 { margin: 2rem 0 .75rem; font-size: 1.35rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
h4 { font-size: .95rem; margin: .5rem 0 .25rem; }
.muted { color: var(--muted); }
.counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr)); gap: .75rem; margin: 0; }
.count { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; display: flex; flex-direction: column-reverse; }
.count dd { margin: 0; font-size: 2rem; font-weight: 700; line-height: 1.1; }
.count dt { color: var(--muted); font-size: .9rem; }
.count.alert { background: var(--bg-alert); border-color: #f4b7b0; }
.count.alert dd { color: var(--error); }
.count.warn { background: var(--bg-warn); border-color: #f0d58c; }
#contradiction-list li { margin: .4rem 0; }
.unmet { color: var(--error); font-size: .92rem; }
#rule-chart { display: block; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
.bar-label { font-size: 13px; fill: var(--ink); }
.bar-value { font-size: 13px; fill: var(--muted); }
.bar-error { fill: var(--error); }
.bar-warn { fill: #d4a72c; }
#fatal-list .code, .finding .rule, .where { font: .85rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
.path { font-weight: 600; }
.tools { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.tools input { font: inherit; padding: .25rem .5rem; margin-left: .5rem; }
.tools button { font: inherit; padding: .25rem .75rem; }
/* A nightly report holds thousands of documents: the browser lays out only those near the screen. */
article.doc { content-visibility: auto; contain-intrinsic-size: auto 4rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: .25rem 1rem; }
article.doc.has-contradiction { border-left: 6px solid var(--error); }
details > summary { cursor: pointer; }
details > summary h3 { display: inline; margin: 0; }
article.doc summary { padding: .5rem 0; }
.doc-counts { color: var(--muted); margin-left: .5rem; }
.findings { list-style: none; padding: 0; margin: 0; }
.finding { border-top: 1px solid var(--line); padding: .75rem 0; }
.finding p { margin: .3rem 0; }
.sev { display: inline-block; font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; padding: 0 .45rem; border-radius: 4px; color: #fff; }
.finding.error .sev { background: var(--error); }
.finding.warning .sev { background: var(--warn); }
.context { margin: .5rem 0; padding: .5rem .75rem; background: #f3f4f6; border-left: 4px solid var(--line); font-family: Georgia, "Times New Roman", serif; white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: var(--mark); padding: 0 .1rem; border-radius: 2px; }
.timeline { list-style: none; padding-left: 0; border-left: 3px solid var(--line); margin-left: .5rem; }
.timeline .entry { padding: .2rem .75rem; }
.timeline .entry time { font-variant-numeric: tabular-nums; font-weight: 600; }
.timeline .kind { display: inline-block; min-width: 9rem; color: var(--muted); }
.timeline .concern .kind { color: var(--warn); font-weight: 600; }
.timeline .contradicted { background: var(--bg-alert); border-radius: 4px; }
.timeline .contradicted .kind { color: var(--error); font-weight: 700; }
.related { background: var(--bg-alert); border-radius: 6px; padding: .25rem .75rem; }
.related ul { margin: .25rem 0 .5rem; padding-left: 1.25rem; }
.why, .how, .expected { font-size: .95rem; }
#clean-list { margin: 1.5rem 0 3rem; }
@media print { body { background: #fff; } .tools { display: none; } article.doc { break-inside: avoid-page; } }
`;
