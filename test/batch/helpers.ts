import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
// @ts-expect-error -- a plain ES module without types
import { seededRandom } from '../../bench/random.mjs';

export const root = join(import.meta.dirname, '../..');
export const bin = join(root, 'packages/cli/bin/caselint.js');
export const corpus = join(root, '../shared/corpus/reports');
export const built = existsSync(join(root, 'packages/cli/dist/main.js'));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run the built CLI as a child process (not a TTY, CI unset unless given). */
export function caselint(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { ...process.env, CI: '', ...env }, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 99) : 0;
        resolve({ code, stdout, stderr, ms: performance.now() - started });
      },
    );
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `caselint-${prefix}-`));
}

export function write(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** The shared corpus reports, copied into `dir` (so tests can add broken files beside them). */
export function copyCorpus(dir: string): void {
  cpSync(corpus, dir, { recursive: true });
}

/** A small seeded generator of report-like text: the same seed, the same folder. */
export function seeded(seed: number): () => number {
  return seededRandom(seed);
}

const AREAS = ['Feeding and nutrition', 'Hygiene and personal care', 'Health and illness', 'Safety in the home', 'Safe sleeping', 'Routines', 'Budgeting', 'Self-care'];
const SENTENCES = [
  'Ms Carter fed Mia regularly and made up bottles correctly on all observed occasions.',
  'On two nights staff found Mia asleep in Ms Carter\u2019s bed.',
  'In the last three weeks her presentation and self-care deteriorated.',
  'The health visitor weighed Mia at 5.2 kg, on the 25th centile.',
  'There are no concerns about the home.',
  'Ms Carter has passed the assessment and the placement has been positive.',
  'Mia attended nursery on four of five days, according to the nursery register.',
  'The social worker left the team and the case is unallocated.',
];

/** One report-like document: a PAMS table, case notes or plain prose, varied by `rand`. */
export function reportText(rand: () => number, kind = Math.floor(rand() * 3)): { name: string; text: string } {
  const pick = () => SENTENCES[Math.floor(rand() * SENTENCES.length)]!;
  const para = (n: number) => Array.from({ length: n }, pick).join(' ');
  if (kind === 0) {
    const rows = AREAS.map((a) => `| ${a} | ${rand() < 0.3 ? 'Unachieved' : 'Achieved'} |`).join('\n');
    return { name: 'md', text: `# Parenting assessment\n\n| Area | Outcome |\n| --- | --- |\n${rows}\n\n## Observations\n\n${para(4)}\n\n${para(3)}\n\n## Conclusion\n\n${para(2)}\n` };
  }
  if (kind === 1) {
    const notes = Array.from({ length: 4 + Math.floor(rand() * 6) }, (_, i) => `${String(i + 1).padStart(2, '0')}/03/2021 ${para(2)}`).join('\n');
    return { name: 'txt', text: `Case notes\n\n${notes}\n` };
  }
  return { name: 'txt', text: `${para(3)}\n\n${para(3)}\n` };
}
