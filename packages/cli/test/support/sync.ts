import { readFileSync } from 'node:fs';
import type { FakePortal } from '@docspace-people/testing';
import { type CliRun, portalEnv, runCli } from './cli-process.js';

/** A plan file as tests read it. */
export interface PlanJson {
  version: number;
  kind: string;
  peopleInScope: number;
  items: { n: number; action: string; email: string; id?: string; group?: string; heir?: { id: string } }[];
  later: { email: string; deletableFrom: string }[];
  warnings: string[];
}

/** Runs `plan` and `apply` against a portal in a work folder. */
export function syncRunner(get: () => { portal: FakePortal; dir: string; path: (name: string) => string }) {
  const cli = (args: string[]): Promise<CliRun> => {
    const { portal, dir } = get();
    return runCli(args, { cwd: dir, env: portalEnv(portal) });
  };
  return {
    cli,
    /** `plan <desired> --out <out> ...`; returns the run and the plan file. */
    plan: async (desired: string, out: string, ...args: string[]) => {
      const run = await cli(['plan', get().path(desired), '--out', get().path(out), ...args]);
      const plan =
        run.code === 0 ? (JSON.parse(readFileSync(get().path(out), 'utf8')) as PlanJson) : undefined;
      return { run, plan };
    },
    /** `apply <plan> --poll-interval 100 ...` (the SDK's shortest poll interval). */
    apply: (plan: string, ...args: string[]) =>
      cli(['apply', get().path(plan), '--poll-interval', '100', ...args]),
    /** The report entries of an apply (final form: one per item), found by the path the run printed. */
    report: (run: CliRun) =>
      JSON.parse(readFileSync(printedPath(run, 'Report'), 'utf8')) as {
        line: number;
        action: string;
        email: string;
        outcome: string;
        reason?: string;
        newId?: string;
      }[],
  };
}

/** A CSV desired file from rows `[email, firstName, lastName, type, groups, status, quota]`. */
export function desiredCsv(rows: readonly (readonly string[])[]): string {
  return `email,firstName,lastName,type,groups,status,quota\n${rows.map((r) => r.join(',')).join('\n')}\n`;
}

/** The mark this tool writes into the notes of the people it creates. */
export const MARKER = '[managed-by:docspace-people]';

/** The path a run printed after `<label>: ` (e.g. "Report", "Undo plan"). */
export function printedPath(run: CliRun, label: string): string {
  const match = new RegExp(`^${label}: (\\S+)`, 'm').exec(run.stdout);
  if (!match?.[1]) throw new Error(`no "${label}:" line in ${run.stdout}`);
  return match[1];
}
