// The built task pane (packages/word-addin/dist) in Debian's Chromium, served from 127.0.0.1, with office.js
// replaced by Word made of office-addin-mock objects (fake-word-page.ts): the findings list, clicking a finding,
// "Add comments", and no request leaving 127.0.0.1. Real Word is not available here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter, readDocx, resolveConfig } from '@caselint/core';
import { rules } from '@caselint/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentText, orderFindings } from '../../packages/word-addin/src/word-document.js';
import { ROOT, chromium, launch, servePages, type Browser, type PageServer } from '../browser/browser.js';
import { pamsDocx, wordParagraphsOf } from './documents.js';
import { bundleFakeWord } from './fake.js';
import type { FakeParagraph, WordRecord } from './fake-word.js';

const DIST = join(ROOT, 'packages/word-addin/dist');
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript', css: 'text/css' };
const EARLIER = 'Old wording (simplistic-outcome)';
const THEIRS = 'Check this date with the family (manager)';

describe.skipIf(!chromium)('the task pane in Chromium', () => {
  let browser: Browser;
  let server: PageServer;
  let paragraphs: FakeParagraph[];
  let expectedComments: string[];
  const pageErrors: string[] = [];
  const record = () => browser.page.evaluate(() => (window as unknown as { caselintWordRecord: WordRecord }).caselintWordRecord);

  beforeAll(async () => {
    const bytes = await pamsDocx();
    paragraphs = wordParagraphsOf(bytes);
    expectedComments = orderFindings(new Linter(rules).lint(readDocx(bytes), resolveConfig({}))).map(commentText);
    const officeJs = `window.caselintFakeDocument = ${JSON.stringify({ paragraphs, comments: [EARLIER, THEIRS] })};\n${await bundleFakeWord('iife')}`;
    server = await servePages({}, (name) => {
      if (name === 'office/office.js') return { body: Buffer.from(officeJs), type: TYPES.js! };
      // Under without-office/, the pane as hosted without Office.js beside it.
      const file = /^(?:without-office\/)?(taskpane\.(html|js|css))$/.exec(name);
      return file ? { body: readFileSync(join(DIST, file[1]!)), type: TYPES[file[2]!]! } : undefined;
    });
    browser = await launch();
    // A blocked script or style (the pane's CSP) or an exception shows here.
    browser.page.on('console', (message) => void (message.type() === 'error' && pageErrors.push(message.text())));
    browser.page.on('pageerror', (error) => void pageErrors.push(error.message));
    await browser.page.goto(`${server.origin}/files/taskpane.html`);
    await browser.page.waitForSelector('#findings > li');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the contradiction first, with the unachieved areas', async () => {
    const items = await browser.page.$$eval('#findings .finding', (buttons) =>
      buttons.map((b) => ({ rule: b.getAttribute('data-rule'), phrase: b.querySelector('.phrase')?.textContent, related: [...b.querySelectorAll('.related li')].map((li) => li.textContent) })),
    );
    expect(items[0]).toEqual({
      rule: 'outcome-contradicts-findings',
      phrase: 'passed',
      related: [
        'Health and illness: Unachieved',
        'Safety in the home: Unachieved',
        'Safe sleeping: Unachieved',
        'Budgeting: Unachieved',
        'Deterioration: presentation and self-care deteriorated',
        'Concern: domestic abuse incident',
        'Concern: co-sleeping or bed-sharing seen',
      ],
    });
    expect(items.map((i) => i.rule)).toEqual(['outcome-contradicts-findings', 'outcome-contradicts-findings', 'outcome-contradicts-findings', 'co-sleeping-plan', 'transition-planning', 'risk-assessment']);
    expect(await browser.page.textContent('#status')).toBe('6 findings. Select one to show it in the document.');
  });

  it('selects the phrase in the document when a finding is clicked', async () => {
    await browser.page.click('#findings li:first-child .finding');
    await browser.page.waitForFunction(() => (window as unknown as { caselintWordRecord: WordRecord }).caselintWordRecord.selected.length > 0);
    const conclusion = paragraphs.findIndex((p) => p.text.startsWith('Ms Carter has passed the assessment.'));
    expect((await record()).selected).toEqual([{ paragraph: conclusion, text: 'passed', offset: 'Ms Carter has '.length }]);
  });

  it('adds one comment per finding, replacing caselint’s earlier comment and keeping the others', async () => {
    await browser.page.click('#add-comments');
    await browser.page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('Added'));
    expect(await browser.page.textContent('#status')).toBe('Added 6 comments, replacing 1 earlier caselint comment.');
    const { inserted, deleted, comments } = await record();
    expect(deleted).toEqual([EARLIER]);
    expect(inserted.map((c) => c.comment)).toEqual(expectedComments);
    expect(inserted[0]!.comment.split('\n').slice(0, 3)).toEqual([
      '"passed" contradicts what this document records: 4 areas not achieved (Health and illness, Safety in the home, Safe sleeping, Budgeting), deterioration (presentation and self-care deteriorated) and other concerns (domestic abuse incident; co-sleeping or bed-sharing seen). Say what was and was not achieved, and what the plan does about each. (outcome-contradicts-findings)',
      'How to fix: Replace the verdict with what the document records: name the areas not achieved and the deterioration, and say what the plan does about each.',
      'See also:',
    ]);
    expect(inserted.map((c) => c.text)).toEqual(['passed', 'positive', 'engaging well', "in Ms Carter's bed", 'move to', 'mother and baby foster placement']);
    expect(comments).toEqual([THEIRS, ...expectedComments]);
  });

  it('runs under its content security policy without an error', () => {
    expect(pageErrors).toEqual([]);
  });

  it('says where Office.js should be when it is not beside the pane', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/files/without-office/taskpane.html`);
    await page.waitForFunction(() => document.getElementById('status')!.textContent !== 'Loading…');
    expect(await page.textContent('#status')).toBe('Office.js was not found beside the pane (office/office.js): see “In Word” in caselint’s README.');
    await page.close();
  });

  it('asks for nothing beyond 127.0.0.1', () => {
    expect(browser.requests.length).toBeGreaterThanOrEqual(4);
    expect(browser.requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
  });
});
