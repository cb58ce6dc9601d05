import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, workDir } from './support/cli-process.js';

let work: Awaited<ReturnType<typeof workDir>>;
beforeAll(async () => {
  work = await workDir();
});
afterAll(() => work.remove());

describe('help and usage errors', () => {
  it.each([
    [['--help'], 'Usage: docspace-people <command>'],
    [['import', '--help'], 'Usage: docspace-people import <users.csv>'],
    [['offboard', '--help'], 'Usage: docspace-people offboard <ids-or-emails file>'],
    [['export', '--help'], 'Usage: docspace-people export'],
    [['help', 'import'], 'Usage: docspace-people import <users.csv>'],
  ])('docspace-people %j prints its usage and exits 0', async (args, usage) => {
    const run = await runCli(args, { cwd: work.dir });
    expect(run.stdout).toContain(usage);
    expect(run.stdout).toContain('DOCSPACE_TOKEN');
    expect(run.code).toBe(0);
  });

  it.each([
    [['import'], 'give exactly one users file'],
    [
      ['import', 'missing.csv', '--url', 'http://127.0.0.1:9', '--token', 'sk-x'],
      'cannot read missing.csv: ENOENT',
    ],
    [['import', 'x.csv', '--concurrency', '16'], '--concurrency must be an integer from 1 to 15'],
    [['import', 'x.csv', '--bogus'], "Unknown option '--bogus'"],
    [['export', '--format', 'xml'], '--format must be csv or json'],
    [
      ['export', '--status', 'Sleeping', '--url', 'http://127.0.0.1:9', '--token', 'sk-x'],
      '--status must be one of',
    ],
    [['offboard'], 'give exactly one file'],
    [['export'], 'no portal: give --url or set DOCSPACE_URL'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('docspace-people %j is a usage error (exit 2)', async (args, message) => {
    const run = await runCli(args, { cwd: work.dir });
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
  });
});
