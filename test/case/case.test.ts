// The case as the unit: a verdict in one document is checked against what every document of its case records.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comments } from '../docx/inspect.js';
import { markdownToDocx } from '../docx/markdown-to-docx.mjs';
import { runCli, runJson, tempTree, type JsonResult } from '../helpers.js';

/** A PAMS report with three unmet areas and deterioration, dated 3 March 2025. */
const PAMS = `# PAMS assessment report

Date of report: 3 March 2025

## Outcomes

| Area | Outcome |
| --- | --- |
| Feeding | Achieved |
| Safe sleeping | Unachieved |
| Budgeting | Unachieved |
| Home safety | Partially achieved |

Staff observed that Ms Reid's self-care deteriorated over the final three weeks.
`;

/** The referral that travelled: "passed" and "positive", dated after the report. */
const REFERRAL = `# Placement referral

Date: 20 March 2025

Ms Reid passed her PAMS assessment and it was positive.
`;

const messagesOf = (results: JsonResult[], name: string) => results.find((r) => r.filePath.endsWith(`/${name}`))!.messages;
const byRule = (results: JsonResult[], name: string, ruleId: string) => messagesOf(results, name).filter((m) => m.ruleId === ruleId);

type Related = { message: string; line: number; column: number; filePath?: string };
const relatedOf = (m: JsonResult['messages'][number]) => (m as { related?: Related[] }).related ?? [];

describe('a case declared by --cases', () => {
  const root = tempTree({ 'reid/pams-report.md': PAMS, 'reid/referral.md': REFERRAL });

  it('a verdict in the referral contradicts the unmet areas in the PAMS report beside it, and names them', () => {
    const { code, results } = runJson(['--cases', '*', '.'], root);
    expect(code).toBe(1);
    const found = byRule(results, 'referral.md', 'outcome-contradicts-findings');
    expect(found.map((m) => m.phrase)).toEqual(['passed', 'positive']);
    expect(found[0]!.message).toContain('its case (pams-report.md)');
    expect(found[0]!.message).toContain('3 areas not achieved (Safe sleeping, Budgeting, Home safety)');
    expect(found[0]!.message).toContain('self-care deteriorated');
    // The second verdict points back to the first rather than repeating the list.
    expect(found[1]!.message).toMatch(/^"positive" also contradicts .* as "passed" does above\.$/);
    // Each related place is in the PAMS report, with its own line and column.
    const related = relatedOf(found[0]!);
    expect(related.map((r) => [r.message, r.line, r.column])).toEqual([
      ['Safe sleeping: Unachieved', 10, 3],
      ['Budgeting: Unachieved', 11, 3],
      ['Home safety: Partially achieved', 12, 3],
      ['Deterioration: self-care deteriorated', 14, 31],
    ]);
    expect(new Set(related.map((r) => r.filePath))).toEqual(new Set([join(root, 'reid/pams-report.md')]));
    // The plain verdict warnings give way to the contradiction.
    expect(byRule(results, 'referral.md', 'simplistic-outcome')).toEqual([]);
    expect(messagesOf(results, 'pams-report.md')).toEqual([]);
  });

  it('a folder named as it is, the working folder included, is a case', () => {
    for (const [args, cwd] of [[['--cases', '.', '.'], join(root, 'reid')], [['--cases', 'reid', '.'], root], [['--cases', join(root, 'reid'), 'reid'], root]] as const) {
      const { results } = runJson([...args], cwd);
      expect(byRule(results, 'referral.md', 'outcome-contradicts-findings').map((m) => m.phrase), args.join(' ')).toEqual(['passed', 'positive']);
    }
  });

  it('stylish prints each related place as file:line:column', () => {
    const { stdout } = runCli(['--cases', '*', '.'], root);
    expect(stdout).toContain('reid/referral.md');
    expect(stdout).toMatch(/↳ pams-report\.md:10:3 Safe sleeping: Unachieved/);
    expect(stdout).toMatch(/↳ pams-report\.md:14:31 Deterioration: self-care deteriorated/);
  });

  it('SARIF gives each related location its own artifact', () => {
    const { stdout } = runCli(['--cases', '*', '--format', 'sarif', '.'], root);
    const sarif = JSON.parse(stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const r = sarif.runs[0]!.results.find((x) => x.ruleId === 'outcome-contradicts-findings')!;
    expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/referral\.md$/);
    expect(r.relatedLocations!.map((x) => [x.physicalLocation.artifactLocation.uri.split('/').pop(), x.physicalLocation.region.startLine])).toEqual([
      ['pams-report.md', 10], ['pams-report.md', 11], ['pams-report.md', 12], ['pams-report.md', 14],
    ]);
  });

  it('the HTML report links a related place to the other document', () => {
    const pams = PAMS + '\nOverall the assessment was positive.\n';
    const dir = tempTree({ 'reid/pams-report.md': pams, 'reid/referral.md': REFERRAL });
    const out = join(dir, 'report.html');
    runCli(['--cases', '*', '--format', 'html', '--output', out, '.'], dir);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<a href="#doc-\d+">reid\/pams-report\.md, line 10<\/a>/);
    // The case's timeline: each dated entry in order, linked to its document, contradicted verdicts marked.
    const timeline = /<section id="cases"[\s\S]*?<\/section>/.exec(html)![0];
    const entries = [...timeline.matchAll(/<li class="entry([^"]*)" data-kind="([^"]+)"><time datetime="([^"]+)">[^<]*<\/time> <span class="kind">[^<]*<\/span> <span class="text">([^<]*)<\/span> <span class="where"><a href="#(?:doc|clean)-\d+">([^<]+)<\/a>/g)].map((m) => [m[3], m[2], m[4], m[5], m[1].trim()]);
    expect(entries).toEqual([
      ['2025-03-03', 'area met', 'Feeding: Achieved', 'reid/pams-report.md, line 9', ''],
      ['2025-03-03', 'unmet area', 'Safe sleeping: Unachieved', 'reid/pams-report.md, line 10', 'concern'],
      ['2025-03-03', 'unmet area', 'Budgeting: Unachieved', 'reid/pams-report.md, line 11', 'concern'],
      ['2025-03-03', 'unmet area', 'Home safety: Partially achieved', 'reid/pams-report.md, line 12', 'concern'],
      ['2025-03-03', 'deterioration', 'self-care deteriorated', 'reid/pams-report.md, line 14', 'concern'],
      ['2025-03-03', 'verdict (contradicted)', 'positive', 'reid/pams-report.md, line 16', 'contradicted'],
      ['2025-03-20', 'verdict (contradicted)', 'passed', 'reid/referral.md, line 5', 'contradicted'],
      ['2025-03-20', 'verdict (contradicted)', 'positive', 'reid/referral.md, line 5', 'contradicted'],
    ]);
  });
});

