import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { csvLine, parseCsv } from './csv.js';
import { UsageError } from './io.js';

/** One row of a report: column name to value. Every report has `line` and `outcome`. */
export type ReportRecord = Record<string, string | number>;

/** CSV or JSON, chosen by the report file's extension (`.json` is JSON, anything else CSV). */
export type ReportFormat = 'csv' | 'json';

/**
 * A report file that is always safe to resume from. While a run goes, every outcome is appended as one line
 * the moment it is known (CSV: a CSV line; JSON: one object per line inside a `[`), so a run killed at any point
 * keeps everything it finished. A later entry for the same row wins. At the start and the end of a run the file
 * is rewritten atomically (a temporary file renamed over it) with one entry per row; at the end a JSON report is
 * a complete JSON array.
 */
export class ReportFile {
  /** The file's path. */
  readonly path: string;
  /** CSV or JSON. */
  readonly format: ReportFormat;
  readonly #columns: readonly string[];

  /** `columns`: the report's columns in order; `line` and `outcome` must be among them. */
  constructor(path: string, columns: readonly string[]) {
    this.path = path;
    this.format = path.toLowerCase().endsWith('.json') ? 'json' : 'csv';
    this.#columns = columns;
  }

  /**
   * Reads the entries of an earlier run, in file order (several entries of one row may follow each other:
   * the last one counts). Returns `[]` when the file does not exist. A line cut short by a kill is ignored.
   */
  load(): ReportRecord[] {
    if (!existsSync(this.path)) return [];
    const text = readFileSync(this.path, 'utf8');
    return this.format === 'json' ? this.#loadJson(text) : this.#loadCsv(text);
  }

  /** Rewrites the file atomically with these entries, left open for {@link append}. */
  begin(records: readonly ReportRecord[]): void {
    this.#replace(this.#head() + records.map((record) => this.#entry(record)).join(''));
  }

  /** Appends one entry at once (a single write, so a kill never leaves half of it unless the disk fails). */
  append(record: ReportRecord): void {
    appendFileSync(this.path, this.#entry(record));
  }

  /** Rewrites the file atomically as the final report: one entry per row (JSON: a closed array). */
  finish(records: readonly ReportRecord[]): void {
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
    return csvLine(this.#columns.map((column) => String(record[column] ?? '')));
  }

  #ordered(record: ReportRecord): ReportRecord {
    const out: ReportRecord = {};
    for (const column of this.#columns) {
      const value = record[column];
      if (value !== undefined && value !== '') out[column] = value;
    }
    return out;
  }

  #replace(text: string): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, this.path);
  }

  #loadJson(text: string): ReportRecord[] {
    const lines = text.split('\n');
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
    if (this.#columns.some((column) => !columns.includes(column))) {
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
        record[column] = row.fields[i] ?? '';
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

/** The last entry per key of a report's entries (later entries win). */
export function latestByKey(
  records: readonly ReportRecord[],
  key: (record: ReportRecord) => string,
): Map<string, ReportRecord> {
  const latest = new Map<string, ReportRecord>();
  for (const record of records) latest.set(key(record), record);
  return latest;
}
