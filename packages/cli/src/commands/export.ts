import { type FileHandle, open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type PeopleFilter, type Person, ValidationError } from '@docspace-people/sdk';
import { connect, connectionHelp, connectionOptions } from '../connection.js';
import { csvLine, spreadsheetSafe } from '../csv.js';
import { type CliIO, ExitCode, FileError, fileProblem, UsageError, write, writeLine } from '../io.js';
import { idOf } from '../outcome-errors.js';
import { groupIdsOf } from '../sync/portal.js';

/** `--help` of `docspace-people export`. */
export const exportHelp = `Usage: docspace-people export [--format csv|json] [filters] [--output <file>]

Writes every matching person, fetched page by page (100 per request) and written as each page arrives, so
memory stays flat however many people the portal has. Columns: id, email, firstName, lastName, displayName, type,
status, activationStatus, registrationDate, department, location, groups (the names of the person's groups,
separated by "; ", as the server lists them with each person), quotaLimit and usedSpace (bytes; -1 is
no limit; empty when the portal does not send them: per-user quotas off, or a plan without storage statistics).

Options:
  --format csv|json   csv (default: a header row, one person per row) or json (an array, one person per line).
                      In CSV, a cell a spreadsheet would run as a formula (starting with = + - @) gets a leading '.
  --output <file>     write to <file> instead of standard output (a folder, a missing folder or a full
                      disk ends the export with a message and exit status 2)
  -h, --help          show this help

Filters (combine with AND):
  --status <s>        Active, Terminated or Pending
  --type <t>          DocSpaceAdmin, RoomAdmin, User or Guest; repeat for several
  --text <text>       names or e-mails containing <text>
  --group <id>        members of this group (GUID)
  --admins            DocSpace admins only
  --sort-by <field>   firstname, lastname, email, registrationDate, ...

${connectionHelp}

Exit status: 0 on success, 1 when the export stopped on an error, 2 on a usage error or when the output
file cannot be written.`;

const FIELDS = [
  'id',
  'email',
  'firstName',
  'lastName',
  'displayName',
  'type',
  'status',
  'activationStatus',
  'registrationDate',
  'department',
  'location',
  'groups',
  'quotaLimit',
  'usedSpace',
] as const;

/** `docspace-people export`. Returns the exit status. */
export async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'csv' },
      output: { type: 'string', short: 'o' },
      status: { type: 'string' },
      type: { type: 'string', multiple: true },
      text: { type: 'string' },
      group: { type: 'string' },
      admins: { type: 'boolean' },
      'sort-by': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...connectionOptions,
    },
  });
  if (values.help) {
    await write(io.stdout, `${exportHelp}\n`);
    return ExitCode.ok;
  }
  if (positionals.length > 0)
    throw new UsageError(`export takes no file argument (got ${positionals.join(' ')}); use --output`);
  const format = values.format;
  if (format !== 'csv' && format !== 'json')
    throw new UsageError(`--format must be csv or json, not ${format}`);
  const filter = toFilter(values);
  const ds = connect(values, io);
  // The SDK checks the filter when the first page is asked for: ask for it before anything is written, so a bad
  // filter is a usage error that leaves no header line and no output file behind.
  const people = ds.people.list(filter)[Symbol.asyncIterator]();
  let first: IteratorResult<Person>;
  try {
    first = await people.next();
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(error.message);
    throw error;
  }
  const list: AsyncIterable<Person> = {
    async *[Symbol.asyncIterator]() {
      for (let next = first; !next.done; next = await people.next()) yield next.value;
    },
  };

  const out = values.output === undefined ? new StreamOut(io) : await FileOut.open(values.output);
  let count = 0;
  let groupsUnknown = 0;
  try {
    await out.write(format === 'csv' ? csvLine(FIELDS) : '[');
    for await (const person of list) {
      idOf(person, 'the list of people');
      const row = toRow(person);
      if (groupIdsOf(person) === undefined) groupsUnknown++;
      await out.write(
        format === 'csv'
          ? csvLine(FIELDS.map((field) => spreadsheetSafe(row[field])))
          : `${count === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`,
      );
      count++;
      if (io.isTTY && count % 100 === 0 && values.output !== undefined)
        io.stderr.write(`\r${count} people exported`);
    }
    if (format === 'json') await out.write(count === 0 ? ']\n' : '\n]\n');
    await out.close();
  } finally {
    await out.abandon();
  }
  if (values.output !== undefined) {
    if (io.isTTY) await write(io.stderr, '\r');
    await writeLine(io.stderr, `Exported ${count} people to ${values.output}`);
  }
  if (groupsUnknown > 0) {
    // An empty cell would claim "in no group": say that it is unknown instead (see groupIdsOf).
    await writeLine(
      io.stderr,
      `warning: the server sent no group memberships for ${groupsUnknown} of ${count} people (an older server, or a caller it does not fill them for): their groups cell is empty because it is unknown, not because they are in no group`,
    );
  }
  return ExitCode.ok;
}

