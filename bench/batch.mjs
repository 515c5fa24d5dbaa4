// Batch benchmark: the caselint CLI over a generated folder of report-like files (plus broken ones), with
// --jobs 1 and --jobs 2, without a cache and with a cold and a warm one; and alex and write-good on the same
// text. Called by bench/run.mjs; runnable on its own (after `npx tsc -b`):
//   node bench/batch.mjs [--files 2000] [--compare-mb N] [--keep]
// Every run is a whole child process: wall time includes start-up, as a nightly job sees it. Peak memory is
// the child's maximum resident set (GNU time -v, or VmHWM polled from /proc), which covers worker threads.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seededRandom } from './random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(root, 'packages/cli/bin/caselint.js');
const ALEX = join(root, 'node_modules/alex/cli.js');
const WRITE_GOOD = join(root, 'node_modules/write-good/bin/write-good.js');
const TARGETS = { mbPerSecondOneJob: 3, twoJobSpeedup: 1.7, timesAlex: 20, peakMb: 300, warmSpeedup: 10 };

// ---- a seeded generator of report-like documents -------------------------------------------------------


const FIRST = ['Jade', 'Amira', 'Kelly', 'Sophie', 'Leanne', 'Chantelle', 'Nadia', 'Gemma', 'Zara', 'Becky', 'Tanya', 'Holly'];
const LAST = ['Carter', 'Price', 'Hughes', 'Begum', 'Novak', 'Evans', 'Okafor', 'Walsh', 'Khan', 'Murphy', 'Patel', 'Reid'];
const CHILD = ['Mia', 'Noah', 'Ava', 'Leo', 'Isla', 'Alfie', 'Ruby', 'Theo', 'Lily', 'Oscar', 'Esme', 'Kai'];
const AREAS = ['Feeding and nutrition', 'Hygiene and personal care', 'Health and illness', 'Safety in the home', 'Safe sleeping', 'Routines', 'Responding to the child\u2019s cues', 'Emotional warmth', 'Budgeting', 'Self-care', 'Stimulation and play', 'Boundaries'];
const STATUS = ['Achieved', 'Achieved', 'Unachieved', 'Partially achieved', 'Achieved', 'Not yet achieved'];
const PLACES = ['the family assessment unit', 'the mother and baby foster placement', 'her flat', 'the contact centre', 'the nursery', 'the GP surgery'];
const STAFF = ['the key worker', 'the health visitor', 'the social worker', 'night staff', 'the family support worker', 'the nursery manager'];

