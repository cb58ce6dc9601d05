import { parseCsv } from '@docspace-people/cli';
import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { portalEnv, runCli, workDir } from './support/cli-process.js';

// export: the groups column (names of each person's groups) and the quota columns (only what the server sends).

let portal: FakePortal;
let work: Awaited<ReturnType<typeof workDir>>;
beforeAll(async () => {
  portal = await startFakePortal();
  work = await workDir();
});
afterEach(() => portal.reset());
afterAll(async () => {
  await portal.stop();
  await work.remove();
});

/** The exported rows as objects by column name. */
async function exported(
  env: Record<string, string>,
): Promise<{ rows: Record<string, string>[]; stderr: string }> {
  const run = await runCli(['export'], { cwd: work.dir, env });
  expect(run.code).toBe(0);
  const [header, ...records] = parseCsv(run.stdout);
  const names = header?.fields ?? [];
  const rows = records.map((record) =>
    Object.fromEntries(names.map((name, i) => [name, record.fields[i] ?? ''])),
  );
  return rows;
}

describe('export: groups and quota', () => {
  it("lists each person's group names and the quota the server sends", async () => {
    portal.setUserQuota({ enabled: true, defaultBytes: 10 * 1024 ** 3 });
    const ann = portal.addUser({ email: 'ann@example.com', quotaLimit: 1024, usedSpace: 512 });
    const bob = portal.addUser({ email: 'bob@example.com' });
    portal.addGroup({ name: 'Sales', manager: ann.id, members: [bob.id] });
    portal.addGroup({ name: 'Marketing', members: [ann.id] });
    const rows = await exported(portalEnv(portal));
    const row = (email: string) => rows.find((r) => r.email === email);
    expect(row('ann@example.com')).toMatchObject({
      groups: 'Marketing; Sales',
      quotaLimit: '1024',
      usedSpace: '512',
    });
    expect(row('bob@example.com')).toMatchObject({ groups: 'Sales', quotaLimit: String(10 * 1024 ** 3) });
    expect(row('owner@example.com')).toMatchObject({ groups: '' });
  });

  it('leaves the quota columns empty while per-user quotas are off (nothing invented)', async () => {
    portal.addUser({ email: 'ann@example.com', quotaLimit: 1024 });
    const rows = await exported(portalEnv(portal));
    expect(rows.find((r) => r.email === 'ann@example.com')).toMatchObject({ quotaLimit: '', usedSpace: '' });
  });
});
