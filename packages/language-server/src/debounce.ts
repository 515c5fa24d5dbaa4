// Per-document debouncing: a burst of keystrokes produces one lint, run after the burst goes quiet.

export const DEFAULT_DEBOUNCE_MS = 50;
/** For an edit after a quiet spell: only long enough to take in the notifications an editor sends together. */
export const FIRST_EDIT_DEBOUNCE_MS = 10;

export class KeyedDebouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each key was last scheduled: a task scheduled within `delayMs` of the last one belongs to a burst. */
  private readonly lastScheduled = new Map<string, number>();

  /**
   * With `firstDelayMs`, the first task after a quiet spell (a single edit, or the first keystroke of a burst) runs
   * after that shorter delay; the rest of a burst still waits until it has been quiet for `delayMs`.
   */
  constructor(
    private readonly delayMs: number = DEFAULT_DEBOUNCE_MS,
    private readonly firstDelayMs: number = delayMs,
  ) {}

  /** Runs `task` for `key` after the delay, replacing any task still waiting for that key. */
  schedule(key: string, task: () => void): void {
    const now = Date.now();
    const last = this.lastScheduled.get(key);
    const inBurst = this.timers.has(key) || (last !== undefined && now - last < this.delayMs);
    if (this.firstDelayMs !== this.delayMs) this.lastScheduled.set(key, now);
    this.cancel(key);
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        task();
      },
      inBurst ? this.delayMs : this.firstDelayMs,
    );
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(key);
    }
  }

  /** Forgets the key altogether (a closed document). */
  forget(key: string): void {
    this.cancel(key);
    this.lastScheduled.delete(key);
  }

  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
