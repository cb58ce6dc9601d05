import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { readTargets } from '@docspace-people/cli';
import { describe, expect, it } from 'vitest';
import { portalEnv, portalFixture, runCli } from './support/cli-process.js';
import { loopbackServer } from './support/loopback.js';

// Issue 13 point 11: output and input hygiene.

const fixture = portalFixture();

describe('CSV the CLI writes', () => {
  it('neutralises formula cells in an import report, and a resumed run reads them back unchanged', async () => {
    const users = await fixture.work.write(
      'formula.csv',
      [
        'firstName,lastName,email',
        '"=HYPERLINK(""http://evil.example"",""x"")",-2+3,f1@example.com',
        "@SUM(A1),'quoted,f2@example.com",
        '',
      ].join('\n'),
    );
    const report = fixture.work.path('formula-report.csv');
    const first = await runCli(['import', users, '--report', report], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(first.code).toBe(0);
    const text = await readFile(report, 'utf8');
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",'-2+3,User,created,`);
    expect(text).toContain(`,'@SUM(A1),''quoted,User,created,`);
    expect(fixture.portal.user('f1@example.com')?.firstName).toBe('=HYPERLINK("http://evil.example","x")');
    fixture.portal.resetStats();
    const again = await runCli(['import', users, '--report', report], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(again.stdout).toContain('2 rows: 2 created, 0 failed.');
    expect(fixture.portal.countRequests()).toBe(0);
    expect(await readFile(report, 'utf8')).toBe(text);
  });

  it('neutralises formula cells in an offboard report', async () => {
    const list = await fixture.work.write('formula.txt', '-ghost@example.com\n');
    await runCli(['offboard', list, '--rooms-to-me', '--report', fixture.work.path('formula-off.csv')], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(await readFile(fixture.work.path('formula-off.csv'), 'utf8')).toContain(
      "1,'-ghost@example.com,'-ghost@example.com,not-found,,no such user",
    );
  });
});

describe('what reaches the terminal', () => {
  it('escapes control sequences from CSV cells', async () => {
    const users = await fixture.work.write(
      'escape.csv',
      'firstName,lastName,email\nA,B,"evil\x1b]0;owned\x07\x1b[2J@example.com"\n',
    );
    const run = await runCli(['import', users], { cwd: fixture.work.dir, env: portalEnv(fixture.portal) });
    expect(run.stderr).not.toContain('\x1b');
    expect(run.stderr).not.toContain('\x07');
    expect(run.stderr).toContain('evil\\x1b]0;owned\\x07\\x1b[2J@example.com');
    expect(run.code).toBe(1);
  });

  it('escapes control sequences from server messages', async () => {
    const server = await loopbackServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ status: 1, statusCode: 400, error: { message: 'bad\x1b[2J\x1b]0;pwned\x07 row' } }),
      );
    });
    try {
      const users = await fixture.work.write('server.csv', 'firstName,lastName,email\nA,B,a@example.com\n');
      const run = await runCli(['import', users], {
        cwd: fixture.work.dir,
        env: { DOCSPACE_URL: server.url, DOCSPACE_TOKEN: 'sk-test' },
      });
      expect(run.stderr).not.toContain('\x1b');
      expect(run.stderr).not.toContain('\x07');
      expect(run.stderr).toContain('bad\\x1b[2J\\x1b]0;pwned\\x07 row');
      expect(run.code).toBe(1);
    } finally {
      await server.stop();
    }
  });
});

describe('export --output that cannot be written', () => {
  it.each([
    ['a directory', () => fixture.work.dir, 'EISDIR (is a directory)'],
    [
      'a missing folder',
      () => fixture.work.path('no/such/folder/out.csv'),
      'ENOENT (no such file or folder)',
    ],
    ...(existsSync('/dev/full')
      ? [['a full disk', () => '/dev/full', 'ENOSPC (no space left on device)']]
      : []),
  ] as [string, () => string, string][])('%s: a clear message and exit 2', async (_what, output, problem) => {
    fixture.portal.seedUsers(5);
    const run = await runCli(['export', '--output', output()], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.stderr).toBe(
      `docspace-people export: cannot write ${output()}: ${problem}${
        output() === '/dev/full' ? ' (the file is incomplete)' : ''
      }\n`,
    );
    expect(run.code).toBe(2);
  });
});

