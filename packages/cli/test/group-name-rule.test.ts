import { readFile } from 'node:fs/promises';
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

  it('both would create a new "Sales" beside "sales", and say so', async () => {
    fixture.portal.addGroup({ name: 'sales' });
    await fixture.work.write('users.csv', users);
    await fixture.work.write('desired.csv', desired);

    const report = fixture.work.path('dry.csv');
    const dry = await sync.cli([
      'import',
      fixture.work.path('users.csv'),
      '--create-groups',
      '--dry-run',
      '--report',
      report,
    ]);
    expect(dry.code).toBe(0);
    expect(await readFile(report, 'utf8')).toContain(
      'would create group Sales; ""Sales"" is a new group (the portal has ""sales"":',
    );

    const { run, plan } = await sync.plan('desired.csv', 'plan.json', '--create-groups', 'Sales');
    expect(run.code, run.stderr).toBe(0);
    expect(plan?.items.map((i) => [i.action, i.group ?? i.email])).toEqual([
      ['create-group', 'Sales'],
      ['create', 'ada@example.com'],
    ]);
    expect(plan?.warnings.join('\n')).toContain(
      'group "Sales" will be created as a new group (the portal has "sales":',
    );
    expect(groupNames()).toEqual(['sales']);
  });

  it('after import creates "Sales", plan finds the person in that group and plans nothing', async () => {
    fixture.portal.addGroup({ name: 'sales' });
    await fixture.work.write('users.csv', users);
    await fixture.work.write('desired.csv', desired);

    const imported = await sync.cli(['import', fixture.work.path('users.csv'), '--create-groups']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(groupNames()).toEqual(['Sales', 'sales']);
    const sales = fixture.portal.groups().find((g) => g.name === 'Sales');
    expect(sales?.memberIds.map((id) => fixture.portal.user(id)?.email)).toEqual(['ada@example.com']);

    const { run, plan } = await sync.plan('desired.csv', 'plan.json', '--scope', 'all');
    expect(run.code, run.stderr).toBe(0);
    expect(plan?.items).toEqual([]);
  });
});
