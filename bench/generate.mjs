// A seeded generator of report-like documents: PAMS summaries with outcome tables, observations, case notes,
// verdicts, reassurance and concerns in realistic proportions. Fictional names; the same seed gives the same corpus.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MOTHERS = ['Ms Carter', 'Ms Hughes', 'Ms Reid', 'Ms Okafor', 'Ms Ali', 'Ms Novak', 'Ms Evans', 'Ms Shah'];
const CHILDREN = ['Mia', 'Leo', 'Ava', 'Noah', 'Isla', 'Jayden', 'Amara', 'Oscar'];
const AREAS = ['Feeding and nutrition', 'Hygiene and personal care', 'Health and illness', 'Safety in the home', 'Safe sleeping', 'Routines', "Responding to the child's cues", 'Emotional warmth', 'Budgeting', 'Self-care', 'Shopping', 'Cooking', 'Stimulation', 'Guidance and control'];
const OUTCOMES = ['Achieved', 'Achieved', 'Achieved', 'Unachieved', 'Partially achieved'];
const PROSE = [
  '{M} fed {C} regularly and made up bottles correctly on all observed occasions.',
  'On {n} nights staff found {C} asleep in {M}\'s bed.',
  '{M} said she was too tired to put {C} back in the cot.',
  'The health visitor weighed {C} on {d} March: {C} was on the 25th centile, as at birth.',
  'In the last {n} weeks {M}\'s presentation and self-care deteriorated.',
  '{M} missed {n} keywork sessions and staff found her room untidy, with sterilising equipment left unwashed.',
  '{M} attended all {n} parenting sessions and completed each practical task without prompting.',
  'The referral was passed to the duty team on {d} April.',
  'Maternal grandmother passed away in 2019, and {M} has had little family support since.',
  '{M} tested positive for cannabis on {d} January.',
  '{M} is positive about moving to the foster placement.',
  '{M} completed the Triple P Positive Parenting Program in 2022.',
  'Contact is going well: {M} arrives on time, brings milk and nappies, and settles {C} when she cries.',
  'School reported no concerns about attendance, which was 98% this term.',
  '{M} responded to {C}\'s cues within two minutes on all five observed feeds.',
  'The family support worker visited on {d} May and saw {M} change and feed {C} calmly.',
  'Home conditions were observed to be clean, with a safe cot and a stair gate fitted.',
  'A month passed before the new health visitor visited.',
  '{M} has a good relationship with her sister, who visits most weekends.',
  'The father, who has a history of violence, has not been seen at the address since {d} June.',
];
const VERDICTS = [
  '{M} has passed the assessment.',
  'Overall this has been a positive placement.',
  '{M} is engaging well.',
  'No concerns.',
  'Mother is doing well.',
  'The assessment was successful.',
  'Placement going well.',
];
const CASE_NOTE = [
  'Home visit. {C} was asleep in her cot when I arrived. {M} showed me the feeding chart for the week.',
  'Duty call from the foster carer: {C} was found in {M}\'s bed again last night.',
  'Supervision with the team manager. The plan was reviewed and the next core group is on {d} March.',
  'Telephone call with {M}. She said she is coping and asked about the next contact.',
  'Case still awaiting allocation.',
];

function fill(t, r) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  return t.replaceAll('{M}', pick(MOTHERS)).replaceAll('{C}', pick(CHILDREN)).replaceAll('{n}', String(2 + Math.floor(r() * 6))).replaceAll('{d}', String(1 + Math.floor(r() * 28)));
}

/** One document of roughly `size` characters, as Markdown or plain text. */
export function generateDocument(r, size, markdown) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const parts = [];
  if (markdown) {
    parts.push('# Parenting Assessment (PAMS 4.1): Summary Report', '', '## PAMS outcomes', '', '| Area | Outcome |', '| --- | --- |');
    for (const a of AREAS.slice(0, 6 + Math.floor(r() * 8))) parts.push(`| ${a} | ${pick(OUTCOMES)} |`);
    parts.push('', '## Observations', '');
  } else parts.push('Case notes', '');
  let length = parts.join('\n').length;
  while (length < size) {
    const sentences = [];
    for (let i = 0; i < 3 + Math.floor(r() * 4); i++) {
      const roll = r();
      sentences.push(fill(roll < 0.06 ? pick(VERDICTS) : !markdown && roll < 0.3 ? pick(CASE_NOTE) : pick(PROSE), r));
    }
    const para = markdown ? sentences.join(' ') : `Case note - ${1 + Math.floor(r() * 28)} January 2021\n${sentences.join(' ')}`;
    parts.push(para, '');
    length += para.length + 1;
  }
  return parts.join('\n');
}

/** Write `files` documents totalling about `totalBytes` into `dir`; returns the byte count written. */
export function generateCorpus(dir, { files, totalBytes, seed = 42, markdownShare = 0.5 }) {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const per = Math.floor(totalBytes / files);
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const md = r() < markdownShare;
    const text = generateDocument(r, Math.floor(per * (0.5 + r())), md);
    const name = `${String(i).padStart(5, '0')}-report.${md ? 'md' : 'txt'}`;
    writeFileSync(join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
