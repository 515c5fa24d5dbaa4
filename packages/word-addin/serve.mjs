// Serves dist/ over HTTPS on localhost for trying the add-in (sideloading): `npm run serve -w @caselint/word-addin`.
// The certificate is self-signed, made here with Debian's openssl on first use and kept under
// ~/.caselint/word-addin-certs (never in the repository). Office.js is the council's copy: put it in dist/office/
// or name its folder with CASELINT_OFFICE_JS_DIR. Options: PORT (default 3000), CASELINT_CERT_DIR.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { homedir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml' };

/** A self-signed certificate for localhost and 127.0.0.1, made once in `folder`. */
export function localCertificate(folder = process.env.CASELINT_CERT_DIR ?? join(homedir(), '.caselint', 'word-addin-certs')) {
  const key = join(folder, 'localhost.key');
  const cert = join(folder, 'localhost.crt');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '825', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert), certPath: cert };
}

/** The file under `root` a URL path names, or undefined (outside root, or not a file). */
function fileFor(root, urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

export function serve({ port = Number(process.env.PORT ?? 3000), dist = join(here, 'dist'), officeJs = process.env.CASELINT_OFFICE_JS_DIR } = {}) {
  const { key, cert, certPath } = localCertificate();
  const server = createServer({ key, cert }, (request, response) => {
    const path = new URL(request.url ?? '/', 'https://localhost').pathname;
    const file = officeJs && path.startsWith('/office/') ? fileFor(officeJs, path.slice('/office'.length)) : fileFor(dist, path === '/' ? '/taskpane.html' : path);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(port, 'localhost', () => resolve({ server, port: server.address().port, certPath })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { port, certPath } = await serve();
  console.log(`caselint Word add-in: https://localhost:${port}/taskpane.html (manifest: dist/manifest.xml; certificate to trust: ${certPath})`);
}
