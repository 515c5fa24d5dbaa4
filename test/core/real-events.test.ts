// Events the document rules act on (a placement, a move, co-sleeping seen, a worker leaving), on real sentences: what
// caselint's facts record against what two readers agreed each sentence records as happening in its case. One test
// per sentence and event kind; the ones caselint gets wrong are listed, with a reason, in real-events-known-failures.json,
// so fixing one fails its test until the list is updated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, Linter, parseDocument } from '@caselint/core';
import { rules } from '@caselint/rules';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

type EventName = 'placement' | 'move' | 'co-sleeping' | 'worker-left';
interface Labelled { id: string; text: string; events: EventName[]; disagreed: EventName[] }
interface KnownFailure { id: string; event: EventName; reason: string }

const FIXTURES = join(ROOT, 'test/fixtures');
const sentences = JSON.parse(readFileSync(join(FIXTURES, 'real-events.json'), 'utf8')) as Labelled[];
const known = JSON.parse(readFileSync(join(FIXTURES, 'real-events-known-failures.json'), 'utf8')) as KnownFailure[];
const knownBy = new Map(known.map((k) => [`${k.id}\u0000${k.event}`, k]));
const EVENTS: EventName[] = ['placement', 'move', 'co-sleeping', 'worker-left'];
const linter = new Linter(rules);
const config = defaultConfig();

function recorded(text: string): Set<EventName> {
  const found = new Set<EventName>();
  for (const f of linter.record(parseDocument(text, 'text'), config)) {
    if (f.kind === 'event') found.add(f.event as EventName);
    else if (f.kind === 'co-sleeping') found.add('co-sleeping');
    else if (f.kind === 'allocation' && (f.allocation === 'worker-left' || f.allocation === 'unallocated')) found.add('worker-left');
  }
  return found;
}

describe('real-events-known-failures.json', () => {
  it('lists only existing sentences and events, once each, with a reason', () => {
    const ids = new Set(sentences.map((s) => s.id));
    for (const k of known) {
      expect(ids.has(k.id), k.id).toBe(true);
      expect(EVENTS.includes(k.event), `${k.id}: ${k.event}`).toBe(true);
      expect(k.reason.trim().length > 0, `${k.id}: a reason`).toBe(true);
    }
    expect(knownBy.size).toBe(known.length);
  });
});

describe('events on real sentences (test/fixtures/real-events.json)', () => {
  const tally = Object.fromEntries(EVENTS.map((e) => [e, { tp: 0, fp: 0, fn: 0 }]));
  afterAll(() => {
    for (const e of EVENTS) {
      const { tp, fp, fn } = tally[e]!;
      if (tp + fp + fn) console.log(`${e}: precision ${tp + fp ? (tp / (tp + fp)).toFixed(3) : '-'} recall ${tp + fn ? (tp / (tp + fn)).toFixed(3) : '-'} (${tp} found, ${fp} false, ${fn} missed)`);
    }
  });
  for (const s of sentences) {
    it(`${s.id}: ${s.text.slice(0, 60)}`, () => {
      const found = recorded(s.text);
      for (const e of EVENTS) {
        if (s.disagreed.includes(e)) continue; // only the labels both readers agree on count
        const want = s.events.includes(e);
        const got = found.has(e);
        if (got && want) tally[e]!.tp++;
        else if (got) tally[e]!.fp++;
        else if (want) tally[e]!.fn++;
        const listed = knownBy.get(`${s.id}\u0000${e}`);
        if (listed) expect(got, `listed as a known failure (${listed.reason}) but now ${got ? 'found' : 'not found'} as labelled: remove it`).toBe(!want);
        else expect(got, `${e}: readers say ${want ? 'recorded' : 'not recorded'}`).toBe(want);
      }
    });
  }
});
