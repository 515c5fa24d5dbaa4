// One harness for every rule's cases: each rule folder's cases.yaml lists documents that must and must not be flagged.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig, Linter, parseDocument } from '@caselint/core';
import { rules } from '@caselint/rules';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Case = string | { text: string; format?: 'text' | 'markdown'; mentions?: string[] };
const here = fileURLToPath(new URL('.', import.meta.url));
const linter = new Linter(rules);
const config = defaultConfig();

const folders = readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'rule.ts')));

describe('rule catalogue', () => {
  it('has a folder with rule.ts, README.md and cases.yaml for every rule, and no rule without a folder', () => {
    expect(folders.map((f) => f.name).sort()).toEqual(rules.map((r) => r.meta.id).sort());
    for (const f of folders) {
      expect(existsSync(join(here, f.name, 'README.md')), `${f.name}/README.md`).toBe(true);
      expect(existsSync(join(here, f.name, 'cases.yaml')), `${f.name}/cases.yaml`).toBe(true);
    }
  });
});

for (const folder of folders) {
  const id = folder.name;
  const cases = parse(readFileSync(join(here, id, 'cases.yaml'), 'utf8')) as { flag: Case[]; clean: Case[] };
  const run = (c: Case) => {
    const { text, format = 'text' } = typeof c === 'string' ? { text: c } : c;
    return linter.lint(parseDocument(text, format), config).filter((f) => f.ruleId === id);
  };
  const label = (c: Case) => (typeof c === 'string' ? c : c.text).trim().split('\n').pop()!.slice(0, 90);
  describe(id, () => {
    it('has at least two cases that must flag and two that must not', () => {
      expect(cases.flag.length).toBeGreaterThanOrEqual(2);
      expect(cases.clean.length).toBeGreaterThanOrEqual(2);
    });
    for (const c of cases.flag) {
      it(`flags: ${label(c)}`, () => {
        const found = run(c);
        expect(found.length, 'expected a finding').toBeGreaterThan(0);
        for (const m of typeof c === 'string' ? [] : (c.mentions ?? [])) {
          expect(found.some((f) => f.message.toLowerCase().includes(m.toLowerCase())), `message names "${m}"`).toBe(true);
        }
        for (const f of found) {
          expect(f.message).not.toMatch(/\{\{/);
          expect(f.line).toBeGreaterThan(0);
        }
      });
    }
    for (const c of cases.clean) {
      it(`leaves clean: ${label(c)}`, () => {
        expect(run(c).map((f) => f.message)).toEqual([]);
      });
    }
  });
}
