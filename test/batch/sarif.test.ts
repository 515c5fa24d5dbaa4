import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { built, caselint, copyCorpus, tempDir, write } from './helpers.js';
import { sarifProblems } from './sarif-shape.js';

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region };
}
interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: (SarifLocation & { id: number; message: { text: string } })[];
}
interface SarifRun {
  tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
  originalUriBaseIds: Record<string, { uri: string }>;
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string }; descriptor: { id: string } }[] }[];
  results: SarifResult[];
}

describe.skipIf(!built)('--format sarif', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir('sarif');
    copyCorpus(join(dir, 'reports'));
    write(join(dir, 'reports', 'image.txt'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  });

  it('is structurally valid SARIF 2.1.0 with rules, regions and related locations', async () => {
    const run = await caselint(dir, ['-f', 'sarif', '--jobs', '2', 'reports']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: SarifRun[] };
    expect(sarifProblems(log)).toEqual([]);
    const r = log.runs[0]!;
    expect(r.tool.driver.name).toBe('caselint');
    const ids = r.tool.driver.rules.map((x) => x.id);
    expect(ids).toContain('outcome-contradicts-findings');
    expect(r.tool.driver.rules.find((x) => x.id === 'outcome-contradicts-findings')!.defaultConfiguration.level).toBe('error');

    // Regions point at the flagged phrase (UTF-16 columns, end exclusive), relative to SRCROOT = the working folder.
    expect(r.originalUriBaseIds.SRCROOT!.uri).toBe(`file://${dir}/`);
    const json = JSON.parse((await caselint(dir, ['-f', 'json', 'reports'])).stdout) as { filePath: string; messages: { ruleId: string; phrase: string; line: number }[] }[];
    const phrases = json.flatMap((f) => f.messages.filter((m) => m.ruleId).map((m) => m.phrase));
    expect(r.results).toHaveLength(phrases.length);
    for (const res of r.results) {
      const loc = res.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe('SRCROOT');
      const lines = readFileSync(join(dir, decodeURIComponent(loc.artifactLocation.uri)), 'utf8').split('\n');
      const { startLine, startColumn, endLine, endColumn } = loc.region;
      if (startLine === endLine) expect(phrases).toContain(lines[startLine - 1]!.slice(startColumn - 1, endColumn - 1));
    }

    const contradiction = r.results.find((x) => x.ruleId === 'outcome-contradicts-findings' && x.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('pams-summary-passed.md'))!;
    expect(contradiction.level).toBe('error');
    expect(contradiction.relatedLocations!.map((x) => x.message.text)).toEqual(expect.arrayContaining(['Health and illness: Unachieved', 'Safe sleeping: Unachieved', 'Budgeting: Unachieved']));
    const related = contradiction.relatedLocations!.find((x) => x.message.text === 'Safe sleeping: Unachieved')!;
    expect(related.physicalLocation.region.startLine).toBe(20);

    // The binary file is a notification, not a result; the run still succeeded.
    const inv = r.invocations[0]!;
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.toolExecutionNotifications).toHaveLength(1);
    expect(inv.toolExecutionNotifications[0]!.descriptor.id).toBe('binary');
    expect(inv.toolExecutionNotifications[0]!.message.text).toMatch(/image\.txt is a binary file/);
  });

  it('marks the invocation unsuccessful, and exits 2, when nothing could be checked', async () => {
    const run = await caselint(dir, ['-f', 'sarif', 'reports/image.txt', 'reports/missing.txt']);
    expect(run.code).toBe(2);
    const log = JSON.parse(run.stdout) as { runs: SarifRun[] };
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => n.descriptor.id)).toEqual(['binary', 'not-found']);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('writes the log atomically with --output', async () => {
    const run = await caselint(dir, ['-f', 'sarif', '-o', 'reports', 'reports']);
    expect(run.code).toBe(2); // the output is a folder: a clear error, and the folder is untouched
    expect(run.stderr).toMatch(/cannot write reports/);
    const ok = await caselint(dir, ['-f', 'sarif', '-o', 'out/nightly/caselint.sarif', 'reports']);
    expect(ok.code).toBe(1);
    expect(ok.stdout).toBe('');
    expect(sarifProblems(JSON.parse(readFileSync(join(dir, 'out/nightly/caselint.sarif'), 'utf8')))).toEqual([]);
    expect(readdirSync(join(dir, 'out/nightly'))).toEqual(['caselint.sarif']); // no temporary file left behind
  });
});