describe('a case declared in configuration', () => {
  it('"case": true makes the folder and everything below it one case', () => {
    const root = tempTree({ 'reid/.caselintrc.json': '{ "case": true }', 'reid/assessment/pams-report.md': PAMS, 'reid/referral.md': REFERRAL });
    const { results } = runJson(['.'], root);
    expect(byRule(results, 'referral.md', 'outcome-contradicts-findings').map((m) => m.phrase)).toEqual(['passed', 'positive']);
  });

  it('a .docx report in the case counts as a Markdown one does, and related places give its Word paragraph', async () => {
    const root = tempTree({ 'reid/.caselintrc.json': '{ "case": true }', 'reid/referral.md': REFERRAL });
    writeFileSync(join(root, 'reid/pams-report.docx'), await markdownToDocx(PAMS));
    const { results } = runJson(['.'], root);
    const found = byRule(results, 'referral.md', 'outcome-contradicts-findings');
    expect(found.map((m) => m.phrase)).toEqual(['passed', 'positive']);
    expect(found[0]!.message).toContain('its case (pams-report.docx)');
    const related = relatedOf(found[0]!) as (Related & { docx?: { table?: number } })[];
    expect(related.filter((r) => r.docx?.table !== undefined).map((r) => r.message)).toEqual(['Safe sleeping: Unachieved', 'Budgeting: Unachieved', 'Home safety: Partially achieved']);
  });

  it('--annotate: a Word comment on the referral names the other document', async () => {
    const root = tempTree({ 'reid/.caselintrc.json': '{ "case": true }', 'reid/pams-report.md': PAMS });
    writeFileSync(join(root, 'reid/referral.docx'), await markdownToDocx(REFERRAL));
    runCli(['--annotate', '.'], root);
    const notes = comments(new Uint8Array(readFileSync(join(root, 'reid/referral.caselint.docx'))));
    const contradiction = notes.find((c) => c.paragraphs[0]!.includes('outcome-contradicts-findings'))!;
    expect(contradiction.paragraphs).toContain('\u2022 Safe sleeping: Unachieved (in pams-report.md)');
  });

  it('a referral as .docx is checked against a Markdown report', async () => {
    const root = tempTree({ 'reid/.caselintrc.json': '{ "case": true }', 'reid/pams-report.md': PAMS });
    writeFileSync(join(root, 'reid/referral.docx'), await markdownToDocx(REFERRAL));
    const { results } = runJson(['.'], root);
    expect(byRule(results, 'referral.docx', 'outcome-contradicts-findings').map((m) => m.phrase)).toEqual(['passed', 'positive']);
  });
});

