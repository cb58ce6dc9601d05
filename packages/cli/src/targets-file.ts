import { parseCsv } from './csv.js';
import { controlCharacter } from './users-file.js';

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
/** Characters an e-mail address part cannot hold here. */
const NOT_IN_EMAIL = /[\s@,;]/;

/**
 * The offboard e-mail rule, checked in linear time whatever the input: one `@`, no spaces, commas or semicolons,
 * and a dot inside the domain (not its first or last character).
 */
function looksLikeEmail(value: string): boolean {
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return !NOT_IN_EMAIL.test(local) && !NOT_IN_EMAIL.test(domain) && domain.slice(1, -1).includes('.');
}

/**
 * Reads the offboarding list: one user id (GUID) or e-mail per line (blank lines and lines starting with `#`
 * are ignored), or a CSV file whose header has an `id` or `email` column (an export works).
 *
 * A CSV with an `outcome` column is a report (of `import`): only the rows it reports `created` are taken, by
 * their id, so offboarding from an import report removes exactly the people that import created, never those it
 * skipped (they existed before) or the invalid and failed rows.
 */
export function readTargets(text: string): TargetRow[] {
  const records = parseCsv(text).filter((record) => !(record.fields[0] ?? '').trim().startsWith('#'));
  const first = records[0];
  let column = 0;
  let rows = records;
  let fallback = -1;
  if (first && first.fields.length > 1) {
    const names = first.fields.map((name) => name.trim().toLowerCase());
    const id = names.indexOf('id');
    const outcome = names.indexOf('outcome');
    column = id >= 0 ? id : names.indexOf('email');
    rows = records.slice(1);
    if (column < 0 || (outcome >= 0 && id < 0)) {
      return [
        {
          line: first.line,
          target: '',
          kind: 'id',
          problem:
            outcome >= 0 ? 'a report needs an "id" column' : 'a CSV list needs an "id" or "email" column',
        },
      ];
    }
    if (outcome >= 0) {
      rows = rows.filter((record) => (record.fields[outcome] ?? '').trim() === 'created');
    } else if (id >= 0) {
      // A CSV row without an id falls back to its e-mail.
      fallback = names.indexOf('email');
    }
  }
  const seen = new Map<string, number>();
  return rows.map((record) => {
    let target = (record.fields[column] ?? '').trim();
    if (target === '' && fallback >= 0) target = (record.fields[fallback] ?? '').trim();
    const kind = GUID.test(target) ? 'id' : 'email';
    const row: TargetRow = { line: record.line, target, kind };
    const control = controlCharacter(target);
    if (record.error !== undefined) row.problem = record.error;
    else if (target === '') row.problem = 'no id or e-mail';
    else if (control) row.problem = `the line contains a control character (${control})`;
    else if (kind === 'email' && !looksLikeEmail(target))
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
