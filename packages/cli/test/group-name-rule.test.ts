import { describe, expect, it } from 'vitest';
import { desiredCsv, syncFixture, syncRunner } from './support/sync.js';

// One rule for group names in `import` and `plan`/`apply`: exact (case included), as the server compares them
// (see src/group-names.ts). A desired "Sales" is not the portal's "sales"; both commands say so the same way.

const fixture = syncFixture({});
const sync = syncRunner(() => ({ portal: fixture.portal, dir: fixture.work.dir, path: fixture.work.path }));
const users = 'firstName,lastName,email,groups\nAda,Lovelace,ada@example.com,Sales\n';
const desired = desiredCsv([['ada@example.com', 'Ada', 'Lovelace', 'User', 'Sales', '', '']]);
const groupNames = () =>
  fixture.portal
    .groups()
    .map((g) => g.name)
    .sort();

describe('group names match exactly in import and plan', () => {
  it('neither matches "Sales" to the portal\'s "sales": both refuse the row and point at "sales"', async () => {
    fixture.portal.addGroup({ name: 'sales' });
    await fixture.work.write('users.csv', users);
    await fixture.work.write('desired.csv', desired);

    const imported = await sync.cli(['import', fixture.work.path('users.csv')]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('no group is named "Sales" (the portal has "sales":');
    expect(fixture.portal.user('ada@example.com')).toBeUndefined();

    const { run } = await sync.plan('desired.csv', 'plan.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('group "Sales" neither exists on the portal (the portal has "sales":');
    expect(fixture.portal.countRequests((r) => r.kind === 'write')).toBe(0);
  });

  it('neither creates a "Sales" beside "sales" (a near-duplicate, most likely a typo), even when asked to', async () => {
    fixture.portal.addGroup({ name: 'sales' });
    await fixture.work.write('users.csv', users);
    await fixture.work.write('desired.csv', desired);
    const refusal =
      'no group is named "Sales" (the portal has "sales": group names match exactly, case included, as on the server); not creating a group that differs from it only by case';

    const imported = await sync.cli(['import', fixture.work.path('users.csv'), '--create-groups']);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(refusal);
    expect(fixture.portal.user('ada@example.com')).toBeUndefined();

    const { run } = await sync.plan('desired.csv', 'plan.json', '--create-groups', 'Sales');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(refusal);
    expect(groupNames()).toEqual(['sales']);
    expect(fixture.portal.countRequests((r) => r.kind === 'write')).toBe(0);
  });

  it('neither creates two new groups differing only by case from one file (one of them is most likely a typo)', async () => {
    await fixture.work.write(
      'users.csv',
      'firstName,lastName,email,groups\nAda,Lovelace,ada@example.com,Sales\nAlan,Turing,alan@example.com,sales\n',
    );
    await fixture.work.write(
      'desired.csv',
      desiredCsv([
        ['ada@example.com', 'Ada', 'Lovelace', 'User', 'Sales', '', ''],
        ['alan@example.com', 'Alan', 'Turing', 'User', 'sales', '', ''],
      ]),
    );

    const imported = await sync.cli(['import', fixture.work.path('users.csv'), '--create-groups']);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain('2 rows: 1 created, 1 failed.');
    expect(imported.stderr).toContain(
      'no group is named "sales", and this import creates "Sales": not creating two groups that differ only by case',
    );
    expect(groupNames()).toEqual(['Sales']);
    expect(fixture.portal.user('alan@example.com')).toBeUndefined();

    fixture.portal.reset();
    const { run } = await sync.plan('desired.csv', 'plan.json', '--create-groups', 'Sales,sales');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'groups "Sales" and "sales" would both be created: not creating two groups that differ only by case',
    );
    expect(fixture.portal.countRequests((r) => r.kind === 'write')).toBe(0);
  });

  it('a group made by hand with the other case is then matched exactly by both', async () => {
    fixture.portal.addGroup({ name: 'sales' });
    fixture.portal.addGroup({ name: 'Sales' });
    await fixture.work.write('users.csv', users);
    await fixture.work.write('desired.csv', desired);

    const imported = await sync.cli(['import', fixture.work.path('users.csv')]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(groupNames()).toEqual(['Sales', 'sales']);
    const sales = fixture.portal.groups().find((g) => g.name === 'Sales');
    expect(sales?.memberIds.map((id) => fixture.portal.user(id)?.email)).toEqual(['ada@example.com']);

    const { run, plan } = await sync.plan('desired.csv', 'plan.json', '--scope', 'all');
    expect(run.code, run.stderr).toBe(0);
    expect(plan?.items).toEqual([]);
  });

  it('a group that differs only by case, made on the portal after the plan, stops apply from creating its twin', async () => {
    await fixture.work.write('desired.csv', desired);
    const { run } = await sync.plan('desired.csv', 'plan.json', '--create-groups', 'Sales');
    expect(run.code, run.stderr).toBe(0);
    fixture.portal.addGroup({ name: 'sales' });
    const applied = await sync.apply('plan.json');
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain(
      'create-group Sales: drift (changed since planning: a group "sales" exists now, differing from "Sales" only by case)',
    );
    expect(applied.stderr).toContain('create ada@example.com: refused (group "Sales" does not exist');
    expect(groupNames()).toEqual(['sales']);
  });
});
