import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, readFile, symlink, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { portalEnv, portalFixture, runCli, spawnCli, waitFor } from './support/cli-process.js';

// Issue 13 point 10: report files are written safely.

const fixture = portalFixture();

const usersCsv = (n: number) =>
  ['firstName,lastName,email', ...Array.from({ length: n }, (_, i) => `U${i},T,r${i}@example.com`)].join(
    '\n',
  );
const header = 'line,email,firstName,lastName,type,outcome,id,reason\n';
const mode = (path: string) => statSync(path).mode & 0o777;

describe('report files', () => {
  it.runIf(existsSync('/proc/sys/kernel/ns_last_pid'))(
    'never writes through a temporary name another user planted (predictable <report>.<pid>.tmp links)',
    async () => {
      const users = await fixture.work.write('trap.csv', usersCsv(1));
      const report = await fixture.work.write('trap-report.csv', header);
      const victim = await fixture.work.write('victim.txt', 'precious\n');
      // The next process ids: plant a link at every temporary name the next processes would use.
      const last = Number(readFileSync('/proc/sys/kernel/ns_last_pid', 'utf8'));
      await Promise.all(
        Array.from({ length: 200 }, (_, i) => symlink(victim, `${report}.${last + 1 + i}.tmp`)),
      );
      const run = await runCli(['import', users, '--report', report], {
        cwd: fixture.work.dir,
        env: portalEnv(fixture.portal),
      });
      expect(run.code).toBe(0);
      expect(await readFile(victim, 'utf8')).toBe('precious\n');
      expect(lstatSync(report).isFile()).toBe(true);
      expect(await readFile(report, 'utf8')).toContain(',created,');
      // No temporary file is left behind.
      expect(
        readdirSync(fixture.work.dir).filter(
          (name) => name.includes('trap-report') && !/\.\d+\.tmp$/.test(name),
        ),
      ).toEqual(['trap-report.csv']);
    },
  );

  it('creates a new report readable by the user only, and keeps the mode of an existing one', async () => {
    const users = await fixture.work.write('mode.csv', usersCsv(2));
    const fresh = fixture.work.path('fresh-report.csv');
    await runCli(['import', users, '--report', fresh], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(mode(fresh)).toBe(0o600);

    const kept = await fixture.work.write('kept-report.json', '[\n');
    await chmod(kept, 0o640);
    const run = await runCli(['import', users, '--report', kept], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.code).toBe(0);
    expect(mode(kept)).toBe(0o640);
    expect(JSON.parse(await readFile(kept, 'utf8'))).toHaveLength(2);
  });

  it('refuses a report path that is a symbolic link (exit 2), leaving the link and its target alone', async () => {
    const users = await fixture.work.write('link.csv', usersCsv(1));
    const target = await fixture.work.write('real-report.csv', header);
    const link = fixture.work.path('link-report.csv');
    await symlink(target, link);
    const run = await runCli(['import', users, '--report', link], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.stderr).toContain('is a symbolic link');
    expect(run.code).toBe(2);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await readFile(target, 'utf8')).toBe(header);
    expect(fixture.portal.countRequests()).toBe(0);
  });

  it.each([
    ['a one-line JSON file', 'settings.json', '[{"keep":"me","line":1,"outcome":"x"}]'],
    ['a JSON object', 'config.json', '{"name":"not a report"}\n'],
  ])('refuses %s given as --report and leaves it unchanged', async (_what, name, text) => {
    const users = await fixture.work.write('json.csv', usersCsv(1));
    const file = await fixture.work.write(name, text);
    const run = await runCli(['import', users, '--report', file], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.stderr).toContain('is not a report of this command');
    expect(run.code).toBe(2);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('locks a report while a run uses it: a second run on it is refused; the lock goes when the run ends', async () => {
    fixture.portal.setLatency(100);
    const users = await fixture.work.write('lock.csv', usersCsv(4));
    const report = fixture.work.path('lock-report.csv');
    const first = spawnCli(['import', users, '--report', report, '--concurrency', '1'], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    const firstDone = new Promise<number | null>((resolve) => first.on('close', resolve));
    await waitFor(
      () => fixture.portal.countRequests() + fixture.portal.stats().inFlight.read > 0,
      'the first run to start',
    );
    const second = await runCli(['import', users, '--report', report], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(second.stderr).toContain(`the report ${report} is in use by another run (process ${first.pid})`);
    expect(second.code).toBe(2);
    expect(await firstDone).toBe(0);
    expect(existsSync(`${report}.lock`)).toBe(false);
    expect((await readFile(report, 'utf8')).match(/,created,/g)).toHaveLength(4);
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const users = await fixture.work.write('stale.csv', usersCsv(1));
    const report = fixture.work.path('stale-report.csv');
    await writeFile(`${report}.lock`, '4194999\n');
    const run = await runCli(['import', users, '--report', report], {
      cwd: fixture.work.dir,
      env: portalEnv(fixture.portal),
    });
    expect(run.code).toBe(0);
    expect(existsSync(`${report}.lock`)).toBe(false);
  });
});
