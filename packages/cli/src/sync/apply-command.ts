import { parseArgs } from 'node:util';
import { connect, connectionHelp, connectionOptions } from '../connection.js';
import { type CliIO, ExitCode, UsageError, write, writeLine } from '../io.js';
import { isFatal, reasonOf } from '../outcome-errors.js';
import { runPool } from '../pool.js';
import { Progress } from '../progress.js';
import { latestByKey, ReportFile, type ReportRecord } from '../report.js';
import { retrying } from '../retry.js';
import { type ApplyContext, applyItem, type ItemOutcome } from './applier.js';
import { actionOrder, type Heir, massChange, type PlanItem } from './model.js';
import { type PhaseView, readPhaseView } from './phase-view.js';
import { readPlan, writePlan } from './plan-file.js';
import { resolveHeir } from './planner.js';
import { describeItem } from './render.js';
import { type AppliedItem, undoPlan } from './undo.js';

/** `--help` of `docspace-people apply`. */
export const applyHelp = `Usage: docspace-people apply <plan.json> [--report <file>] [--undo <file>] [options]

Does exactly what a plan (from "docspace-people plan --out", or an undo plan) says, and nothing else. Before
each item the person's state is read again: an item whose person changed since planning is refused as "drift"
and reported; the rest is applied. Writes go at most 15 at a time (the server's limit); transient failures are
retried when sending again is safe; a create is never sent twice (after a lost answer the person is looked up).

  Every item's outcome (applied, drift, refused, failed) is appended to the report as it happens; run the same
  command again after a crash or Ctrl-C and it resumes: applied items are not sent again, items that were in
  flight are checked on the portal first. At the end an undo plan is written: created people are terminated,
  type, group, status and quota changes go back (deletions cannot be undone). Apply it like any plan.

Options:
  --report <file>        the report (JSON); default <plan>.<digest>.report.json, where <digest> starts the
                         plan file's SHA-256 (so each plan has its own report). One run per report at a time.
  --undo <file>          where to write the undo plan; default <plan>.<digest>.undo.json
  --allow-mass-changes   apply a plan that terminates or deletes more than 10% of the people it manages or
                         more than 25 (whichever is smaller); refused without it
  --heir <who>           e-mail or id of the heir for deletions and downgrades that name none
  --json                 write one JSON line per item outcome, and a summary line, to stdout
  --poll-interval <ms>   milliseconds between polls of the server's tasks (downgrades, deletions); 100 to
                         60000, default 1000
  -h, --help             show this help

${connectionHelp}

Exit status: 0 when every item applied, 1 when an item drifted, was refused or failed (or the run stopped),
2 for a usage error or a refused plan (nothing sent).`;

const COLUMNS = ['line', 'action', 'email', 'id', 'outcome', 'reason', 'newId', 'sent'] as const;
/** Outcomes a later run keeps; failed and refused items (e.g. no heir) are tried again. */
const FINAL = new Set(['applied', 'drift']);