describe('documents that are not one case', () => {
  it('a folder that is not declared a case stays unlinked', () => {
    const root = tempTree({ 'reid/pams-report.md': PAMS, 'reid/referral.md': REFERRAL });
    const { results } = runJson(['.'], root);
    expect(byRule(results, 'referral.md', 'outcome-contradicts-findings')).toEqual([]);
    expect(byRule(results, 'referral.md', 'simplistic-outcome').map((m) => m.phrase)).toEqual(['passed', 'positive']);
  });

  it('two case folders do not see each other', () => {
    const root = tempTree({ 'reid/pams-report.md': PAMS, 'patel/referral.md': REFERRAL.replace(/Reid/g, 'Patel') });
    const { results } = runJson(['--cases', '*', '.'], root);
    expect(byRule(results, 'referral.md', 'outcome-contradicts-findings')).toEqual([]);
  });
});

describe('time', () => {
  it('a verdict is tested only against what had been recorded by its date', () => {
    // The referral (20 March) was written before this later report (2 April) recorded anything.
    const later = PAMS.replace('3 March 2025', '2 April 2025');
    const root = tempTree({ 'reid/pams-report.md': later, 'reid/referral.md': REFERRAL });
    const { results } = runJson(['--cases', '*', '.'], root);
    expect(byRule(results, 'referral.md', 'outcome-contradicts-findings')).toEqual([]);
    expect(byRule(results, 'referral.md', 'simplistic-outcome').map((m) => m.phrase)).toEqual(['passed', 'positive']);
  });

  it('an area achieved in a later document answers one not achieved in an earlier one', () => {
    const update = `# PAMS update\n\nDate: 15 March 2025\n\n| Area | Outcome |\n| --- | --- |\n| Safe sleeping | Achieved |\n| Budgeting | Achieved |\n`;
    const root = tempTree({ 'reid/pams-report.md': PAMS, 'reid/pams-update.md': update, 'reid/referral.md': REFERRAL });
    const { results } = runJson(['--cases', '*', '.'], root);
    const found = byRule(results, 'referral.md', 'outcome-contradicts-findings');
    expect(found[0]!.message).toContain('1 area not achieved (Home safety)');
  });

  it('where dates are unknown, everything the case records counts', () => {
    const undated = (s: string) => s.replace(/^Date.*$/m, '');
    const root = tempTree({ 'reid/pams-report.md': undated(PAMS), 'reid/referral.md': undated(REFERRAL) });
    const { results } = runJson(['--cases', '*', '.'], root);
    expect(byRule(results, 'referral.md', 'outcome-contradicts-findings').map((m) => m.phrase)).toEqual(['passed', 'positive']);
  });
});

describe('plans recorded in their own documents', () => {
  const REVIEW = `# Placement review\n\nDate: 2 May 2025\n\nMia will be placed with long-term foster carers, Mr and Mrs Hall. She will move to her new foster carers on 1 June.\n`;
  const RISK = `# Placement risk assessment\n\nDate: 28 April 2025\n\nA risk assessment of the placement with Mr and Mrs Hall was completed on 28 April, before the placement began.\n`;
  const TRANSITION = `# Transition plan\n\nDate: 30 April 2025\n\nThe transition plan for Mia's move was agreed at the midway review. The purpose of the placement is permanence, and the exit plan is reviewed at each LAC review.\n`;

  it('alone, the review draws risk-assessment and transition-planning warnings', () => {
    const root = tempTree({ 'mia/review.md': REVIEW });
    const { results } = runJson(['.'], root);
    const rules = messagesOf(results, 'review.md').map((m) => m.ruleId);
    expect(rules).toContain('risk-assessment');
    expect(rules).toContain('transition-planning');
  });

  it('in a case with its risk assessment and transition plan, it draws neither', () => {
    const root = tempTree({ 'mia/review.md': REVIEW, 'mia/risk-assessment.md': RISK, 'mia/transition-plan.md': TRANSITION });
    const { results } = runJson(['--cases', '*', '.'], root);
    const rules = results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).not.toContain('risk-assessment');
    expect(rules).not.toContain('transition-planning');
  });
});

