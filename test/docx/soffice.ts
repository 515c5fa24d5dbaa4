// Runs LibreOffice headless with a throwaway profile, so tests never touch a real user's settings.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function hasSoffice(): Promise<boolean> {
  try {
    await run('soffice', ['--version'], { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** Convert `file` (or several files, in one run of LibreOffice) with soffice --convert-to into `outDir`. */
export async function convert(file: string | string[], to: string, outDir: string): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'caselint-soffice-'));
  await run(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(join(home, 'profile')).href}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, ...[file].flat()],
    { timeout: 120_000, env: { ...process.env, HOME: home } },
  );
}