/** `docspace-people apply`. Returns the exit status. */
export async function applyCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      report: { type: 'string' },
      undo: { type: 'string' },
      'allow-mass-changes': { type: 'boolean' },
      heir: { type: 'string' },
      json: { type: 'boolean' },
      'poll-interval': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...connectionOptions,
    },
  });
  if (values.help) {
    await write(io.stdout, `${applyHelp}\n`);
    return ExitCode.ok;
  }
  if (positionals.length !== 1)
    throw new UsageError('give exactly one plan file: docspace-people apply <plan.json>');
  const planPath = positionals[0] as string;
  const pollIntervalMs = parsePoll(values['poll-interval']);
  const plan = readPlan(planPath);
  const ds = connect(values, io);
  if (trimSlash(plan.portal) !== trimSlash(ds.baseUrl)) {
    throw new UsageError(`the plan is for ${plan.portal}, not ${ds.baseUrl}: make a plan for this portal`);
  }
  const { count: mass, limit } = massChange(plan);
  if (mass > limit && values['allow-mass-changes'] !== true) {
    throw new UsageError(
      `the plan terminates or deletes ${mass} people, more than ${Math.floor(limit)} (10% of the ${plan.peopleInScope} people it manages, at most 25); nothing was applied. Check the plan, then run again with --allow-mass-changes`,
    );
  }
  const stem = `${planPath.replace(/\.json$/i, '')}.${plan.digest.slice(0, 8)}`;
  const report = new ReportFile(values.report ?? `${stem}.report.json`, COLUMNS);
  if (report.format !== 'json') throw new UsageError('--report must be a .json file');
  report.lock();
  try {
    const earlier = latestByKey(report.load(), (r) => String(r.line));
    const items = new Map(plan.items.map((i) => [String(i.n), i]));
    for (const [n, record] of earlier) {
      const item = items.get(n);
      if (!item || item.action !== record.action || item.email !== String(record.email ?? '')) {
        throw new UsageError(
          `${report.path} is the report of another plan (item ${n} differs): give another --report`,
        );
      }
    }
    report.begin([...earlier.values()]);
    const heir = values.heir === undefined ? undefined : await resolveHeir(ds, values.heir);
    return await run(io, {
      plan,
      planPath,
      report,
      earlier,
      heir,
      pollIntervalMs,
      undoPath: values.undo ?? `${stem}.undo.json`,
      json: values.json === true,
      ds,
    });
  } finally {
    report.close();
  }
}

interface Run {
  plan: ReturnType<typeof readPlan>;
  planPath: string;
  report: ReportFile;
  earlier: Map<string, ReportRecord>;
  heir: Heir | undefined;
  pollIntervalMs: number;
  undoPath: string;
  json: boolean;
  ds: ApplyContext['ds'];
}