describe('allocation gaps', () => {
  const LEFT = `# Case note\n\nDate: 3 February 2025\n\nThe social worker left the team on 3 February 2025 and the case is awaiting allocation.\n`;
  const REALLOCATED = (day: string) => `# Case note\n\nDate: ${day} 2025\n\nThe case was reallocated to Sam Patel on ${day} 2025, and a handover visit took place the same week.\n`;

  it('a reallocation in another document ends the gap, and a gap longer than the limit is still a finding', () => {
    const root = tempTree({ 'case/note-1.md': LEFT, 'case/note-2.md': REALLOCATED('22 March') });
    const { results } = runJson(['--cases', '*', '.'], root);
    const found = byRule(results, 'note-1.md', 'unallocated-case');
    expect(found.map((m) => m.message)).toEqual([
      'The case was without an allocated social worker for 47 days, from 3 February 2025 to 22 March 2025: longer than 20 days. Say who held the case in that time and what oversight was in place.',
    ]);
    expect(relatedOf(found[0]!).map((r) => [r.message, r.filePath?.split('/').pop()])).toEqual([['Reallocated', 'note-2.md']]);
  });

  it('a short gap is no finding, and the limit is configurable', () => {
    const root = tempTree({ 'case/note-1.md': LEFT, 'case/note-2.md': REALLOCATED('10 February') });
    expect(byRule(runJson(['--cases', '*', '.'], root).results, 'note-1.md', 'unallocated-case')).toEqual([]);
    writeFileSync(join(root, '.caselintrc.json'), JSON.stringify({ rules: { 'unallocated-case': ['warn', { maxDays: 5 }] } }));
    const found = byRule(runJson(['--cases', '*', '.'], root).results, 'note-1.md', 'unallocated-case');
    expect(found.map((m) => m.message)).toEqual([expect.stringContaining('for 7 days, from 3 February 2025 to 10 February 2025: longer than 5 days')]);
  });

  it('an unresolved gap says how long it has lasted by the latest date the case records', () => {
    const later = `# Case note\n\nDate: 17 March 2025\n\nHome visit. Mia was seen in her room.\n`;
    const root = tempTree({ 'case/note-1.md': LEFT, 'case/note-2.md': later });
    const found = byRule(runJson(['--cases', '*', '.'], root).results, 'note-1.md', 'unallocated-case');
    expect(found.map((m) => m.message)).toEqual([expect.stringContaining('(by 17 March 2025, 42 days without a worker)')]);
  });

  it('a limit that is not a number is a configuration error', () => {
    const root = tempTree({ '.caselintrc.json': JSON.stringify({ rules: { 'unallocated-case': ['warn', { maxDays: 'soon' }] } }), 'a.md': LEFT });
    const r = runCli(['.'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('maxDays');
  });
});

describe('the case chronology', () => {
  it('--chronology writes one row per dated fact of each case, with a header', () => {
    const root = tempTree({ 'reid/pams-report.md': PAMS, 'reid/referral.md': REFERRAL });
    runCli(['--cases', '*', '--chronology', 'chronology.csv', '.'], root);
    const csv = readFileSync(join(root, 'chronology.csv'), 'utf8');
    expect(csv.split('\r\n')).toEqual([
      'case,date,kind,text,document,line',
      'reid,2025-03-03,area met,Feeding: Achieved,reid/pams-report.md,9',
      'reid,2025-03-03,unmet area,Safe sleeping: Unachieved,reid/pams-report.md,10',
      'reid,2025-03-03,unmet area,Budgeting: Unachieved,reid/pams-report.md,11',
      'reid,2025-03-03,unmet area,Home safety: Partially achieved,reid/pams-report.md,12',
      'reid,2025-03-03,deterioration,self-care deteriorated,reid/pams-report.md,14',
      'reid,2025-03-20,verdict (contradicted),passed,reid/referral.md,5',
      'reid,2025-03-20,verdict (contradicted),positive,reid/referral.md,5',
      '',
    ]);
  });

  it('a cell a spreadsheet would run as a formula is written as text', () => {
    const note = `# Case note\n\nDate: 3 February 2025\n\n- Safety: =HYPERLINK("x") not achieved\n`;
    const root = tempTree({ 'a/note.md': note });
    runCli(['--chronology', 'c.csv', '.'], root);
    const csv = readFileSync(join(root, 'c.csv'), 'utf8');
    expect(csv).not.toMatch(/,=/);
  });
});

describe('bad input in a case', () => {
  it('a document that cannot be read gets its own error, and the case is still checked with the rest', () => {
    const root = tempTree({ 'reid/pams-report.md': PAMS, 'reid/referral.md': REFERRAL, 'reid/broken.docx': 'PK\u0003\u0004 not really a zip' });
    const { results } = runJson(['--cases', '*', '.'], root);
    const broken = messagesOf(results, 'broken.docx');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ fatal: true });
    expect(byRule(results, 'referral.md', 'outcome-contradicts-findings').map((m) => m.phrase)).toEqual(['passed', 'positive']);
  });
});

