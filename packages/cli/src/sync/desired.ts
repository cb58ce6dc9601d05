import { parseCsv } from '../csv.js';
import { MAX_GROUP_NAME, sameGroupName } from '../group-names.js';
import { UsageError } from '../io.js';
import { controlCharacter, EMAIL } from '../users-file.js';
import { type DesiredDirectory, type DesiredPerson, type DesiredType, desiredTypes } from './model.js';

/** One problem of the desired file, with the line it is on. */
export interface FileProblem {
  line: number;
  problem: string;
}

/** The desired file could not be used: every problem, each with its line. Nothing was planned. */
export class DesiredFileError extends UsageError {
  readonly problems: readonly FileProblem[];
  /** The message as lines for a terminal: the file, then one line per problem. */
  readonly lines: readonly string[];
  constructor(file: string, problems: readonly FileProblem[]) {
    const head = `${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was planned:`;
    super(`${head} ${problems.map((p) => `line ${p.line}: ${p.problem}`).join('; ')}`);
    this.problems = problems;
    this.lines = [head, ...problems.map((p) => `  line ${p.line}: ${p.problem}`)];
  }
}

const COLUMNS = ['email', 'firstName', 'lastName', 'type', 'groups', 'status', 'quota'] as const;
type Column = (typeof COLUMNS)[number];
type Raw = Partial<Record<Column, unknown>>;

/**
 * Reads a desired directory: CSV (header row with `email, firstName, lastName` and optionally `type, groups`
 * (names separated by `;`), `status` (active or terminated), `quota`), or JSON (an array of people, or
 * `{ "groups": [names], "people": [...] }`). Returns the people and the problems of every bad row (bad e-mail,
 * unknown type or status, bad quota, an e-mail twice in any letter case), each with its line.
 */
