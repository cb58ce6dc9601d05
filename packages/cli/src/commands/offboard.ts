import type { DocSpace, Person } from '@docspace-people/sdk';
import { startBatch } from '../batch-args.js';
import { connectionHelp } from '../connection.js';
import { type CliIO, ExitCode, writeLine } from '../io.js';
import { idOf, isFatal, isNotFound, reasonOf } from '../outcome-errors.js';
import { runPool } from '../pool.js';
import { Progress } from '../progress.js';
import type { ReportRecord } from '../report.js';
import { readTargets, type TargetRow } from '../targets-file.js';
import { findByEmail } from './import.js';

/** `--help` of `docspace-people offboard`. */
export const offboardHelp = `Usage: docspace-people offboard <ids-or-emails file> [--report <file>] [--dry-run] [--concurrency N]

Removes people for good: each one is terminated (signed out, blocked) and then deleted, which is the only
order DocSpace accepts. The file lists one user id (GUID) or e-mail per line (# starts a comment), or is a CSV
with an "id" or "email" column (an export works). Given an import report, only the people that import
created are removed (by id), never those it skipped, failed or found invalid.

  Lines that name nobody valid are reported with their line number and never sent. The portal owner and
  yourself are refused. People already terminated are deleted directly. Each person is handled once, even
  when two lines name them (by id and by e-mail).

Options:
  --report <file>    write every line's outcome (deleted with id, not-found, invalid, refused, failed with
                     reason) to <file> (.json: JSON, otherwise CSV) as it happens. Run again with the same
                     report to finish an interrupted run.
  --dry-run          resolve everyone and report who would be deleted; change nothing
  --concurrency <N>  people in flight at once, 1 to 15 (default 8)
  -h, --help         show this help

${connectionHelp}

Exit status: 0 when everyone listed was deleted, 1 otherwise, 2 on a usage error.`;

const COLUMNS = ['line', 'target', 'email', 'outcome', 'id', 'reason'] as const;

/** `docspace-people offboard`. Returns the exit status. */
export async function offboardCommand(args: string[], io: CliIO): Promise<number> {
  const run = await startBatch(args, io, {
    help: offboardHelp,
    usage: 'give exactly one file: docspace-people offboard <ids-or-emails file>',
    read: readTargets,
    columns: COLUMNS,
    keyOf: (record) => keyOf(String(record.target ?? ''), record.line ?? ''),
  });
  if (!run) return ExitCode.ok;
  const { file, rows, concurrency, dryRun, ds, report, earlier } = run;

  const progress = new Progress(io, rows.length);
  const outcomes = new Map<TargetRow, ReportRecord>();
  const record = (row: TargetRow, outcome: string, person?: Person, reason = '') => {
    const entry: ReportRecord = {
      line: row.line,
      target: row.target,
      email: person?.email ?? (row.kind === 'email' ? row.target : ''),
      outcome,
      id: person?.id ?? (row.kind === 'id' ? row.target : ''),
      reason,
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
    } catch (error) {
      fatal = error;
    }
  }
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
        if (dryRun) {
          const how =
            person.status === 'Terminated'
              ? 'already terminated; would delete'
              : 'would terminate, then delete';
          return record(row, 'would-delete', person, how);
        }
        record(row, 'pending', person);
        if (person.status !== 'Terminated') {
          await ds.people.terminate(person.id);
          record(row, 'terminated', person);
        }
        try {
          await ds.people.delete(person.id);
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
  if (dryRun) await writeLine(io.stdout, 'Dry run: nobody was changed.');
  if (fatal !== undefined) await writeLine(io.stdout, `Stopped early: ${reasonOf(fatal)}`);
  if (report) await writeLine(io.stdout, `Report: ${report.path}`);
  report?.close();
  const ok = rows.every((row) => ['deleted', 'would-delete'].includes(String(outcomes.get(row)?.outcome)));
  return ok ? ExitCode.ok : ExitCode.failed;
}

async function findById(ds: DocSpace, id: string): Promise<Person | undefined> {
  let person: Person;
  try {
    person = await ds.people.get(id);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  idOf(person, 'the lookup by id');
  return person;
}

function keyOf(target: string, line: string | number): string {
  return target.trim() === '' ? `line:${line}` : target.trim().toLowerCase();
}

function describe(entry: ReportRecord): string {
  const who = entry.target ? ` ${entry.target}` : '';
  const email = entry.email && entry.email !== entry.target ? ` <${entry.email}>` : '';
  const reason = entry.reason ? `: ${entry.reason}` : '';
  return `line ${entry.line}: ${entry.outcome}${who}${email}${reason}`;
}
