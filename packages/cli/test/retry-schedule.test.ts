import { describe, expect, it } from 'vitest';
import { desiredCsv, syncFixture, syncRunner } from './support/sync.js';

// import and apply retry a create after transient failures on one schedule (src/retry.ts): 6 attempts, waits
// of 100 ms doubling, or what the failed answer's Retry-After asks (here 10 ms, so the test does not wait on
// real seconds). A 502 on POST is not resent by the SDK (the server may have acted), so each 502 costs one
// attempt of the CLI, which looks the person up before sending again.

const fixture = syncFixture({});
const sync = syncRunner(() => ({ portal: fixture.portal, dir: fixture.work.dir, path: fixture.work.path }));

describe('one retry schedule for creates', () => {
  it('import and apply both get through four 502s in a row on a create, sending it five times', async () => {
    fixture.portal.failNext({ match: 'addMember', action: 502, times: 4, retryAfterSeconds: 0.01 });
    const users = await fixture.work.write('users.csv', 'firstName,lastName,email\nAda,L,ada@example.com\n');
    const imported = await sync.cli(['import', users]);
    expect(imported.stdout).toContain('1 rows: 1 created, 0 failed.');
    expect(fixture.portal.countRequests('addMember')).toBe(5);

    await fixture.work.write(
      'desired.csv',
      desiredCsv([
        ['ada@example.com', 'Ada', 'L', 'User', '', '', ''],
        ['alan@example.com', 'Alan', 'T', 'User', '', '', ''],
      ]),
    );
    const { run, plan } = await sync.plan('desired.csv', 'plan.json');
    expect(run.code, run.stderr).toBe(0);
    expect(plan?.items.map((i) => [i.action, i.email])).toEqual([['create', 'alan@example.com']]);
    fixture.portal.failNext({ match: 'addMember', action: 502, times: 4, retryAfterSeconds: 0.01 });
    const applied = await sync.apply('plan.json');
    expect(applied.stdout).toContain('1 items: 1 applied');
    expect(applied.code).toBe(0);
    expect(fixture.portal.countRequests('addMember')).toBe(10);
  });

  it("a failed create is sent again no earlier than the answer's Retry-After asked, not on the CLI's own schedule", async () => {
    // The schedule's first wait is 100 ms; the 502 asks for 400 ms.
    fixture.portal.failNext({ match: 'addMember', action: 502, times: 1, retryAfterSeconds: 0.4 });
    const users = await fixture.work.write(
      'users.csv',
      'firstName,lastName,email\nGrace,H,grace@example.com\n',
    );
    const imported = await sync.cli(['import', users]);
    expect(imported.stdout).toContain('1 rows: 1 created, 0 failed.');
    const creates = fixture.portal.requests('addMember');
    const [failed, resent] = creates.slice(-2);
    expect(failed?.status).toBe(502);
    expect(resent?.status).toBe(200);
    expect((resent?.startedAt ?? 0) - (failed?.startedAt ?? 0)).toBeGreaterThanOrEqual(400);
  });
});
