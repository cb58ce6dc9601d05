import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  type Stats,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { csvLine, fromReportCell, parseCsv, toReportCell } from './csv.js';
import { FileError, fileProblem, UsageError } from './io.js';

const { O_APPEND, O_CREAT, O_EXCL, O_NOFOLLOW, O_RDONLY, O_WRONLY } = constants;

/** One row of a report: column name to value. Every report has `line` and `outcome`. */
export type ReportRecord = Record<string, string | number>;

/** CSV or JSON, chosen by the report file's extension (`.json` is JSON, anything else CSV). */
export type ReportFormat = 'csv' | 'json';

/**
 * A report file that is always safe to resume from, and safe to write in a shared folder. While a run goes, every outcome is appended as one line
 * the moment it is known (CSV: a CSV line; JSON: one object per line inside a `[`), so a run killed at any point
 * keeps everything it finished. A later entry for the same row wins. At the start and the end of a run the file
 * is rewritten atomically (a temporary file renamed over it) with one entry per row; at the end a JSON report is
 * a complete JSON array.
 *
 * File safety: the temporary file has a random name and is created exclusively (`O_EXCL`, never through a
 * symbolic link); the report keeps its mode (a new report is created `0600`, readable by the user only); a
 * report path that is a symbolic link, not a regular file, or a file that is not a report of this command is
 * refused; while a run uses a report it holds `<report>.lock` (holding its process id), and a second run on the
 * same report is refused (a lock left by a process that no longer exists is taken over).
 */
export class ReportFile {
  /** The file's path. */
  readonly path: string;
  /** CSV or JSON. */
  readonly format: ReportFormat;
  readonly #columns: readonly string[];
  readonly #optional: readonly string[];
  /** The mode the report keeps (its own when it exists, else 0600). */
  #mode = 0o600;
  /** The open report while a run appends to it. */
  #fd: number | undefined;
  #locked = false;
  readonly #unlockOnExit = () => this.close();

  /**
   * `columns`: the report's columns in order; `line` and `outcome` must be among them. `optional`: columns an
   * earlier version's report may lack (it is still read, and rewritten with every column).
   */
  constructor(path: string, columns: readonly string[], optional: readonly string[] = []) {
    this.path = path;
    this.format = path.toLowerCase().endsWith('.json') ? 'json' : 'csv';
    this.#columns = columns;
    this.#optional = optional;
  }

  /**
   * Reads the entries of an earlier run, in file order (several entries of one row may follow each other:
   * the last one counts). Returns `[]` when the file does not exist. A line cut short by a kill is ignored.
   */
  load(): ReportRecord[] {
    const stat = this.#stat();
    if (!stat) return [];
    this.#mode = stat.mode & 0o7777;
    const text = readNoFollow(this.path, 'report');
    if (text.trim() === '') return [];
    return this.format === 'json' ? this.#loadJson(text) : this.#loadCsv(text);
  }

