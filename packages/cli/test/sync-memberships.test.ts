import type { RecordedRequest } from '@docspace-people/testing';
import { describe, expect, it } from 'vitest';
import { desiredCsv, syncFixture, syncRunner } from './support/sync.js';

// Where plan and apply read group memberships: from each listed person's `groups` (Terminated members included),
// and from the groups' member lists (Active and Pending members only) when the profiles do not list groups.

const fixture = syncFixture({ taskStepMs: 1 });
const sync = syncRunner(() => ({ portal: fixture.portal, dir: fixture.work.dir, path: fixture.work.path }));
const DAY = 86_400_000;

/** GET /group/{id} with the members (the SDK reads a group without them before each membership write). */
const memberReads = () =>
  fixture.portal
    .requests('GET /group/{id}')
    .filter((r: RecordedRequest) => !r.search.includes('includeMembers=false')).length;

/**
 * heir@ (a RoomAdmin); in Contractors: keep@ (in the file), active@, old@ (terminated 40 days ago), recent@
 * (terminated 10 days ago); outside: stranger@ (terminated 40 days ago).
 */
async function seedContractors(): Promise<void> {
  const { portal } = fixture;
  portal.addUser({ email: 'heir@example.com', type: 'RoomAdmin' });
  for (const email of ['keep', 'active', 'old', 'recent', 'stranger'])
    portal.addUser({ email: `${email}@example.com` });
  portal.addGroup({
    name: 'Contractors',
    members: ['keep@example.com', 'active@example.com', 'old@example.com', 'recent@example.com'],
  });
  portal.updateUser('old@example.com', {
    status: 'Terminated',
    terminatedDate: new Date(Date.now() - 40 * DAY),
  });
  portal.updateUser('recent@example.com', {
    status: 'Terminated',
    terminatedDate: new Date(Date.now() - 10 * DAY),
  });
  portal.updateUser('stranger@example.com', {
    status: 'Terminated',
    terminatedDate: new Date(Date.now() - 40 * DAY),
  });
  await fixture.work.write(
    'desired.csv',
    desiredCsv([
      ['heir@example.com', 'Heir', 'Test', 'RoomAdmin', '', '', ''],
      ['keep@example.com', 'Keep', 'Test', 'User', 'Contractors', '', ''],
    ]),
  );
}

/** ann@ (Terminated) in Engineering and Sales; the desired file wants her active in Engineering only. */
async function seedTerminatedAnn(): Promise<void> {
  const { portal } = fixture;
  portal.addUser({ email: 'ann@example.com' });
  portal.addGroup({ name: 'Engineering', members: ['ann@example.com'] });
  portal.addGroup({ name: 'Sales', members: ['ann@example.com'] });
  portal.updateUser('ann@example.com', { status: 'Terminated' });
  await fixture.work.write(
    'desired.csv',
    desiredCsv([['ann@example.com', 'Ann', 'Test', 'User', 'Engineering', 'active', '']]),
  );
}

const planGroupScope = (out: string, ...args: string[]) =>
  sync.plan('desired.csv', out, '--scope', 'group:Contractors', '--heir', 'heir@example.com', ...args);
const actions = (plan: { items: { action: string; email: string }[] } | undefined) =>
  plan?.items.map((i) => `${i.action} ${i.email}`);