export function readDesired(
  file: string,
  text: string,
): { directory: DesiredDirectory; problems: FileProblem[] } {
  const json = file.toLowerCase().endsWith('.json') || /^\s*[[{]/.test(text);
  const entries = json ? jsonEntries(text) : csvEntries(text);
  const problems: FileProblem[] = [];
  const people: DesiredPerson[] = [];
  const seen = new Map<string, number>();
  for (const { line, raw, error } of entries.people) {
    if (error) {
      problems.push({ line, problem: error });
      continue;
    }
    const { person, problems: own } = checkPerson(line, raw);
    const key = person.email.toLowerCase();
    const first = seen.get(key);
    if (person.email !== '' && first !== undefined) {
      own.push(
        `the e-mail ${person.email} is already on line ${first} (e-mails are compared in any letter case)`,
      );
    } else if (person.email !== '') seen.set(key, line);
    for (const problem of own) problems.push({ line, problem });
    if (own.length === 0) people.push(person);
  }
  return { directory: { people, groups: entries.groups }, problems };
}

function checkPerson(line: number, raw: Raw): { person: DesiredPerson; problems: string[] } {
  const problems: string[] = [];
  const text = (column: Column): string => {
    const value = raw[column];
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number' && column === 'quota') return String(value);
    if (column === 'groups' && Array.isArray(value)) return '';
    problems.push(`${column} must be text`);
    return '';
  };
  const email = text('email');
  const firstName = text('firstName');
  const lastName = text('lastName');
  const typeText = text('type');
  const statusText = text('status');
  const quotaText = text('quota');
  const groups = groupList(raw.groups, problems);
  for (const [name, value] of [
    ['email', email],
    ['firstName', firstName],
    ['lastName', lastName],
    ['type', typeText],
    ['status', statusText],
    ...groups.map((g) => ['groups', g] as const),
  ] as const) {
    const control = controlCharacter(value);
    if (control) problems.push(`${name} contains a control character (${control})`);
  }
  if (email === '') problems.push('email is empty');
  else if (email.length > 255 || !EMAIL.test(email)) problems.push(`email "${email}" is not a valid address`);
  for (const [name, value] of [
    ['firstName', firstName],
    ['lastName', lastName],
  ] as const) {
    if (value === '') problems.push(`${name} is empty`);
    else if (value.length > 255) problems.push(`${name} is longer than 255 characters`);
  }
  let type: DesiredType = 'User';
  if (typeText !== '') {
    const known = desiredTypes.find((t) => t.toLowerCase() === typeText.toLowerCase());
    if (known) type = known;
    else problems.push(`type "${typeText}" is not one of ${desiredTypes.join(', ')}`);
  }
  let status: DesiredPerson['status'] = 'active';
  if (statusText !== '') {
    const lower = statusText.toLowerCase();
    if (lower === 'active' || lower === 'terminated') status = lower;
    else problems.push(`status "${statusText}" is not active or terminated`);
  }
  const quota = parseQuota(quotaText);
  if (quota === null)
    problems.push(`quota "${quotaText}" is not a size (bytes, or 500MB, 10GB...) or "unlimited"`);
  if (type === 'Guest' && groups.length > 0)
    problems.push('a Guest cannot be a group member (DocSpace skips guests)');
  for (const group of groups)
    if (group.length > MAX_GROUP_NAME)
      problems.push(`group "${group}" is longer than ${MAX_GROUP_NAME} characters`);
  return {
    person: { line, email, firstName, lastName, type, groups, status, quota: quota ?? undefined },
    problems,
  };
}

function groupList(value: unknown, problems: string[]): string[] {
  let names: unknown[];
  if (value === undefined || value === null || value === '') names = [];
  else if (typeof value === 'string') names = value.split(';');
  else if (Array.isArray(value)) names = value;
  else {
    problems.push('groups must be names separated by ";" (CSV) or an array of names (JSON)');
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    if (typeof name !== 'string') {
      problems.push('every group must be a name');
      continue;
    }
    const trimmed = name.trim();
    if (trimmed !== '' && !out.some((known) => sameGroupName(known, trimmed))) out.push(trimmed);
  }
  return out;
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 };

/** A quota cell: undefined when empty, null when malformed, -1 for unlimited, else bytes. */
function parseQuota(text: string): number | undefined | null {
  if (text === '') return undefined;
  const lower = text.toLowerCase().replace(/\s+/g, '');
  if (lower === 'unlimited' || lower === '-1') return -1;
  const match = /^(\d+(?:\.\d+)?)(b|kb|mb|gb|tb)?$/.exec(lower);
  if (!match) return null;
  const bytes = Math.round(Number(match[1]) * (UNITS[match[2] ?? 'b'] ?? 1));
  return Number.isSafeInteger(bytes) ? bytes : null;
}

interface Entries {
  people: { line: number; raw: Raw; error?: string }[];
  groups: string[];
}

function csvEntries(text: string): Entries {
  const [header, ...records] = parseCsv(text);
  if (!header)
    throw new UsageError('the desired file is empty: expected a header row email,firstName,lastName,...');
  const index = new Map<Column, number>();
  header.fields.forEach((name, i) => {
    const column = COLUMNS.find((known) => known.toLowerCase() === name.trim().toLowerCase());
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = (['email', 'firstName', 'lastName'] as const).filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new UsageError(
      `the desired file's header (line ${header.line}) lacks ${missing.join(', ')}: expected email,firstName,lastName[,type,groups,status,quota]`,
    );
  }
  const people = records.map((record) => {
    if (record.error !== undefined) return { line: record.line, raw: {}, error: record.error };
    if (record.fields.length !== header.fields.length) {
      return {
        line: record.line,
        raw: {},
        error: `expected ${header.fields.length} fields, found ${record.fields.length}`,
      };
    }
    const raw: Raw = {};
    for (const [column, i] of index) raw[column] = record.fields[i] ?? '';
    return { line: record.line, raw };
  });
  return { people, groups: [] };
}

function jsonEntries(text: string): Entries {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the desired file is not valid JSON: ${(error as Error).message}`);
  }
  const document = Array.isArray(value) ? { people: value } : (value as Record<string, unknown> | null);
  if (!document || typeof document !== 'object' || !Array.isArray(document.people)) {
    throw new UsageError('the desired JSON must be an array of people or an object with a "people" array');
  }
  const lines = objectLines(text, Array.isArray(value));
  const groupProblems: string[] = [];
  const groups = groupList(document.groups, groupProblems);
  if (groupProblems.length > 0) throw new UsageError(`"groups": ${groupProblems.join('; ')}`);
  const people = (document.people as unknown[]).map((entry, i) => {
    const line = lines[i] ?? 1;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      return { line, raw: {}, error: `people[${i}] is not an object` };
    }
    const raw: Raw = {};
    for (const [key, v] of Object.entries(entry)) {
      const column = COLUMNS.find((known) => known.toLowerCase() === key.toLowerCase());
      if (column) raw[column] = v;
    }
    return { line, raw };
  });
  return { people, groups };
}

/**
 * The line on which each element of the people array starts: the top-level array, or the array under the
 * top-level key "people". A small scanner that follows strings and nesting (the text is valid JSON here).
 */
function objectLines(text: string, topLevelArray: boolean): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  let lastKey = '';
  let peopleDepth = topLevelArray ? 1 : -1;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        inString = false;
        if (depth === 1 && !topLevelArray) lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (c === '"') {
      if (depth === peopleDepth && !expectValue) lines.push(line);
      inString = true;
      stringStart = i;
      expectValue = depth === peopleDepth ? true : expectValue;
    } else if (c === '{' || c === '[') {
      if (depth === peopleDepth && !expectValue) lines.push(line);
      if (depth === peopleDepth) expectValue = true;
      depth++;
      if (c === '[' && depth === 2 && !topLevelArray && lastKey === 'people') peopleDepth = 2;
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === peopleDepth) expectValue = false;
    else if (depth === peopleDepth && !expectValue && /[-0-9tfn]/.test(c ?? '')) {
      lines.push(line);
      expectValue = true;
    }
  }
  return lines;
}
