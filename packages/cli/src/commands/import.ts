import type { DocSpace, Group } from '@docspace-people/sdk';
import { startBatch } from '../batch-args.js';
import { connectionHelp } from '../connection.js';
import { GroupNames, type ResolvedGroups } from '../group-names.js';
import { type CliIO, ExitCode, writeLine } from '../io.js';
import { idOf, isEmailTaken, isFatal, isTransient, mayHaveLanded, reasonOf } from '../outcome-errors.js';
import { findByEmail } from '../people-lookup.js';
import { runPool } from '../pool.js';
import { Progress } from '../progress.js';
import type { ReportRecord } from '../report.js';
import { RETRY_ATTEMPTS, waitBeforeRetry } from '../retry.js';
import { readUsers, type UserRow } from '../users-file.js';

/** `--help` of `docspace-people import`. */
export const importHelp = `Usage: docspace-people import <users.csv> [--create-groups] [--report <file>] [--dry-run] [--concurrency N]

Creates the users listed in a CSV file. Columns (header row required, any order): firstName, lastName, email,
type (optional: User, RoomAdmin or DocSpaceAdmin; default User; guests can only be invited), groups (optional:
group names separated by ";"; each person, created or already there, is added to them).

  Every row is checked before anything is sent; invalid rows are reported with their line and never sent.
  People who already exist (same e-mail) are skipped, never duplicated. At most N rows are in flight (the
  server allows 15 parallel writes); transient failures are retried, and a create whose answer was lost is
  looked up by e-mail instead of being sent twice. Outcomes claim only what the server said: "created" only
  when the create answered with the person, "skipped" when they existed, "unconfirmed" when the answer to our
  create was lost and the person exists now (made by this import or by someone else).

Options:
  --report <file>    write every row's outcome (created with id, skipped, unconfirmed, invalid, failed with
                     reason) to <file> (.json: JSON, otherwise CSV) as it happens. Run again with the same
                     report to finish an interrupted import: finished rows are not sent again. A new report is
                     readable by you only; a symbolic link, or a file that is not a report, is refused; one
                     run at a time uses a report (<file>.lock).
  --create-groups    create the groups the file names that the portal does not have (each once); without it a
                     row naming an unknown group fails before its person is created
  --dry-run          check the file, who exists and which groups would be created; create nobody
  --concurrency <N>  rows in flight at once, 1 to 15 (default 8)
  -h, --help         show this help

${connectionHelp}

Exit status: 0 when every row was created, skipped or unconfirmed, 1 when a row was invalid or failed, 2 on a usage error.`;

const COLUMNS = ['line', 'email', 'firstName', 'lastName', 'type', 'outcome', 'id', 'reason'] as const;
const DONE = new Set(['created', 'skipped', 'unconfirmed']);

/** `docspace-people import`. Returns the exit status. */
export async function importCommand(args: string[], io: CliIO): Promise<number> {
  const run = await startBatch(args, io, {
    help: importHelp,
    usage: 'give exactly one users file: docspace-people import <users.csv>',
    read: readUsers,
    columns: COLUMNS,
    // An invalid row was never sent: its e-mail (maybe a duplicate of a valid row's) must not hide that row's outcome.
    keyOf: (record) =>
      record.outcome === 'invalid'
        ? `line:${record.line}`
        : keyOf(String(record.email ?? ''), record.line ?? ''),
    options: { 'create-groups': { type: 'boolean' } },
  });
  if (!run) return ExitCode.ok;
  const { file, rows, concurrency, dryRun, ds, report, earlier, options } = run;
  const groupNames = new GroupNames(ds, { create: options['create-groups'] === true, dryRun });

  const progress = new Progress(io, rows.length);
  const outcomes = new Map<UserRow, ReportRecord>();
  const record = (row: UserRow, outcome: string, id = '', reason = '') => {
    const entry: ReportRecord = { ...base(row), outcome, id, reason };
    if (outcome !== 'pending') {
      outcomes.set(row, entry);
      progress.row(outcome, describe(entry), outcome === 'invalid' || outcome === 'failed');
    }
    report?.append(entry);
  };

  const queue: { row: UserRow; earlier: ReportRecord | undefined }[] = [];
  for (const row of rows) {
    const before = earlier.get(keyOf(row.email, row.line));
    if (row.problem !== undefined) record(row, 'invalid', '', row.problem);
    else if (before && DONE.has(String(before.outcome))) {
      record(row, String(before.outcome), String(before.id ?? ''), String(before.reason ?? ''));
    } else queue.push({ row, earlier: before });
  }

  let fatal: unknown;
  await runPool(
    queue,
    concurrency,
    async ({ row, earlier: before }) => {
      try {
        // The groups first: a row naming a group that cannot be used fails before its person is created.
        const groups = row.groups.length > 0 ? await groupNames.resolve(row.groups) : undefined;
        const [outcome, id, reason] = await importRow(
          ds,
          row,
          before?.outcome === 'pending',
          dryRun,
          (pending) => record(row, pending),
        );
        const joined =
          groups && !dryRun && id !== ''
            ? await joinGroups(ds, groups.groups, id).catch((error: unknown) => {
                if (isFatal(error)) throw error;
                // Run again to finish: the person then exists (skipped) and is added to the groups.
                throw new Error(`${outcome} ${id}, but ${reasonOf(error)}`);
              })
            : '';
        record(row, outcome, id, [reason, joined, createdGroups(groups, dryRun)].filter(Boolean).join('; '));
      } catch (error) {
        if (isFatal(error)) fatal ??= error;
        record(row, 'failed', '', reasonOf(error));
      }
    },
    () => fatal !== undefined || io.signal?.aborted === true,
  );
  const stopReason = fatal === undefined ? 'interrupted' : `the run stopped: ${reasonOf(fatal)}`;
  for (const { row } of queue) if (!outcomes.has(row)) record(row, 'failed', '', `not sent (${stopReason})`);
  progress.finish();
  report?.finish(rows.map((row) => outcomes.get(row) ?? { ...base(row), outcome: 'failed' }));

  const counts = ['created', 'skipped', 'unconfirmed', 'would-create', 'invalid', 'failed']
    .map((outcome) => [outcome, progress.counts.get(outcome) ?? 0] as const)
    .filter(([outcome, n]) => n > 0 || outcome === 'created' || outcome === 'failed');
  const summary = counts.map(([outcome, n]) => `${n} ${outcome}`).join(', ');
  await writeLine(io.stdout, `Import of ${file}: ${rows.length} rows: ${summary}.`);
  if (dryRun) await writeLine(io.stdout, 'Dry run: nobody was created.');
  if (fatal !== undefined) await writeLine(io.stdout, `Stopped early: ${reasonOf(fatal)}`);
  if (report) await writeLine(io.stdout, `Report: ${report.path}`);
  report?.close();
  const allDone = rows.every((row) =>
    ['created', 'skipped', 'unconfirmed', 'would-create'].includes(String(outcomes.get(row)?.outcome)),
  );
  return allDone ? ExitCode.ok : ExitCode.failed;
}