async function run(io: CliIO, r: Run): Promise<number> {
  const { plan, report, earlier, ds } = r;
  const me = await retrying(() => ds.people.me());
  const groupIds = new Map<string, string>();
  for (const [name, id] of Object.entries(plan.groups)) if (id) groupIds.set(name, id);
  for (const item of plan.items) {
    const before = earlier.get(String(item.n));
    if (item.action === 'create-group' && before?.outcome === 'applied' && before.newId) {
      groupIds.set(item.group, String(before.newId));
    }
  }
  const progress = new Progress(r.json && !io.isTTY ? { ...io, stderr: nullStream } : io, plan.items.length);
  const finals = new Map<number, ReportRecord>();
  const record = async (item: PlanItem, outcome: ItemOutcome, sent: boolean) => {
    const entry: ReportRecord = {
      line: item.n,
      action: item.action,
      email: item.email,
      id: item.id ?? '',
      outcome: outcome.outcome,
      reason: outcome.reason,
      newId: outcome.newId ?? '',
      ...(sent ? { sent: 1 } : {}),
    };
    finals.set(item.n, entry);
    report.append(entry);
    const who = item.email || ('group' in item ? item.group : '');
    const text = `#${item.n} ${item.action} ${who}: ${outcome.outcome}${outcome.reason ? ` (${outcome.reason})` : ''}`;
    progress.row(outcome.outcome, text, outcome.outcome !== 'applied');
    if (r.json)
      await write(
        io.stdout,
        `${JSON.stringify({ n: item.n, action: item.action, email: item.email, id: item.id ?? entry.newId ?? '', outcome: outcome.outcome, reason: outcome.reason, ...(outcome.newId ? { newId: outcome.newId } : {}), detail: describeItem(item) })}\n`,
      );
  };

  let fatal: unknown;
  const stopped = () => fatal !== undefined || io.signal?.aborted === true;
  for (const action of actionOrder) {
    const todo: PlanItem[] = [];
    for (const item of plan.items.filter((i) => i.action === action)) {
      const before = earlier.get(String(item.n));
      if (before && FINAL.has(String(before.outcome))) {
        await record(
          item,
          {
            outcome: before.outcome as ItemOutcome['outcome'],
            reason: String(before.reason || 'recorded by an earlier run'),
            ...(before.newId ? { newId: String(before.newId) } : {}),
          },
          before.sent !== undefined,
        );
      } else todo.push(item);
    }
    const view = todo.length === 0 || stopped() ? undefined : await readPhaseView(ds, todo, groupIds);
    await runPool(
      todo,
      40,
      async (item) => {
        const before = earlier.get(String(item.n));
        const resumed = before?.outcome === 'pending' || (before?.sent !== undefined && before.sent !== '');
        let sent = resumed;
        const ctx: ApplyContext = {
          ds,
          plan,
          groupIds,
          callerId: me.id,
          heir: r.heir,
          pollIntervalMs: r.pollIntervalMs,
          now: new Date(),
          view: view as PhaseView,
          markPending: () => {
            if (sent) return;
            sent = true;
            report.append({
              line: item.n,
              action: item.action,
              email: item.email,
              id: item.id ?? '',
              outcome: 'pending',
              sent: 1,
            });
          },
        };
        try {
          await record(item, await applyItem(ctx, item, resumed), sent);
        } catch (error) {
          if (isFatal(error)) fatal ??= error;
          await record(item, { outcome: 'failed', reason: reasonOf(error) }, sent);
        }
      },
      stopped,
    );
    if (stopped()) break;
  }
  progress.finish();

  const entries = plan.items.map(
    (item) =>
      finals.get(item.n) ??
      earlier.get(String(item.n)) ?? {
        line: item.n,
        action: item.action,
        email: item.email,
        outcome: 'not-run',
      },
  );
  report.finish(entries);
  const done: AppliedItem[] = [];
  for (const item of plan.items) {
    const entry = finals.get(item.n);
    if (entry?.outcome === 'applied')
      done.push({ item, newId: entry.newId ? String(entry.newId) : undefined });
  }
  const undoPath = r.undoPath;
  const undo = done.length > 0 ? undoPlan(plan, r.planPath, done, new Date()) : undefined;
  if (undo) writePlan(undoPath, undo);

  const counts = new Map<string, number>();
  for (const entry of entries)
    counts.set(String(entry.outcome), (counts.get(String(entry.outcome)) ?? 0) + 1);
  const allApplied = entries.every((e) => e.outcome === 'applied');
  const stopReason =
    fatal !== undefined
      ? `stopped: ${reasonOf(fatal)}`
      : io.signal?.aborted
        ? 'interrupted: run the same command again to resume'
        : undefined;
  if (r.json) {
    await write(
      io.stdout,
      `${JSON.stringify({ summary: Object.fromEntries(counts), items: plan.items.length, report: report.path, ...(undo ? { undo: undoPath } : {}), ...(stopReason ? { stopped: stopReason } : {}), exitCode: allApplied ? 0 : 1 })}\n`,
    );
  } else {
    const summary = [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
    await writeLine(
      io.stdout,
      `Apply of ${r.planPath}: ${plan.items.length} items: ${summary || 'nothing to do'}.`,
    );
    if (stopReason) await writeLine(io.stdout, `The run ${stopReason}`);
    await writeLine(io.stdout, `Report: ${report.path}`);
    if (undo)
      await writeLine(io.stdout, `Undo plan: ${undoPath} (${undo.items.length} items; apply it to go back)`);
  }
  return allApplied ? ExitCode.ok : ExitCode.failed;
}

const nullStream = { write: () => true } as unknown as CliIO['stderr'];

const trimSlash = (url: string) => url.replace(/\/+$/, '').replace(/\/api\/2\.0$/, '');

function parsePoll(value: string | undefined): number {
  if (value === undefined) return 1000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 100 || n > 60_000)
    throw new UsageError(`--poll-interval must be 100 to 60000 milliseconds, not ${value}`);
  return n;
}
