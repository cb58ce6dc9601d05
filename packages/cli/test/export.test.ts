import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsv } from '@docspace-people/cli';
import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalEnv, runCli, spawnCli, workDir } from './support/cli-process.js';

const PEOPLE = 1000;
let portal: FakePortal;
let work: Awaited<ReturnType<typeof workDir>>;
beforeAll(async () => {
  portal = await startFakePortal();
  portal.seedUsers(PEOPLE, (i) =>
    i % 10 === 0 ? { type: 'Guest' } : i % 7 === 0 ? { status: 'Terminated' } : {},
  );
  work = await workDir();
});
afterAll(async () => {
  await portal.stop();
  await work.remove();
});

const listRequests = () => portal.countRequests('searchUsersByExtendedFilter');

describe('export', () => {
  it('streams every person as CSV, writing rows while later pages are still to be fetched', async () => {
    portal.resetStats();
    portal.setLatency(20);
    const child = spawnCli(['export'], { cwd: work.dir, env: portalEnv(portal) });
    let out = '';
    let pagesWhenFirstRowArrived: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      if (pagesWhenFirstRowArrived === undefined && out.split('\n').length > 2)
        pagesWhenFirstRowArrived = listRequests();
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    portal.setLatency(0);

    expect(code).toBe(0);
    const pages = Math.ceil((PEOPLE + 1) / 100);
    expect(listRequests()).toBe(pages);
    // Rows reached the output before the last page was even requested: nothing is collected in memory first.
    expect(pagesWhenFirstRowArrived).toBeLessThan(pages);
    const [header, ...rows] = parseCsv(out);
    expect(header?.fields.slice(0, 4)).toEqual(['id', 'email', 'firstName', 'lastName']);
    expect(new Set(rows.map((row) => row.fields[0]))).toEqual(new Set(portal.users().map((u) => u.id)));
    expect(rows).toHaveLength(PEOPLE + 1);
  });

  it('writes a JSON array of every person to --output', async () => {
    const run = await runCli(['export', '--format', 'json', '--output', work.path('people.json')], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Exported ${PEOPLE + 1} people`);
    const people = JSON.parse(await readFile(work.path('people.json'), 'utf8')) as {
      id: string;
      type: string;
    }[];
    expect(people).toHaveLength(PEOPLE + 1);
    expect(people.filter((p) => p.type === 'Guest')).toHaveLength(PEOPLE / 10);
  });

  it.each([
    [['--type', 'Guest'], (u: { type: string }) => u.type === 'Guest'],
    [['--status', 'terminated'], (u: { status: string }) => u.status === 'Terminated'],
    [
      ['--type', 'Guest', '--type', 'DocSpaceAdmin'],
      (u: { type: string }) => ['Guest', 'DocSpaceAdmin'].includes(u.type),
    ],
    [['--text', 'user99'], (u: { email: string }) => u.email.startsWith('user99')],
  ])('filters with %j', async (filters, matches) => {
    const run = await runCli(['export', '--format', 'json', ...filters], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.code).toBe(0);
    const ids = (JSON.parse(run.stdout) as { id: string }[]).map((p) => p.id).sort();
    expect(ids).toEqual(
      portal
        .users((u) => matches(u as never))
        .map((u) => u.id)
        .sort(),
    );
    expect(ids.length).toBeGreaterThan(0);
  });

  it('an empty result is a header only (CSV) or [] (JSON)', async () => {
    const csv = await runCli(['export', '--text', 'nobody-matches-this'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(csv.stdout.trim().split('\n')).toHaveLength(1);
    const json = await runCli(['export', '--format', 'json', '--text', 'nobody-matches-this'], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('neutralises cells a spreadsheet would run as formulas (CSV injection), but not in JSON', async () => {
    const formula = '=HYPERLINK("https://evil.example","x")';
    portal.addUser({ email: 'formula@example.com', firstName: formula, lastName: '+1-555' });
    const env = portalEnv(portal);
    const csv = await runCli(['export', '--text', 'formula@example.com'], { cwd: work.dir, env });
    const [header, row] = parseCsv(csv.stdout).map((record) => record.fields);
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell('firstName')).toBe(`'${formula}`);
    expect(cell('lastName')).toBe("'+1-555");
    expect(cell('email')).toBe('formula@example.com');
    const json = await runCli(['export', '--format', 'json', '--text', 'formula@example.com'], {
      cwd: work.dir,
      env,
    });
    expect(JSON.parse(json.stdout)[0].firstName).toBe(formula);
  });

  it('a bad filter is a usage error (exit 2) before anything is written or sent', async () => {
    portal.resetStats();
    const output = join(work.dir, 'bad-filter.csv');
    const run = await runCli(['export', '--group', 'not-a-guid', '--output', output], {
      cwd: work.dir,
      env: portalEnv(portal),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('filter.groupId: must be a GUID');
    expect(run.stdout).toBe('');
    await expect(stat(output)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(listRequests()).toBe(0);
  });

  it('stops with exit 1 and a message when the portal refuses', async () => {
    const run = await runCli(['export'], {
      cwd: work.dir,
      env: { DOCSPACE_URL: portal.url, DOCSPACE_TOKEN: 'sk-bad' },
    });
    expect(run.stderr).toContain('401');
    expect(run.code).toBe(1);
  });
});
