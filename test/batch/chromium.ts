import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Debian's chromium (installed by .ci/run), or undefined. */
export const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Flags for a quiet, offline, throwaway headless Chromium. */
function flags(profile: string): string[] {
  return [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-extensions', '--disable-dev-shm-usage', `--user-data-dir=${profile}`,
  ];
}

function runChromium(args: string[]): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'caselint-chromium-'));
  return new Promise((resolve, reject) => {
    execFile(chromium!, [...flags(profile), ...args], { timeout: 60_000, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr.slice(-2000)}`));
      else resolve(stdout);
    });
  });
}

/** The DOM after the page has loaded and its scripts have run, serialised. */
export function dumpDom(file: string): Promise<string> {
  return runChromium(['--virtual-time-budget=2000', '--dump-dom', pathToFileURL(file).href]);
}

export async function screenshot(file: string, png: string, size = '1200,2000'): Promise<void> {
  await runChromium([`--window-size=${size}`, `--screenshot=${png}`, pathToFileURL(file).href]);
}
