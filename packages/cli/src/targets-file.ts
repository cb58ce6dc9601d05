import { parseCsv } from './csv.js';

/** One person to offboard, as the file names them. */
export interface TargetRow {
  /** 1-based line of the file. */
  line: number;
  /** The id (GUID) or e-mail as written. */
  target: string;
  /** Whether `target` is an id or an e-mail. */
  kind: 'id' | 'email';
  /** Why the line cannot be used; undefined when valid. */
  problem?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/**
 * Reads the offboarding list: one user id (GUID) or e-mail per line (blank lines and lines starting with `#`
 * are ignored), or a CSV file whose header has an `id` or `email` column (the import report or an export works).
 */
export function readTargets(text: string): TargetRow[] {
  const records = parseCsv(text).filter((record) => !(record.fields[0] ?? '').trim().startsWith('#'));
  const first = records[0];
  let column = 0;
  let rows = records;
  if (first && first.fields.length > 1) {
    const names = first.fields.map((name) => name.trim().toLowerCase());
    const id = names.indexOf('id');
    column = id >= 0 ? id : names.indexOf('email');
    rows = records.slice(1);
    if (column < 0) {
      return [
        { line: first.line, target: '', kind: 'id', problem: 'a CSV list needs an "id" or "email" column' },
      ];
    }
  }
  const seen = new Map<string, number>();
  return rows.map((record) => {
    let target = (record.fields[column] ?? '').trim();
    // A CSV row without an id (e.g. an invalid row of an import report) falls back to its e-mail.
    if (target === '' && first && first.fields.length > 1) {
      const email = first.fields.findIndex((name) => name.trim().toLowerCase() === 'email');
      if (email >= 0) target = (record.fields[email] ?? '').trim();
    }
    const kind = GUID.test(target) ? 'id' : 'email';
    const row: TargetRow = { line: record.line, target, kind };
    if (record.error !== undefined) row.problem = record.error;
    else if (target === '') row.problem = 'no id or e-mail';
    else if (kind === 'email' && !EMAIL.test(target))
      row.problem = `"${target}" is not a user id (GUID) or an e-mail`;
    else {
      const key = target.toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) row.problem = `${target} is already on line ${earlier}`;
      else seen.set(key, record.line);
    }
    return row;
  });
}
