// A real editor client: Neovim's built-in LSP client, headless, against the real server.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SERVER_BIN } from './lsp-session.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const nvimVersion = nvim.status === 0 ? nvim.stdout.split('\n')[0] : undefined;
const REPORT = resolve(REPO_ROOT, '../shared/corpus/reports/pams-summary-passed.md');

interface NeovimResult {
  published: { uri: string; version?: number; diagnostics: { code?: string; severity?: number; range: { start: { line: number } }; relatedInformation?: { message: string }[] }[] }[];
  shown: { lnum: number; severity: number; message: string; source?: string; related: number }[];
  errors: string[];
  filetype: string;
  first_ok: boolean;
  after_edit_ok: boolean;
  hover?: string;
  actions?: string[];
}

describe.skipIf(!nvimVersion)(`Neovim's LSP client (${nvimVersion ?? 'nvim not installed: apt-get install neovim'})`, () => {
  it('opens the example report, shows caselint diagnostics, and follows an edit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caselint-nvim-'));
    try {
      const out = join(dir, 'result.json');
      const run = spawnSync('nvim', ['--headless', '--clean', '-u', resolve(import.meta.dirname, 'nvim-init.lua')], {
        cwd: REPO_ROOT,
        env: { ...process.env, CASELINT_LS_BIN: SERVER_BIN, CASELINT_REPORT: REPORT, CASELINT_OUT: out, CASELINT_NODE: process.execPath },
        timeout: 90_000,
        encoding: 'utf8',
      });
      expect(run.error, run.stderr).toBeUndefined();
      const result = JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
      expect(result.errors).toEqual([]);
      expect(result.filetype).toBe('markdown');
      expect(result.first_ok).toBe(true);

      const first = result.published[0]!;
      const contradiction = first.diagnostics.find((d) => d.code === 'outcome-contradicts-findings');
      expect(contradiction?.severity).toBe(1);
      const related = (contradiction?.relatedInformation ?? []).map((r) => r.message).join(' | ');
      for (const area of ['Health and illness', 'Safety in the home', 'Safe sleeping', 'Budgeting']) expect(related).toContain(area);

      // Neovim displays them.
      expect(result.shown.some((d) => d.severity === 1 && d.source === 'caselint')).toBe(true);
      // The unmet areas travel with the diagnostic Neovim keeps (user_data.lsp.relatedInformation).
      expect(result.shown.some((d) => d.related >= 4)).toBe(true);
      expect(result.hover).toContain('outcome-contradicts-findings');
      expect(result.actions).toContain('Disable outcome-contradicts-findings for this line');

      // After inserting two lines at the top, the contradiction is published two lines lower.
      expect(result.after_edit_ok).toBe(true);
      const last = result.published.at(-1)!;
      expect(last.version).toBeGreaterThan(first.version ?? 0);
      const moved = last.diagnostics.find((d) => d.code === 'outcome-contradicts-findings');
      expect(moved!.range.start.line).toBe(contradiction!.range.start.line + 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
