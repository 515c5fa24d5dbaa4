// `npm run serve -w @caselint/word-addin`: dist/ over HTTPS with a self-signed certificate made locally (openssl),
// kept outside the repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function get(port: number, path: string, ca: Buffer): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: 'localhost', port, path, ca }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, type: response.headers['content-type'], body }));
    })
      .on('error', reject)
      .end();
  });
}

describe.skipIf(!hasOpenssl)('serving the add-in', () => {
  const certs = mkdtempSync(join(tmpdir(), 'caselint-certs-'));
  afterAll(() => rmSync(certs, { recursive: true, force: true }));

  it('serves the pane over HTTPS with a certificate it made, trusted as the only CA', async () => {
    process.env.CASELINT_CERT_DIR = certs;
    const { serve } = await import('../../packages/word-addin/serve.mjs');
    const { server, port, certPath } = await serve({ port: 0 });
    try {
      expect(certPath).toBe(join(certs, 'localhost.crt'));
      const { readFileSync } = await import('node:fs');
      const ca = readFileSync(certPath);
      const pane = await get(port, '/taskpane.html', ca);
      expect([pane.status, pane.type]).toEqual([200, 'text/html; charset=utf-8']);
      expect(pane.body).toContain('<script src="office/office.js"></script>');
      expect((await get(port, '/manifest.xml', ca)).status).toBe(200);
      expect((await get(port, '/../package.json', ca)).status).toBe(404);
      expect((await get(port, '/%2e%2e/package.json', ca)).status).toBe(404);
    } finally {
      server.close();
      delete process.env.CASELINT_CERT_DIR;
    }
    expect(existsSync(join(certs, 'localhost.key'))).toBe(true);
  });
});
