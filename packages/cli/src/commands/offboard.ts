import type { Person } from '@docspace-people/sdk';
import { startBatch } from '../batch-args.js';
import { connectionHelp } from '../connection.js';
import { DATA_CHOICE, type DataPlan, dataTarget, findHeir } from '../heir.js';
import { type CliIO, ExitCode, UsageError, writeLine } from '../io.js';
import { isFatal, isNotFound, reasonOf } from '../outcome-errors.js';
import { findByEmail, findById } from '../people-lookup.js';
import { runPool } from '../pool.js';
import { Progress } from '../progress.js';
import type { ReportRecord } from '../report.js';
import { readTargets, type TargetRow } from '../targets-file.js';

/** `--help` of `docspace-people offboard`. */
export const offboardHelp = `Usage: docspace-people offboard <ids-or-emails file> (--reassign-to <id|email> | --rooms-to-me)
                              [--report <file>] [--dry-run] [--concurrency N]

Removes people for good: each one is terminated (signed out, blocked) and then deleted, which is the only
order DocSpace accepts. The file lists one user id (GUID) or e-mail per line (# starts a comment), or is a CSV
with an "id" or "email" column, or a JSON array with one such object per line (an export works). Given an
import report (CSV or JSON), only the people that import created are removed (by id), never those it skipped,
failed or found invalid; a row an interrupted import left pending (or cut short) is reported invalid, since
whether it created the person is unknown; a report in which it created nobody is refused.

Deleting hands a person's data to someone: choose who.
  --reassign-to <id|email>  the heir (an Active RoomAdmin or DocSpaceAdmin) receives each person's rooms, the
                            folders and files they created, the shared files of their My documents (in a folder
                            "Documents of user ...") and their third-party storage, through DocSpace's
                            reassignment task; then the rest of their documents and the profile are deleted
  --rooms-to-me             delete directly: DocSpace gives their rooms, shared files and storage to you (the
                            account of the token) and permanently deletes the rest of their documents
Without either, offboard changes nobody and says so.

  Lines that name nobody valid are reported with their line number and never sent. The portal owner and
  yourself are refused. People already terminated are deleted directly. Each person is handled once, even
  when two lines name them (by id and by e-mail).

Options:
  --report <file>    write every line's outcome (deleted with id, not-found, invalid, refused, failed with
                     reason), who received the person's data (dataTo) and whether they owned rooms
                     (hadRooms) to <file> (.json: JSON, otherwise CSV) as it happens. Run again with the
                     same report to finish an interrupted run.
  --dry-run          resolve everyone and report who would be deleted and where their data would go;
                     change nothing
  --concurrency <N>  people in flight at once, 1 to 15 (default 8)
  -h, --help         show this help

${connectionHelp}

Exit status: 0 when everyone listed was deleted, 1 otherwise, 2 on a usage error.`;

const COLUMNS = ['line', 'target', 'email', 'outcome', 'id', 'reason', 'dataTo', 'hadRooms'] as const;

