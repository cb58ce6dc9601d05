import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { readInput } from '../batch-args.js';
import { connect, connectionHelp, connectionOptions } from '../connection.js';
import { type CliIO, ExitCode, UsageError, write } from '../io.js';
import { readDesired } from './desired.js';
import { writePlan } from './plan-file.js';
import { makePlan } from './planner.js';
import { renderPlan } from './render.js';

/** `--help` of `docspace-people plan`. */
export const planHelp = `Usage: docspace-people plan <desired.csv|desired.json> [--out plan.json] [--scope <scope>] [options]

Reads the desired directory and the portal and shows what would change, without changing anything: people to
create (type, groups), type changes (upgrade; downgrade with the data going to an heir), group memberships to
add or remove, groups to create, people to terminate, reactivate and delete, quotas to set.

The desired file (CSV with a header row, or JSON) has one person per row, keyed by e-mail: email, firstName,
lastName, type (User, RoomAdmin, DocSpaceAdmin, Guest; default User), groups (names, ";"-separated in CSV),
status (active or terminated; default active), quota (bytes, 500MB, 10GB, or unlimited; empty: not managed).
Every bad row is reported with its line, and nothing is planned from a bad file.

Options:
  --out <file>          write the plan as JSON (schema version 1, see the README) for "docspace-people apply"
  --scope <scope>       who may be terminated and deleted for missing from the file:
                          created-by-tool  people this tool created (default; marked in their notes)
                          group:<name>     the members of that group (terminated members included)
                          all              everyone
                        The owner and you are never terminated or deleted; people in the file are managed
                        whatever the scope.
  --grace-days <N>      delete people missing from the file only after N days terminated (default 30)
  --heir <who>          e-mail or id of the active RoomAdmin/DocSpaceAdmin who receives the rooms and files of
                        deleted and downgraded people
  --create-groups <a,b> groups the file may use that do not exist yet (created by apply; JSON files can list
                        them as "groups")
  -h, --help            show this help

${connectionHelp}

Exit status: 0 when the plan was made, 2 for a bad file or usage (nothing planned), 1 when the portal failed.`;

/** `docspace-people plan`. Returns the exit status. */
export async function planCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      scope: { type: 'string' },
      'grace-days': { type: 'string' },
      heir: { type: 'string' },
      'create-groups': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...connectionOptions,
    },
  });
  if (values.help) {
    await write(io.stdout, `${planHelp}\n`);
    return ExitCode.ok;
  }
  if (positionals.length !== 1)
    throw new UsageError('give exactly one desired file: docspace-people plan <desired.csv>');
  const file = positionals[0] as string;
  const scope = parseScope(values.scope);
  const graceDays = parseGraceDays(values['grace-days']);
  const text = readInput(file);
  const { directory, problems } = readDesired(file, text);
  for (const name of (values['create-groups'] ?? '').split(',')) {
    if (name.trim() !== '' && !directory.groups.includes(name.trim())) directory.groups.push(name.trim());
  }
  const ds = connect(values, io);
  const plan = await makePlan(ds, directory, {
    source: { file, sha256: createHash('sha256').update(text).digest('hex') },
    scope,
    graceDays,
    heir: values.heir,
    now: new Date(),
    problems,
  });
  await write(io.stdout, `${renderPlan(plan)}\n`);
  if (values.out !== undefined) {
    writePlan(values.out, plan);
    await write(
      io.stdout,
      `Plan written to ${values.out}: apply it with "docspace-people apply ${values.out}".\n`,
    );
  }
  return ExitCode.ok;
}

/** `--scope`: created-by-tool (default), all, or group:<name>. */
function parseScope(value: string | undefined): string {
  if (value === undefined || value === 'created-by-tool' || value === 'all')
    return value ?? 'created-by-tool';
  if (value.startsWith('group:') && value.length > 'group:'.length) return value;
  throw new UsageError(`--scope must be created-by-tool, all or group:<name>, not ${value}`);
}

function parseGraceDays(value: string | undefined): number {
  if (value === undefined) return 30;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 3650)
    throw new UsageError(`--grace-days must be a whole number of days from 0 to 3650, not ${value}`);
  return n;
}
