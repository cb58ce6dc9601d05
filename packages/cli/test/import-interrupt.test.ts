import { ReportFile } from '@docspace-people/cli';
import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalEnv, runCli, spawnCli, waitFor, workDir } from './support/cli-process.js';

const ROWS = 40;
let portal: FakePortal;
let work: Awaited<ReturnType<typeof workDir>>;
beforeAll(async () => {
  portal = await startFakePortal({ latencyMs: 100 });
  work = await workDir();
});
afterAll(async () => {
  await portal.stop();
  await work.remove();
});

describe('import stopped with Ctrl-C (SIGINT)', () => {
  it('finishes the rows in flight, writes a complete report, exits 1, and a second run completes it', async () => {
    const users = await work.write(
      'users.csv',
      [
        'firstName,lastName,email',
        ...Array.from({ length: ROWS }, (_, i) => `F${i},L${i},int${i}@example.com`),
      ].join('\n'),
    );
    const report = work.path('interrupt.csv');
    const child = spawnCli(['import', users, '--report', report, '--concurrency', '2'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waitFor(() => portal.countRequests('addMember') >= 4, 'a few creates');
    child.kill('SIGINT');
    expect(await exited).toBe(1);

    const records = new ReportFile(report, ['line', 'outcome']).load();
    expect(records).toHaveLength(ROWS);
    const created = records.filter((r) => r.outcome === 'created');
    expect(created.length).toBe(portal.users((u) => u.email.startsWith('int')).length);
    expect(
      records.filter((r) => r.outcome === 'failed').every((r) => r.reason === 'not sent (interrupted)'),
    ).toBe(true);
    expect(stdout).toContain(`${ROWS} rows: ${created.length} created`);

    portal.setLatency(0);
    const again = await runCli(['import', users, '--report', report], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(again.code).toBe(0);
    expect(portal.countRequests('addMember')).toBe(ROWS);
  });
});
