import { type CliIO, terminalSafe } from './io.js';

/** How long plain progress lines may wait in memory before they are written (milliseconds). */
const PLAIN_FLUSH_MS = 50;

/**
 * Shows how a bulk run goes: a redrawn bar on a terminal, one plain line per finished row otherwise. Plain lines
 * are written in batches (at most {@link PLAIN_FLUSH_MS} ms late, and at {@link finish} or process exit): one
 * write per row to a pipe cost a system call and a wake-up of the reader per row, a tenth of the CPU of a bulk
 * run. The report file, not this output, is what a resumed run relies on.
 */
export class Progress {
  readonly #io: CliIO;
  readonly #total: number;
  readonly #counts = new Map<string, number>();
  #done = 0;
  #drawn = false;
  #lastDraw = 0;
  /** Plain lines not yet written. */
  #pending: string[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #flushOnExit = () => this.#flush();

  /** `total`: rows to process (including those finished in an earlier run). */
  constructor(io: CliIO, total: number) {
    this.#io = io;
    this.#total = total;
  }

  /**
   * Records a finished row. `text` (made terminal-safe: control characters escaped) is what a plain-text run prints for it; on a terminal only problems
   * (`important`) are printed, above the bar.
   */
  row(outcome: string, text: string, important: boolean): void {
    const line = terminalSafe(text);
    this.#done++;
    this.#counts.set(outcome, (this.#counts.get(outcome) ?? 0) + 1);
    const prefix = `[${this.#done}/${this.#total}]`;
    if (!this.#io.isTTY) {
      this.#pending.push(`${prefix} ${line}\n`);
      if (this.#timer === undefined) {
        this.#timer = setTimeout(() => this.#flush(), PLAIN_FLUSH_MS);
        this.#timer.unref();
        process.once('exit', this.#flushOnExit);
      }
      return;
    }
    if (important) {
      this.#clear();
      this.#io.stderr.write(`${line}\n`);
    }
    const now = Date.now();
    if (important || now - this.#lastDraw > 80 || this.#done === this.#total) this.#draw(now);
  }

  /** Counts per outcome so far. */
  get counts(): ReadonlyMap<string, number> {
    return this.#counts;
  }

  /** Removes the bar (call before printing the summary). */
  finish(): void {
    this.#flush();
    if (this.#drawn) this.#draw(Date.now());
    if (this.#drawn) this.#io.stderr.write('\n');
    this.#drawn = false;
  }

  /** Writes the plain lines that wait, in one write. */
  #flush(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      process.off('exit', this.#flushOnExit);
    }
    if (this.#pending.length === 0) return;
    const text = this.#pending.join('');
    this.#pending = [];
    this.#io.stderr.write(text);
  }

  #clear(): void {
    if (this.#drawn) this.#io.stderr.write('\r\x1b[2K');
    this.#drawn = false;
  }

  #draw(now: number): void {
    this.#lastDraw = now;
    const counts = [...this.#counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
    const tail = ` ${this.#done}/${this.#total}${counts ? `  ${counts}` : ''}`;
    const width = Math.max(10, Math.min(40, (this.#io.columns ?? 80) - tail.length - 3));
    const filled = this.#total === 0 ? width : Math.round((width * this.#done) / this.#total);
    this.#io.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${tail}`);
    this.#drawn = true;
  }
}