describe('input the CLI refuses', () => {
  it('reads the last entry of each row of an interrupted CSV import report (no false "already on line"; rows in doubt reported)', () => {
    const id = '11111111-2222-3333-4444-555555555555';
    const rows = readTargets(
      [
        'line,email,firstName,lastName,type,outcome,id,reason',
        '2,a@example.com,A,B,User,created,11111111-2222-3333-4444-555555555555,',
        '3,b@example.com,B,C,User,pending,,',
        // A resumed run writes the finished row again.
        `2,a@example.com,A,B,User,created,${id},`,
        // Cut while being written: its outcome (and id) may be anything.
        '4,c@example.com,C,D,User,crea',
      ].join('\n'),
    );
    expect(rows).toEqual([
      {
        line: 3,
        target: 'b@example.com',
        kind: 'email',
        problem: expect.stringContaining('the import was interrupted while this row was in flight (pending)'),
      },
      { line: 4, target: id, kind: 'id' },
      {
        line: 5,
        target: 'c@example.com',
        kind: 'email',
        problem: expect.stringContaining('the entry is cut short'),
      },
    ]);
  });

  it('checks offboard e-mails in linear time (a 60 KB address of dots ending in ";")', () => {
    const started = performance.now();
    // Quadratic backtracking under the old rule: one try per dot, each scanning to the end (2 s here).
    const [row] = readTargets(`a@${'a.'.repeat(30_000)};`);
    expect(row?.problem).toMatch(/is not a user id \(GUID\) or an e-mail/);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses a 200 KB line at once, naming the line (exit 2, nothing sent)', async () => {
    const list = await fixture.work.write('long.txt', `ann@example.com\na@${'a'.repeat(200_000)}\n`);
    const started = Date.now();
    const run = await runCli(['offboard', list, '--rooms-to-me'], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.stderr).toContain(`${list}: line 2 is longer than 16384 bytes (200002)`);
    expect(run.code).toBe(2);
    expect(fixture.portal.countRequests()).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a file that is not UTF-8, naming the line', async () => {
    const path = fixture.work.path('latin1.csv');
    await writeFile(
      path,
      Buffer.concat([
        Buffer.from('firstName,lastName,email\nAda,Love,ada@example.com\nRen'),
        Buffer.from([0xe9]),
        Buffer.from(',X,ren@example.com\n'),
      ]),
    );
    const run = await runCli(['import', path], { cwd: fixture.work.dir, env: portalEnv(fixture.portal) });
    expect(run.stderr).toContain(`${path}: line 3 is not valid UTF-8: save the file as UTF-8`);
    expect(run.code).toBe(2);
    expect(fixture.portal.countRequests()).toBe(0);
  });

  it('marks a row with a NUL byte in a name invalid, with its line', async () => {
    const run = await fixture.importFile(
      'nul.csv',
      'firstName,lastName,email\nA\0B,C,nul@example.com\nD,E,ok@example.com\n',
      'nul-report.csv',
    );
    expect(await readFile(fixture.work.path('nul-report.csv'), 'utf8')).toContain(
      '2,nul@example.com,A\0B,C,User,invalid,,firstName contains a control character (U+0000)',
    );
    expect(fixture.portal.user('nul@example.com')).toBeUndefined();
    expect(fixture.portal.user('ok@example.com')).toBeDefined();
    expect(run.code).toBe(1);
  });

  it('a case-duplicate row does not turn a created row into skipped on resume', async () => {
    const users = await fixture.work.write(
      'dup.csv',
      'firstName,lastName,email\nAda,L,ada@example.com\nAda,L,ADA@example.com\n',
    );
    const report = fixture.work.path('dup-report.csv');
    await runCli(['import', users, '--report', report], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    const again = await runCli(['import', users, '--report', report], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(again.stdout).toContain('2 rows: 1 created, 1 invalid, 0 failed.');
    expect(await readFile(report, 'utf8')).toContain(
      `2,ada@example.com,Ada,L,User,created,${fixture.portal.user('ada@example.com')?.id},`,
    );
  });
});
