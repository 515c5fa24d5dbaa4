#!/usr/bin/env node
// Compiles caselint's linguistic knowledge from data to code, and checks the data while it does.
//
//   packages/core/data/evaluation.yaml  -> the evaluation word classes (AFINN-165 + the domain's own words)
//   packages/core/data/frames.yaml      -> verdict frames: regular expressions with derived gates
//   packages/core/data/lexicon.yaml     -> the shared word lists the language context reads
//
// Output: packages/core/src/knowledge/knowledge.generated.ts (not committed; `npm run build` writes it).
// Any problem in the data (an unknown {name}, a pattern that does not compile, a frame without a `v` group,
// a frame whose gate cannot be derived, an example without its [marked] phrase) stops the build with a
// message naming the file and the entry.
import { existsSync, readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'packages/core/data');
const out = join(root, 'packages/core/src/knowledge/knowledge.generated.ts');
const require = createRequire(join(root, 'packages/core/package.json'));

// The compiler is core's own TypeScript module, run here through esbuild, so build and runtime share one implementation.
const esbuild = await import('esbuild');
const bundle = await esbuild.build({
  entryPoints: [join(root, 'packages/core/src/knowledge/compile.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'silent',
  absWorkingDir: join(root, 'packages/core'),
});
const compiler = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const problems = [];
const fail = (file, entry, problem) => problems.push(`${file}: ${entry}: ${problem}`);

function load(name) {
  try {
    return parse(readFileSync(join(data, name), 'utf8'));
  } catch (e) {
    console.error(`caselint knowledge: error in ${name}: ${e.message.split('\n')[0]}`);
    process.exit(1);
  }
}

// ---- Evaluation words ----
const evaluation = load('evaluation.yaml');
const { afinn165 } = await import(pathToFileURL(require.resolve('afinn-165')).href);
const nlp = require('compromise');
const wanted = new Set(evaluation.afinn.parts_of_speech);
const remove = new Set(evaluation.remove ?? []);
const positive = new Set();
const negative = new Set();
for (const [word, score] of Object.entries(afinn165)) {
  if (Math.abs(score) < evaluation.afinn.minimum || word.includes(' ') || remove.has(word)) continue;
  const tags = nlp(word).json()[0]?.terms[0]?.tags ?? [];
  if (!tags.some((t) => wanted.has(t))) continue;
  (score > 0 ? positive : negative).add(word);
}
for (const w of evaluation.add?.positive ?? []) {
  if (negative.has(w)) fail('evaluation.yaml', w, 'is listed as positive but AFINN rates it negative');
  positive.add(w);
}
for (const w of evaluation.add?.negative ?? []) {
  if (positive.has(w)) fail('evaluation.yaml', w, 'is listed as negative but AFINN rates it positive');
  negative.add(w);
}
for (const w of remove) if (!(w in afinn165)) fail('evaluation.yaml', `remove: ${w}`, 'is not an AFINN-165 word (nothing to remove)');

// ---- Shared lexicon ----
const lexicon = load('lexicon.yaml');
for (const [name, list] of Object.entries(lexicon)) {
  if (!Array.isArray(list) || list.some((w) => typeof w !== 'string' || !w.trim())) fail('lexicon.yaml', name, 'must be a list of words or phrases');
}

// ---- Frames ----
const frames = load('frames.yaml');
// Frames judge with the positive words and the domain's own negative verdicts; AFINN's other negative words
// ("neglected", "injured") mostly record what happened rather than judge, and only set a claim's polarity.
const domainNegative = [...new Set(evaluation.add?.negative ?? [])];
const classes = { ...frames.classes, evaluation: [...positive, ...domainNegative].sort(), evaluation_positive: [...positive].sort(), evaluation_negative: [...negative].sort() };
// A person can be summed up with any evaluation word as well as the words person_evaluation lists for people.
frames.classes.person_evaluation = [...new Set([...classes.evaluation, ...(frames.classes.person_evaluation ?? [])])].sort();
classes.person_evaluation = frames.classes.person_evaluation;
const fragments = frames.fragments ?? {};
const KNOWN_KEYS = new Set(['id', 'name', 'pattern', 'examples', 'polarity']);
const compiled = [];
const ids = new Set();
/** The classes some frame reads word by word ({@name}). */
const tokenClassNames = new Set();
for (const f of frames.frames ?? []) {
  const where = f.id ?? '(a frame without an id)';
  for (const k of Object.keys(f)) if (!KNOWN_KEYS.has(k)) fail('frames.yaml', where, `unknown key "${k}" (known: ${[...KNOWN_KEYS].join(', ')})`);
  if (!f.id || ids.has(f.id)) fail('frames.yaml', where, 'needs a unique id');
  ids.add(f.id);
  let source;
  try {
    source = compiler.expand(f.pattern, classes, fragments);
    const re = new RegExp(source, 'dg');
    if (!/\(\?<v>/.test(source)) fail('frames.yaml', where, 'marks no verdict: the pattern needs a group (?<v>...)');
    void re;
  } catch (e) {
    fail('frames.yaml', where, e.message);
    continue;
  }
  const tokens = [...compiler.tokenClasses(f.pattern, fragments)];
  if (tokens.length > 1) fail('frames.yaml', where, `checks words against more than one class (${tokens.join(', ')}); use one {@class} per frame`);
  if (tokens.length && !/\(\?<e>/.test(source)) fail('frames.yaml', where, `checks words against {@${tokens[0]}} but marks them with no group (?<e>...)`);
  for (const name of tokens) tokenClassNames.add(name);
  // A frame that checks words against a class is gated by the class itself (any of its words in the sentence), and
  // also by the literals the rest of its pattern requires ("experience", a linking verb), where it requires some.
  const gate = tokens.length
    ? (compiler.gateLiterals(compiler.expand(f.pattern, classes, fragments, [], compiler.alternation), 'dg') ?? [])
    : compiler.gateLiterals(compiler.expand(f.pattern, classes, fragments, [], compiler.alternation, true), 'dg');
  if (!gate) fail('frames.yaml', where, 'no gate can be derived: every match must contain some literal word');
  const flags = f.examples?.flag ?? [];
  const clean = f.examples?.clean ?? [];
  if (flags.length === 0) fail('frames.yaml', where, 'needs at least one `flag` example');
  for (const ex of flags) if (!/\[[^\]]+\]/.test(ex)) fail('frames.yaml', where, `flag example without a [marked] phrase: ${ex}`);
  for (const ex of clean) if (/\[[^\]]+\]/.test(ex)) fail('frames.yaml', where, `clean example with a [marked] phrase: ${ex}`);
  if (f.polarity && !['positive', 'negative'].includes(f.polarity)) fail('frames.yaml', where, 'polarity must be positive or negative');
  compiled.push({ id: f.id, name: f.name, template: f.pattern, source, gate: gate ?? [], ...(tokens.length ? { tokens: tokens[0] } : {}), ...(f.polarity ? { polarity: f.polarity } : {}) });
}

// A class read word by word matches one word, or two whose first starts one of its two-word entries ("well led",
// "child centred"): an entry of three words, or of other characters, could never be found, so it is refused (once,
// however many classes hold it).
const unreadable = new Map();
for (const name of tokenClassNames) {
  for (const w of classes[name] ?? []) {
    const phrase = w.trim().toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
    if (!/^[a-z'-]+(?: [a-z'-]+)?$/.test(phrase) && !unreadable.has(w)) unreadable.set(w, name);
  }
}
for (const [w, name] of unreadable) fail(frames.classes[name] ? 'frames.yaml' : 'evaluation.yaml', w, `can never be found: {@${name}} is read word by word, so its entries are one word or two (letters, apostrophes and hyphens)`);

// ---- Rule patterns: rules/<id>/patterns.yaml -> rules/<id>/patterns.generated.ts ----
const PATTERN_KEYS = new Set(['id', 'name', 'pattern', 'needsAssessment', 'needsTarget', 'needsNoEvidence', 'attributed', 'target', 'message']);
const shared = { ...lexicon, ...classes };
const ruleOutputs = [];
for (const dirent of readdirSync(join(root, 'rules'), { withFileTypes: true })) {
  const file = join(root, 'rules', dirent.name, 'patterns.yaml');
  if (!dirent.isDirectory() || !existsSync(file)) continue;
  const label = `rules/${dirent.name}/patterns.yaml`;
  let doc;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(label, '(file)', e.message.split('\n')[0]);
    continue;
  }
  const env = { ...shared, ...(doc.classes ?? {}) };
  const frags = doc.fragments ?? {};
  const seen = new Set();
  const list = [];
  for (const p of doc.patterns ?? []) {
    const where = p.id ?? p.name ?? '(a pattern without an id)';
    for (const k of Object.keys(p)) if (!PATTERN_KEYS.has(k)) fail(label, where, `unknown key "${k}" (known: ${[...PATTERN_KEYS].join(', ')})`);
    if (!p.id || seen.has(p.id)) fail(label, where, 'needs a unique id');
    seen.add(p.id);
    let source;
    let template;
    try {
      // A pattern may be split over lines for reading: a line break and the indentation after it are removed.
      template = String(p.pattern).replace(/\n\s*/g, '');
      source = compiler.expand(template, env, frags);
      new RegExp(source, 'dg');
    } catch (e) {
      fail(label, where, e.message);
      continue;
    }
    if (!/\(\?<v2?>/.test(source)) fail(label, where, 'marks no phrase: the pattern needs a group (?<v>...)');
    const plain = compiler.expand(template, env, frags, [], compiler.alternation);
    const gate = compiler.gateLiterals(plain, 'dg');
    if (!gate) fail(label, where, 'no gate can be derived: every match must contain some literal word');
    const gate2 = gate ? compiler.secondGateLiterals(plain, gate, 'dg') : undefined;
    const { pattern: _pattern, ...rest } = p;
    list.push({ ...rest, source, gate: gate ?? [], ...(gate2 ? { gate2 } : {}) });
  }
  ruleOutputs.push({ file: join(root, 'rules', dirent.name, 'patterns.generated.ts'), label, list, doc, env, frags });
}

// ---- Facts: facts.yaml -> the patterns the facts layer runs, and each family's gate ----
const facts = load('facts.yaml');
const FACT_KEYS = new Set(['id', 'family', 'name', 'pattern', 'when', 'examples', 'plan', 'allocation', 'event']);
const factPatterns = {};
/** Each family's gate keywords (regular-expression sources): the union of its patterns' derived literals. */
const factGates = {};
const factClasses = facts.classes ?? {};
for (const [name, list] of Object.entries(factClasses)) {
  if (!Array.isArray(list) || list.length === 0 || list.some((w) => typeof w !== 'string' || !w.trim())) fail('facts.yaml', `classes: ${name}`, 'must be a list of words or phrases');
}
for (const name of Object.keys(factClasses)) if (name in lexicon) fail('facts.yaml', `classes: ${name}`, 'has the name of a list of lexicon.yaml: its guards would not know which one {name} means');
for (const name of Object.keys(factClasses)) if (name in frames.classes || name in classes) fail('facts.yaml', `classes: ${name}`, 'has the name of a class of frames.yaml: a configuration\'s "words" would extend both');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Check a pattern's examples: a `flag` example's [marked] phrase is exactly one match; a `clean` one has none. */
function checkExamples(file, where, re, examples) {
  const flags = examples?.flag ?? [];
  if (flags.length === 0) fail(file, where, 'needs at least one `flag` example');
  for (const ex of flags) {
    const mark = /\[([^\]]+)\]/.exec(ex);
    if (!mark) {
      fail(file, where, `flag example without a [marked] phrase: ${ex}`);
      continue;
    }
    const text = ex.replace(/[[\]]/g, '').toLowerCase();
    const start = mark.index;
    const found = [...text.matchAll(new RegExp(re.source, 'g'))].some((m) => m.index === start && m[0].length === mark[1].length);
    if (!found) fail(file, where, `does not match exactly the marked phrase of: ${ex}`);
  }
  for (const ex of examples?.clean ?? []) {
    if (/\[[^\]]+\]/.test(ex)) fail(file, where, `clean example with a [marked] phrase: ${ex}`);
    else if (new RegExp(re.source).test(ex.toLowerCase())) fail(file, where, `matches its clean example: ${ex}`);
  }
}
for (const p of facts.patterns ?? []) {
  const where = p.id ?? '(a pattern without an id)';
  for (const k of Object.keys(p)) if (!FACT_KEYS.has(k)) fail('facts.yaml', where, `unknown key "${k}" (known: ${[...FACT_KEYS].join(', ')})`);
  if (!p.id || p.id in factPatterns) fail('facts.yaml', where, 'needs a unique id');
  if (!p.family) fail('facts.yaml', where, 'needs a family');
  let source;
  try {
    source = compiler.expand(p.pattern, factClasses);
    checkExamples('facts.yaml', where, new RegExp(source, 'g'), p.examples);
  } catch (e) {
    fail('facts.yaml', where, e.message);
    continue;
  }
  // A pattern with a condition (`when`) is gated by the condition: the family runs it only where the condition holds.
  let keywords;
  if (p.when) {
    if ((facts.patterns ?? []).some((q) => q !== p && q.family === p.family)) fail('facts.yaml', where, `has a condition (when), so it must be alone in its family "${p.family}"`);
    keywords = String(p.when).split('|');
  } else {
    const gate = compiler.gateLiterals(compiler.expand(p.pattern, factClasses, {}, [], compiler.alternation), 'g');
    if (!gate) fail('facts.yaml', where, 'no gate can be derived: every match must contain some literal word');
    keywords = (gate ?? []).map(escape);
  }
  for (const k of keywords) if (!/^(?:\\b)?[a-z-]{3}/.test(k)) fail('facts.yaml', where, `gate keyword "${k}" does not start with three letters or hyphens (the facts layer finds gates by their first three)`);
  factGates[p.family] = [...new Set([...(factGates[p.family] ?? []), ...keywords])].sort();
  const { pattern: template, examples: _e, name: _n, ...rest } = p;
  factPatterns[p.id] = { ...rest, template, source };
}
let recordedConcern = '';
try {
  recordedConcern = compiler.expand(facts.recorded_concern.pattern, factClasses);
  checkExamples('facts.yaml', 'recorded_concern', new RegExp(recordedConcern), facts.recorded_concern.examples);
} catch (e) {
  fail('facts.yaml', 'recorded_concern', e.message);
}

