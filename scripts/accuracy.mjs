#!/usr/bin/env node
// Accuracy on published text, reproducible: the built engine on the labelled real sentences
// (test/fixtures/real-sentences.json), precision and recall with the held-out sets and the development sets apart.
// A sentence counts as flagged when a verdict rule (simplistic-outcome, unevidenced-reassurance,
// outcome-contradicts-findings) reports anything in it, as in ../shared/tools/sentence-accuracy.mjs.
//
// Held-out sentences are counted, never printed: --misses and --false-alarms list development sentences only, so
// that reading them cannot tune the engine to the sets that measure it.
//
//   npm run accuracy                         held out, development, all
//   npm run accuracy -- --by set             one row per set (or --by genre)
//   npm run accuracy -- --config .caselintrc a local authority's configuration (its terms, its rules)
//   npm run accuracy -- --misses             development verdicts not found (--false-alarms: clean ones flagged)
//   npm run accuracy -- --json               the figures as JSON
//   npm run accuracy -- --file other.json    another labelled set: [{ id, text, expect: flag|clean, set?, split?, genre? }]
//   npm run accuracy -- --passages           the contradiction rule on the labelled real passages
//                                            (test/fixtures/real-passages.json: expect contradiction|none), the same way
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    passages: { type: 'boolean', default: false },
    config: { type: 'string' },
    by: { type: 'string' },
    misses: { type: 'boolean', default: false },
    'false-alarms': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
if (values.by && !['set', 'genre'].includes(values.by)) {
  console.error(`caselint accuracy: --by takes "set" or "genre", not "${values.by}"`);
  process.exit(2);
}

// Sentences are checked by the verdict rules and labelled flag or clean; passages, read as one document each, by the
// contradiction rule and labelled contradiction or none.
const kind = values.passages
  ? { file: 'test/fixtures/real-passages.json', unit: 'passages', positive: 'contradiction', negative: 'none', positives: 'contradictions' }
  : { file: 'test/fixtures/real-sentences.json', unit: 'sentences', positive: 'flag', negative: 'clean', positives: 'verdicts' };
values.file ??= join(root, kind.file);

let core, rules, VERDICT_RULES;
try {
  core = await import('@caselint/core');
  ({ rules, VERDICT_RULES } = await import('@caselint/rules'));
} catch {
  console.error('caselint accuracy: the engine is not built; run `npm run build` first');
  process.exit(2);
}

let cases;
try {
  cases = JSON.parse(readFileSync(values.file, 'utf8'));
  if (!Array.isArray(cases) || cases.some((c) => typeof c?.text !== 'string' || ![kind.positive, kind.negative].includes(c.expect))) {
    throw new Error(`not a list of { text, expect: "${kind.positive}" | "${kind.negative}" }`);
  }
} catch (e) {
  console.error(`caselint accuracy: ${values.file}: ${e instanceof Error ? e.message : e}`);
  process.exit(2);
}

let config;
try {
  config = values.config ? core.loadConfig(values.config, { configFile: values.config }) : core.defaultConfig();
} catch (e) {
  console.error(`caselint accuracy: ${e instanceof Error ? e.message : e}`);
  process.exit(2);
}

const heldOut = (c) => c.split === 'held-out';
const linter = new core.Linter(rules);
const counted = values.passages ? new Set(['outcome-contradicts-findings']) : VERDICT_RULES;
const groups = new Map();
const count = (name, c, hit) => {
  const g = groups.get(name) ?? { name, sentences: 0, verdicts: 0, found: 0, falseAlarms: 0 };
  groups.set(name, g);
  g.sentences++;
  if (c.expect === kind.positive) {
    g.verdicts++;
    if (hit) g.found++;
  } else if (hit) g.falseAlarms++;
};
const listed = [];
for (const c of cases) {
  const findings = linter.lint(core.parseDocument(`${c.text}\n`, 'text'), config).filter((f) => counted.has(f.ruleId));
  const hit = findings.length > 0;
  const split = heldOut(c) ? 'held out' : 'development';
  count(split, c, hit);
  count('all', c, hit);
  if (values.by === 'set') count(`set ${c.set ?? '-'} (${split})`, c, hit);
  if (values.by === 'genre') count(`${split}: ${c.genre ?? 'unknown'}`, c, hit);
  if (heldOut(c)) continue;
  const text = c.text.replace(/\n/g, ' / ');
  if (values.misses && c.expect === kind.positive && !hit) listed.push(`miss  ${c.id ?? ''}  ${text}`);
  if (values['false-alarms'] && c.expect === kind.negative && hit) listed.push(`false alarm  ${c.id ?? ''}  ${text}  => ${findings.map((f) => `${f.ruleId}: "${f.phrase}"`).join('; ')}`);
}

const ratio = (a, b) => (b === 0 ? null : a / b);
const rows = [...groups.values()].map((g) => ({ ...g, precision: ratio(g.found, g.found + g.falseAlarms), recall: ratio(g.found, g.verdicts) }));
const order = (name) => (name === 'held out' ? 0 : name === 'development' ? 1 : name === 'all' ? 2 : 3);
const setNumber = (name) => Number(/^set (\d+)/.exec(name)?.[1] ?? Infinity);
rows.sort((a, b) => order(a.name) - order(b.name) || setNumber(a.name) - setNumber(b.name) || a.name.localeCompare(b.name));

if (values.json) {
  console.log(JSON.stringify({ file: values.file, config: values.config ?? null, groups: rows }, null, 2));
} else {
  const fmt = (x) => (x === null ? '-' : x.toFixed(3));
  const table = [['', kind.unit, kind.positives, 'found', 'false alarms', 'precision', 'recall'], ...rows.map((r) => [r.name, r.sentences, r.verdicts, r.found, r.falseAlarms, fmt(r.precision), fmt(r.recall)].map(String))];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
  if (listed.length) console.log(`\n${listed.join('\n')}`);
}
