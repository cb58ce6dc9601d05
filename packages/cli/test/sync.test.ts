import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { desiredCsv, MARKER, printedPath, syncFixture, syncRunner } from './support/sync.js';

// `docspace-people plan` / `apply` as real processes against the stateful fake portal.

const fixture = syncFixture({ userQuota: { enabled: true }, taskStepMs: 1, typeChangePolls: 2 });
const sync = syncRunner(() => ({ portal: fixture.portal, dir: fixture.work.dir, path: fixture.work.path }));
const DAY = 86_400_000;

/** heir@example.com (a RoomAdmin, who may receive data) and ada@example.com (a User). */
function seedHeirAndAda(): void {
  fixture.portal.addUser({ email: 'heir@example.com', type: 'RoomAdmin' });
  fixture.portal.addUser({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', type: 'User' });
}

const desired = [
  ['ada@example.com', 'Ada', 'Lovelace', 'RoomAdmin', 'Engineering;Sales', 'active', '1GB'],
  ['grace@example.com', 'Grace', 'Hopper', 'User', 'Engineering', '', ''],
  ['alan@example.com', 'Alan', 'Turing', '', '', 'active', ''],
] as const;

describe('plan and apply', () => {
  it('empty portal: plan, apply, the portal equals the file, and a second plan is empty', async () => {
    await fixture.work.write('desired.csv', desiredCsv(desired));
    fixture.portal.addGroup({ name: 'Engineering' });
    const { run, plan } = await sync.plan('desired.csv', 'plan.json', '--create-groups', 'Sales');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\+ create-group\s+Sales/);
    expect(run.stdout).toMatch(
      /\+ create\s+ada@example.com\s+RoomAdmin, groups: Engineering, Sales, quota 1GB/,
    );
    expect(plan?.version).toBe(1);
    expect(plan?.items.map((i) => i.action)).toEqual(['create-group', 'create', 'create', 'create']);
    expect(fixture.portal.countRequests((r) => r.method !== 'GET')).toBe(0);

    const applied = await sync.apply('plan.json');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(applied.stdout).toContain('4 items: 4 applied');

    const people = fixture.portal.users((u) => !u.isOwner);
    expect(people.map((u) => [u.email, u.type, u.notes]).sort()).toEqual([
      ['ada@example.com', 'RoomAdmin', MARKER],
      ['alan@example.com', 'User', MARKER],
      ['grace@example.com', 'User', MARKER],
    ]);
    const members = (name: string) =>
      fixture.portal
        .groups()
        .find((g) => g.name === name)
        ?.memberIds.map((id) => fixture.portal.user(id)?.email)
        .sort();
    expect(members('Engineering')).toEqual(['ada@example.com', 'grace@example.com']);
    expect(members('Sales')).toEqual(['ada@example.com']);
    expect(fixture.portal.user('ada@example.com')?.quotaLimit).toBe(1024 ** 3);

    const again = await sync.plan('desired.csv', 'plan2.json', '--create-groups', 'Sales');
    expect(again.plan?.items).toEqual([]);
    expect(again.run.stdout).toContain('No changes');
  });

  it('plans upgrades, downgrades to an heir, group changes, reactivation and termination; apply does them', async () => {
    seedHeirAndAda();
    fixture.portal.addUser({
      email: 'grace@example.com',
      firstName: 'Grace',
      lastName: 'Hopper',
      type: 'RoomAdmin',
    });
    const eng = fixture.portal.addGroup({ name: 'Engineering', members: ['grace@example.com'] });
    fixture.portal.addUser({
      email: 'alan@example.com',
      firstName: 'Alan',
      lastName: 'Turing',
      status: 'Terminated',
    });
    fixture.portal.addUser({ email: 'bob@example.com', notes: MARKER });
    // Engineering-old is not named in the file: its members are left alone.
    fixture.portal.addGroup({ name: 'Engineering-old', members: ['grace@example.com'] });
    await fixture.work.write(
      'desired.csv',
      desiredCsv([
        ['ada@example.com', 'Ada', 'Lovelace', 'RoomAdmin', 'Engineering', '', ''],
        ['grace@example.com', 'Grace', 'Hopper', 'User', '', '', ''],
        ['alan@example.com', 'Alan', 'Turing', 'User', '', 'active', ''],
        ['heir@example.com', 'Heir', 'Test', 'RoomAdmin', '', '', ''],
        ['boss@example.com', 'Boss', 'Test', 'RoomAdmin', '', '', ''],
      ]),
    );
    fixture.portal.addUser({
      email: 'boss@example.com',
      firstName: 'Boss',
      lastName: 'Test',
      type: 'DocSpaceAdmin',
    });
    const { run, plan } = await sync.plan('desired.csv', 'plan.json', '--heir', 'heir@example.com');
    expect(plan?.warnings).toEqual([
      expect.stringContaining(
        'DocSpaceAdmin -> RoomAdmin is not planned: the API downgrades only to User or Guest',
      ),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(plan?.items.map((i) => `${i.action} ${i.email}`)).toEqual([
      'reactivate alan@example.com',
      'change-type ada@example.com',
      'change-type grace@example.com',
      'add-to-group ada@example.com',
      'remove-from-group grace@example.com',
      'terminate bob@example.com',
    ]);
    expect(run.stdout).toContain('RoomAdmin -> User (downgrade, data to heir@example.com)');
    // 1 termination of 5 managed people is over 10%: the threshold applies to small portals too.
    const applied = await sync.apply('plan.json', '--allow-mass-changes');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(fixture.portal.user('ada@example.com')?.type).toBe('RoomAdmin');
    expect(fixture.portal.user('grace@example.com')?.type).toBe('User');
    expect(fixture.portal.user('alan@example.com')?.status).toBe('Active');
    expect(fixture.portal.user('bob@example.com')?.status).toBe('Terminated');
    expect(fixture.portal.group(eng.id)?.memberIds).toEqual([fixture.portal.user('ada@example.com')?.id]);
    expect(
      fixture.portal.typeChangeTasks().find((t) => t.userId === fixture.portal.user('grace@example.com')?.id)
        ?.reassignUserId,
    ).toBe(fixture.portal.user('heir@example.com')?.id);
    expect((await sync.plan('desired.csv', 'again.json')).plan?.items).toEqual([]);
  });

  it('drift: an item whose person changed since planning is refused and reported; the rest is applied', async () => {
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com'])
      fixture.portal.addUser({ email, type: 'User' });
    await fixture.work.write(
      'desired.csv',
      desiredCsv(
        ['a', 'b', 'c'].map((x) => [`${x}@example.com`, x.toUpperCase(), 'Test', 'RoomAdmin', '', '', '']),
      ),
    );
    await sync.plan('desired.csv', 'plan.json');
    fixture.portal.updateUser('b@example.com', { type: 'Guest' });
    const applied = await sync.apply('plan.json');
    expect(applied.code).toBe(1);
    expect(applied.stderr).toMatch(
      /change-type b@example.com: drift \(changed since planning: type is Guest, was User\)/,
    );
    expect(fixture.portal.users((u) => u.type === 'RoomAdmin').map((u) => u.email)).toEqual([
      'a@example.com',
      'c@example.com',
    ]);
    expect(fixture.portal.user('b@example.com')?.type).toBe('Guest');
    expect(sync.report(applied).map((e) => e.outcome)).toEqual(['applied', 'drift', 'applied']);
  });

  it('writes JSON lines with --json and an exit status that says whether everything applied', async () => {
    await fixture.work.write('desired.csv', desiredCsv([desired[2]]));
    await sync.plan('desired.csv', 'plan.json');
    const applied = await sync.apply('plan.json', '--json');
    const lines = applied.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ n: 1, action: 'create', email: 'alan@example.com', outcome: 'applied' });
    expect(lines.at(-1)).toMatchObject({ summary: { applied: 1 }, exitCode: 0 });
    expect(applied.code).toBe(0);
  });
});

describe('safety', () => {
  it('refuses a plan that terminates more than min(10% of the people in scope, 25) without --allow-mass-changes', async () => {
    const people = Array.from({ length: 30 }, (_, i) => `p${i}@example.com`);
    for (const email of people) fixture.portal.addUser({ email, notes: MARKER });
    await fixture.work.write(
      'desired.csv',
      desiredCsv(people.slice(4).map((e) => [e, 'P', 'Test', 'User', '', '', ''])),
    );
    const { plan, run } = await sync.plan('desired.csv', 'plan.json');
    expect(plan?.items.filter((i) => i.action === 'terminate')).toHaveLength(4);
    expect(run.stdout).toContain('exceed the limit of 3');
    fixture.portal.resetStats();
    const refused = await sync.apply('plan.json');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('terminates or deletes 4 people, more than 3');
    expect(fixture.portal.countRequests()).toBe(0);
    const forced = await sync.apply('plan.json', '--allow-mass-changes');
    expect(forced.code).toBe(0);
    expect(fixture.portal.users((u) => u.status === 'Terminated')).toHaveLength(4);
  });

  it.each([
    { managed: 30, missing: 3, applies: true },
    { managed: 300, missing: 25, applies: true },
    { managed: 300, missing: 26, applies: false },
  ])(
    'the limit is 10% of the managed people, at most 25: $missing of $managed terminated -> applies: $applies',
    async ({ managed, missing, applies }) => {
      const people = Array.from({ length: managed }, (_, i) => `m${i}@example.com`);
      for (const email of people) fixture.portal.addUser({ email, notes: MARKER });
      const kept = people.slice(missing).map((e) => [e, 'M', 'Test', 'User', '', '', '']);
      await fixture.work.write('desired.csv', desiredCsv(kept));
      await sync.plan('desired.csv', 'plan.json');
      const run = await sync.apply('plan.json');
      expect(run.code, run.stderr).toBe(applies ? 0 : 2);
      expect(fixture.portal.users((u) => u.status === 'Terminated')).toHaveLength(applies ? missing : 0);
    },
  );

  it('deletes only after the grace period, naming the heir; the plan shows when the others become deletable', async () => {
    fixture.portal.addUser({ email: 'heir@example.com', type: 'RoomAdmin' });
    fixture.portal.addUser({ email: 'old@example.com', notes: MARKER, type: 'RoomAdmin' });
    fixture.portal.addUser({ email: 'recent@example.com', notes: MARKER });
    fixture.portal.updateUser('old@example.com', {
      status: 'Terminated',
      terminatedDate: new Date(Date.now() - 40 * DAY),
    });
    const recentDate = new Date(Date.now() - 10 * DAY);
    fixture.portal.updateUser('recent@example.com', { status: 'Terminated', terminatedDate: recentDate });
    const room = fixture.portal.addRoom({ title: 'Old room', owner: 'old@example.com' });
    await fixture.work.write(
      'desired.csv',
      desiredCsv([['heir@example.com', 'Heir', 'Test', 'RoomAdmin', '', '', '']]),
    );

    const noHeir = await sync.plan('desired.csv', 'noheir.json');
    expect(noHeir.run.stdout).toContain('NO HEIR: give --heir');
    const refused = await sync.apply('noheir.json', '--allow-mass-changes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('every deletion names the heir');
    expect(fixture.portal.user('old@example.com')).toBeDefined();

    const { plan, run } = await sync.plan('desired.csv', 'plan.json', '--heir', 'heir@example.com');
    expect(plan?.items.map((i) => `${i.action} ${i.email}`)).toEqual(['delete old@example.com']);
    expect(plan?.later).toEqual([
      expect.objectContaining({
        email: 'recent@example.com',
        deletableFrom: new Date(recentDate.getTime() + 30 * DAY).toISOString(),
      }),
    ]);
    expect(run.stdout).toMatch(/recent@example.com\s+terminated \S+, deletable from \S+/);
    const applied = await sync.apply('plan.json', '--allow-mass-changes');
    expect(applied.code, applied.stderr).toBe(0);
    expect(fixture.portal.user('old@example.com')).toBeUndefined();
    expect(fixture.portal.room(room.id)?.ownerId).toBe(fixture.portal.user('heir@example.com')?.id);
    expect(fixture.portal.user('recent@example.com')).toBeDefined();

    const shorter = await sync.plan(
      'desired.csv',
      'short.json',
      '--heir',
      'heir@example.com',
      '--grace-days',
      '5',
    );
    expect(shorter.plan?.items.map((i) => `${i.action} ${i.email}`)).toEqual(['delete recent@example.com']);
  });

  it.each([
    ['plan', (path: (name: string) => string) => ['plan', path('desired.csv'), '--out', path('again.json')]],
    ['apply', (path: (name: string) => string) => ['apply', path('plan.json')]],
  ])('%s: an --heir who cannot inherit, or nobody, is a usage error naming --heir', async (_, args) => {
    seedHeirAndAda();
    await fixture.work.write(
      'desired.csv',
      desiredCsv([['heir@example.com', 'Heir', 'Test', 'RoomAdmin', '', '', '']]),
    );
    expect((await sync.plan('desired.csv', 'plan.json')).run.code).toBe(0);
    const withHeir = (heir: string) => sync.cli([...args(fixture.work.path), '--heir', heir]);
    const user = await withHeir('ada@example.com');
    expect(user.code).toBe(2);
    expect(user.stderr).toContain('--heir: ada@example.com is a User (Active); the heir must be');
    const nobody = await withHeir('nobody@example.com');
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('--heir: nobody is nobody@example.com');
    expect(fixture.portal.countRequests((r) => r.method !== 'GET')).toBe(0);
  });

  it('scope: only people in scope are terminated for missing from the file; never the owner or the caller', async () => {
    const admin = fixture.portal.addCaller('DocSpaceAdmin', { email: 'me@example.com' });
    fixture.portal.addUser({ email: 'manual@example.com' });
    fixture.portal.addUser({ email: 'tool@example.com', notes: `hello ${MARKER}` });
    fixture.portal.addUser({ email: 'member@example.com' });
    fixture.portal.addGroup({ name: 'Contractors', members: ['member@example.com'] });
    await fixture.work.write(
      'desired.csv',
      desiredCsv([['keep@example.com', 'Keep', 'Test', 'User', '', '', '']]),
    );
    const planned = async (...scope: string[]) => {
      const { run, plan } = await sync.plan('desired.csv', 'plan.json', ...scope);
      expect(run.code, run.stderr).toBe(0);
      return plan?.items.filter((i) => i.action === 'terminate').map((i) => i.email);
    };
    expect(await planned()).toEqual(['tool@example.com']);
    expect(await planned('--scope', 'created-by-tool')).toEqual(['tool@example.com']);
    expect(await planned('--scope', 'group:Contractors')).toEqual(['member@example.com']);
    expect(await planned('--scope', 'all')).toEqual([
      'manual@example.com',
      'me@example.com',
      'member@example.com',
      'tool@example.com',
    ]);
    const asAdmin = await sync.cli([
      'plan',
      fixture.work.path('desired.csv'),
      '--scope',
      'all',
      '--out',
      fixture.work.path('admin.json'),
      '--token',
      admin.token,
    ]);
    expect(asAdmin.code, asAdmin.stderr).toBe(0);
    const adminPlan = JSON.parse(readFileSync(fixture.work.path('admin.json'), 'utf8')) as {
      items: { email: string }[];
    };
    expect(adminPlan.items.map((i) => i.email)).not.toContain('me@example.com');
    expect(adminPlan.items.map((i) => i.email)).not.toContain('owner@example.com');
  });

  it('writes an undo plan that apply accepts: created people terminated, type and group changes back', async () => {
    seedHeirAndAda();
    const eng = fixture.portal.addGroup({ name: 'Engineering' });
    await fixture.work.write(
      'desired.csv',
      desiredCsv([
        ['ada@example.com', 'Ada', 'Lovelace', 'RoomAdmin', 'Engineering', '', ''],
        ['new@example.com', 'New', 'Person', 'User', 'Engineering', '', ''],
      ]),
    );
    await sync.plan('desired.csv', 'plan.json');
    const applied = await sync.apply('plan.json');
    expect(applied.code).toBe(0);
    const undoPath = printedPath(applied, 'Undo plan');
    const undo = JSON.parse(readFileSync(undoPath, 'utf8')) as {
      kind: string;
      items: { action: string; email: string }[];
    };
    expect(undo.kind).toBe('undo');
    expect(undo.items.map((i) => `${i.action} ${i.email}`)).toEqual([
      'change-type ada@example.com',
      'remove-from-group ada@example.com',
      'terminate new@example.com',
    ]);
    const noHeir = await sync.cli(['apply', undoPath, '--poll-interval', '100', '--allow-mass-changes']);
    expect(noHeir.code).toBe(1);
    expect(noHeir.stderr).toContain('a downgrade needs an heir');
    // Run again with the same report and an heir: the refused item is tried again, the rest is not resent.
    const undone = await sync.cli([
      'apply',
      undoPath,
      '--poll-interval',
      '100',
      '--allow-mass-changes',
      '--heir',
      'heir@example.com',
    ]);
    expect(undone.stdout).toContain('3 applied');
    expect(fixture.portal.countRequests('removeMembersFrom')).toBe(1);
    expect(undone.code, undone.stdout + undone.stderr).toBe(0);
    expect(fixture.portal.user('ada@example.com')?.type).toBe('User');
    expect(fixture.portal.user('new@example.com')?.status).toBe('Terminated');
    expect(fixture.portal.group(eng.id)?.memberIds).not.toContain(fixture.portal.user('ada@example.com')?.id);
  });

  it('refuses a plan of an unknown schema version, and a report of another plan', async () => {
    await fixture.work.write('desired.csv', desiredCsv([desired[2]]));
    const { plan } = await sync.plan('desired.csv', 'plan.json');
    writeFileSync(fixture.work.path('v2.json'), JSON.stringify({ ...plan, version: 2 }));
    const v2 = await sync.apply('v2.json');
    expect(v2.code).toBe(2);
    expect(v2.stderr).toContain('schema version 2 is not supported');
    writeFileSync(
      fixture.work.path('other.json'),
      JSON.stringify({ ...plan, items: [{ ...plan?.items[0], email: 'x@example.com' }] }),
    );
    await sync.apply('plan.json', '--report', fixture.work.path('shared.json'));
    const other = await sync.apply('other.json', '--report', fixture.work.path('shared.json'));
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('is the report of another plan');
  });
});

describe('bad desired files', () => {
  it('reports every bad row with its line and plans nothing', async () => {
    fixture.portal.addGroup({ name: 'Engineering' });
    await fixture.work.write(
      'bad.csv',
      desiredCsv([
        ['ok@example.com', 'Ok', 'Row', 'User', 'Engineering', '', ''],
        ['not-an-email', 'Bad', 'Mail', 'User', '', '', ''],
        ['x@example.com', 'Bad', 'Type', 'Manager', '', '', ''],
        ['y@example.com', 'Bad', 'Group', 'User', 'Nowhere', '', ''],
        ['OK@example.com', 'Dup', 'Case', 'User', '', '', ''],
        ['z@example.com', 'Bad', 'Status', 'User', '', 'gone', 'lots'],
        ['long@example.com', 'Long', 'Group', 'User', 'g'.repeat(129), '', ''],
      ]),
    );
    const run = await sync.cli([
      'plan',
      fixture.work.path('bad.csv'),
      '--out',
      fixture.work.path('bad-plan.json'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has 7 problems; nothing was planned');
    expect(run.stderr).toContain('line 3: email "not-an-email" is not a valid address');
    expect(run.stderr).toContain(
      'line 4: type "Manager" is not one of DocSpaceAdmin, RoomAdmin, User, Guest',
    );
    expect(run.stderr).toContain('line 5: group "Nowhere" neither exists on the portal nor is declared');
    expect(run.stderr).toContain('line 6: the e-mail OK@example.com is already on line 2');
    expect(run.stderr).toContain('line 7: status "gone" is not active or terminated');
    expect(run.stderr).toContain('line 7: quota "lots" is not a size');
    expect(run.stderr).toContain(`line 8: group "${'g'.repeat(129)}" is longer than 128 characters`);
    expect(() => readFileSync(fixture.work.path('bad-plan.json'))).toThrow();
  });

  it('reads JSON desired files, with lines for bad people', async () => {
    await fixture.work.write(
      'desired.json',
      `{
  "groups": ["Sales"],
  "people": [
    { "email": "ada@example.com", "firstName": "Ada", "lastName": "L", "groups": ["Sales"] },
    {
      "email": "bad@", "firstName": "B", "lastName": "L"
    }
  ]
}
`,
    );
    const run = await sync.cli(['plan', fixture.work.path('desired.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('line 5: email "bad@" is not a valid address');
    await fixture.work.write(
      'good.json',
      JSON.stringify({
        groups: ['Sales'],
        people: [{ email: 'ada@example.com', firstName: 'Ada', lastName: 'L', groups: ['Sales'] }],
      }),
    );
    const good = await sync.plan('good.json', 'plan.json');
    expect(good.plan?.items.map((i) => i.action)).toEqual(['create-group', 'create']);
  });
});