  /**
   * Takes the report's lock for this run (released by {@link close} or when the process exits). Throws
   * {@link UsageError} when another running process holds it.
   */
  lock(): void {
    const lockPath = `${this.path}.lock`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
        try {
          writeFileSync(fd, `${process.pid}\n`);
        } finally {
          closeSync(fd);
        }
        this.#locked = true;
        process.once('exit', this.#unlockOnExit);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new FileError(`cannot lock the report ${this.path} (${lockPath}): ${fileProblem(error)}`);
        }
      }
      const holder = lockHolder(lockPath);
      if (holder === undefined || isRunning(holder)) {
        throw new UsageError(
          `the report ${this.path} is in use by another run (${holder === undefined ? 'unknown process' : `process ${holder}`}); ` +
            `wait for it to finish, or delete ${lockPath} if no docspace-people run uses this report`,
        );
      }
      unlinkSync(lockPath); // left by a process that no longer exists (killed): take it over
    }
    throw new UsageError(`the report ${this.path} is in use by another run (${lockPath})`);
  }

  /** Releases the lock and closes the file. Safe to call twice. */
  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    if (!this.#locked) return;
    this.#locked = false;
    process.off('exit', this.#unlockOnExit);
    try {
      unlinkSync(`${this.path}.lock`);
    } catch {
      // already gone
    }
  }

  /** Rewrites the file atomically with these entries, left open for {@link append}. */
  begin(records: readonly ReportRecord[]): void {
    this.#replace(this.#head() + records.map((record) => this.#entry(record)).join(''));
    try {
      this.#fd = openSync(this.path, O_WRONLY | O_APPEND | O_NOFOLLOW);
    } catch (error) {
      throw new FileError(`cannot write the report ${this.path}: ${fileProblem(error)}`);
    }
  }

  /** Appends one entry at once (a single write, so a kill never leaves half of it unless the disk fails). */
  append(record: ReportRecord): void {
    if (this.#fd === undefined) throw new Error('ReportFile.append before begin');
    writeFileSync(this.#fd, this.#entry(record));
  }

  /** Rewrites the file atomically as the final report: one entry per row (JSON: a closed array). */
  finish(records: readonly ReportRecord[]): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    if (this.format === 'csv') {
      this.begin(records);
      return;
    }
    const body = records.map((record) => JSON.stringify(this.#ordered(record))).join(',\n');
    this.#replace(records.length === 0 ? '[]\n' : `[\n${body}\n]\n`);
  }

  #head(): string {
    return this.format === 'json' ? '[\n' : csvLine(this.#columns);
  }

  #entry(record: ReportRecord): string {
    if (this.format === 'json') return `${JSON.stringify(this.#ordered(record))},\n`;
    return csvLine(this.#columns.map((column) => toReportCell(String(record[column] ?? ''))));
  }

  #ordered(record: ReportRecord): ReportRecord {
    const out: ReportRecord = {};
    for (const column of this.#columns) {
      const value = record[column];
      if (value !== undefined && value !== '') out[column] = value;
    }
    return out;
  }

  /** The report's status (undefined when it does not exist); refuses links and anything but a regular file. */
  #stat(): Stats | undefined {
    return regularFileStat(this.path, 'report');
  }

  /** Writes `text` to a new, randomly named temporary file next to the report, then renames it over the report. */
  #replace(text: string): void {
    replaceFile(this.path, text, this.#mode, 'report', () => this.#stat());
  }

  #loadJson(text: string): ReportRecord[] {
    const lines = text.split('\n');
    const head = lines[0]?.trim();
    if (head !== '[' && head !== '[]') {
      throw new UsageError(
        `${this.path} is not a report of this command (it does not start with a "[" line)`,
      );
    }
    const records: ReportRecord[] = [];
    lines.forEach((raw, index) => {
      const line = raw.trim().replace(/,$/, '');
      if (line === '' || line === '[' || line === ']' || line === '[]') return;
      try {
        const value = JSON.parse(line) as unknown;
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          throw new Error('not an object');
        records.push(value as ReportRecord);
      } catch {
        const isLast = lines.slice(index + 1).every((rest) => rest.trim() === '' || rest.trim() === ']');
        if (!isLast) throw new UsageError(`${this.path} is not a report of this command (line ${index + 1})`);
      }
    });
    return records.map((record) => this.#checked(record));
  }

  #loadCsv(text: string): ReportRecord[] {
    const [header, ...rows] = parseCsv(text);
    if (!header) return [];
    const columns = header.fields.map((name) => name.trim());
    if (this.#columns.some((column) => !columns.includes(column) && !this.#optional.includes(column))) {
      throw new UsageError(`${this.path} is not a report of this command (columns: ${columns.join(', ')})`);
    }
    const records: ReportRecord[] = [];
    rows.forEach((row, index) => {
      if (row.error !== undefined || row.fields.length !== columns.length) {
        if (index === rows.length - 1) return; // cut short by a kill
        throw new UsageError(`${this.path}: line ${row.line} is damaged`);
      }
      const record: ReportRecord = {};
      columns.forEach((column, i) => {
        record[column] = fromReportCell(row.fields[i] ?? '');
      });
      records.push(record);
    });
    return records.map((record) => this.#checked(record));
  }

  #checked(record: ReportRecord): ReportRecord {
    if (record.outcome === undefined || record.line === undefined) {
      throw new UsageError(`${this.path} is not a report of this command (an entry has no line or outcome)`);
    }
    return record;
  }
}

/**
 * Writes `text` to a new, randomly named temporary file next to `path` (created exclusively, never through a
 * symbolic link, with `mode`), then renames it over `path`. `check` runs before the rename (it throws when `path`
 * became a link or a folder). Failures are a {@link FileError} naming the `what` ("report", "plan").
 */
export function replaceFile(path: string, text: string, mode: number, what: string, check: () => void): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
    fchmodSync(fd, mode);
    writeFileSync(fd, text);
    closeSync(fd);
    fd = undefined;
    check();
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // never created
    }
    if (error instanceof UsageError) throw error;
    throw new FileError(`cannot write the ${what} ${path}: ${fileProblem(error)}`);
  }
}

/** Reads a file as UTF-8, never through a symbolic link; failures are a {@link FileError} naming the `what`. */
export function readNoFollow(path: string, what: string): string {
  try {
    const fd = openSync(path, O_RDONLY | O_NOFOLLOW);
    try {
      return readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new FileError(`cannot read the ${what} ${path}: ${fileProblem(error)}`);
  }
}

/**
 * The status of a file the CLI writes (undefined when it does not exist); a symbolic link or anything but a
 * regular file is refused with a {@link UsageError}.
 */
export function regularFileStat(path: string, what: string): Stats | undefined {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FileError(`cannot read the ${what} ${path}: ${fileProblem(error)}`);
  }
  if (stat.isSymbolicLink()) {
    throw new UsageError(
      `the ${what} ${path} is a symbolic link: give the path of the file itself (files are never written through links)`,
    );
  }
  if (!stat.isFile()) throw new UsageError(`the ${what} ${path} is not a regular file`);
  return stat;
}

/** The process id in a lock file; undefined when it cannot be read (e.g. being written). */
function lockHolder(lockPath: string): number | undefined {
  try {
    const fd = openSync(lockPath, O_RDONLY | O_NOFOLLOW);
    try {
      const pid = Number(readFileSync(fd, 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** Whether a process with this id exists (EPERM: it exists but belongs to someone else). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The last entry per key of a report's entries (later entries win). */
export function latestByKey(
  records: readonly ReportRecord[],
  key: (record: ReportRecord) => string,
): Map<string, ReportRecord> {
  const latest = new Map<string, ReportRecord>();
  for (const record of records) latest.set(key(record), record);
  return latest;
}
