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

// BOM, CRLF, a quoted comma, a doubled quote, an extra column with a line break inside quotes, and every kind
// of bad row. The owner (owner@example.com) and existing@example.com are already on the portal.
const mixedCsv = [
  '\ufefffirstName,lastName,email,type,notes',
  'Ada,Lovelace,ada@example.com,User,',
  '"Hopper, Grace",Hopper,grace@example.com,RoomAdmin,"admiral"',
  'Alan,Turing,not-an-email,,',
  ',Nobody,nobody@example.com,,',
  'Olivia,Owner,OWNER@example.com,,',
  'Existing,Person,existing@example.com,User,"first line',
  'second line"',
  'Gina,Guest,gina@example.com,Guest,',
  'Ada,Again,ADA@example.com,,',
  'Sam,Smith,sam@example.com,Manager,',
  'Conan,"O""Brien",conan@example.com,user,',
  'Too,Many,fields@example.com,User,,extra',
  '',
].join('\r\n');

function seedExisting() {
  return portal.addUser({ email: 'existing@example.com', firstName: 'Existing', lastName: 'Person' });
}

describe('import: a CSV with good, bad and existing rows', () => {
  it('writes the exact report and exits 1 because some rows were invalid', async () => {
    const existing = seedExisting();
    const users = await work.write('mixed.csv', mixedCsv);
    const run = await runCli(['import', users, '--report', work.path('mixed-report.csv')], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    const id = (email: string) => portal.user(email)?.id;
    expect(await readFile(work.path('mixed-report.csv'), 'utf8')).toBe(
      [
        'line,email,firstName,lastName,type,outcome,id,reason',
        `2,ada@example.com,Ada,Lovelace,User,created,${id('ada@example.com')},`,
        `3,grace@example.com,"Hopper, Grace",Hopper,RoomAdmin,created,${id('grace@example.com')},`,
        '4,not-an-email,Alan,Turing,User,invalid,,"email ""not-an-email"" is not a valid address"',
        '5,nobody@example.com,,Nobody,User,invalid,,firstName is empty',
        `6,OWNER@example.com,Olivia,Owner,User,skipped,${portal.owner.id},a user with this e-mail already exists`,
        `7,existing@example.com,Existing,Person,User,skipped,${existing.id},a user with this e-mail already exists`,
        '9,gina@example.com,Gina,Guest,Guest,invalid,,type Guest cannot be created: DocSpace adds guests only through an invitation',
        '10,ADA@example.com,Ada,Again,User,invalid,,the e-mail ADA@example.com is already on line 2',
        '11,sam@example.com,Sam,Smith,Manager,invalid,,"type ""Manager"" is not one of User, RoomAdmin, DocSpaceAdmin"',
        `12,conan@example.com,Conan,"O""Brien",User,created,${id('conan@example.com')},`,
        '13,fields@example.com,Too,Many,User,invalid,,"expected 5 fields, found 6"',
        '',
      ].join('\n'),
    );
    expect(run.stdout).toContain('11 rows: 3 created, 2 skipped, 6 invalid, 0 failed.');
    expect(run.code).toBe(1);
  });

  it('never sends an invalid row and creates each valid new person once, with the type asked for', async () => {
    seedExisting();
    const users = await work.write('mixed.csv', mixedCsv);
    await runCli(['import', users], { cwd: work.dir, env: portalEnv(portal) });
    expect(portal.countRequests('addMember')).toBe(3);
    const people = portal.users().map((u) => [u.email, u.type]);
    expect(people.sort()).toEqual([
      ['ada@example.com', 'User'],
      ['conan@example.com', 'User'],
      ['existing@example.com', 'User'],
      ['grace@example.com', 'RoomAdmin'],
      ['owner@example.com', 'DocSpaceAdmin'],
    ]);
    expect(portal.user('conan@example.com')?.lastName).toBe('O"Brien');
  });

  it('writes the same outcomes as JSON when the report ends in .json', async () => {
    const existing = seedExisting();
    const users = await work.write('mixed.csv', mixedCsv);
    await runCli(['import', users, '--report', work.path('mixed-report.json')], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    const report = JSON.parse(await readFile(work.path('mixed-report.json'), 'utf8')) as Record<
      string,
      unknown
    >[];
    expect(report.map((row) => [row.line, row.outcome, row.id])).toEqual([
      [2, 'created', portal.user('ada@example.com')?.id],
      [3, 'created', portal.user('grace@example.com')?.id],
      [4, 'invalid', undefined],
      [5, 'invalid', undefined],
      [6, 'skipped', portal.owner.id],
      [7, 'skipped', existing.id],
      [9, 'invalid', undefined],
      [10, 'invalid', undefined],
      [11, 'invalid', undefined],
      [12, 'created', portal.user('conan@example.com')?.id],
      [13, 'invalid', undefined],
    ]);
    expect(report[2]).toEqual({
      line: 4,
      email: 'not-an-email',
      firstName: 'Alan',
      lastName: 'Turing',
      type: 'User',
      outcome: 'invalid',
      reason: 'email "not-an-email" is not a valid address',
    });
  });

  it('prints one plain line per row when not on a terminal', async () => {
    seedExisting();
    const users = await work.write('mixed.csv', mixedCsv);
    const run = await runCli(['import', users], { cwd: work.dir, env: portalEnv(portal) });
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines).toContain(
      `[1/11] line 4: invalid not-an-email: email "not-an-email" is not a valid address`,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^\[\d+\/11\] line 2: created ada@example\.com \([0-9a-f-]{36}\)$/),
    );
  });
});

