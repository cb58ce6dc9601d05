import { readFile } from 'node:fs/promises';
import { ReportFile } from '@docspace-people/cli';
import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalEnv, runCli, spawnCli, waitFor, workDir } from './support/cli-process.js';

const ROWS = 60;
const LATENCY_MS = 150;
const usersCsv = [
  'firstName,lastName,email,type',
  ...Array.from({ length: ROWS }, (_, i) => `First${i},Last${i},person${i}@example.com,User`),
].join('\n');

let portal: FakePortal;
let work: Awaited<ReturnType<typeof workDir>>;
beforeAll(async () => {
  portal = await startFakePortal({ latencyMs: LATENCY_MS });
  work = await workDir();
});
afterAll(async () => {
  await portal.stop();
  await work.remove();
});

describe.each(['csv', 'json'])('import killed midway and run again with the same %s report', (format) => {
  const report = () => work.path(`resume-report.${format}`);
  let firstRunRecords: ReturnType<ReportFile['load']> = [];

  it('the killed run leaves a report of what it finished', async () => {
    portal.reset();
    portal.setLatency(LATENCY_MS);
    const users = await work.write('users.csv', usersCsv);
    const child = spawnCli(['import', users, '--report', report(), '--concurrency', '4'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    const exited = new Promise((resolve) => child.on('close', resolve));
    await waitFor(() => portal.countRequests('addMember') >= 12, 'a dozen creates');
    child.kill('SIGKILL');
    await exited;
    // Creates already inside the portal when the client died still complete there: let them land.
    await portal.idle();

    expect(portal.countRequests('addMember')).toBeLessThan(ROWS);
    firstRunRecords = new ReportFile(report(), ['line', 'outcome']).load();
    const created = firstRunRecords.filter((r) => r.outcome === 'created');
    expect(created.length).toBeGreaterThan(0);
    for (const record of created) expect(portal.user(String(record.email))?.id).toBe(record.id);
  });

  it('the second run finishes the rest, sends every create exactly once, and claims only what it saw', async () => {
    portal.setLatency(0);
    const users = work.path('users.csv');
    const run = await runCli(['import', users, '--report', report()], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.code).toBe(0);
    // The creates in flight when the first run died are on the portal, but nobody saw their answers: they are
    // reported "unconfirmed" (at most --concurrency of them), never claimed as created.
    const summary = /(\d+) rows: (\d+) created, (?:(\d+) unconfirmed, )?0 failed\./.exec(run.stdout);
    const [rows, created, unconfirmed = '0'] = summary?.slice(1) ?? [];
    expect(Number(rows)).toBe(ROWS);
    expect(Number(created) + Number(unconfirmed)).toBe(ROWS);
    expect(Number(unconfirmed)).toBeLessThanOrEqual(4);

    // One POST /people per person over both runs, none refused as a duplicate.
    const creates = portal.requests('addMember');
    expect(creates).toHaveLength(ROWS);
    expect(creates.filter((r) => typeof r.status === 'number' && r.status !== 200)).toEqual([]);

    const final = new ReportFile(report(), ['line', 'outcome']).load();
    expect(final).toHaveLength(ROWS);
    final.forEach((record, i) => {
      expect(record.line).toBe(format === 'csv' ? String(i + 2) : i + 2);
      expect(['created', 'unconfirmed']).toContain(record.outcome);
      expect(record.id).toBe(portal.user(`person${i}@example.com`)?.id);
    });
    // Which rows: those the first run saw created stay created; only rows it left in flight (its last entry
    // for them "pending") may be unconfirmed.
    const firstRun = new Map(firstRunRecords.map((r) => [String(r.line), String(r.outcome)]));
    for (const record of final) {
      const before = firstRun.get(String(record.line));
      if (before === 'created') expect(record.outcome).toBe('created');
      if (record.outcome === 'unconfirmed') expect(before).toBe('pending');
    }
    expect(portal.users((u) => u.email.startsWith('person'))).toHaveLength(ROWS);
    if (format === 'json') expect(JSON.parse(await readFile(report(), 'utf8'))).toHaveLength(ROWS);
  });

  it('a third run sends nothing and changes nothing', async () => {
    portal.resetStats();
    const run = await runCli(['import', work.path('users.csv'), '--report', report()], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.code).toBe(0);
    expect(portal.countRequests()).toBe(0);
  });
});
