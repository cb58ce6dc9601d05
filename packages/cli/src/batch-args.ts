import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { DocSpace } from '@docspace-people/sdk';
import { connect, connectionOptions } from './connection.js';
import { type CliIO, UsageError, write } from './io.js';
import { reasonOf } from './outcome-errors.js';
import { latestByKey, ReportFile, type ReportRecord } from './report.js';

/** What a batch command (import, offboard) was asked to do. */
export interface BatchRun<Row> {
  /** The input file, as given. */
  file: string;
  /** Its rows. */
  rows: Row[];
  /** Rows in flight at once (1..15). */
  concurrency: number;
  dryRun: boolean;
  ds: DocSpace;
  /** The report, when `--report` was given. */
  report: ReportFile | undefined;
  /** The latest outcome of each row in an earlier run's report, by row key. */
  earlier: Map<string, ReportRecord>;
  /** The values of the command's own options ({@link BatchCommand.options}), by name. */
  options: Record<string, string | boolean | undefined>;
}

/** How a batch command reads its arguments, its input file and its report. */
export interface BatchCommand<Row> {
  /** Its `--help` text. */
  help: string;
  /** The usage error when the file argument is missing or repeated. */
  usage: string;
  /** Parses the input file's text into rows (throws {@link UsageError} when it cannot). */
  read(text: string): Row[];
  /** The report's columns. */
  columns: readonly string[];
  /** Columns an earlier version's report may lack. */
  optionalColumns?: readonly string[];
  /** The key of a row in the report (the same row in a later run has the same key). */
  keyOf(record: ReportRecord): string;
  /** Options of this command besides the common ones (all strings or flags). */
  options?: Record<string, { type: 'string' | 'boolean' }>;
  /** Checks the command's own options before the file is read; throws {@link UsageError} (nothing sent). */
  check?(options: Record<string, string | boolean | undefined>): void;
}

/**
 * Parses `<file> [--report <file>] [--dry-run] [--concurrency N]` plus the connection flags, reads the file,
 * connects, and loads the earlier report. Returns undefined after printing `--help`.
 * Throws {@link UsageError} (nothing sent) on bad arguments.
 */
export async function startBatch<Row>(
  args: string[],
  io: CliIO,
  command: BatchCommand<Row>,
): Promise<BatchRun<Row> | undefined> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      report: { type: 'string' },
      'dry-run': { type: 'boolean' },
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...command.options,
      ...connectionOptions,
    },
  });
  if (values.help) {
    await write(io.stdout, `${command.help}\n`);
    return undefined;
  }
  if (positionals.length !== 1) throw new UsageError(command.usage);
  const options = Object.fromEntries(
    Object.keys(command.options ?? {}).map((name) => [name, values[name as keyof typeof values]]),
  ) as Record<string, string | boolean | undefined>;
  command.check?.(options);
  const file = positionals[0] as string;
  const concurrency = parseConcurrency(values.concurrency);
  const rows = command.read(readInput(file));
  const ds = connect(values, io);
  const report =
    values.report === undefined
      ? undefined
      : new ReportFile(values.report, command.columns, command.optionalColumns);
  report?.lock();
  try {
    const earlier = latestByKey(report?.load() ?? [], command.keyOf);
    report?.begin([...earlier.values()]);
    return { file, rows, concurrency, dryRun: values['dry-run'] === true, ds, report, earlier, options };
  } catch (error) {
    report?.close();
    throw error;
  }
}

/** The longest input line accepted, in bytes (a user row is a few hundred; a longer line is not a user list). */
export const MAX_LINE_BYTES = 16_384;

/**
 * Reads an input file as UTF-8 text, or throws a {@link UsageError} naming why not: unreadable, a line longer
 * than {@link MAX_LINE_BYTES}, or bytes that are not UTF-8 (with the line number).
 */
export function readInput(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? reasonOf(error)}`);
  }
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (end - start > MAX_LINE_BYTES) {
      throw new UsageError(
        `${file}: line ${line} is longer than ${MAX_LINE_BYTES} bytes (${end - start}); is this the right file?`,
      );
    }
    start = end + 1;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(
      `${file}: line ${firstBadUtf8Line(bytes)} is not valid UTF-8: save the file as UTF-8`,
    );
  }
}

/** The 1-based line holding the first byte sequence that is not UTF-8. */
function firstBadUtf8Line(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return line;
}

/** `--concurrency`: an integer from 1 to 15 (the server's limit of parallel writes); default 8. */
export function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return 8;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 15) {
    throw new UsageError(
      `--concurrency must be an integer from 1 to 15 (the server allows 15 parallel writes), not ${value}`,
    );
  }
  return n;
}