describe('import: safety', () => {
  const goodCsv = (n: number) =>
    [
      'firstName,lastName,email',
      ...Array.from({ length: n }, (_, i) => `User${i},Test,new${i}@example.com`),
    ].join('\n');

  it('exits 0 when every row is created or skipped', async () => {
    portal.addUser({ email: 'new0@example.com' });
    const users = await work.write('good.csv', goodCsv(5));
    const run = await runCli(['import', users], { cwd: work.dir, env: portalEnv(portal) });
    expect(run.stdout).toContain('5 rows: 4 created, 1 skipped, 0 failed.');
    expect(run.code).toBe(0);
  });

  it('--dry-run creates nobody and reports who would be created', async () => {
    portal.addUser({ email: 'new1@example.com' });
    const users = await work.write('good.csv', goodCsv(3));
    const run = await runCli(['import', users, '--dry-run', '--report', work.path('dry.csv')], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(portal.countRequests('POST')).toBe(0);
    expect((await readFile(work.path('dry.csv'), 'utf8')).split('\n').map((l) => l.split(',')[5])).toEqual([
      'outcome',
      'would-create',
      'skipped',
      'would-create',
      undefined,
    ]);
    expect(run.code).toBe(0);
  });

  it('a file whose header lacks a required column is refused before anything is sent (exit 2)', async () => {
    const users = await work.write('bad-header.csv', 'first,last,email\nA,B,a@example.com\n');
    const run = await runCli(['import', users], { cwd: work.dir, env: portalEnv(portal) });
    expect(run.stderr).toContain('lacks firstName, lastName');
    expect(portal.countRequests()).toBe(0);
    expect(run.code).toBe(2);
  });

  it('never has more than --concurrency writes in flight, and never more than the server allows', async () => {
    portal.setLatency(30);
    const users = await work.write('good.csv', goodCsv(40));
    const run = await runCli(['import', users, '--concurrency', '15'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.code).toBe(0);
    expect(portal.stats().maxInFlight.write).toBeLessThanOrEqual(15);
    expect(portal.stats().rateLimited.write).toBe(0);
    expect(portal.users((u) => u.email.startsWith('new'))).toHaveLength(40);
  });

  it('a create whose answer is lost (connection reset after the server acted) is not sent twice, nor claimed', async () => {
    portal.failNext({ match: 'addMember', action: 'reset', when: 'after', times: 2 });
    const users = await work.write('good.csv', goodCsv(4));
    const run = await runCli(['import', users, '--report', work.path('reset.csv'), '--concurrency', '1'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.code).toBe(0);
    expect(portal.countRequests('addMember')).toBe(4);
    const report = await readFile(work.path('reset.csv'), 'utf8');
    // Two creates answered: created. Two answers lost: the people exist, but nobody saw that this import made them.
    expect(report.match(/,created,/g)).toHaveLength(2);
    expect(
      report.match(/,unconfirmed,[0-9a-f-]{36},"a user with this e-mail exists, but the answer/g),
    ).toHaveLength(2);
    expect(run.stdout).toContain('4 rows: 2 created, 2 unconfirmed, 0 failed.');
  });

  it.each([502, 503])('retries a create refused with %i before the server acted', async (status) => {
    portal.failNext({ match: 'addMember', action: status, times: 2 });
    const users = await work.write('good.csv', goodCsv(2));
    const run = await runCli(['import', users, '--concurrency', '1'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.stdout).toContain('2 rows: 2 created');
    expect(portal.users((u) => u.email.startsWith('new'))).toHaveLength(2);
    expect(run.code).toBe(0);
  });

  it('a row the server refuses is reported as failed with the reason, and the others go on', async () => {
    const { token } = portal.addCaller('RoomAdmin', { email: 'roomadmin@example.com' });
    const users = await work.write(
      'types.csv',
      'firstName,lastName,email,type\nA,A,a@example.com,User\nB,B,b@example.com,DocSpaceAdmin\n',
    );
    const run = await runCli(['import', users, '--report', work.path('types.csv.report')], {
      cwd: work.dir,
      env: { DOCSPACE_URL: portal.url, DOCSPACE_TOKEN: token },
    });
    const report = await readFile(work.path('types.csv.report'), 'utf8');
    expect(report).toContain(`2,a@example.com,A,A,User,created,${portal.user('a@example.com')?.id},`);
    expect(report).toMatch(/3,b@example\.com,B,B,DocSpaceAdmin,failed,,403 POST \/api\/2\.0\/people: .+/);
    expect(run.code).toBe(1);
  });

  it('stops at once on bad credentials, marks the rest not sent, and never prints the token', async () => {
    const users = await work.write('good.csv', goodCsv(5));
    const run = await runCli(['import', users, '--report', work.path('auth.csv')], {
      cwd: work.dir,
      env: { DOCSPACE_URL: portal.url, DOCSPACE_TOKEN: 'sk-wrong-secret-123' },
    });
    expect(run.stdout).toContain('Stopped early: 401');
    expect(`${run.stdout}${run.stderr}${await readFile(work.path('auth.csv'), 'utf8')}`).not.toContain(
      'sk-wrong-secret-123',
    );
    expect(portal.countRequests('addMember')).toBe(0);
    expect(run.code).toBe(1);
  });
});
