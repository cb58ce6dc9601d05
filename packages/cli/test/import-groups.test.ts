import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { portalEnv, portalFixture, runCli } from './support/cli-process.js';

// The import's `groups` column: names separated by ";", matched exactly to the portal's groups; with --create-groups
// the missing ones are created (each once); without it a row naming an unknown group fails before anyone is created.

const fixture = portalFixture();

const csv = [
  'firstName,lastName,email,groups',
  'Ada,Lovelace,ada@example.com,Sales; marketing',
  'Alan,Turing,alan@example.com,marketing',
  'Grace,Hopper,grace@example.com,',
  '',
].join('\n');

const membersOf = (name: string) => {
  const group = fixture.portal.groups().find((g) => g.name === name);
  return group?.memberIds.map((id) => fixture.portal.user(id)?.email).sort();
};

describe('import: groups column', () => {
  it('with --create-groups, adds everyone to their groups and creates a missing group once', async () => {
    fixture.portal.addGroup({ name: 'Sales' });
    const users = await fixture.work.write('groups.csv', csv);
    const report = fixture.work.path('groups-report.csv');
    const run = await runCli(['import', users, '--create-groups', '--report', report, '--concurrency', '3'], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.stdout).toContain('3 rows: 3 created, 0 failed.');
    expect(run.code).toBe(0);
    expect(
      fixture.portal
        .groups()
        .map((g) => g.name)
        .sort(),
    ).toEqual(['Sales', 'marketing'].sort());
    expect(fixture.portal.countRequests('addGroup')).toBe(1);
    expect(membersOf('Sales')).toEqual(['ada@example.com']);
    expect(membersOf('marketing')).toEqual(['ada@example.com', 'alan@example.com']);
    const text = await readFile(report, 'utf8');
    expect(text).toContain('in groups Sales, marketing');
    expect(text.match(/created group marketing/g)).toHaveLength(1);
  });

  it('without --create-groups, a row naming an unknown group fails and its person is not created', async () => {
    fixture.portal.addGroup({ name: 'Sales' });
    fixture.portal.addGroup({ name: 'marketing' });
    fixture.portal.addGroup({ name: 'marketing' });
    fixture.portal.addGroup({ name: 'Marketing' });
    const users = await fixture.work.write(
      'no-create.csv',
      csv.replace('Sales; marketing', 'Sales; Support'),
    );
    const run = await runCli(['import', users], { cwd: fixture.work.dir, env: portalEnv(fixture.portal) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no group is named "Support" (add --create-groups to create it)');
    expect(run.stderr).toContain('2 groups are named "marketing"');
    expect(fixture.portal.user('ada@example.com')).toBeUndefined();
    expect(fixture.portal.user('alan@example.com')).toBeUndefined();
    expect(fixture.portal.user('grace@example.com')).toBeDefined();
    expect(fixture.portal.countRequests('addGroup')).toBe(0);
  });

  it('--dry-run --create-groups says which groups it would create and changes nothing', async () => {
    const users = await fixture.work.write('dry-groups.csv', csv);
    const run = await runCli(
      ['import', users, '--dry-run', '--create-groups', '--report', fixture.work.path('dry.csv')],
      {
        cwd: fixture.work.dir,
        env: portalEnv(fixture.portal),
      },
    );
    expect(run.code).toBe(0);
    const text = await readFile(fixture.work.path('dry.csv'), 'utf8');
    // Each missing group is announced once, by the row that first needed it.
    expect(text.match(/would create group [^,\n]*Sales/g)).toHaveLength(1);
    expect(text.match(/would create group [^\n]*marketing/g)).toHaveLength(1);
    expect(fixture.portal.groups()).toEqual([]);
    expect(fixture.portal.countRequests((r) => r.kind === 'write')).toBe(0);
  });

  it('a group name longer than 128 characters makes the row invalid (never sent)', async () => {
    const users = await fixture.work.write(
      'long.csv',
      `firstName,lastName,email,groups\nA,B,a@example.com,${'x'.repeat(129)}\n`,
    );
    const run = await runCli(['import', users, '--create-groups'], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is longer than 128 characters');
    expect(fixture.portal.countRequests((r) => r.kind === 'write')).toBe(0);
  });
});
