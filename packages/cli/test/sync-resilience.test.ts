import { describe, expect, it } from 'vitest';
import { portalEnv, spawnCli, waitFor } from './support/cli-process.js';
import { desiredCsv, syncFixture, syncRunner } from './support/sync.js';

// apply killed with SIGKILL and resumed, and apply under injected connection resets, 503s and 429 bursts.

const fixture = syncFixture({ retryAfterSeconds: 0.02 });
const sync = syncRunner(() => ({ portal: fixture.portal, dir: fixture.work.dir, path: fixture.work.path }));

/** Create requests (POST /people) the portal received. */
const creates = () => fixture.portal.requests('addMember');
/** Creates the server refused because the e-mail was taken: what sending a create twice produces. */
const duplicates = () => creates().filter((r) => r.status === 500);

/**
 * Plans the creation of `count` people and starts `apply` (with `args`) as a process while the portal answers
 * after 15 ms, so a test can stop it halfway.
 */
async function startApply(count: number, ...args: string[]) {
  const people = Array.from({ length: count }, (_, i) => [
    `p${i}@example.com`,
    'P',
    `${i}`,
    'User',
    '',
    '',
    '',
  ]);
  await fixture.work.write('desired.csv', desiredCsv(people));
  const { plan } = await sync.plan('desired.csv', 'plan.json');
  expect(plan?.items).toHaveLength(count);
  fixture.portal.setLatency(15);
  const child = spawnCli(['apply', fixture.work.path('plan.json'), ...args], {
    cwd: fixture.work.dir,
    env: portalEnv(fixture.portal),
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  return { child, closed, stdout: () => stdout };
}

describe('apply, killed and resumed', () => {
  it('kill -9 in the middle, then apply again with the same report: every change exactly once', async () => {
    const { child, closed } = await startApply(150, '--report', fixture.work.path('report.json'));
    await waitFor(() => creates().length >= 40, '40 creates');
    child.kill('SIGKILL');
    await closed;
    await fixture.portal.idle();
    const beforeResume = fixture.portal.users((u) => !u.isOwner).length;
    expect(beforeResume).toBeGreaterThan(0);
    expect(beforeResume).toBeLessThan(150);
    fixture.portal.setLatency(0);

    const resumed = await sync.apply('plan.json', '--report', fixture.work.path('report.json'));
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('150 items: 150 applied');
    expect(fixture.portal.users((u) => !u.isOwner)).toHaveLength(150);
    expect(creates()).toHaveLength(150);
    expect(duplicates()).toEqual([]);
    expect(sync.report(resumed).map((e) => e.outcome)).toEqual(Array(150).fill('applied'));
    expect((await sync.plan('desired.csv', 'again.json')).plan?.items).toEqual([]);
  });
});

describe('apply, interrupted with Ctrl-C', () => {
  it('stops after the items in flight, says so, and the same command finishes the rest once', async () => {
    const { child, closed, stdout } = await startApply(200);
    await waitFor(() => creates().length >= 20, '20 creates');
    child.kill('SIGINT');
    expect(await closed).toBe(1);
    expect(stdout()).toContain('interrupted: run the same command again to resume');
    const done = fixture.portal.users((u) => !u.isOwner).length;
    expect(done).toBeLessThan(200);
    fixture.portal.setLatency(0);

    const resumed = await sync.apply('plan.json');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(fixture.portal.users((u) => !u.isOwner)).toHaveLength(200);
    expect(creates()).toHaveLength(200);
  });
});

describe('apply under chaos', () => {
  it('1,000 changes with connection resets, 503s and 429 bursts: 0 lost, 0 duplicated, every outcome reported', async () => {
    const seeded = fixture.portal.seedUsers(200, (i) => ({ firstName: 'S', lastName: `${i}`, type: 'User' }));
    fixture.portal.addGroup({ name: 'Chaos' });
    const rows: string[][] = [];
    seeded.forEach((person, i) => {
      const upgrade = i < 100;
      rows.push([
        person.email,
        'S',
        person.lastName,
        upgrade ? 'RoomAdmin' : 'User',
        upgrade ? '' : 'Chaos',
        '',
        '',
      ]);
    });
    for (let i = 0; i < 800; i++) rows.push([`new${i}@example.com`, 'N', `${i}`, 'User', '', '', '']);
    await fixture.work.write('desired.csv', desiredCsv(rows));
    const { plan } = await sync.plan('desired.csv', 'plan.json');
    expect(plan?.items).toHaveLength(1000);
    expect(plan?.items.filter((i) => i.action === 'create')).toHaveLength(800);

    let writes = 0;
    let resets = 0;
    let all = 0;
    const isWrite = (r: { method: string }) => r.method !== 'GET';
    // Lost answers: the write is carried out, then the connection is reset.
    fixture.portal.failNext({
      match: (r) => isWrite(r) && ++writes % 13 === 0,
      action: 'reset',
      when: 'after',
      times: Infinity,
    });
    // Resets before the server acts (reads and writes), and 503s (an nginx page) on writes.
    fixture.portal.failNext({ match: () => ++resets % 29 === 0, action: 'reset', times: Infinity });
    let unavailable = 0;
    fixture.portal.failNext({
      match: (r) => isWrite(r) && ++unavailable % 17 === 0,
      action: 503,
      times: Infinity,
    });
    // 429 bursts: 6 requests in a row, every 150 requests, with a short Retry-After.
    fixture.portal.failNext({
      match: () => (++all + 75) % 150 < 6,
      action: 429,
      retryAfterSeconds: 0.02,
      times: Infinity,
    });

    const applied = await sync.apply('plan.json', '--allow-mass-changes');
    fixture.portal.clearFaults();
    expect(applied.code, applied.stdout.slice(-2000) + applied.stderr.slice(-2000)).toBe(0);
    const report = sync.report(applied);
    expect(report).toHaveLength(1000);
    expect(report.filter((e) => e.outcome !== 'applied')).toEqual([]);
    expect(fixture.portal.requests().filter((r) => r.status === 'reset').length).toBeGreaterThan(50);
    expect(fixture.portal.requests().filter((r) => r.status === 503).length).toBeGreaterThan(10);
    expect(fixture.portal.requests().filter((r) => r.status === 429).length).toBeGreaterThan(10);

    expect(fixture.portal.users((u) => u.email.startsWith('new'))).toHaveLength(800);
    expect(duplicates()).toEqual([]);
    expect(fixture.portal.users((u) => u.type === 'RoomAdmin')).toHaveLength(100);
    expect(fixture.portal.groups()[0]?.memberIds).toHaveLength(100);
    expect((await sync.plan('desired.csv', 'again.json')).plan?.items).toEqual([]);
  });
});