function toFilter(values: {
  status?: string | undefined;
  type?: string[] | undefined;
  text?: string | undefined;
  group?: string | undefined;
  admins?: boolean | undefined;
  'sort-by'?: string | undefined;
}): PeopleFilter {
  const filter: PeopleFilter = {};
  if (values.status !== undefined) {
    const statuses = ['Active', 'Terminated', 'Pending'] as const;
    const status = statuses.find((s) => s.toLowerCase() === values.status?.toLowerCase());
    if (!status) throw new UsageError(`--status must be one of ${statuses.join(', ')}, not ${values.status}`);
    filter.status = status;
  }
  if (values.type !== undefined) {
    const types = ['DocSpaceAdmin', 'RoomAdmin', 'User', 'Guest'] as const;
    filter.type = values.type.map((value) => {
      const type = types.find((t) => t.toLowerCase() === value.toLowerCase());
      if (!type) throw new UsageError(`--type must be one of ${types.join(', ')}, not ${value}`);
      return type;
    });
  }
  if (values.text !== undefined) filter.text = values.text;
  if (values.group !== undefined) filter.groupId = values.group;
  if (values.admins) filter.isAdministrator = true;
  if (values['sort-by'] !== undefined) filter.sortBy = values['sort-by'];
  return filter;
}

/**
 * One person as an export row. `groups` comes from the person as listed: the server's list (GET /people/filter,
 * EmployeeFullDtoHelper.GetFullAsync -> FillGroupsAsync, ONLYOFFICE/DocSpace-server v3.7.2-server ed2994e74f,
 * common/ASC.Api.Core/Model/EmployeeFullDto.cs) gives every person their portal groups (Terminated people
 * included), for callers who may list people at all (admins and RoomAdmins; it leaves them out only for a User
 * viewing someone else, and Users get 403 on lists). So no group is read: one request per page of people,
 * whatever the number of groups.
 */
function toRow(person: Person): Record<(typeof FIELDS)[number], string> {
  const groups = new Set(person.groups.flatMap((group) => (group.name === undefined ? [] : [group.name])));
  return {
    id: person.id,
    email: person.email ?? '',
    firstName: person.firstName ?? '',
    lastName: person.lastName ?? '',
    displayName: person.displayName ?? '',
    type: person.type,
    status: person.status,
    activationStatus: person.activationStatus,
    registrationDate: person.registrationDate?.toISOString() ?? '',
    department: person.department ?? '',
    location: person.location ?? '',
    groups: [...groups].sort().join('; '),
    quotaLimit: person.quotaLimit === undefined ? '' : String(person.quotaLimit),
    usedSpace: person.usedSpace === undefined ? '' : String(person.usedSpace),
  };
}

/** Where the export goes: standard output (with backpressure) or a file. */
interface ExportOut {
  write(text: string): Promise<void>;
  /** Flushes and closes (a file); throws {@link FileError} when that fails. */
  close(): Promise<void>;
  /** Closes without flushing after a failure; never throws. */
  abandon(): Promise<void>;
}

class StreamOut implements ExportOut {
  constructor(private readonly io: CliIO) {}
  write(text: string): Promise<void> {
    return write(this.io.stdout, text);
  }
  async close(): Promise<void> {}
  async abandon(): Promise<void> {}
}

/**
 * The `--output` file, written through one handle in 64 KB chunks: every failure (a folder, a missing folder,
 * a full disk) surfaces as a {@link FileError} at the write that hit it, never as an unhandled stream event.
 */
class FileOut implements ExportOut {
  #buffer: string[] = [];
  #size = 0;
  #handle: FileHandle | undefined;

  private constructor(
    private readonly path: string,
    handle: FileHandle,
  ) {
    this.#handle = handle;
  }

  static async open(path: string): Promise<FileOut> {
    try {
      return new FileOut(path, await open(path, 'w', 0o600));
    } catch (error) {
      throw new FileError(`cannot write ${path}: ${fileProblem(error)}`);
    }
  }

  async write(text: string): Promise<void> {
    this.#buffer.push(text);
    this.#size += text.length;
    if (this.#size >= 65_536) await this.#flush();
  }

  async close(): Promise<void> {
    await this.#flush();
    const handle = this.#handle;
    this.#handle = undefined;
    try {
      await handle?.close();
    } catch (error) {
      throw new FileError(`cannot write ${this.path}: ${fileProblem(error)}`);
    }
  }

  async abandon(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close().catch(() => undefined);
  }

  async #flush(): Promise<void> {
    const text = this.#buffer.join('');
    this.#buffer = [];
    this.#size = 0;
    if (text === '' || !this.#handle) return;
    try {
      await this.#handle.writeFile(text);
    } catch (error) {
      throw new FileError(`cannot write ${this.path}: ${fileProblem(error)} (the file is incomplete)`);
    }
  }
}