describe('plan: memberships from the people list', () => {
  it('--scope group: deletes a Terminated member after the grace period, and reads no group member list', async () => {
    await seedContractors();
    fixture.portal.resetStats();
    const { run, plan } = await planGroupScope('plan.json');
    expect(run.code, run.stderr).toBe(0);
    expect(actions(plan)).toEqual(['terminate active@example.com', 'delete old@example.com']);
    expect(plan?.later.map((l) => l.email)).toEqual(['recent@example.com']);
    expect(plan?.peopleInScope).toBe(5);
    expect(plan?.warnings.join('\n')).not.toContain('without their groups');
    expect(memberReads()).toBe(0);
    expect(fixture.portal.countRequests((r) => r.path.includes('/group/user/'))).toBe(0);

    const grace = await planGroupScope('grace.json', '--grace-days', '9');
    expect(actions(grace.plan)).toEqual([
      'terminate active@example.com',
      'delete old@example.com',
      'delete recent@example.com',
    ]);

    const applied = await sync.apply('plan.json', '--allow-mass-changes');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(fixture.portal.user('old@example.com')).toBeUndefined();
    expect(fixture.portal.user('active@example.com')?.status).toBe('Terminated');
    expect(fixture.portal.user('stranger@example.com')).toBeDefined();
    const again = await planGroupScope('again.json');
    expect(actions(again.plan)).toEqual([]);
    expect(again.plan?.later.map((l) => l.email)).toEqual(['active@example.com', 'recent@example.com']);
  });

  it('profiles without groups: falls back to member lists for the whole plan and says so, never "in no group"', async () => {
    await seedContractors();
    fixture.portal.setPersonGroups(false);
    fixture.portal.resetStats();
    const { run, plan } = await planGroupScope('plan.json');
    expect(run.code, run.stderr).toBe(0);
    // keep@ stays in Contractors (no add-to-group); old@ is hidden by the member list, so nothing deletes them.
    expect(actions(plan)).toEqual(['terminate active@example.com']);
    expect(plan?.later).toEqual([]);
    expect(plan?.warnings.join('\n')).toMatch(
      /lists people without their groups .*member list, which leaves out Terminated members/,
    );
    expect(run.stdout).toContain('without their groups');
    expect(memberReads()).toBe(1);
  });

  it('profiles without groups: a Terminated person of the file has her own groups read, so her plan is right', async () => {
    const { portal } = fixture;
    await seedTerminatedAnn();
    portal.setPersonGroups(false);
    portal.resetStats();
    // The member lists hide Ann: read alone, she would get an add to Engineering (drift at apply) and stay in Sales.
    const { run, plan } = await sync.plan('desired.csv', 'plan.json', '--create-groups', 'Sales');
    expect(run.code, run.stderr).toBe(0);
    expect(plan?.items.map((i) => `${i.action} ${i.group ?? ''}`.trim())).toEqual([
      'reactivate',
      'remove-from-group Sales',
    ]);
    expect(portal.countRequests((r) => r.route === 'GET /api/2.0/group/user/{userid}')).toBe(1);
    const applied = await sync.apply('plan.json');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(portal.groups().find((g) => g.name === 'Sales')?.memberIds).toEqual([]);
    expect(portal.groups().find((g) => g.name === 'Engineering')?.memberIds).toHaveLength(1);
  });

  it.each([
    ['with groups', true],
    ['without groups (apply reads her own groups)', false],
  ])(
    'a Terminated member keeps her groups: no add planned again, and apply removes her (profiles %s)',
    async (_, listed) => {
      const { portal } = fixture;
      await seedTerminatedAnn();
      const { plan } = await sync.plan('desired.csv', 'plan.json', '--create-groups', 'Sales');
      expect(actions(plan)).toEqual(['reactivate ann@example.com', 'remove-from-group ann@example.com']);

      // The reactivation is refused, so Ann is still Terminated (hidden from member lists) when her removal runs.
      portal.failNext({ match: 'updateUserStatus', action: 403 });
      portal.setPersonGroups(listed);
      portal.resetStats();
      const applied = await sync.apply('plan.json');
      expect(applied.code).toBe(1);
      const outcomes = sync.report(applied).map((e) => `${e.action} ${e.outcome}`);
      expect(outcomes).toEqual(['reactivate failed', 'remove-from-group applied']);
      const sales = portal.groups().find((g) => g.name === 'Sales');
      expect(sales?.memberIds).toEqual([]);
      expect(memberReads()).toBe(0);
      expect(portal.countRequests((r) => r.route === 'GET /api/2.0/group/user/{userid}')).toBe(
        listed ? 0 : 1,
      );
    },
  );
});
