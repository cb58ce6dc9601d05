import type { DocSpace, Person } from '@docspace-people/sdk';
import { startBatch } from '../batch-args.js';
import { connectionHelp } from '../connection.js';
import { type CliIO, ExitCode, write } from '../io.js';
import { isEmailTaken, isFatal, isNotFound, isTransient, reasonOf, sleep } from '../outcome-errors.js';
import { runPool } from '../pool.js';
import { Progress } from '../progress.js';
import type { ReportRecord } from '../report.js';
import { readUsers, type UserRow } from '../users-file.js';

/** `--help` of `docspace-people import`. */
export const importHelp = `Usage: docspace-people import <users.csv> [--report <file>] [--dry-run] [--concurrency N]

Creates the users listed in a CSV file. Columns (header row required, any order): firstName, lastName, email,
type (optional: User, RoomAdmin or DocSpaceAdmin; default User; guests can only be invited).

  Every row is checked before anything is sent; invalid rows are reported with their line and never sent.
  People who already exist (same e-mail) are skipped, never duplicated. At most N rows are in flight (the
  server allows 15 parallel writes); transient failures are retried, and a create whose answer was lost is
  confirmed by e-mail instead of being sent twice.

Options:
  --report <file>    write every row's outcome (created with id, skipped, invalid, failed with reason) to
                     <file> (.json: JSON, otherwise CSV) as it happens. Run again with the same report to
                     finish an interrupted import: finished rows are not sent again.
  --dry-run          check the file and who exists; create nobody
  --concurrency <N>  rows in flight at once, 1 to 15 (default 8)
  -h, --help         show this help

${connectionHelp}

Exit status: 0 when every row was created or skipped, 1 when a row was invalid or failed, 2 on a usage error.`;

const COLUMNS = ['line', 'email', 'firstName', 'lastName', 'type', 'outcome', 'id', 'reason'] as const;
const DONE = new Set(['created', 'skipped']);
const MAX_ATTEMPTS = 4;

/** `docspace-people import`. Returns the exit status. */
export async function importCommand(args: string[], io: CliIO): Promise<number> {
  const run = await startBatch(args, io, {
    help: importHelp,
    usage: 'give exactly one users file: docspace-people import <users.csv>',
    read: readUsers,
    columns: COLUMNS,
    keyOf: (record) => keyOf(String(record.email ?? ''), record.line ?? ''),
  });
  if (!run) return ExitCode.ok;
  const { file, rows, concurrency, dryRun, ds, report, earlier } = run;

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
        const [outcome, id, reason] = await importRow(
          ds,
          row,
          before?.outcome === 'pending',
          dryRun,
          (pending) => record(row, pending),
        );
        record(row, outcome, id, reason);
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

  const counts = ['created', 'skipped', 'would-create', 'invalid', 'failed']
    .map((outcome) => [outcome, progress.counts.get(outcome) ?? 0] as const)
    .filter(([outcome, n]) => n > 0 || outcome === 'created' || outcome === 'failed');
  const summary = counts.map(([outcome, n]) => `${n} ${outcome}`).join(', ');
  await write(io.stdout, `Import of ${file}: ${rows.length} rows: ${summary}.\n`);
  if (dryRun) await write(io.stdout, 'Dry run: nobody was created.\n');
  if (fatal !== undefined) await write(io.stdout, `Stopped early: ${reasonOf(fatal)}\n`);
  if (report) await write(io.stdout, `Report: ${report.path}\n`);
  const allDone = rows.every((row) =>
    ['created', 'skipped', 'would-create'].includes(String(outcomes.get(row)?.outcome)),
  );
  return allDone ? ExitCode.ok : ExitCode.failed;
}

/**
 * Creates one user unless they exist. `resumed`: an earlier run sent this create and was stopped before it
 * learnt the answer, so a user found now was created by that run. Returns [outcome, id, reason].
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
      ? ['created', existing.id, 'created by an interrupted run, confirmed by e-mail']
      : ['skipped', existing.id, 'a user with this e-mail already exists'];
  }
  if (dryRun) return ['would-create', '', ''];
  markPending('pending');
  for (let attempt = 1; ; attempt++) {
    try {
      const person = await ds.people.create({
        email: row.email,
        firstName: row.firstName,
        lastName: row.lastName,
        type: row.type as 'User',
      });
      return ['created', person.id, ''];
    } catch (error) {
      if (isFatal(error) || !(isTransient(error) || isEmailTaken(error))) throw error;
      // The create may have landed although the answer was lost: look before sending it again.
      const now = await findByEmail(ds, row.email);
      if (now) {
        const ours = attempt > 1 || resumed || isTransient(error);
        return ours
          ? ['created', now.id, `confirmed by e-mail after: ${reasonOf(error)}`]
          : ['skipped', now.id, 'a user with this e-mail already exists'];
      }
      if (attempt >= MAX_ATTEMPTS || isEmailTaken(error)) throw error;
      await sleep(250 * 2 ** attempt);
    }
  }
}

/** The user with this e-mail, or undefined. */
export async function findByEmail(ds: DocSpace, email: string): Promise<Person | undefined> {
  try {
    return await ds.people.getByEmail(email);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
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
