import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs `src/<name>.ts` with tsx as its own process and collects its output and exit code. */
function runProgram(name: string, env: Record<string, string>, args: string[] = []) {
  return new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/${name}.ts`, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('examples as programs (tsx, in a child process)', () => {
  it.each([
    'manage-users',
    'manage-user-photo',
    'update-user-role',
    'photos-tour',
    'manage-groups',
    'offboard-user',
    'guests-and-quotas',
  ])('%s exits 0 and prints its numbered steps', async (name) => {
    const { code, out } = await runProgram(name, { DOCSPACE_PRISM_URL: inject('prismUrl') }, ['--prism']);
    expect(out).toContain(`== ${name}: `);
    expect(out).toContain('  1. ');
    expect(out).toMatch(new RegExp(`ok: ${name} \\(\\d+ steps\\)`));
    expect(code).toBe(0);
  });

  it('an example exits 1 and names the failure when the portal cannot be reached, without the token', async () => {
    const token = 'sk-secret-token-for-the-test';
    const { code, out } = await runProgram('manage-users', {
      DOCSPACE_URL: `http://127.0.0.1:${await closedPort()}`,
      DOCSPACE_TOKEN: token,
    });
    expect(out).toContain('FAILED: ConnectionError');
    expect(out).not.toContain(token);
    expect(code).toBe(1);
  });

  it('the demo runs on a fake portal it starts and seeds, shows real state changes, and exits 0', async () => {
    const { code, out } = await runProgram('demo', {});
    const lines = out.split('\n');
    expect(lines[1]).toMatch(/^Target: a fake portal at http:\/\/127\.0\.0\.1:\d+, in memory/);
    expect(lines[2]).toContain('owner Olivia Owner (the demo calls as them) and 5 people:');
    expect(lines[3]).toContain('Adam Admin (DocSpaceAdmin)');
    expect(out).toMatch(/-> created John Doe \(.*\), type User, status Active\n/);
    expect(out).toContain('-> John Doe: Terminated\n');
    expect(out).toContain('-> not found (404)\n');
    expect(out).toContain('progress: 100% (Completed)\n');
    // The demo's fake portal is handed to the examples: offboard-user seeds rooms and reads their owner back.
    expect(out).toContain('-> the server answered true: she owns rooms, choose an heir before deleting\n');
    expect(out).toContain('-> fake portal state: room 1001 "Vendor contracts" owner Hal Ward\n');
    expect(out).not.toMatch(/Prism answers|Jane Cooper/);
    expect(out).toContain('7 of 7 examples passed.');
    expect(code).toBe(0);
  });

  it('the demo with --prism is a contract run on Prism and says so first', async () => {
    const { code, out } = await runProgram('demo', { DOCSPACE_PRISM_URL: inject('prismUrl') }, ['--prism']);
    const lines = out.split('\n');
    expect(lines[1]).toBe(`Target: the Prism mock at ${inject('prismUrl')} (contract run)`);
    expect(lines[2]).toContain('Prism answers from the spec');
    expect(out).toContain('7 of 7 examples passed.');
    expect(code).toBe(0);
  });

  it('the demo exits 1 when the portal cannot be reached', async () => {
    const { code, out } = await runProgram('demo', {
      DOCSPACE_URL: `http://127.0.0.1:${await closedPort()}`,
      DOCSPACE_TOKEN: 'sk-x',
    });
    expect(out.split('\n')[1]).toMatch(/^Target: your portal at http:\/\/127\.0\.0\.1:\d+ \(DOCSPACE_URL\)$/);
    expect(out).toContain('FAILED: ConnectionError');
    expect(out).toContain(
      'Stopped: the portal cannot be reached (check DOCSPACE_URL); the other 6 example(s) were not run.\n0 of 7 examples passed.',
    );
    expect(out).not.toContain('== manage-user-photo');
    expect(code).toBe(1);
  });
});