// ---- Guards: the language context (context.yaml) and each rule's own (rules/<id>/patterns.yaml `guards`) ----
const GUARD_KEYS = new Set(['note', 'pattern', 'flags', 'on', 'match', 'no_match', 'gate']);
/**
 * Compile a file's guards: each a named regular expression with {name} expanded, and examples the build checks.
 * A `match` example marks in [brackets] exactly what the guard matches there (a guard read on the sentence as
 * written, `on: text`, keeps its capitals); a `no_match` example must not match.
 */
/** A guard's pattern as written, one line (a pattern may be split over lines for reading). */
const templateOf = (g) => String(g.pattern).replace(/\n\s*/g, '');
/** A file's guards as written, for compiling them again when a configuration extends a list they read. */
const templatesOf = (guards) => Object.fromEntries(Object.entries(guards ?? {}).map(([n, g]) => [n, { template: templateOf(g), flags: g.flags ?? '' }]));
function compileGuards(file, guards, env, frags = {}) {
  const compiledGuards = {};
  for (const [name, g] of Object.entries(guards ?? {})) {
    for (const k of Object.keys(g ?? {})) if (!GUARD_KEYS.has(k)) fail(file, `guards: ${name}`, `unknown key "${k}" (known: ${[...GUARD_KEYS].join(', ')})`);
    if (!g?.note) fail(file, `guards: ${name}`, 'needs a note saying what it recognises');
    if (g?.flags && !/^(?:g|i|gi)$/.test(g.flags)) fail(file, `guards: ${name}`, 'flags may only be "g", "i" or "gi"');
    if (g?.on && g.on !== 'text') fail(file, `guards: ${name}`, 'on may only be "text" (the sentence as written)');
    let source;
    try {
      source = compiler.expand(templateOf(g), env, frags);
      new RegExp(source, g.flags ?? '');
    } catch (e) {
      fail(file, `guards: ${name}`, e.message);
      continue;
    }
    const read = (ex) => (g.on === 'text' || /i/.test(g.flags ?? '') ? ex : ex.toLowerCase());
    if (!(g.match ?? []).length) fail(file, `guards: ${name}`, 'needs at least one `match` example');
    for (const ex of g.match ?? []) {
      if (typeof ex !== 'string') {
        fail(file, `guards: ${name}`, `an example must be a string (quote it): ${JSON.stringify(ex)}`);
        continue;
      }
      const mark = /\[([^\]]+)\]/.exec(ex);
      if (!mark) {
        fail(file, `guards: ${name}`, `match example without a [marked] phrase: ${ex}`);
        continue;
      }
      const text = read(ex.replace(/[[\]]/g, ''));
      const found = [...text.matchAll(new RegExp(source, `g${/i/.test(g.flags ?? '') ? 'i' : ''}`))].some((m) => m.index === mark.index && m[0].length === mark[1].length);
      if (!found) fail(file, `guards: ${name}`, `does not match exactly the marked phrase of: ${ex}`);
    }
    for (const ex of g.no_match ?? []) {
      if (/\[[^\]]+\]/.test(ex)) fail(file, `guards: ${name}`, `no_match example with a [marked] phrase: ${ex}`);
      else if (new RegExp(source, /i/.test(g.flags ?? '') ? 'i' : '').test(read(ex))) fail(file, `guards: ${name}`, `matches its no_match example: ${ex}`);
    }
    // `gate: true`: the literals one of which every match contains, derived (never written), for a cheap first test.
    let gate;
    if (g.gate) {
      gate = compiler.gateLiterals(compiler.expand(templateOf(g), env, frags, [], compiler.alternation), g.flags ?? '');
      if (!gate) fail(file, `guards: ${name}`, 'no gate can be derived: every match must contain some literal word');
    }
    compiledGuards[name] = { source, flags: g.flags ?? '', ...(gate ? { gate } : {}) };
  }
  return compiledGuards;
}
const context = load('context.yaml');
for (const [name, list] of Object.entries(context.classes ?? {})) {
  if (!Array.isArray(list) || list.length === 0 || list.some((w) => typeof w !== 'string' || !w.trim())) fail('context.yaml', `classes: ${name}`, 'must be a list of words or phrases');
  if (name in lexicon || name in classes) fail('context.yaml', `classes: ${name}`, 'has the name of a shared class');
}
const contextExtensible = context.extensible ?? [];
for (const name of contextExtensible) {
  if (!(name in lexicon)) fail('context.yaml', `extensible: ${name}`, 'is not a list of lexicon.yaml');
  // A list another file reads would be extended for the language context and not for that file: half-honoured.
  // (frames.yaml's guards are compiled again too; its frames read only its own classes.)
  const readers = [['frames.yaml frames', frames.frames], ['facts.yaml', facts], ...ruleOutputs.map((r) => [r.label, r.doc])].filter(([, doc]) => JSON.stringify(doc).includes(`{${name}}`));
  for (const [file] of readers) fail('context.yaml', `extensible: ${name}`, `is also read by ${file}, which does not compile it again for a configuration`);
}
const contextGuards = compileGuards('context.yaml', context.guards, { ...lexicon, ...(context.classes ?? {}) }, context.fragments ?? {});
for (const name of Object.keys(frames.classes)) if (name in lexicon) fail('frames.yaml', `classes: ${name}`, 'has the name of a list of lexicon.yaml: its guards would not know which one {name} means');
const frameGuards = compileGuards('frames.yaml', frames.guards, { ...lexicon, ...frames.classes });
const factGuards = compileGuards('facts.yaml', facts.guards, { ...lexicon, ...factClasses }, facts.fragments ?? {});
for (const r of ruleOutputs) r.guards = compileGuards(r.label, r.doc.guards, r.env, r.frags);

