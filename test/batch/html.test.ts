import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromium, dumpDom, screenshot } from './chromium.js';
import { built, caselint, copyCorpus, tempDir, write } from './helpers.js';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>.txt';
const HOSTILE_TEXT = `Case summary <script>document.title='pwned'</script>

Feeding: Unachieved
Safe sleeping: Unachieved

Ms Carter has passed the assessment <img src=x onerror="document.title='pwned'"> and it was "positive" & 'fine'.
`;

/** Text of the element with this id (up to its first closing tag of `tag`), tags stripped and whitespace collapsed. */
function textOf(dom: string, id: string, tag = '(?:ol|ul|p|div)'): string {
  const m = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</${tag}>`).exec(dom);
  return m ? m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : '';
}

describe.skipIf(!built || !chromium)('--format html, rendered by headless Chromium', () => {
  let dir = '';
  let html = '';
  let dom = '';
  beforeAll(async () => {
    dir = tempDir('html');
    copyCorpus(join(dir, 'reports'));
    write(join(dir, 'reports', 'clean-note.txt'), 'Mia attended nursery on four of five days, according to the nursery register.\n');
    write(join(dir, 'reports', 'aaa-photo.txt'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    write(join(dir, 'reports', HOSTILE_NAME), HOSTILE_TEXT);
    const run = await caselint(dir, ['--format', 'html', '--output', 'nightly.html', '--jobs', '2', 'reports']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    html = readFileSync(join(dir, 'nightly.html'), 'utf8');
    dom = await dumpDom(join(dir, 'nightly.html'));
  }, 90_000);

  it('is one self-contained file: no remote scripts, styles, fonts or images; a CSP forbids them', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(|@font-face/i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect([...html.matchAll(/<script>/g)]).toHaveLength(1);
  });

  it('shows the summary first: documents checked, contradictions, could not be checked, findings by rule', () => {
    expect(dom.indexOf('id="summary"')).toBeLessThan(dom.indexOf('id="documents"'));
    expect(textOf(dom, 'count-checked', 'div')).toMatch(/^5 Documents checked/);
    expect(textOf(dom, 'count-contradictions', 'div')).toMatch(/^3 Documents with contradictions/);
    expect(textOf(dom, 'count-clean', 'div')).toMatch(/^2 Documents with no findings/);
    expect(textOf(dom, 'count-fatal', 'div')).toMatch(/^1 Files that could not be checked/);
    expect(textOf(dom, 'fatal-list')).toMatch(/aaa-photo\.txt is a binary file/);
    const list = textOf(dom, 'contradiction-list');
    expect(list).toMatch(/pams-summary-passed\.md \d+ verdicts? contradicts? what the document records/);
    expect(list).toMatch(/Health and illness: Unachieved; Safety in the home: Unachieved; Safe sleeping: Unachieved; Budgeting: Unachieved/);
    // The chart: one bar per rule, labelled.
    const chart = /<svg id="rule-chart"[\s\S]*?<\/svg>/.exec(dom)![0];
    expect(chart).toMatch(/aria-label="Findings by rule: outcome-contradicts-findings: \d+/);
    expect([...chart.matchAll(/class="bar-row"/g)].length).toBe(7);
  });

  it('lists documents with contradictions first, each finding in its sentence with the phrase highlighted', () => {
    const articles = [...dom.matchAll(/<article class="doc( has-contradiction)?"[^>]*data-path="([^"]*)"/g)].map((m) => ({ contradiction: !!m[1], path: m[2]! }));
    // Contradictions first (in path order), then documents with other findings, none with no findings.
    expect(articles.map((a) => a.contradiction)).toEqual([true, true, true]);
    expect(articles.map((a) => a.path)).toEqual(['reports/&lt;img src=x onerror=alert(1)&gt;.txt', 'reports/case-notes-unallocated.txt', 'reports/pams-summary-passed.md']);
    const pams = /<article[^>]*data-path="reports\/pams-summary-passed\.md"[\s\S]*?<\/article>/.exec(dom)![0];
    expect(pams).toContain('Ms Carter has <mark>passed</mark> the assessment.');
    expect(pams).toMatch(/Unmet areas and concerns it contradicts/);
    expect(pams).toMatch(/<li>Safe sleeping: Unachieved <span class="where">line 20<\/span><\/li>/);
    expect(pams).toMatch(/Why it matters:/);
    expect(pams).toMatch(/How to fix:/);
    expect(dom).toMatch(/<details id="clean-list">[\s\S]*<li id="clean-1">reports\/clean-note\.txt<\/li><li id="clean-2">reports\/pams-summary-evidenced\.md<\/li>/);
  });

  it('escapes document text and file names: nothing in a document runs or becomes markup', () => {
    expect(dom).toContain('data-interactive="yes"'); // our own script ran (its CSP hash matches)
    expect(dom).not.toContain('pwned</title>');
    expect(dom).toMatch(/<title>caselint report<\/title>/);
    expect(dom).not.toMatch(/<img/i);
    expect([...dom.matchAll(/<script/g)]).toHaveLength(1);
    expect(dom).toContain('&lt;img src=x onerror=alert(1)&gt;.txt');
    expect(dom).toMatch(/has <mark>passed<\/mark> the assessment &lt;img src=x onerror="document\.title='pwned'"&gt;/);
  });

  it('renders to a screenshot', async () => {
    const png = join(dir, 'nightly.png');
    await screenshot(join(dir, 'nightly.html'), png);
    expect(existsSync(png) && statSync(png).size).toBeGreaterThan(20_000);
  }, 60_000);
});
