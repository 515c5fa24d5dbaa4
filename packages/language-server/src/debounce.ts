// Per-document debouncing: a burst of keystrokes produces one lint, run after the burst goes quiet.

export const DEFAULT_DEBOUNCE_MS = 50;

export class KeyedDebouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly delayMs: number = DEFAULT_DEBOUNCE_MS) {}

  /** Runs `task` for `key` after the delay, replacing any task still waiting for that key. */
  schedule(key: string, task: () => void): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      task();
    }, this.delayMs);
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(key);
    }
  }

  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
