/** Should a progress bar show? Only on an interactive terminal, never in CI, and not with --no-progress. */
export function wantProgress(requested: boolean, stderrIsTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return requested && stderrIsTTY && !env.CI;
}

/**
 * A one-line progress bar on stderr: files done / total, findings so far, rate, time left.
 * Redrawn at most ten times a second; cleared when done so the report starts on a clean line.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private done = 0;
  private findings = 0;
  private drawn = false;

  constructor(
    private readonly write: (s: string) => void,
    private readonly total: number,
    private readonly columns: () => number = () => process.stderr.columns || 80,
  ) {}

  /** One more file finished, with this many findings. */
  tick(findings: number): void {
    this.done++;
    this.findings += findings;
    const now = Date.now();
    if (now - this.lastDraw >= 100 || this.done === this.total) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  /** Remove the bar. */
  clear(): void {
    if (this.drawn) this.write('\r\x1b[K');
    this.drawn = false;
  }

  /** The bar's text at `now` (for tests). */
  line(now = Date.now()): string {
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.done / seconds;
    const left = rate > 0 ? (this.total - this.done) / rate : 0;
    const info = ` ${this.done}/${this.total} files · ${this.findings} finding${this.findings === 1 ? '' : 's'} · ${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} files/s · ${clock(left)} left`;
    const width = Math.max(10, Math.min(30, this.columns() - info.length - 12));
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    return `caselint [${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${info}`;
  }

  private draw(now: number): void {
    this.write(`\r\x1b[K${this.line(now).slice(0, Math.max(20, this.columns() - 1))}`);
    this.drawn = true;
  }
}

function clock(seconds: number): string {
  const s = Math.ceil(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
