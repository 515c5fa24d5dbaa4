// Real rich-text editors, installed from npm and served from 127.0.0.1 with the extension loaded: CKEditor 5 (a
// contenteditable element in the page) and TinyMCE (an iframe whose body is contenteditable). Marks appear, the count
// attribute is on the editable element, and the editor's data (what the site saves) holds nothing of caselint's.
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT, EXTENSION_DIST, ROOT, chromium, launch, markRules, servePages, type Browser, type PageServer } from './browser.js';

const TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css', json: 'application/json', woff2: 'font/woff2', svg: 'image/svg+xml' };

/** Files of the two editors' npm packages, and nothing else. */
function editorFile(name: string): { body: Buffer; type: string } | undefined {
  const path = normalize(name);
  if (!/^(?:ckeditor5|tinymce)\//.test(path)) return undefined;
  try {
    return { body: readFileSync(join(ROOT, 'node_modules', path)), type: TYPES[path.split('.').pop()!] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}

const PAGES = {
  '/ckeditor5': `<!doctype html><title>CKEditor 5</title>
<link rel="stylesheet" href="/files/ckeditor5/dist/browser/ckeditor5.css">
<div id="editor"></div>
<script src="/files/ckeditor5/dist/browser/ckeditor5.umd.js"></script>
<script>
  const { ClassicEditor, Essentials, Paragraph } = CKEDITOR;
  ClassicEditor.create(document.querySelector('#editor'), { licenseKey: 'GPL', plugins: [Essentials, Paragraph], toolbar: [] }).then((editor) => (window.editor = editor));
</script>`,
  '/tinymce': `<!doctype html><title>TinyMCE</title>
<textarea id="tiny"></textarea>
<script src="/files/tinymce/tinymce.min.js"></script>
<script>
  tinymce.init({ selector: '#tiny', license_key: 'gpl', menubar: false, toolbar: false, statusbar: false, promotion: false, branding: false, height: 400 })
    .then(([editor]) => (window.editor = editor));
</script>`,
};

const poll = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 10_000 });

describe.skipIf(!chromium)('rich-text editors with the extension', () => {
  let browser: Browser;
  let server: PageServer;
  beforeAll(async () => {
    server = await servePages(PAGES, editorFile);
    browser = await launch({ extension: EXTENSION_DIST });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('CKEditor 5: a typed verdict is marked, and the editor\'s data is the text typed', async () => {
    const { page } = browser;
    await page.goto(`${server.origin}/ckeditor5`);
    await page.waitForFunction(() => 'editor' in window);
    const editable = page.locator('.ck-editor__editable[contenteditable="true"]');
    await editable.click();
    await page.keyboard.type('Ms Carter has passed the assessment.');
    await poll(() => editable.getAttribute(COUNT)).toBe('1');
    expect(await markRules(page)).toEqual(['simplistic-outcome']);
    expect(await page.evaluate(() => (window as unknown as { editor: { getData(): string } }).editor.getData())).toBe('<p>Ms Carter has passed the assessment.</p>');
  });

  it('TinyMCE: a typed reassurance in the iframe editor is marked there, and the editor\'s content is the text typed', async () => {
    const { page } = browser;
    await page.goto(`${server.origin}/tinymce`);
    await page.waitForFunction(() => 'editor' in window);
    await page.frameLocator('#tiny_ifr').locator('body').click();
    await page.keyboard.type('Home visit completed. No concerns.');
    const frame = (await (await page.$('#tiny_ifr'))!.contentFrame())!;
    await poll(() => frame.getAttribute('body', COUNT)).toBe('1');
    expect(await markRules(frame)).toEqual(['unevidenced-reassurance']);
    expect(await page.evaluate(() => (window as unknown as { editor: { getContent(): string } }).editor.getContent())).toBe('<p>Home visit completed. No concerns.</p>');
  });

  it('the editors made no request beyond 127.0.0.1', () => {
    const foreign = browser.requests.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith('chrome-extension://') && !url.startsWith('about:') && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});
