/** One record of a CSV file. */
export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  /** The fields, unquoted. */
  fields: string[];
  /** Set when the record is malformed (e.g. a quote left open); `fields` then holds what was read. */
  error?: string;
}

/**
 * Parses CSV text (RFC 4180): fields separated by commas, quoted with `"` (a quote inside is doubled), quoted
 * fields may hold commas and line breaks; lines end with CRLF, LF or CR; a leading byte-order mark is dropped.
 * Blank lines are skipped. Each record knows the line it starts on.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = input.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    let field = '';
    let atRecordEnd = false;
    while (!atRecordEnd) {
      if (input[i] === '"') {
        // Quoted field: up to the closing quote; "" is a quote.
        i++;
        let closed = false;
        while (i < n) {
          const c = input[i];
          if (c === '"') {
            if (input[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\r' || c === '\n') {
            line++;
            if (c === '\r' && input[i + 1] === '\n') {
              field += '\r\n';
              i += 2;
              continue;
            }
          }
          field += c;
          i++;
        }
        if (!closed) error = `a quoted field opened on line ${start} is never closed`;
        // Text between the closing quote and the next separator is kept, as most readers do.
        while (i < n && input[i] !== ',' && input[i] !== '\r' && input[i] !== '\n') {
          if (error === undefined) error = `unexpected text after a closing quote on line ${line}`;
          field += input[i];
          i++;
        }
      } else {
        // Unquoted field: one slice up to the next separator or line end.
        const from = i;
        while (i < n) {
          const c = input.charCodeAt(i);
          if (c === 44 /* , */ || c === 13 /* \r */ || c === 10 /* \n */) break;
          if (c === 34 /* " */ && error === undefined)
            error = `a quote inside an unquoted field on line ${line}`;
          i++;
        }
        field = input.slice(from, i);
      }
      fields.push(field);
      field = '';
      if (i >= n) {
        atRecordEnd = true;
      } else if (input[i] === ',') {
        i++;
        if (i >= n) fields.push('');
      } else {
        i += input[i] === '\r' && input[i + 1] === '\n' ? 2 : 1;
        line++;
        atRecordEnd = true;
      }
    }
    if (fields.length === 1 && fields[0] === '' && error === undefined) continue; // blank line
    records.push(error === undefined ? { line: start, fields } : { line: start, fields, error });
  }
  return records;
}

/** Quotes a value for CSV when it holds a comma, a quote, a line break or leading/trailing spaces. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Makes a cell safe to open in a spreadsheet: a value that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would run as a formula (CSV injection), so it gets a leading `'`, which spreadsheets show as text.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A report cell as written to a CSV report: like {@link spreadsheetSafe}, and a value that already starts with `'`
 * gets one more, so {@link fromReportCell} restores every value exactly when a run resumes from the report.
 */
export function toReportCell(value: string): string {
  return /^['=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The value of a report cell written by {@link toReportCell}. */
export function fromReportCell(cell: string): string {
  return /^'['=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** One CSV line (ending in `\n`) from values. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