if (problems.length) {
  console.error(`caselint knowledge: ${problems.length} problem(s) in packages/core/data:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const json = (v) => JSON.stringify(v);
const text = `// Generated by scripts/build-knowledge.mjs from packages/core/data/*.yaml: edit the data, not this file.
/* eslint-disable */

/** Evaluative words: AFINN-165 adjectives and adverbs rated at least ${evaluation.afinn.minimum} either way, with the domain's own (evaluation.yaml). */
export const EVALUATION_POSITIVE: readonly string[] = ${json([...positive].sort())};
export const EVALUATION_NEGATIVE: readonly string[] = ${json([...negative].sort())};
/** The negative words frames judge with: the domain's own (evaluation.yaml), not all of AFINN's. */
export const EVALUATION_VERDICT_NEGATIVE: readonly string[] = ${json(domainNegative.sort())};

/** Word classes and fragments of frames.yaml, for recompiling when a configuration extends a class. */
export const FRAME_CLASSES: Record<string, readonly string[]> = ${json(frames.classes)};
export const FRAME_FRAGMENTS: Record<string, string> = ${json(fragments)};

export interface CompiledFrame {
  id: string;
  name: string;
  /** The pattern as written, with {names}. */
  template: string;
  /** The pattern with every name expanded. */
  source: string;
  /** Literals one of which every match contains (derived from the pattern; for a frame with \`tokens\`, from the rest of it, and empty when that requires none). */
  gate: readonly string[];
  /** The class whose words {@class} checks, marked by the group \`e\`: a sentence without one of its words is skipped. */
  tokens?: string;
  /** The claim's polarity, where the words do not say ("didn't seem to be an issue" reassures). */
  polarity?: 'positive' | 'negative';
}
export const FRAMES: readonly CompiledFrame[] = ${JSON.stringify(compiled, null, 1)};

/** The facts layer's patterns (facts.yaml), by id, each with its family and the kind of fact it records. */
export const FACT_PATTERNS: Record<string, { id: string; family: string; template: string; source: string; when?: string; plan?: string; allocation?: string; event?: string }> = ${JSON.stringify(factPatterns, null, 1)};
/** The word classes of facts.yaml, for recompiling when a configuration extends one. */
export const FACT_CLASSES: Record<string, readonly string[]> = ${json(factClasses)};
/** Each family's gate keywords, derived from its patterns (or its pattern's condition): a sentence without one skips the family. */
export const FACT_GATES: Record<string, readonly string[]> = ${json(factGates)};
/** frames.yaml's guards as written, for compiling them again when a configuration extends a list they read. */
export const FRAME_GUARD_TEMPLATES: Record<string, { template: string; flags: string }> = ${JSON.stringify(templatesOf(frames.guards), null, 1)};
/** What keeps a frame's match from being the writer's verdict (frames.yaml guards), by name. */
export const FRAME_GUARDS: Record<string, { source: string; flags: string }> = ${JSON.stringify(frameGuards, null, 1)};
/** What keeps a match from being a fact in the case now (facts.yaml guards), by name. */
export const FACT_GUARDS: Record<string, { source: string; flags: string; gate?: readonly string[] }> = ${JSON.stringify(factGuards, null, 1)};
/** A sentence that records a concern (facts.yaml recorded_concern). */
export const RECORDED_CONCERN: string = ${json(recordedConcern)};
/** recorded_concern as written, for compiling it again when a configuration extends a class of facts.yaml. */
export const RECORDED_CONCERN_TEMPLATE: string = ${json(facts.recorded_concern?.pattern ?? '')};

/** The language context's guards (context.yaml), by name: a regular-expression source and its flags. */
export const CONTEXT_GUARDS: Record<string, { source: string; flags: string; gate?: readonly string[] }> = ${JSON.stringify(contextGuards, null, 1)};
/** The language context's guards as written, for compiling them again when a configuration extends a list. */
export const CONTEXT_TEMPLATES: Record<string, { template: string; flags: string }> = ${JSON.stringify(templatesOf(context.guards), null, 1)};
export const CONTEXT_FRAGMENTS: Record<string, string> = ${json(context.fragments ?? {})};
/** The lists of lexicon.yaml a configuration may extend (context.yaml extensible). */
export const CONTEXT_EXTENSIBLE: readonly string[] = ${json(contextExtensible)};
/** The language context's own word lists (context.yaml). */
export const CONTEXT_CLASSES: Record<string, readonly string[]> = ${json(context.classes ?? {})};

/** Shared word lists (lexicon.yaml). */
export const LEXICON: { ${Object.keys(lexicon).map((k) => `${k}: readonly string[]`).join('; ')} } = ${json(lexicon)};
`;
function writeAtomic(file, content) {
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
}
writeAtomic(out, text);
// The names alone, for validating a configuration without loading the words.
const extensible = [...Object.keys(frames.classes), ...Object.keys(factClasses), ...contextExtensible, 'evaluation_positive', 'evaluation_negative'].sort();
writeAtomic(
  join(root, 'packages/core/src/knowledge/word-classes.generated.ts'),
  `// Generated by scripts/build-knowledge.mjs: the word classes a configuration may extend ("words" in .caselintrc).\nexport const WORD_CLASSES: readonly string[] = ${json(extensible)};\n`,
);
for (const r of ruleOutputs) {
  writeAtomic(
    r.file,
    `// Generated by scripts/build-knowledge.mjs from ${r.label}: edit the data, not this file.
import type { CompiledPattern } from '@caselint/core/terms';

export const PATTERNS: readonly CompiledPattern[] = ${JSON.stringify(r.list, null, 1)};

/** The rule's guards (patterns.yaml \`guards\`), by name: a regular-expression source and its flags. */
export const GUARDS: Record<string, { source: string; flags: string }> = ${JSON.stringify(r.guards ?? {}, null, 1)};
`,
  );
}
console.log(`caselint knowledge: ${positive.size} positive and ${negative.size} negative evaluation words, ${compiled.length} frames, ${Object.keys(factPatterns).length} fact patterns in ${Object.keys(factGates).length} families, ${Object.keys(lexicon).length} word lists, ${Object.keys(contextGuards).length} context guards, ${ruleOutputs.map((r) => `${r.list.length} patterns in ${r.label}`).join(', ')}`);
