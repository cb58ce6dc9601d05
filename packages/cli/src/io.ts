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

/**
 * A file the command could not read or write (a directory, a missing folder, a full disk): printed without the
 * `--help` hint, exit status 2.
 */
export class FileError extends Error {
  override readonly name = 'FileError';
}

/**
 * Text safe to print on a terminal: control characters (C0 including ESC, CR, LF and TAB, DEL, C1) from CSV cells
 * and server messages are shown as `\x1b`-style escapes, so they cannot move the cursor, retitle the window or
 * fake output lines.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Describes a failed file operation: `ENOSPC (no space left on device)`. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const known: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is not a folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'read-only file system',
    ELOOP: 'is a symbolic link',
  };
  if (code) return known[code] ? `${code} (${known[code]})` : code;
  return error instanceof Error ? error.message : String(error);
}

/** Writes one line of text for a person to read, made {@link terminalSafe} (the line break is added). */
export function writeLine(stream: Writable, text: string): Promise<void> {
  return write(stream, `${terminalSafe(text)}\n`);
}
