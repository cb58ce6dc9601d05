import { parseCsv } from './csv.js';
import { UsageError } from './io.js';
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

/** The problem of an entry cut while being written (a killed run): what it said is unknown. */
const CUT =
  'the entry is cut short (the run writing this file was interrupted while writing it): what it says is unknown, so nobody is offboarded for it';

/** The problem of an import row whose last entry is `pending`: its create was in flight when the import stopped. */
const IN_DOUBT =
  'the import was interrupted while this row was in flight (pending): whether it created the person is unknown; run the import again with the same --report to settle it, then offboard from that report';

/** One entry of a CSV with a header or of a JSON list: its line in the file and its values by lower-case name. */
interface Entry {
  line: number;
  values: Map<string, string>;
  /** Why the entry could not be read (a CSV quoting problem). */
  error?: string;
}

/**
 * Reads the offboarding list: one user id (GUID) or e-mail per line (blank lines and lines starting with `#`
 * are ignored), a CSV file whose header has an `id` or `email` column (an export works), or a JSON array with
 * one object per line holding `id` or `email` (as `export --format json` writes it).
 *
 * A report of `import` (CSV with an `outcome` column, or JSON whose entries have `outcome`, as `--report x.csv`
 * and `--report x.json` write them): only the rows it reports `created` are taken, by their id, so offboarding
 * from an import report removes exactly the people that import created, never those it skipped (they existed
 * before) or the invalid and failed rows. When a row has several entries (a report of an interrupted run), the
 * last one counts; a row whose last entry is `pending` (in flight when the import stopped) or an entry cut short
 * is taken with a problem, so it is reported rather than silently left out. A report with entries but none `created` is refused ({@link UsageError}): there is nobody to
 * offboard, and saying "0 deleted" would hide that. So is JSON that is not such an array.
 */
export function readTargets(text: string): TargetRow[] {
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') return fromEntries(jsonEntries(text));
  const records = parseCsv(text).filter((record) => !(record.fields[0] ?? '').trim().startsWith('#'));
  const first = records[0];
  if (!first || first.fields.length <= 1) {
    return checked(
      records.map((record) => ({
        line: record.line,
        target: (record.fields[0] ?? '').trim(),
        error: record.error,
      })),
    );
  }
  const names = first.fields.map((name) => name.trim().toLowerCase());
  const report = names.includes('outcome');
  if (!names.includes('id') && (report || !names.includes('email'))) {
    return [
      {
        line: first.line,
        target: '',
        kind: 'id',
        problem: report ? 'a report needs an "id" column' : 'a CSV list needs an "id" or "email" column',
      },
    ];
  }
  return fromEntries({
    report,
    entries: records.slice(1).map((record) => ({
      line: record.line,
      values: new Map(names.map((name, i) => [name, (record.fields[i] ?? '').trim()])),
      // A report writes every column: a row with fewer was cut short.
      ...(record.error !== undefined
        ? { error: record.error }
        : report && record.fields.length < names.length
          ? { error: CUT }
          : {}),
    })),
  });
}

/**
 * The entries of a JSON list or report, written one object per line inside `[` ... `]` (as import, offboard and
 * export write them; an interrupted report lacks the closing `]` and may end in a cut line, an entry with {@link CUT}).
 * `report`: some entry has an `outcome`.
 */
function jsonEntries(text: string): { report: boolean; entries: Entry[] } {
  const lines = text.split('\n');
  const notOurs = (why: string) =>
    new UsageError(
      `the file is JSON but not a list of people or an import report (${why}): give a JSON array with one object per line holding "id" or "email" (as export --format json writes it), an import report, or a CSV or text list`,
    );
  const open = lines.findIndex((line) => line.trim() !== '');
  const head = lines[open]?.trim();
  if (head !== '[' && head !== '[]') throw notOurs(`line ${open + 1} is not a "[" line`);
  const entries: Entry[] = [];
  let report = false;
  for (let index = open + 1; index < lines.length; index++) {
    const raw = (lines[index] ?? '').trim().replace(/,$/, '');
    if (raw === '' || raw === ']') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      const isLast = lines.slice(index + 1).every((rest) => rest.trim() === '' || rest.trim() === ']');
      if (!isLast) throw notOurs(`line ${index + 1} is not one JSON object`);
      entries.push({ line: index + 1, values: new Map(), error: CUT });
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw notOurs(`line ${index + 1} is not an object`);
    const values = new Map<string, string>();
    for (const [key, field] of Object.entries(value)) {
      if (typeof field === 'string' || typeof field === 'number')
        values.set(key.toLowerCase(), String(field).trim());
    }
    report ||= values.has('outcome');
    entries.push({ line: index + 1, values });
  }
  return { report, entries };
}

/** The targets of a list's or report's entries (see {@link readTargets}). */
function fromEntries({ report, entries }: { report: boolean; entries: Entry[] }): TargetRow[] {
  if (!report) {
    return checked(
      entries.map((entry) => ({
        line: entry.line,
        // A row without an id falls back to its e-mail.
        target: entry.values.get('id') || entry.values.get('email') || '',
        error: entry.error,
      })),
    );
  }
  // The last entry of each import row (by the report's `line`), in file order.
  const latest = new Map<string, Entry>();
  for (const entry of entries) {
    const row = entry.values.get('line') || `entry:${entry.line}`;
    latest.delete(row);
    latest.set(row, entry);
  }
  const rows = [...latest.values()];
  // A damaged entry's outcome is unknown, and so is a row still `pending`: kept, and reported invalid with why.
  const created = rows.filter((entry) => {
    const outcome = entry.values.get('outcome');
    return entry.error !== undefined || outcome === 'created' || outcome === 'pending';
  });
  if (created.length === 0 && rows.length > 0) {
    const outcomes = new Map<string, number>();
    for (const entry of rows) {
      const outcome = entry.values.get('outcome') || 'no outcome';
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    const counts = [...outcomes].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
    throw new UsageError(
      `the file is an import report of ${rows.length} rows (${counts}) and that import created nobody: nothing to offboard (offboard removes only the people an import created)`,
    );
  }
  return checked(
    created.map((entry) => {
      const error = entry.error ?? (entry.values.get('outcome') === 'pending' ? IN_DOUBT : undefined);
      const id = entry.values.get('id') ?? '';
      // A row in doubt is named by its e-mail when it has no id (its person is not taken by it).
      return {
        line: entry.line,
        target: error === undefined ? id : id || entry.values.get('email') || '',
        error,
      };
    }),
  );
}

/** Checks each target (an id or an e-mail, once) and says why a line cannot be used. */
function checked(
  found: readonly { line: number; target: string; error?: string | undefined }[],
): TargetRow[] {
  const seen = new Map<string, number>();
  return found.map(({ line, target, error }) => {
    const kind = GUID.test(target) ? 'id' : 'email';
    const row: TargetRow = { line, target, kind };
    const control = controlCharacter(target);
    if (error !== undefined) row.problem = error;
    else if (target === '') row.problem = 'no id or e-mail';
    else if (control) row.problem = `the line contains a control character (${control})`;
    else if (kind === 'email' && !looksLikeEmail(target))
      row.problem = `"${target}" is not a user id (GUID) or an e-mail`;
    else {
      const key = target.toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) row.problem = `${target} is already on line ${earlier}`;
      else seen.set(key, line);
    }
    return row;
  });
}
