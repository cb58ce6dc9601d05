import { readFile } from 'node:fs/promises';
import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { portalEnv, runCli, workDir } from './support/cli-process.js';

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

/** Writes of the request log as `METHOD /path`, in order. */
function writes(): string[] {
  return portal
    .requests((r) => r.kind === 'write')
    .map((r) => `${r.method} ${r.path.replace('/api/2.0/people', '')}`);
}

describe('offboard', () => {
  it('terminates, then deletes, everyone listed by id or e-mail, and exits 0', async () => {
    const [ann, bob, cid, dee] = portal.seedUsers(4);
    portal.updateUser(cid!.id, { status: 'Terminated' });
    portal.updateUser(dee!.id, { status: 'Pending', activationStatus: 'Pending' });
    const keep = portal.addUser({ email: 'keep@example.com' });
    const list = await work.write(
      'leavers.txt',
      `# leavers\n${ann!.email}\n${bob!.id}\n\n${cid!.email.toUpperCase()}\n${dee!.id}\n`,
    );
    const run = await runCli(['offboard', list, '--rooms-to-me', '--concurrency', '1'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.stdout).toContain('4 entries: 4 deleted, 0 failed.');
    expect(run.code).toBe(0);
    expect(portal.users().map((u) => u.email)).toEqual(['owner@example.com', keep.email]);
    // One person at a time: terminate before delete; the one already terminated is only deleted.
    expect(writes()).toEqual([
      'PUT /status/Terminated',
      `DELETE /${ann!.id}`,
      'PUT /status/Terminated',
      `DELETE /${bob!.id}`,
      `DELETE /${cid!.id}`,
      'PUT /status/Terminated',
      `DELETE /${dee!.id}`,
    ]);
  });

  it('reports every line: deleted, not found, invalid, refused (owner and yourself), and exits 1', async () => {
    const [ann] = portal.seedUsers(1);
    const me = portal.addCaller('DocSpaceAdmin', { email: 'admin@example.com' });
    const list = await work.write(
      'mixed.txt',
      [
        ann!.email,
        'ghost@example.com',
        'not an address',
        'owner@example.com',
        'admin@example.com',
        ann!.email,
        '',
      ].join('\n'),
    );
    const run = await runCli(['offboard', list, '--rooms-to-me', '--report', work.path('offboard.csv')], {
      cwd: work.dir,
      env: { DOCSPACE_URL: portal.url, DOCSPACE_TOKEN: me.token },
    });
    expect(await readFile(work.path('offboard.csv'), 'utf8')).toBe(
      [
        'line,target,email,outcome,id,reason,dataTo,hadRooms',
        `1,${ann!.email},${ann!.email},deleted,${ann!.id},,admin@example.com (you),no`,
        '2,ghost@example.com,ghost@example.com,not-found,,no such user,,',
        '3,not an address,not an address,invalid,,"""not an address"" is not a user id (GUID) or an e-mail",,',
        `4,owner@example.com,owner@example.com,refused,${portal.owner.id},the portal owner cannot be offboarded,,`,
        `5,admin@example.com,admin@example.com,refused,${me.user.id},you cannot offboard yourself,,`,
        `6,${ann!.email},${ann!.email},invalid,,${ann!.email} is already on line 1,,`,
        '',
      ].join('\n'),
    );
    expect(portal.user('owner@example.com')).toBeDefined();
    expect(portal.user('admin@example.com')).toBeDefined();
    expect(run.code).toBe(1);
  });

  it('takes an import report as its list (the "id" column)', async () => {
    const people = portal.seedUsers(3);
    const report = [
      'line,email,firstName,lastName,type,outcome,id,reason',
      ...people.map((p, i) => `${i + 2},${p.email},A,B,User,created,${p.id},`),
    ].join('\n');
    const list = await work.write('import-report.csv', report);
    const run = await runCli(['offboard', list, '--rooms-to-me'], { cwd: work.dir, env: portalEnv(portal) });
    expect(run.code).toBe(0);
    expect(portal.users()).toHaveLength(1);
  });

  it('given an import report, removes only the people that import created, each once (issue 13 point 9)', async () => {
    const [made, alsoMade, existed, failedRow] = portal.seedUsers(4);
    const report = [
      'line,email,firstName,lastName,type,outcome,id,reason',
      `2,${made!.email},A,B,User,created,${made!.id},`,
      `3,${existed!.email},A,B,User,skipped,${existed!.id},a user with this e-mail already exists`,
      `4,${failedRow!.email},A,B,User,failed,,500 POST /api/2.0/people: boom`,
      `5,${existed!.email.toUpperCase()},A,B,User,invalid,,the e-mail is already on line 3`,
      `6,${alsoMade!.email},A,B,User,created,${alsoMade!.id},`,
      `7,${made!.email},A,B,User,unconfirmed,${made!.id},the answer was lost`,
    ].join('\n');
    const list = await work.write('import-report-mixed.csv', report);
    const run = await runCli(['offboard', list, '--rooms-to-me', '--concurrency', '4'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.stdout).toContain('2 entries: 2 deleted, 0 failed.');
    expect(run.code).toBe(0);
    expect(
      portal
        .users()
        .map((u) => u.email)
        .sort(),
    ).toEqual(['owner@example.com', existed!.email, failedRow!.email].sort());
    expect(portal.countRequests('deleteMember')).toBe(2);
  });

  it('given a JSON import report (--report x.json), removes only the people that import created', async () => {
    const existed = portal.addUser({ email: 'existed@example.com' });
    const users = await work.write(
      'json-import.csv',
      'firstName,lastName,email\nAda,L,ada@example.com\nEx,Isted,existed@example.com\nAl,T,alan@example.com\n',
    );
    const report = work.path('json-import.report.json');
    const imported = await runCli(['import', users, '--report', report], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(imported.stdout).toContain('3 rows: 2 created, 1 skipped, 0 failed.');
    expect((await readFile(report, 'utf8')).startsWith('[\n{')).toBe(true);

    const run = await runCli(['offboard', report, '--rooms-to-me'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.stdout).toContain('2 entries: 2 deleted, 0 failed.');
    expect(run.code).toBe(0);
    expect(portal.users().map((u) => u.email)).toEqual(['owner@example.com', existed.email]);
  });

  it('reads the last entry of each row of an interrupted JSON import report; rows in doubt are reported, never skipped', async () => {
    const [made, pendingOnly] = portal.seedUsers(2);
    const entry = (line: number, email: string, outcome: string, id = '') =>
      JSON.stringify({ line, email, outcome, ...(id ? { id } : {}) });
    const report = await work.write(
      'interrupted.report.json',
      [
        '[',
        `${entry(2, made!.email, 'pending')},`,
        `${entry(3, pendingOnly!.email, 'pending')},`,
        `${entry(2, made!.email, 'created', made!.id)},`,
        '{"line":4,"email":"cut@example.com","outcome":"created","id":"5d8a',
      ].join('\n'),
    );
    const out = work.path('interrupted.offboard.csv');
    const run = await runCli(['offboard', report, '--rooms-to-me', '--report', out], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    // Row 3 was in flight and line 5 was cut while being written: whether import created them is unknown.
    expect(run.stdout).toContain('3 entries: 1 deleted, 2 invalid, 0 failed.');
    expect(run.code).toBe(1);
    expect(portal.user(made!.id)).toBeUndefined();
    expect(portal.user(pendingOnly!.id)).toBeDefined();
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines.find((l) => l.startsWith('3,'))).toContain(
      'the import was interrupted while this row was in flight (pending)',
    );
    expect(lines.find((l) => l.startsWith('5,'))).toContain('the entry is cut short');
    expect(portal.countRequests((r) => r.kind === 'write')).toBe(2);
  });

  it('refuses (exit 2, nothing sent) an import report in which the import created nobody, CSV or JSON', async () => {
    const [existed] = portal.seedUsers(1);
    const json = await work.write(
      'nobody.report.json',
      `[\n${JSON.stringify({ line: 2, email: existed!.email, outcome: 'skipped', id: existed!.id })},\n${JSON.stringify({ line: 3, email: 'x@example.com', outcome: 'failed' })}\n]\n`,
    );
    const csv = await work.write(
      'nobody.report.csv',
      `line,email,firstName,lastName,type,outcome,id,reason\n2,${existed!.email},A,B,User,skipped,${existed!.id},\n`,
    );
    for (const [file, counts] of [
      [json, '2 rows (1 skipped, 1 failed)'],
      [csv, '1 rows (1 skipped)'],
    ] as const) {
      const run = await runCli(['offboard', file, '--rooms-to-me'], {
        cwd: work.dir,
        env: portalEnv(portal),
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `the file is an import report of ${counts} and that import created nobody`,
      );
      expect(run.stdout).toBe('');
    }
    expect(portal.countRequests()).toBe(0);
    expect(portal.user(existed!.id)).toBeDefined();
  });

  it('takes the ids of a JSON export, and refuses JSON it cannot read (exit 2)', async () => {
    portal.seedUsers(2);
    const exported = work.path('people.json');
    const exportRun = await runCli(['export', '--format', 'json', '--type', 'User', '--output', exported], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(exportRun.code).toBe(0);
    const run = await runCli(['offboard', exported, '--rooms-to-me', '--dry-run'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.stdout).toContain('2 entries: 0 deleted, 2 would-delete, 0 failed.');
    expect(run.code).toBe(0);

    const oneLine = await work.write('one-line.json', '[{"id":"x"}]\n');
    const refused = await runCli(['offboard', oneLine, '--rooms-to-me'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the file is JSON but not a list of people or an import report');
    expect(portal.countRequests((r) => r.kind === 'write')).toBe(0);
  });

  it('a person named twice (by id and by e-mail) is offboarded once; the other line says so', async () => {
    portal.setLatency(30);
    const [ann] = portal.seedUsers(1);
    const list = await work.write('twice.txt', `${ann!.id}\n${ann!.email}\n`);
    const run = await runCli(
      ['offboard', list, '--rooms-to-me', '--concurrency', '2', '--report', work.path('twice.csv')],
      {
        cwd: work.dir,
        env: portalEnv(portal),
      },
    );
    expect(run.code).toBe(1);
    expect(portal.countRequests('PUT /api/2.0/people/status/Terminated')).toBe(1);
    expect(portal.countRequests('deleteMember')).toBe(1);
    const lines = (await readFile(work.path('twice.csv'), 'utf8')).trim().split('\n').slice(1);
    expect(lines.map((l) => l.split(',')[3]).sort()).toEqual(['deleted', 'invalid']);
    expect(lines.join('\n')).toMatch(/invalid,[0-9a-f-]{36},the same person as line [12]: handled there/);
  });

  it('--dry-run changes nobody', async () => {
    const people = portal.seedUsers(2);
    const list = await work.write('dry.txt', people.map((p) => p.email).join('\n'));
    const run = await runCli(['offboard', list, '--rooms-to-me', '--dry-run'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.stdout).toContain('2 would-delete');
    expect(portal.countRequests((r) => r.kind === 'write')).toBe(0);
    expect(run.code).toBe(0);
  });

  it('a delete whose answer is lost is retried by the SDK and still reported as deleted', async () => {
    const [ann] = portal.seedUsers(1);
    portal.failNext({ match: 'deleteMember', action: 'close', when: 'after' });
    const list = await work.write('lost.txt', ann!.id);
    const run = await runCli(['offboard', list, '--rooms-to-me'], { cwd: work.dir, env: portalEnv(portal) });
    expect(run.stdout).toContain('1 entries: 1 deleted, 0 failed.');
    expect(portal.user(ann!.id)).toBeUndefined();
    expect(run.code).toBe(0);
  });

  it('run again with the same report after an interruption, it finishes without repeating finished work', async () => {
    const people = portal.seedUsers(3);
    // As an interrupted run leaves it: the first done (the report says so), the second terminated, the third untouched.
    portal.updateUser(people[1]!.id, { status: 'Terminated' });
    const first = people[0]!;
    portal.resetStats();
    const report = await work.write(
      'resume.csv',
      [
        // A report of the version before the heir choice (no dataTo, hadRooms) still resumes.
        'line,target,email,outcome,id,reason',
        `1,${first.email},${first.email},deleted,${first.id},`,
        `2,${people[1]!.email},${people[1]!.email},pending,${people[1]!.id},`,
        `2,${people[1]!.email},${people[1]!.email},terminated,${people[1]!.id},`,
      ].join('\n'),
    );
    const list = await work.write('resume.txt', people.map((p) => p.email).join('\n'));
    const run = await runCli(['offboard', list, '--rooms-to-me', '--report', report, '--concurrency', '1'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.code).toBe(0);
    expect(writes()).toEqual([
      `DELETE /${people[1]!.id}`,
      'PUT /status/Terminated',
      `DELETE /${people[2]!.id}`,
    ]);
    expect((await readFile(report, 'utf8')).match(/,deleted,/g)).toHaveLength(3);
  });
});
