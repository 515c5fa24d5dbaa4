// Benchmark for .docx reading and --annotate. Called by bench/run.mjs; runnable on its own:
//   npx tsc -b && node bench/docx.mjs
// Generates reports with the `docx` package (no document is committed), then times readDocx over a batch
// of 200 and annotateDocx with five findings each.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { pathToFileURL } from 'node:url';
import { readDocx } from '../packages/core/dist/read/docx.js';
import { annotateDocx } from '../packages/core/dist/report/docx-annotate.js';

const AREAS = ['Feeding', 'Hygiene', 'Health', 'Safety in the home', 'Safe sleeping', 'Routines', 'Budgeting', 'Self-care'];
const SENTENCES = [
  'Ms Carter fed Mia regularly and made up bottles correctly on all observed occasions.',
  'On two nights staff found Mia asleep in Ms Carter\u2019s bed, and the keyworker discussed safer sleep with her.',
  'In the last three weeks her presentation and self-care deteriorated; she missed four keywork sessions.',
  'The health visitor weighed Mia at 5.2 kg, on the 25th centile, and noted no concerns about feeding.',
  'Ms Carter said she was too tired to put Mia back in her cot, and staff recorded this in the night log.',
];

/** One report of about `paragraphs` paragraphs: headings, mixed-format runs, a PAMS table. */
function report(seed, paragraphs) {
  const children = [new Paragraph({ text: `Parenting Assessment ${seed}`, heading: HeadingLevel.TITLE })];
  children.push(new Paragraph({ text: 'PAMS outcomes', heading: HeadingLevel.HEADING_2 }));
  children.push(
    new Table({
      rows: [['Area', 'Outcome'], ...AREAS.map((a, i) => [a, (i + seed) % 3 === 0 ? 'Unachieved' : 'Achieved'])].map(
        (r) => new TableRow({ children: r.map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
      ),
    }),
  );
  for (let i = 0; i < paragraphs; i++) {
    if (i % 20 === 0) children.push(new Paragraph({ text: `Observations, week ${i / 20 + 1}`, heading: HeadingLevel.HEADING_2 }));
    const s = (k) => SENTENCES[(i + seed + k) % SENTENCES.length];
    children.push(new Paragraph({ children: [new TextRun(s(0) + ' '), new TextRun({ text: s(1), bold: i % 2 === 0 }), new TextRun(' ' + s(2) + ' ' + s(3))] }));
  }
  children.push(new Paragraph('Ms Carter has passed the assessment. Overall this has been a positive placement.'));
  return new Document({ sections: [{ children }] });
}

function findingsFor(text) {
  return ['passed', 'positive placement', 'Unachieved', 'deteriorated', 'no concerns'].map((phrase) => {
    const start = text.indexOf(phrase);
    return { ruleId: 'bench', message: `About "${phrase}".`, fix: 'Say what lies behind it.', start, end: start + phrase.length };
  });
}

export async function benchDocx({ documents = 200, distinct = 20, paragraphs = 120, log = console.log } = {}) {
  const templates = [];
  for (let i = 0; i < distinct; i++) templates.push(new Uint8Array(await Packer.toBuffer(report(i, paragraphs))));
  const batch = Array.from({ length: documents }, (_, i) => templates[i % distinct]);
  for (const bytes of templates) readDocx(bytes); // warm up

  let bytesIn = 0;
  let textChars = 0;
  const times = [];
  const t0 = performance.now();
  for (const bytes of batch) {
    const t = performance.now();
    const doc = readDocx(bytes);
    times.push(performance.now() - t);
    bytesIn += bytes.length;
    textChars += doc.text.length;
  }
  const readMs = performance.now() - t0;

  const docs = templates.map((b) => readDocx(b));
  const paragraphCount = docs[0].text.split('\n').length;
  const annotateTimes = [];
  for (let i = 0; i < documents; i++) {
    const bytes = batch[i];
    const findings = findingsFor(docs[i % distinct].text).filter((f) => f.start >= 0);
    const t = performance.now();
    annotateDocx(bytes, findings);
    annotateTimes.push(performance.now() - t);
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
  const result = {
    documents,
    docxMB: bytesIn / 1e6,
    textMB: textChars / 1e6,
    readMs,
    readDocxMBps: bytesIn / 1e6 / (readMs / 1000),
    readTextMBps: textChars / 1e6 / (readMs / 1000),
    readMedianMs: median(times),
    readP95Ms: p95(times),
    annotateMedianMs: median(annotateTimes),
    annotateP95Ms: p95(annotateTimes),
  };
  log(
    `docx: ${documents} reports (${result.docxMB.toFixed(1)} MB .docx, ${result.textMB.toFixed(1)} MB text, ~${paragraphCount} paragraphs each)\n` +
      `  read:     ${result.readDocxMBps.toFixed(1)} MB/s of .docx (${result.readTextMBps.toFixed(1)} MB/s of text); ` +
      `per document median ${result.readMedianMs.toFixed(2)} ms, p95 ${result.readP95Ms.toFixed(2)} ms\n` +
      `  annotate: 5 comments per document, median ${result.annotateMedianMs.toFixed(2)} ms, p95 ${result.annotateP95Ms.toFixed(2)} ms`,
  );
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchDocx();
