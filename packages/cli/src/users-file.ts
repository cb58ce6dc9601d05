import { parseCsv } from './csv.js';
import { parseGroupNames } from './group-names.js';
import { UsageError } from './io.js';

/** The user types the import can create. Guests cannot be created directly: DocSpace only invites them. */
export const importTypes = ['User', 'RoomAdmin', 'DocSpaceAdmin'] as const;

/** A type the import can create. */
export type ImportType = (typeof importTypes)[number];

/** One data row of the users file, checked. */
export interface UserRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  /** E-mail as written (trimmed). */
  email: string;
  /** First name (trimmed). */
  firstName: string;
  /** Last name (trimmed). */
  lastName: string;
  /** The type to create; `User` when the column is absent or empty. */
  type: string;
  /** Names of the groups to add the person to (the `groups` column, names separated by `;`). */
  groups: string[];
  /** Why the row cannot be sent; undefined for a valid row. */
  problem?: string;
}

/** The rule the SDK (and the curated spec) apply to e-mails. */
export const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

const COLUMNS = ['firstName', 'lastName', 'email', 'type', 'groups'] as const;
const REQUIRED = ['firstName', 'lastName', 'email'] as const;

/**
 * Reads the users CSV: a header row naming the columns `firstName`, `lastName`, `email` and optionally `type` and
 * `groups` (group names separated by `;`) (any order, any case; other columns are ignored), then one user per row. Every row is checked; invalid rows
 * carry the reason. Throws {@link UsageError} when the header lacks a required column.
 */
export function readUsers(text: string): UserRow[] {
  const [header, ...records] = parseCsv(text);
  if (!header)
    throw new UsageError('the users file is empty: expected a header row firstName,lastName,email,type');
  const index = new Map<string, number>();
  header.fields.forEach((name, i) => {
    const column = COLUMNS.find((known) => known.toLowerCase() === name.trim().toLowerCase());
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (missing.length > 0) {
    throw new UsageError(
      `the users file's header (line ${header.line}) lacks ${missing.join(', ')}: expected firstName,lastName,email[,type]`,
    );
  }
  const seen = new Map<string, number>();
  return records.map((record) => {
    const get = (column: (typeof COLUMNS)[number]) => {
      const i = index.get(column);
      return i === undefined ? '' : (record.fields[i] ?? '').trim();
    };
    const row: UserRow = {
      line: record.line,
      email: get('email'),
      firstName: get('firstName'),
      lastName: get('lastName'),
      type: get('type'),
      groups: [],
    };
    const problems: string[] = [];
    const groups = parseGroupNames(get('groups'));
    row.groups = groups.names;
    if (groups.problem !== undefined) problems.push(groups.problem);
    const control = controlCharacter(get('groups'));
    if (control) problems.push(`groups contains a control character (${control})`);
    if (record.error !== undefined) problems.push(record.error);
    else if (record.fields.length !== header.fields.length) {
      problems.push(`expected ${header.fields.length} fields, found ${record.fields.length}`);
    }
    problems.push(...checkUser(row));
    const key = row.email.toLowerCase();
    if (row.email !== '' && problems.length === 0) {
      const first = seen.get(key);
      if (first !== undefined) problems.push(`the e-mail ${row.email} is already on line ${first}`);
      else seen.set(key, row.line);
    }
    if (row.type === '') row.type = 'User';
    if (problems.length > 0) row.problem = problems.join('; ');
    return row;
  });
}

/** The first control character (NUL, ESC, ...) in a value as `U+0000`, or undefined. */
export function controlCharacter(value: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const found = /[\u0000-\u001f\u007f-\u009f]/.exec(value);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** The problems of one row's values (empty when valid). */
function checkUser(row: UserRow): string[] {
  const problems: string[] = [];
  for (const name of ['email', 'firstName', 'lastName', 'type'] as const) {
    const control = controlCharacter(row[name]);
    if (control) problems.push(`${name} contains a control character (${control})`);
  }
  if (problems.length > 0) return problems;
  if (row.email === '') problems.push('email is empty');
  else if (row.email.length > 255 || !EMAIL.test(row.email))
    problems.push(`email "${row.email}" is not a valid address`);
  for (const [name, value] of [
    ['firstName', row.firstName],
    ['lastName', row.lastName],
  ] as const) {
    if (value === '') problems.push(`${name} is empty`);
    else if (value.length > 255) problems.push(`${name} is longer than 255 characters`);
  }
  if (row.type !== '') {
    const type = importTypes.find((known) => known.toLowerCase() === row.type.toLowerCase());
    if (type) row.type = type;
    else if (row.type.toLowerCase() === 'guest') {
      problems.push('type Guest cannot be created: DocSpace adds guests only through an invitation');
    } else problems.push(`type "${row.type}" is not one of ${importTypes.join(', ')}`);
  }
  return problems;
}
