import { readFileSync } from 'node:fs';
import { type FakePortal, type FakePortalOptions, startFakePortal } from '@docspace-people/testing';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type CliRun, portalEnv, runCli, workDir } from './cli-process.js';

/**
 * The setup of a plan/apply test file: one fake portal for the file (reset after each test) and a fresh work
 * folder per test (so reports and undo plans of one test never meet another's). Read them inside tests.
 */
export function syncFixture(options: FakePortalOptions) {
  const fixture = {} as { portal: FakePortal; work: Awaited<ReturnType<typeof workDir>> };
  beforeAll(async () => {
    fixture.portal = await startFakePortal(options);
  });
  beforeEach(async () => {
    fixture.work = await workDir();
  });
  afterEach(async () => {
    fixture.portal.reset();
    await fixture.work.remove();
  });
  afterAll(() => fixture.portal.stop());
  return fixture;
}

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