/** Sentences start with a capital, as reports do. */
function capital(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function person(rand) {
  return { parent: `${pick(rand, FIRST)} ${pick(rand, LAST)}`, title: `Ms ${pick(rand, LAST)}`, child: pick(rand, CHILD) };
}

function date(rand) {
  return `${1 + Math.floor(rand() * 28)}/${1 + Math.floor(rand() * 12)}/20${20 + Math.floor(rand() * 5)}`;
}

/** One sentence of the kind each document type is made of. */
function sentence(rand, p, kind) {
  const n = 2 + Math.floor(rand() * 6);
  const observed = [
    `${p.title} fed ${p.child} regularly and made up bottles correctly on ${n} observed occasions at ${pick(rand, PLACES)}.`,
    `${capital(pick(rand, STAFF))} visited on ${date(rand)} and saw ${p.child} playing on the floor with ${p.title}, who responded to ${n} of the child\u2019s cues.`,
    `${p.title} attended ${n} of ${n + 2} keywork sessions this month, according to the session log.`,
    `${p.child} was weighed at ${(4 + rand() * 6).toFixed(1)} kg on ${date(rand)}, on the ${pick(rand, ['9th', '25th', '50th', '75th'])} centile.`,
    `The bedroom was tidy when ${pick(rand, STAFF)} called, with clean bedding and the steriliser in use.`,
    `${p.title} described the morning routine in detail and ${pick(rand, STAFF)} saw it followed on ${n} visits.`,
  ];
  const concern = [
    `On ${n} nights staff found ${p.child} asleep in ${p.title}\u2019s bed.`,
    `In the last ${n} weeks ${p.title}\u2019s presentation and self-care deteriorated.`,
    `${p.title} missed ${n} keywork sessions and staff found her room untidy, with sterilising equipment left unwashed.`,
    `Police attended after a domestic abuse incident on ${date(rand)}.`,
  ];
  const verdict = [
    `${p.title} has passed the assessment.`,
    `Overall this has been a positive placement and ${p.title} is engaging well.`,
    `The placement went well and ${p.child} is doing well.`,
    `It is recommended that ${p.child} moves with ${p.title} to ${pick(rand, PLACES)}.`,
  ];
  const reassurance = [`There are no concerns about ${p.child}\u2019s care.`, `${p.child} appears settled.`, `Things are going well at home.`, `${p.title} is coping fine.`];
  const plain = [
    `${capital(pick(rand, STAFF))} discussed the plan for the coming weeks with ${p.title} on ${date(rand)}.`,
    `A review meeting is booked for ${date(rand)} at ${pick(rand, PLACES)}.`,
    `${p.title} asked for help with ${pick(rand, ['a benefits claim', 'a GP appointment', 'nursery forms', 'housing'])}, and ${pick(rand, STAFF)} arranged it.`,
  ];
  const table = { observed, concern, verdict, reassurance, plain }[kind];
  return pick(rand, table);
}

function paragraph(rand, p, mix) {
  const count = 2 + Math.floor(rand() * 4);
  const out = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    let acc = 0;
    let kind = 'plain';
    for (const [k, w] of Object.entries(mix)) {
      acc += w;
      if (r < acc) {
        kind = k;
        break;
      }
    }
    out.push(sentence(rand, p, kind));
  }
  return out.join(' ');
}

export const DOCS = [
  // PAMS summary in Markdown: a table of areas, observations, a conclusion.
  (rand) => {
    const p = person(rand);
    const areas = AREAS.filter(() => rand() < 0.75);
    const rows = areas.map((a) => `| ${a} | ${pick(rand, STATUS)} |`).join('\n');
    const obs = Array.from({ length: 4 + Math.floor(rand() * 10) }, () => paragraph(rand, p, { observed: 0.6, concern: 0.2, plain: 0.2 }));
    return { ext: 'md', text: `# Parenting Assessment (PAMS 4.1): ${p.parent}\n\n**Child:** ${p.child}\n**Period:** ${date(rand)} to ${date(rand)}\n\n## PAMS outcomes\n\n| Area | Outcome |\n| --- | --- |\n${rows}\n\n## Observations\n\n${obs.join('\n\n')}\n\n## Conclusion\n\n${paragraph(rand, p, { verdict: 0.5, observed: 0.3, plain: 0.2 })}\n` };
  },
  // Case notes: one dated entry per line.
  (rand) => {
    const p = person(rand);
    const entries = Array.from({ length: 10 + Math.floor(rand() * 40) }, () => `${date(rand)} ${paragraph(rand, p, { observed: 0.4, reassurance: 0.2, concern: 0.1, plain: 0.3 })}`);
    return { ext: 'txt', text: `Case notes: ${p.parent} and ${p.child}\n\n${entries.join('\n')}\n` };
  },
  // A verdict-heavy review summary.
  (rand) => {
    const p = person(rand);
    const paras = Array.from({ length: 5 + Math.floor(rand() * 10) }, () => paragraph(rand, p, { verdict: 0.3, concern: 0.2, observed: 0.3, plain: 0.2 }));
    return { ext: 'txt', text: `Placement review: ${p.parent}\n\n${paras.join('\n\n')}\n` };
  },
  // Reassurance, with and without evidence.
  (rand) => {
    const p = person(rand);
    const paras = Array.from({ length: 5 + Math.floor(rand() * 12) }, () => paragraph(rand, p, { reassurance: 0.4, observed: 0.4, plain: 0.2 }));
    return { ext: 'md', text: `## Visit record: ${p.child}\n\n${paras.map((x) => `- ${x}`).join('\n')}\n` };
  },
  // Plain prose with nothing to flag.
  (rand) => {
    const p = person(rand);
    const paras = Array.from({ length: 6 + Math.floor(rand() * 14) }, () => paragraph(rand, p, { observed: 0.5, plain: 0.5 }));
    return { ext: 'txt', text: `Family support log\n\n${paras.join('\n\n')}\n` };
  },
];

