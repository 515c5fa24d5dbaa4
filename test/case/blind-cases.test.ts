// Blind sets of case folders (test/fixtures/blind14-cases, and blind17-cases, whose folders also declare themselves a
// case in .caselintrc.json): each folder is one family's documents, checked as one case (--cases), with an
// expected.json of what each document's findings must and must not include. Written by readers of DOMAIN.md alone,
// measured before the rules were changed for them (see docs/accuracy-history.md). `known`: an expectation a reviewer
// left for later, with its reason; it must still fail.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runJson } from '../helpers.js';

type Known = { must?: string; none_of?: string; reason: string };
type Expectation = { must?: string[]; none_of?: string[]; mentions?: Record<string, string[]>; known?: Known[] };

for (const [set, count] of [['blind14-cases', 10], ['blind17-cases', 8]] as const) {
  const DIR = join(ROOT, 'test/fixtures', set);
  const cases = readdirSync(DIR).filter((d) => existsSync(join(DIR, d, 'expected.json'))).sort();

  describe(`blind case folders (${set}), each checked as one case`, () => {
    const { results } = runJson(['--no-progress', '--cases', `${DIR}/*`, DIR]);
    const messagesOf = (path: string) => results.find((r) => resolve(r.filePath) === resolve(path))?.messages;

    it(`has ${count} cases`, () => expect(cases.length).toBe(count));

    for (const c of cases) {
      const expected = JSON.parse(readFileSync(join(DIR, c, 'expected.json'), 'utf8')) as Record<string, Expectation>;
      for (const [file, want] of Object.entries(expected)) {
        it(`${c}/${file}`, () => {
          const messages = messagesOf(join(DIR, c, file));
          expect(messages, 'a result for the document').toBeDefined();
          const fired = (rule: string) => messages!.filter((m) => m.ruleId === rule);
          const known = new Map((want.known ?? []).map((k) => [k.must ?? k.none_of, k]));
          for (const k of want.known ?? []) {
            expect(k.reason.length > 0, 'a known failure gives its reason').toBe(true);
            if (k.must) expect(fired(k.must).length, `known: ${k.must} (${k.reason}) now fires: remove it from "known"`).toBe(0);
            if (k.none_of) expect(fired(k.none_of).length, `known: ${k.none_of} (${k.reason}) no longer fires: remove it from "known"`).toBeGreaterThan(0);
          }
          for (const rule of want.must ?? []) {
            if (known.has(rule)) continue;
            expect(fired(rule).length, `${rule} must fire`).toBeGreaterThan(0);
            for (const t of want.mentions?.[rule] ?? []) expect(fired(rule).some((m) => m.message.toLowerCase().includes(t.toLowerCase())), `${rule} names "${t}"`).toBe(true);
          }
          for (const rule of want.none_of ?? []) {
            if (known.has(rule)) continue;
            expect(fired(rule).map((m) => `${m.line}: ${m.message}`), `${rule} must not fire`).toEqual([]);
          }
        });
      }
    }
  });
}
