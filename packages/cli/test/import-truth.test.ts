import { readFile } from 'node:fs/promises';
import { ReportFile } from '@docspace-people/cli';
import { describe, expect, it } from 'vitest';
import { portalEnv, portalFixture, runCli } from './support/cli-process.js';
import { loopbackServer } from './support/loopback.js';

// Issue 13 point 8 and issue 9: the import claims only what the server said.

const fixture = portalFixture();

const usersCsv = (n: number, prefix = 'new') =>
  [
    'firstName,lastName,email',
    ...Array.from({ length: n }, (_, i) => `User${i},Test,${prefix}${i}@example.com`),
  ].join('\n');

const outcomes = (path: string) =>
  new ReportFile(path, ['line', 'outcome']).load().map((r) => [r.email, r.outcome, r.id, r.reason]);

describe('import: outcomes are what the server said', () => {
  // Someone else registers the e-mail between our lookup and our create, which then meets the real duplicate 500:
  // on the first attempt, or on the retry after a 502 that a lookup showed did not land.
  it.each([
    ['a not-found lookup', 0],
    ['a 502 that the lookup shows did not land', 1],
  ])(
    'a 500 "already registered" after %s is reported skipped with the server\'s words, not created',
    async (_, failures) => {
      if (failures > 0) fixture.portal.failNext({ match: 'addMember', action: 502, times: failures });
      let other: string | undefined;
      fixture.portal.failNext({
        match: (request) => {
          const ours =
            request.operationId === 'addMember' && fixture.portal.countRequests('addMember') === failures;
          if (ours && other === undefined) other = fixture.portal.addUser({ email: 'race@example.com' }).id;
          return false;
        },
        action: 500,
      });
      const run = await fixture.importFile(
        'race.csv',
        'firstName,lastName,email\nRace,Condition,race@example.com\n',
        `race-${failures}.csv.report`,
      );
      expect(fixture.portal.countRequests('addMember')).toBe(failures + 1);
      expect(outcomes(fixture.work.path(`race-${failures}.csv.report`))).toEqual([
        [
          'race@example.com',
          'skipped',
          other,
          expect.stringMatching(
            /^the server refused the create \(500 POST \/api\/2\.0\/people: User with this email is already registered\): the user was registered after the lookup, not by this import$/,
          ),
        ],
      ]);
      expect(run.stdout).toContain('1 rows: 0 created, 1 skipped, 0 failed.');
      expect(run.code).toBe(0);
    },
  );

  it('two concurrent imports of the same rows claim each creation once between them', async () => {
    // 7 + 7 writes in flight stay under the portal's 15, so no 429 slows the race down.
    fixture.portal.setLatency(10);
    const users = await fixture.work.write('same.csv', usersCsv(60, 'both'));
    const [a, b] = await Promise.all(
      ['a', 'b'].map((name) =>
        runCli(
          ['import', users, '--report', fixture.work.path(`concurrent-${name}.csv`), '--concurrency', '7'],
          {
            cwd: fixture.work.dir,
            env: portalEnv(fixture.portal),
          },
        ),
      ),
    );
    expect([a?.code, b?.code]).toEqual([0, 0]);
    const reports = ['a', 'b'].map((name) => outcomes(fixture.work.path(`concurrent-${name}.csv`)));
    const created = reports.flat().filter(([, outcome]) => outcome === 'created');
    // Every person was made once, and exactly one of the two runs says it made them, with the right id.
    expect(fixture.portal.users((u) => u.email.startsWith('both'))).toHaveLength(60);
    expect(created).toHaveLength(60);
    for (const [email, , id] of created) expect(fixture.portal.user(String(email))?.id).toBe(id);
    for (const report of reports)
      for (const [, outcome] of report) expect(['created', 'skipped']).toContain(outcome);
  });

  it('a person who existed before is skipped with their id, and no create is sent', async () => {
    const existing = fixture.portal.addUser({ email: 'old@example.com' });
    const run = await fixture.importFile(
      'old.csv',
      'firstName,lastName,email\nOld,Timer,old@example.com\n',
      'old.json',
    );
    expect(JSON.parse(await readFile(fixture.work.path('old.json'), 'utf8'))).toEqual([
      expect.objectContaining({ outcome: 'skipped', id: existing.id }),
    ]);
    expect(fixture.portal.countRequests('addMember')).toBe(0);
    expect(run.code).toBe(0);
  });
});

describe('import against a URL that answers 200 with an HTML page (a login page, a proxy)', () => {
  it('marks every row failed with the reason, creates nobody, and exits 1', async () => {
    const html = await loopbackServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><body><form action="/login">Sign in</form></body></html>');
    });
    try {
      const users = await fixture.work.write('html.csv', usersCsv(3, 'html'));
      const run = await runCli(['import', users, '--report', fixture.work.path('html.csv.report')], {
        cwd: fixture.work.dir,
        env: { DOCSPACE_URL: html.url, DOCSPACE_TOKEN: 'sk-html-test' },
      });
      const report = outcomes(fixture.work.path('html.csv.report'));
      expect(report.map(([email, outcome, id]) => [email, outcome, id])).toEqual([
        ['html0@example.com', 'failed', ''],
        ['html1@example.com', 'failed', ''],
        ['html2@example.com', 'failed', ''],
      ]);
      for (const [, , , reason] of report) expect(String(reason)).not.toBe('');
      expect(run.stdout).toContain('3 rows: 0 created, 3 failed.');
      expect(html.seen.filter((r) => r.startsWith('POST'))).toEqual([]);
      expect(run.code).toBe(1);
    } finally {
      await html.stop();
    }
  });
});