/**
 * Creates one user unless they exist, and claims only what the server said. `resumed`: an earlier run sent this
 * create and was stopped before it learnt the answer. Returns [outcome, id, reason]:
 * - `created` only when the create call answered with the new person;
 * - `skipped` when the person existed before this import sent anything for the row (found by the lookup, or the
 *   server refused the create because the e-mail is already registered and no create of ours was in doubt);
 * - `unconfirmed` when a create of this row may have landed without its answer (a lost answer, an interrupted
 *   run) and a user with the e-mail exists now: this import or someone else made them, the server cannot tell.
 */
async function importRow(
  ds: DocSpace,
  row: UserRow,
  resumed: boolean,
  dryRun: boolean,
  markPending: (outcome: 'pending') => void,
): Promise<[string, string, string]> {
  const existing = await findByEmail(ds, row.email);
  if (existing) {
    return resumed
      ? ['unconfirmed', existing.id, `${UNCONFIRMED}: an interrupted run sent its create`]
      : ['skipped', existing.id, 'a user with this e-mail already exists'];
  }
  if (dryRun) return ['would-create', '', ''];
  markPending('pending');
  // Whether a create of this run for the row may have landed without us seeing the answer (cleared when a
  // lookup then finds nobody). An interrupted run's create stays in doubt: it may still land at the server.
  let inDoubt = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const person = await ds.people.create({
        email: row.email,
        firstName: row.firstName,
        lastName: row.lastName,
        type: row.type as 'User',
      });
      return ['created', idOf(person, 'the create'), ''];
    } catch (error) {
      if (isFatal(error)) throw error;
      const taken = isEmailTaken(error);
      if (!taken && !isTransient(error)) throw error;
      // "Already registered" is the server refusing this create: only an earlier attempt can be in doubt.
      inDoubt ||= !taken && mayHaveLanded(error);
      // Look before sending again: the e-mail may be taken by now (by us or by someone else).
      const now = await findByEmail(ds, row.email);
      if (now) {
        if (inDoubt || resumed) return ['unconfirmed', now.id, `${UNCONFIRMED} after: ${reasonOf(error)}`];
        return [
          'skipped',
          now.id,
          taken
            ? `the server refused the create (${reasonOf(error)}): the user was registered after the lookup, not by this import`
            : 'a user with this e-mail already exists',
        ];
      }
      inDoubt = false; // nobody has the e-mail: no create of ours landed
      if (attempt >= RETRY_ATTEMPTS || taken) throw error;
      await waitBeforeRetry(attempt, error);
    }
  }
}

const UNCONFIRMED =
  'a user with this e-mail exists, but the answer to our create was lost, so this import may or may not have created them';

/**
 * Adds the person to the groups (an existing member stays one, so a run again is harmless) and returns the note
 * for the report. Throws when the server did not add them (it skips Terminated people and guests without saying so).
 */
async function joinGroups(ds: DocSpace, groups: readonly Group[], id: string): Promise<string> {
  for (const group of groups) {
    const { notApplied } = await ds.groups.addMembers(group.id, id);
    if (notApplied.length > 0)
      throw new Error(`the server did not add them to the group "${group.name}" (a Terminated user?)`);
  }
  return `in groups ${groups.map((group) => group.name).join(', ')}`;
}

/** The report's note on the groups this row created (or would create). */
function createdGroups(groups: ResolvedGroups | undefined, dryRun: boolean): string {
  if (!groups || groups.created.length === 0) return '';
  return `${dryRun ? 'would create' : 'created'} group ${groups.created.join(', ')}`;
}

function base(row: UserRow): ReportRecord {
  return {
    line: row.line,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    type: row.type,
  };
}

function keyOf(email: string, line: string | number): string {
  return email.trim() === '' ? `line:${line}` : email.trim().toLowerCase();
}

function describe(entry: ReportRecord): string {
  const who = entry.email ? ` ${entry.email}` : '';
  const id = entry.id ? ` (${entry.id})` : '';
  const reason = entry.reason ? `: ${entry.reason}` : '';
  return `line ${entry.line}: ${entry.outcome}${who}${id}${reason}`;
}
