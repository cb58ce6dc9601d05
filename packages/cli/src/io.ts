import type { Writable } from 'node:stream';

/** Where a command reads its environment and writes its output (the process, or a test's capture). */
export interface CliIO {
  /** Results: the summary, the export. */
  stdout: Writable;
  /** Progress and diagnostics. */
  stderr: Writable;
  /** Environment variables (DOCSPACE_URL, DOCSPACE_TOKEN). */
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal: a progress bar is drawn there; otherwise one plain line per row. */
  isTTY: boolean;
  /** Terminal width for the progress bar. Default 80. */
  columns?: number;
  /** Aborted to stop a bulk run early (Ctrl-C): no new rows start, finished ones stay in the report. */
  signal?: AbortSignal;
}

/** Exit statuses of the CLI. */
export const ExitCode = {
  /** Every row succeeded. */
  ok: 0,
  /** Some rows were invalid or failed, or the run stopped on an error. */
  failed: 1,
  /** Bad command line or unreadable input: nothing was sent. */
  usage: 2,
} as const;

/** A bad command line or input file: printed with a hint to `--help`, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Writes text, waiting when the stream's buffer is full (so large exports keep memory bounded). */
export async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) {
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        stream.off('drain', done);
        stream.off('error', done);
        if (error) reject(error);
        else resolve();
      };
      stream.once('drain', done);
      stream.once('error', done);
    });
  }
}