/** `docspace-people offboard`. Returns the exit status. */
export async function offboardCommand(args: string[], io: CliIO): Promise<number> {
  const run = await startBatch(args, io, {
    help: offboardHelp,
    usage: 'give exactly one file: docspace-people offboard <ids-or-emails file>',
    read: readTargets,
    columns: COLUMNS,
    // Reports of versions before the heir choice have no dataTo and hadRooms.
    optionalColumns: ['dataTo', 'hadRooms'],
    keyOf: (record) => keyOf(String(record.target ?? ''), record.line ?? ''),
    options: { 'reassign-to': { type: 'string' }, 'rooms-to-me': { type: 'boolean' } },
    check: (options) => {
      const heir = options['reassign-to'];
      if (heir !== undefined && options['rooms-to-me'])
        throw new UsageError('give --reassign-to <id|email> or --rooms-to-me, not both');
      if (heir === undefined && !options['rooms-to-me']) throw new UsageError(DATA_CHOICE);
      if (typeof heir === 'string' && heir.trim() === '')
        throw new UsageError('--reassign-to needs the id or e-mail of the heir');
    },
  });
  if (!run) return ExitCode.ok;
  const { file, rows, concurrency, dryRun, ds, report, earlier, options } = run;
  const heirTarget = options['reassign-to'] as string | undefined;

  const progress = new Progress(io, rows.length);
  const outcomes = new Map<TargetRow, ReportRecord>();
  let plan: DataPlan | undefined;
  /** Whether each person owned rooms (GET /people/reassign/necessary), by id. */
  const hadRooms = new Map<string, boolean>();
  const record = (row: TargetRow, outcome: string, person?: Person, reason = '') => {
    const moves = ['deleted', 'would-delete'].includes(outcome) && plan !== undefined;
    const rooms = person ? hadRooms.get(person.id) : undefined;
    const entry: ReportRecord = {
      line: row.line,
      target: row.target,
      email: person?.email ?? (row.kind === 'email' ? row.target : ''),
      outcome,
      id: person?.id ?? (row.kind === 'id' ? row.target : ''),
      reason,
      dataTo: moves && plan ? dataTarget(plan) : '',
      hadRooms: moves && rooms !== undefined ? (rooms ? 'yes' : 'no') : '',
    };
    if (outcome !== 'pending' && outcome !== 'terminated') {
      outcomes.set(row, entry);
      progress.row(outcome, describe(entry), !['deleted', 'would-delete'].includes(outcome));
    }
    report?.append(entry);
  };

  let me: Person | undefined;
  /** Person id -> the line that handles them: each person is offboarded once. */
  const handled = new Map<string, number>();
  const queue: { row: TargetRow; before: ReportRecord | undefined }[] = [];
  for (const row of rows) {
    const before = earlier.get(keyOf(row.target, row.line));
    if (row.problem !== undefined) record(row, 'invalid', undefined, row.problem);
    else if (before?.outcome === 'deleted') {
      outcomes.set(row, { ...before, line: row.line });
      progress.row('deleted', describe({ ...before, line: row.line }), false);
      report?.append({ ...before, line: row.line });
    } else queue.push({ row, before });
  }

  let fatal: unknown;
  if (queue.length > 0) {
    try {
      me = await ds.people.me();
      plan =
        heirTarget === undefined
          ? { kind: 'me', me }
          : { kind: 'heir', heir: await findHeir(ds, heirTarget) };
    } catch (error) {
      if (error instanceof UsageError) {
        report?.close();
        throw error;
      }
      fatal = error;
    }
  }
  const heir = plan?.kind === 'heir' ? plan.heir : undefined;
  await runPool(
    queue,
    concurrency,
    async ({ row, before }) => {
      try {
        const started = before?.outcome === 'pending' || before?.outcome === 'terminated';
        const person = row.kind === 'id' ? await findById(ds, row.target) : await findByEmail(ds, row.target);
        if (person) {
          const other = handled.get(person.id);
          if (other !== undefined) {
            return record(row, 'invalid', person, `the same person as line ${other}: handled there`);
          }
          handled.set(person.id, row.line);
        }
        if (!person) {
          if (started) record(row, 'deleted', undefined, 'deleted by an interrupted run, confirmed');
          else record(row, 'not-found', undefined, 'no such user');
          return;
        }
        if (person.isOwner) return record(row, 'refused', person, 'the portal owner cannot be offboarded');
        if (person.id === me?.id) return record(row, 'refused', person, 'you cannot offboard yourself');
        if (person.id === heir?.id)
          return record(row, 'refused', person, 'this is the heir (--reassign-to): choose another one');
        hadRooms.set(person.id, await ds.people.needsReassign(person.id));
        if (dryRun) {
          const first =
            person.status === 'Terminated' ? 'already terminated; would' : 'would terminate, then';
          const how = heir ? `${first} hand their data to the heir and delete` : `${first} delete`;
          return record(row, 'would-delete', person, how);
        }
        record(row, 'pending', person);
        if (person.status !== 'Terminated') {
          await ds.people.terminate(person.id);
          record(row, 'terminated', person);
        }
        try {
          // With an heir: the reassignment task hands the data over and deletes the profile (resolves when gone).
          await ds.people.delete(person.id, heir ? { reassignTo: heir.id, signal: io.signal } : {});
        } catch (error) {
          // A retried DELETE whose first attempt went through finds nobody: the person is gone, as asked.
          if (!isNotFound(error)) throw error;
        }
        record(row, 'deleted', person);
      } catch (error) {
        if (isFatal(error)) fatal ??= error;
        record(row, 'failed', undefined, reasonOf(error));
      }
    },
    () => fatal !== undefined || io.signal?.aborted === true,
  );
  const stopReason = fatal === undefined ? 'interrupted' : `the run stopped: ${reasonOf(fatal)}`;
  for (const { row } of queue)
    if (!outcomes.has(row)) record(row, 'failed', undefined, `not sent (${stopReason})`);
  progress.finish();
  report?.finish(
    rows.map((row) => outcomes.get(row) ?? { line: row.line, target: row.target, outcome: 'failed' }),
  );

  const order = ['deleted', 'would-delete', 'not-found', 'refused', 'invalid', 'failed'];
  const summary = order
    .map((outcome) => [outcome, progress.counts.get(outcome) ?? 0] as const)
    .filter(([outcome, n]) => n > 0 || outcome === 'deleted' || outcome === 'failed')
    .map(([outcome, n]) => `${n} ${outcome}`)
    .join(', ');
  await writeLine(io.stdout, `Offboarding from ${file}: ${rows.length} entries: ${summary}.`);
  if (plan !== undefined) {
    const verb = dryRun ? 'would go' : 'went';
    const what =
      plan.kind === 'heir'
        ? 'rooms, created files, shared files and storage (the rest of their documents is deleted)'
        : 'rooms, shared files and storage (the rest of their documents is deleted)';
    await writeLine(io.stdout, `Data: their ${what} ${verb} to ${dataTarget(plan)}.`);
  }
  if (dryRun) await writeLine(io.stdout, 'Dry run: nobody was changed.');
  if (fatal !== undefined) await writeLine(io.stdout, `Stopped early: ${reasonOf(fatal)}`);
  if (report) await writeLine(io.stdout, `Report: ${report.path}`);
  report?.close();
  const ok = rows.every((row) => ['deleted', 'would-delete'].includes(String(outcomes.get(row)?.outcome)));
  return ok ? ExitCode.ok : ExitCode.failed;
}

function keyOf(target: string, line: string | number): string {
  return target.trim() === '' ? `line:${line}` : target.trim().toLowerCase();
}

function describe(entry: ReportRecord): string {
  const who = entry.target ? ` ${entry.target}` : '';
  const email = entry.email && entry.email !== entry.target ? ` <${entry.email}>` : '';
  const reason = entry.reason ? `: ${entry.reason}` : '';
  const data = entry.dataTo
    ? ` (data to ${entry.dataTo}${entry.hadRooms === 'yes' ? ', with their rooms' : ''})`
    : '';
  return `line ${entry.line}: ${entry.outcome}${who}${email}${reason}${data}`;
}
