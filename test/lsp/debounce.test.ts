// The debounce of edits: a lone edit is checked almost at once, a burst of keystrokes once, when it pauses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyedDebouncer } from '../../packages/language-server/src/debounce.js';

describe('KeyedDebouncer with a first-edit delay', () => {
  afterEach(() => vi.useRealTimers());

  it('runs a lone edit after the short delay, and a burst once, after it pauses', () => {
    vi.useFakeTimers();
    const debouncer = new KeyedDebouncer(50, 10);
    const runs: number[] = [];
    const start = Date.now();
    const edit = () => debouncer.schedule('doc', () => runs.push(Date.now() - start));

    edit(); // a lone edit
    vi.advanceTimersByTime(10);
    expect(runs).toEqual([10]);

    vi.advanceTimersByTime(200); // quiet
    runs.length = 0;
    const burstStart = Date.now() - start;
    for (let i = 0; i < 6; i++) {
      edit(); // keystrokes 20 ms apart
      vi.advanceTimersByTime(20);
    }
    vi.advanceTimersByTime(100);
    // The first keystroke is checked after the short delay; the rest of the burst once, 50 ms after its last keystroke.
    expect(runs).toEqual([burstStart + 10, burstStart + 5 * 20 + 50]);
  });

  it('treats an edit soon after a check it started as part of the burst', () => {
    vi.useFakeTimers();
    const debouncer = new KeyedDebouncer(50, 10);
    const runs: number[] = [];
    const start = Date.now();
    const edit = () => debouncer.schedule('doc', () => runs.push(Date.now() - start));
    edit();
    vi.advanceTimersByTime(30); // ran at 10
    edit(); // 30 ms after the last: within the burst window
    vi.advanceTimersByTime(100);
    expect(runs).toEqual([10, 80]);
    // Another key is on its own.
    debouncer.schedule('other', () => runs.push(-1));
    vi.advanceTimersByTime(10);
    expect(runs).toEqual([10, 80, -1]);
  });
});