describe('the cache', () => {
  it('a document\'s cached findings hold only while its case records the same', () => {
    const root = tempTree({ 'reid/pams-report.md': PAMS.replace(/\| (Budgeting|Home safety) \| \w[\w ]+ \|/g, '| $1 | Achieved |'), 'reid/referral.md': REFERRAL });
    const first = runJson(['--cache', '--cases', '*', '.'], root);
    expect(byRule(first.results, 'referral.md', 'outcome-contradicts-findings')[0]!.message).toContain('1 area not achieved (Safe sleeping)');
    writeFileSync(join(root, 'reid/pams-report.md'), PAMS);
    const second = runJson(['--cache', '--cases', '*', '.'], root);
    expect(byRule(second.results, 'referral.md', 'outcome-contradicts-findings')[0]!.message).toContain('3 areas not achieved');
  });
});

describe('bounds', () => {
  it('a case larger than the limit is checked document by document, with one notice', async () => {
    await import('@caselint/rules'); // the rule catalogue that configuration is checked against, as the CLI loads it
    const { runBatch } = await import('../../packages/cli/src/batch.js');
    const { loadIgnoreFile, expandTargets } = await import('../../packages/cli/src/files.js');
    const root = tempTree({ 'reid/pams-report.md': PAMS, 'reid/referral.md': REFERRAL, 'reid/note.md': 'Home visit.\n' });
    const targets = await expandTargets(['.'], root, loadIgnoreFile(root));
    const notices: string[] = [];
    const results = await runBatch(targets, {
      jobs: 1, maxFileTime: 0, ignore: true, snippets: false, keepDocxText: false,
      caseRoots: new Set([join(root, 'reid')]), maxCaseDocuments: 2, onNotice: (m) => notices.push(m),
    });
    expect(notices).toEqual([`the case ${join(root, 'reid')} holds 3 documents, more than 2: each is checked on its own, not against the case`]);
    const referral = results.find((r) => r.filePath.endsWith('referral.md'))!;
    expect(referral.findings.map((f) => f.ruleId)).toEqual(['simplistic-outcome', 'simplistic-outcome']);
  });

  it('a folder nested too deep is one error, and the rest is checked', () => {
    const deep = Array.from({ length: 45 }, (_, i) => `d${i}`).join('/');
    const root = tempTree({ [`${deep}/note.md`]: 'Ms Reid passed the PAMS assessment.\n', 'top.md': 'Ms Reid passed the PAMS assessment.\n' });
    const { results } = runJson(['.'], root);
    expect(results.map((r) => [r.filePath.split('/').pop(), r.messages[0]?.message.replace(/^.*?(is nested)/, '$1')])).toEqual([
      ['d40', 'is nested more than 40 folders deep: not searched further'],
      ['top.md', expect.stringContaining('"passed"')],
    ]);
  });
});
