import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { portalEnv, portalFixture, runCli } from './support/cli-process.js';

// offboard chooses where the data goes: --reassign-to <heir> (the reassignment task, then the profile is gone) or
// --rooms-to-me (a plain delete: DocSpace gives the rooms to the caller). Without either it changes nobody.

const fixture = portalFixture();

/** Two leavers (one Active, one Terminated); the first owns two rooms, the second none; an heir. */
function leavers() {
  const [lea, leo] = fixture.portal.seedUsers(2, () => ({ type: 'RoomAdmin' }));
  fixture.portal.updateUser(leo!.id, { status: 'Terminated' });
  const heir = fixture.portal.addUser({ email: 'heir@example.com', type: 'RoomAdmin' });
  const rooms = [
    fixture.portal.addRoom({ title: 'Projects', owner: lea!.id }).id,
    fixture.portal.addRoom({ title: 'Contracts', owner: lea!.id }).id,
  ];
  return { lea: lea!, leo: leo!, heir, rooms };
}

const ownersOf = (rooms: number[]) => rooms.map((id) => fixture.portal.room(id)?.ownerId);

describe('offboard: who receives the data', () => {
  it('without --reassign-to or --rooms-to-me it refuses, says what each would do, and sends nothing', async () => {
    const { lea } = leavers();
    const list = await fixture.work.write('no-choice.txt', lea.email);
    const run = await runCli(['offboard', list], { cwd: fixture.work.dir, env: portalEnv(fixture.portal) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('choose who receives their data');
    expect(run.stderr).toContain('--reassign-to <id|email>');
    expect(run.stderr).toContain('--rooms-to-me');
    expect(run.stderr).toContain('gives their rooms, shared files and storage to you');
    expect(run.stderr).toContain('permanently deletes the rest of their documents');
    expect(fixture.portal.countRequests()).toBe(0);
  });

  it('--reassign-to <email> hands the rooms to the heir, deletes the profiles and reports it per person', async () => {
    const { lea, leo, heir, rooms } = leavers();
    const list = await fixture.work.write('heir.txt', `${lea.email}\n${leo.id}\n`);
    const report = fixture.work.path('heir.csv');
    const run = await runCli(['offboard', list, '--reassign-to', heir.email, '--report', report], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.stdout).toContain('2 entries: 2 deleted, 0 failed.');
    expect(run.stdout).toContain('Data: their rooms, created files, shared files and storage');
    expect(run.stdout).toContain('went to heir@example.com (heir).');
    expect(run.code).toBe(0);
    expect(fixture.portal.user(lea.id)).toBeUndefined();
    expect(fixture.portal.user(leo.id)).toBeUndefined();
    expect(ownersOf(rooms)).toEqual([heir.id, heir.id]);
    // Through the reassignment task with deleteProfile, never the plain delete that gives the rooms to the caller.
    expect(fixture.portal.countRequests('deleteMember') + fixture.portal.countRequests('removeUsers')).toBe(
      0,
    );
    expect(fixture.portal.dataTasks().map((t) => [t.kind, t.deleteProfile, t.toUserId])).toEqual([
      ['reassign', true, heir.id],
      ['reassign', true, heir.id],
    ]);
    const rows = (await readFile(report, 'utf8')).trim().split('\n');
    expect(rows[0]).toBe('line,target,email,outcome,id,reason,dataTo,hadRooms');
    expect(rows.slice(1).sort()).toEqual(
      [
        `1,${lea.email},${lea.email},deleted,${lea.id},,heir@example.com (heir),yes`,
        `2,${leo.id},${leo.email},deleted,${leo.id},,heir@example.com (heir),no`,
      ].sort(),
    );
  });

  it('--rooms-to-me deletes directly; the rooms go to the caller', async () => {
    const { lea, rooms } = leavers();
    fixture.portal.setTaskClock({ stepMs: 0 }); // the server hands the rooms over in the background, after the answer
    const list = await fixture.work.write('me.txt', lea.id);
    const run = await runCli(['offboard', list, '--rooms-to-me'], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('went to owner@example.com (you).');
    expect(run.stderr).toContain(
      `deleted ${lea.id} <${lea.email}> (data to owner@example.com (you), with their rooms)`,
    );
    expect(ownersOf(rooms)).toEqual([fixture.portal.owner.id, fixture.portal.owner.id]);
    expect(fixture.portal.countRequests('startReassign')).toBe(0);
  });

  it('--dry-run --reassign-to says where the data would go and changes nobody', async () => {
    const { lea, heir } = leavers();
    const list = await fixture.work.write('dry-heir.txt', lea.email);
    const run = await runCli(['offboard', list, '--dry-run', '--reassign-to', heir.id], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('would terminate, then hand their data to the heir and delete');
    expect(run.stdout).toContain('would go to heir@example.com (heir).');
    expect(fixture.portal.countRequests((r) => r.kind === 'write')).toBe(0);
  });

  it.each([
    [
      'a guest',
      () => fixture.portal.addUser({ email: 'g@example.com', type: 'Guest' }).email,
      'is a Guest (Active); the heir must be',
    ],
    ['nobody', () => 'nobody@example.com', 'nobody is nobody@example.com'],
  ])('an heir that is %s is a usage error; nobody is changed', async (_, heir, message) => {
    const { lea } = leavers();
    const list = await fixture.work.write('bad-heir.txt', lea.email);
    const run = await runCli(['offboard', list, '--reassign-to', heir()], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(fixture.portal.countRequests((r) => r.kind === 'write')).toBe(0);
    expect(fixture.portal.user(lea.id)?.status).toBe('Active');
  });

  it('the heir listed among the leavers is refused on that line; both options at once is a usage error', async () => {
    const { lea, heir } = leavers();
    const list = await fixture.work.write('heir-listed.txt', `${lea.email}\n${heir.email}\n`);
    const run = await runCli(['offboard', list, '--reassign-to', heir.email], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'refused heir@example.com: this is the heir (--reassign-to): choose another one',
    );
    expect(fixture.portal.user(heir.id)?.status).toBe('Active');
    const both = await runCli(['offboard', list, '--reassign-to', heir.email, '--rooms-to-me'], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
  });
});
