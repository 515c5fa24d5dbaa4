import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unifiedCaselint } from '@caselint/core';
import { rules } from '@caselint/rules';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../helpers.js';

describe('unified plugin', () => {
  it('adds caselint findings to a vfile as vfile-messages that vfile-reporter prints', async () => {
    const path = join(CORPUS, 'reports/pams-summary-passed.md');
    const file = new VFile({ path, value: readFileSync(path, 'utf8') });
    const processor = unified().use(remarkParse).use(() => unifiedCaselint({ rules }));
    await processor.run(processor.parse(file), file);
    const contradiction = file.messages.find((m) => m.ruleId === 'outcome-contradicts-findings')!;
    expect(contradiction).toMatchObject({ source: 'caselint', fatal: true, actual: 'passed', line: 35, column: 15 });
    expect(contradiction.reason).toContain('Safe sleeping');
    expect(contradiction.note).toMatch(/travelled/);
    expect(file.messages.some((m) => m.ruleId === 'co-sleeping-plan' && m.fatal === false)).toBe(true);
    expect(reporter([file])).toMatch(/35:15-35:21\s+error\s+.*outcome-contradicts-findings\s+caselint/);
  });
});