/**
 * A dense document: a year of case notes, about 150 KB, where most sentences are verdicts, reassurance or
 * recorded concerns (the kind of file that makes findings × facts explode if output is not kept proportionate).
 */
export function denseDocument(rand, targetBytes = 150_000) {
  const p = person(rand);
  const entries = [];
  let size = 0;
  while (size < targetBytes) {
    const entry = `${date(rand)} ${paragraph(rand, p, { verdict: 0.25, concern: 0.25, reassurance: 0.2, observed: 0.2, plain: 0.1 })}`;
    entries.push(entry);
    size += entry.length + 1;
  }
  return { ext: 'txt', text: `Case notes (a year): ${p.parent} and ${p.child}\n\n${entries.join('\n')}\n` };
}

/** Write the folder: at least `files` documents and `minBytes` of text, plus broken files. */
export function generateFolder(dir, { files = 2000, minBytes = 10.5e6, seed = 20201218 } = {}) {
  const rand = seededRandom(seed);
  const reports = join(dir, 'reports');
  const textFiles = [];
  let bytes = 0;
  for (let i = 0; i < files || bytes < minBytes; i++) {
    const { ext, text } = DOCS[Math.floor(rand() * DOCS.length)](rand);
    const folder = join(reports, `team-${String(i % 17).padStart(2, '0')}`, `case-${String(Math.floor(i / 17) % 40).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `report-${String(i).padStart(5, '0')}.${ext}`);
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(file, buf);
    textFiles.push(file);
    bytes += buf.length;
  }
  // Broken and awkward files, as a shared drive has them.
  const broken = join(reports, 'broken');
  mkdirSync(broken, { recursive: true });
  let brokenCount = 0;
  const add = (name, content) => {
    writeFileSync(join(broken, name), content);
    brokenCount++;
  };
  for (let i = 0; i < 15; i++) add(`scan-${i}.txt`, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, ...Array.from({ length: 500 }, () => Math.floor(rand() * 256))]));
  for (let i = 0; i < 10; i++) add(`empty-${i}.txt`, '');
  for (let i = 0; i < 5; i++) add(`old-${i}.docx`, Buffer.from('d0cf11e0a1b11ae1000000000000000000', 'hex'));
  for (let i = 0; i < 10; i++) add(`utf16-${i}.txt`, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DOCS[2](rand).text, 'utf16le')]));
  for (let i = 0; i < 10; i++) add(`cp1252-${i}.txt`, Buffer.from(DOCS[1](rand).text.replace(/\u2019/g, "'") + 'Caf\u00e9 budget \u00a340.\n', 'latin1'));
  add('long-line.txt', `${'Staff recorded the routine in the log and it was followed. '.repeat(20000)}Ms Carter has passed the assessment.`);
  execFileSync('truncate', ['-s', '25M', join(broken, 'export-too-big.txt')]);
  brokenCount++;
  symlinkSync('loop.txt', join(broken, 'loop.txt'));
  brokenCount++;
  return { reports, textFiles, textBytes: bytes, total: textFiles.length + brokenCount, brokenCount };
}

/** The first files of a list that together hold at least `bytes` (all of them, for Infinity). */
export function firstBytes(files, bytes) {
  const out = [];
  let size = 0;
  for (const f of files) {
    if (size >= bytes) break;
    out.push(f);
    size += readFileSync(f).length;
  }
  return { files: out, bytes: size };
}

// ---- measuring whole processes -------------------------------------------------------------------------

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Run a command; wall time, exit code and peak resident memory (MB) of the whole process. */
export function measure(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const argv = gnuTime ? ['-v', command, ...args] : args;
    const child = spawn(gnuTime ?? command, argv, { cwd, env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peakKb = 0;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.length > 1e6) stderr = stderr.slice(-1e5);
    });
    // Without GNU time, poll the high-water mark (VmHWM covers every thread of the process).
    const poll = gnuTime
      ? undefined
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) peakKb = Math.max(peakKb, Number(m[1]));
          } catch {}
        }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (m) peakKb = Number(m[1]);
      resolve({ seconds, code, peakMb: peakKb / 1024, stderr });
    });
  });
}

/** How many files a report accounts for (checked or refused). */
function countResults(file, format) {
  const text = readFileSync(file, 'utf8');
  if (format === 'json') return JSON.parse(text).length;
  if (format === 'html') {
    // The summary's counts: documents checked, and files that could not be checked.
    const count = (id) => Number(new RegExp(`id="count-${id}"><dd>(\\d+)</dd>`).exec(text)?.[1] ?? NaN);
    return count('checked') + count('fatal');
  }
  throw new Error(`cannot count ${format} results`);
}

// ---- the benchmark -------------------------------------------------------------------------------------

export async function benchBatch({ files = 2000, subsetBytes = Infinity, keep = false, log = console.log } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'caselint-bench-batch-'));
  try {
    const t0 = performance.now();
    const folder = generateFolder(dir, { files });
    const mb = folder.textBytes / 1e6;
    log(`batch: ${folder.textFiles.length} report-like files (${mb.toFixed(1)} MB) + ${folder.brokenCount} broken, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${availableParallelism()} cores; peak memory by ${gnuTime ? 'GNU time -v' : '/proc VmHWM'}`);

    const rows = [];
    const caselint = async (label, extra, subset, format = 'json') => {
      const out = join(dir, `${label.replace(/\W+/g, '-')}.${format}`);
      const args = [CLI, '--format', format, '--output', out, '--no-progress', ...extra, ...(subset ?? [folder.reports])];
      const r = await measure(process.execPath, args, { cwd: dir });
      const accounted = countResults(out, format);
      const expected = subset ? subset.length : folder.total;
      if (accounted !== expected) throw new Error(`${label}: ${accounted} results for ${expected} files`);
      if (r.code !== 1) throw new Error(`${label}: exit code ${r.code}`);
      const megabytes = subset ? subsetMb : mb;
      const row = { label, seconds: r.seconds, mbPerSecond: megabytes / r.seconds, peakMb: r.peakMb, files: accounted };
      rows.push(row);
      return row;
    };

    const one = await caselint('caselint --jobs 1', ['--jobs', '1']);
    const two = await caselint('caselint --jobs 2', ['--jobs', '2']);
    const oneCold = await caselint('caselint --jobs 1 --cache (cold)', ['--jobs', '1', '--cache', '--cache-location', join(dir, 'cache-1')]);
    const oneWarm = await caselint('caselint --jobs 1 --cache (warm)', ['--jobs', '1', '--cache', '--cache-location', join(dir, 'cache-1')]);
    const twoCold = await caselint('caselint --jobs 2 --cache (cold)', ['--jobs', '2', '--cache', '--cache-location', join(dir, 'cache-2')]);
    const twoWarm = await caselint('caselint --jobs 2 --cache (warm)', ['--jobs', '2', '--cache', '--cache-location', join(dir, 'cache-2')]);
    // The supervisors' report: its summary comes first, so it is the one format that waits for the whole batch.
    const html = await caselint('caselint --format html', ['--jobs', '1'], undefined, 'html');

    // alex and write-good on the same text files as the batch (the broken ones left out: they would refuse them),
    // and caselint again on exactly those. --compare-mb N compares on the first N MB only (alex takes ~40 s on all).
    const { files: subset, bytes: subsetSize } = firstBytes(folder.textFiles, subsetBytes);
    const subsetMb = subsetSize / 1e6;
    const which = subset.length === folder.textFiles.length ? 'text files' : 'subset';
    const oneSubset = await caselint(`caselint --jobs 1 (${which}, ${subset.length})`, ['--jobs', '1'], subset);
    const other = async (label, script, args) => {
      const r = await measure(process.execPath, [script, ...args, ...subset], { cwd: dir });
      const row = { label: `${label} (${which}, ${subset.length})`, seconds: r.seconds, mbPerSecond: subsetMb / r.seconds, peakMb: r.peakMb, files: subset.length };
      rows.push(row);
      return row;
    };
    const alex = existsSync(ALEX) ? await other('alex', ALEX, ['--quiet']) : undefined;
    const writeGood = existsSync(WRITE_GOOD) ? await other('write-good', WRITE_GOOD, ['--parse']) : undefined;

    // What a team manager waits for: the browser opening that report (headless Chromium, a full first paint).
    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
    if (chromium) {
      const page = join(dir, `${html.label.replace(/\W+/g, '-')}.html`);
      const args = ['--headless', '--no-sandbox', '--disable-gpu', '--window-size=1280,1600', `--screenshot=${join(dir, 'report.png')}`, pathToFileURL(page).href];
      const r = await measure(chromium, args, { cwd: dir });
      rows.push({ label: 'chromium opens the HTML report', seconds: r.seconds, mbPerSecond: NaN, peakMb: r.peakMb, files: html.files });
    }

    const table = [
      ['run', 'files', 'wall s', 'MB/s', 'peak MB'],
      ...rows.map((r) => [r.label, String(r.files), r.seconds.toFixed(2), Number.isFinite(r.mbPerSecond) ? r.mbPerSecond.toFixed(2) : '-', r.peakMb.toFixed(0)]),
    ];
    const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
    for (const row of table) log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));

    const peak = Math.max(...rows.filter((r) => r.label.startsWith('caselint')).map((r) => r.peakMb));
    const checks = [
      ['MB/s with one job', one.mbPerSecond, `>= ${TARGETS.mbPerSecondOneJob}`, one.mbPerSecond >= TARGETS.mbPerSecondOneJob],
      // "1.7 times that with two": as a speed-up over the measured one-job run, and as 1.7 times the 3 MB/s target.
      ['two jobs / one job', two.mbPerSecond / one.mbPerSecond, `>= ${TARGETS.twoJobSpeedup}`, two.mbPerSecond / one.mbPerSecond >= TARGETS.twoJobSpeedup],
      ['MB/s with two jobs', two.mbPerSecond, `>= ${(TARGETS.twoJobSpeedup * TARGETS.mbPerSecondOneJob).toFixed(1)}`, two.mbPerSecond >= TARGETS.twoJobSpeedup * TARGETS.mbPerSecondOneJob],
      ['times alex (same files, one job)', alex ? oneSubset.mbPerSecond / alex.mbPerSecond : NaN, `>= ${TARGETS.timesAlex}`, alex ? oneSubset.mbPerSecond / alex.mbPerSecond >= TARGETS.timesAlex : false],
      ['times write-good (same files, one job)', writeGood ? oneSubset.mbPerSecond / writeGood.mbPerSecond : NaN, '(no target)', true],
      ['peak memory MB (any caselint run)', peak, `<= ${TARGETS.peakMb}`, peak <= TARGETS.peakMb],
      ['warm / cold cache, one job', oneCold.seconds / oneWarm.seconds, `>= ${TARGETS.warmSpeedup}`, oneCold.seconds / oneWarm.seconds >= TARGETS.warmSpeedup],
      ['warm / cold cache, two jobs', twoCold.seconds / twoWarm.seconds, `>= ${TARGETS.warmSpeedup}`, twoCold.seconds / twoWarm.seconds >= TARGETS.warmSpeedup],
    ];
    log('');
    for (const [name, value, target, ok] of checks) log(`${ok ? 'ok  ' : 'MISS'}  ${name.padEnd(40)} ${Number.isFinite(value) ? value.toFixed(2) : 'n/a'}  (target ${target})`);
    return { folder: { files: folder.textFiles.length, broken: folder.brokenCount, megabytes: mb }, rows, checks: checks.map(([name, value, target, ok]) => ({ name, value, target, ok })) };
  } finally {
    if (keep) log(`batch: kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const compareMb = arg('--compare-mb');
  await benchBatch({ files: Number(arg('--files') ?? 2000), keep: process.argv.includes('--keep'), ...(compareMb ? { subsetBytes: Number(compareMb) * 1e6 } : {}) });
}
