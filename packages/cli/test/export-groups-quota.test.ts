import { parseCsv } from '@docspace-people/cli';
import { describe, expect, it } from 'vitest';
import { portalEnv, portalFixture, runCli } from './support/cli-process.js';

// export: the groups column (names of each person's groups) and the quota columns (only what the server sends).

const fixture = portalFixture();

/** The exported rows as objects by column name. */
async function exported(env: Record<string, string>): Promise<Record<string, string>[]> {
  const run = await runCli(['export'], { cwd: fixture.work.dir, env });
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
    fixture.portal.setUserQuota({ enabled: true, defaultBytes: 10 * 1024 ** 3 });
    const ann = fixture.portal.addUser({ email: 'ann@example.com', quotaLimit: 1024, usedSpace: 512 });
    const bob = fixture.portal.addUser({ email: 'bob@example.com' });
    fixture.portal.addGroup({ name: 'Sales', manager: ann.id, members: [bob.id] });
    fixture.portal.addGroup({ name: 'Marketing', members: [ann.id] });
    const rows = await exported(portalEnv(fixture.portal));
    const row = (email: string) => rows.find((r) => r.email === email);
    expect(row('ann@example.com')).toMatchObject({
      groups: 'Marketing; Sales',
      quotaLimit: '1024',
      usedSpace: '512',
    });
    expect(row('bob@example.com')).toMatchObject({ groups: 'Sales', quotaLimit: String(10 * 1024 ** 3) });
    expect(row('owner@example.com')).toMatchObject({ groups: '' });
  });

  it('when the server sends no memberships, the groups cell is empty and a warning says it is unknown', async () => {
    const ann = fixture.portal.addUser({ email: 'ann@example.com' });
    fixture.portal.addGroup({ name: 'Sales', members: [ann.id] });
    fixture.portal.setPersonGroups(false);
    try {
      const run = await runCli(['export'], { cwd: fixture.work.dir, env: portalEnv(fixture.portal) });
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/warning: the server sent no group memberships for 2 of 2 people/);
      expect(run.stderr).toContain('empty because it is unknown, not because they are in no group');
      // The output (stdout here) stays the CSV alone: the warning goes to stderr only.
      const [header, ...records] = parseCsv(run.stdout);
      const groups = header?.fields.indexOf('groups') ?? -1;
      expect(records.map((r) => r.fields[groups])).toEqual(['', '']);
      expect(run.stdout).not.toContain('warning');
    } finally {
      fixture.portal.setPersonGroups(true);
    }
    const run = await runCli(['export'], { cwd: fixture.work.dir, env: portalEnv(fixture.portal) });
    expect(run.stderr).not.toContain('warning');
  });

  it('reads no group: the requests do not grow with the number of groups; Terminated members keep theirs', async () => {
    const [ann, bob] = fixture.portal.seedUsers(2);
    fixture.portal.updateUser(bob!.id, { status: 'Terminated' });
    fixture.portal.addGroup({ name: 'Sales', members: [ann!.id, bob!.id] });
    const counted = async () => {
      fixture.portal.resetStats();
      const rows = await exported(portalEnv(fixture.portal));
      return { rows, requests: fixture.portal.countRequests() };
    };
    const one = await counted();
    for (let i = 0; i < 20; i++) fixture.portal.addGroup({ name: `Team ${i}`, members: [ann!.id] });
    const many = await counted();
    expect(many.requests).toBe(one.requests);
    expect(fixture.portal.countRequests((r) => r.path.startsWith('/api/2.0/group'))).toBe(0);
    const row = (email: string) => many.rows.find((r) => r.email === email);
    expect(row(bob!.email)?.groups).toBe('Sales');
    expect(row(ann!.email)?.groups?.split('; ')).toHaveLength(21);
  });

  it('leaves the quota columns empty while per-user quotas are off (nothing invented)', async () => {
    fixture.portal.addUser({ email: 'ann@example.com', quotaLimit: 1024 });
    const rows = await exported(portalEnv(fixture.portal));
    expect(rows.find((r) => r.email === 'ann@example.com')).toMatchObject({ quotaLimit: '', usedSpace: '' });
  });
});
