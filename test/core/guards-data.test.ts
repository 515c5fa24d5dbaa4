// Guards are data (context.yaml, frames.yaml and facts.yaml `guards`, each rule's patterns.yaml `guards`): what keeps a match from
// being a verdict or a fact. The build checks each guard's examples; this test checks the compiled guards the code
// runs against the same examples (so the generated code is the data), and that the code reads every guard the data
// defines and no other (a guard no code reads is dead knowledge; one the data lacks fails at load time).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTEXT_GUARDS, FACT_GUARDS, FRAME_GUARDS } from '../../packages/core/src/knowledge/knowledge.generated.js';
import { guardsOf } from '../../packages/core/src/knowledge/patterns.js';
import { ROOT } from '../helpers.js';

interface Guard { note: string; on?: 'text'; flags?: string; match?: string[]; no_match?: string[] }
type Compiled = Record<string, { source: string; flags: string }>;

// Each rule's compiled guards, found the way the rules are: by folder.
const RULE_GUARDS = import.meta.glob<{ GUARDS: Compiled }>('../../rules/*/patterns.generated.ts', { eager: true });
const rules = readdirSync(join(ROOT, 'rules'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'rules', d.name, 'patterns.yaml')))
  .map((d) => d.name);

const files: { data: string; code: string | string[]; compiled: () => Promise<Compiled> }[] = [
  { data: 'packages/core/data/context.yaml', code: 'packages/core/src/language/context.ts', compiled: async () => CONTEXT_GUARDS },
  { data: 'packages/core/data/frames.yaml', code: 'packages/core/src/language/frames.ts', compiled: async () => FRAME_GUARDS },
  { data: 'packages/core/data/facts.yaml', code: ['packages/core/src/facts/prose.ts', 'packages/core/src/facts/history.ts', 'packages/core/src/facts/status.ts', 'packages/core/src/facts/tables.ts'], compiled: async () => FACT_GUARDS },
  ...rules.map((id) => ({
    data: `rules/${id}/patterns.yaml`,
    code: `rules/${id}/rule.ts`,
    compiled: async () => RULE_GUARDS[`../../rules/${id}/patterns.generated.ts`]!.GUARDS,
  })),
];

for (const f of files) {
  const guards = ((parse(readFileSync(join(ROOT, f.data), 'utf8')) as { guards?: Record<string, Guard> }).guards ?? {}) as Record<string, Guard>;
  if (Object.keys(guards).length === 0) continue;
  describe(`guards of ${f.data}`, () => {
    it('are each read by the code, and the code reads no other', () => {
      const code = [f.code].flat().map((c) => readFileSync(join(ROOT, c), 'utf8')).join('\n');
      const read = new Set([...code.matchAll(/\bguard\('([a-z_]+)'\)/g)].map((m) => m[1]!));
      expect([...read].sort()).toEqual(Object.keys(guards).sort());
    });
    for (const [name, g] of Object.entries(guards)) {
      it(`${name}: matches exactly its marked examples, and none of its no_match ones`, async () => {
        const re = guardsOf(await f.compiled(), f.data)(name);
        const read = (s: string) => (g.on === 'text' || re.flags.includes('i') ? s : s.toLowerCase());
        for (const ex of g.match ?? []) {
          const at = ex.indexOf('[');
          const phrase = ex.slice(at + 1, ex.indexOf(']'));
          const text = read(ex.replace(/[[\]]/g, ''));
          const all = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
          const spans = [...text.matchAll(all)].map((m) => [m.index, m[0].length]);
          expect(spans, ex).toContainEqual([at, phrase.length]);
        }
        for (const ex of g.no_match ?? []) expect(new RegExp(re.source, re.flags.replace('g', '')).test(read(ex)), ex).toBe(false);
      });
    }
  });
}

describe('guardsOf', () => {
  it('refuses a guard the data does not define, when the code loads', () => {
    expect(() => guardsOf({}, 'context.yaml')('nonesuch')).toThrow('context.yaml has no guard "nonesuch"');
  });
});

describe('lexicon.yaml', () => {
  // A list no data file and no code reads is knowledge that does nothing: an author who extends it is misled.
  it('has no list that nothing reads', () => {
    const lexicon = parse(readFileSync(join(ROOT, 'packages/core/data/lexicon.yaml'), 'utf8')) as Record<string, string[]>;
    const lexiconTs = readFileSync(join(ROOT, 'packages/core/src/language/lexicon.ts'), 'utf8');
    const data = ['packages/core/data/context.yaml', 'packages/core/data/frames.yaml', 'packages/core/data/facts.yaml', ...rules.map((id) => `rules/${id}/patterns.yaml`)]
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    const code = [...readdirSync(join(ROOT, 'packages/core/src'), { recursive: true, encoding: 'utf8' }).map((f) => `packages/core/src/${f}`), ...rules.map((id) => `rules/${id}/rule.ts`)]
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.generated.ts') && !f.endsWith('/lexicon.ts'))
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    const unread = Object.keys(lexicon).filter((name) => {
      if (data.includes(`{${name}}`) || data.includes(`{@${name}}`)) return false;
      if (new RegExp(`\\blists\\.${name}\\b|LEXICON\\.${name}\\b`).test(code)) return false;
      // Read through lexicon.ts's constant for it, which some module imports.
      const constant = new RegExp(`export const (\\w+) = LEXICON\\.${name};`).exec(lexiconTs)?.[1];
      return !(constant && new RegExp(`\\b${constant}\\b`).test(code));
    });
    expect(unread).toEqual([]);
  });
});
