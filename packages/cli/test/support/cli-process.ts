import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** The built CLI, as `npm i -g` would install it. */
export const binPath = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

/** What a finished CLI run printed and returned. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment that points the CLI at a fake portal as its owner. */
export function portalEnv(portal: FakePortal): Record<string, string> {
  return { DOCSPACE_URL: portal.url, DOCSPACE_TOKEN: portal.ownerToken };
}

/** Starts `docspace-people <args>` as a child process (stdout and stderr piped, not a TTY). */
export function spawnCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, [binPath, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `docspace-people <args>` to the end. */
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> {
  const child = spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A temporary working directory with helpers to write files into it; `remove()` deletes it. */
export async function workDir() {
  const dir = await mkdtemp(join(tmpdir(), 'docspace-cli-'));
  return {
    dir,
    path: (name: string) => join(dir, name),
    write: async (name: string, text: string) => {
      await writeFile(join(dir, name), text);
      return join(dir, name);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Polls `condition` every few milliseconds until it holds (or fails after `limitMs`). */
export async function waitFor(condition: () => boolean, what: string, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * The usual setup of a test file: a fake portal (reset after each test) and a work folder, both removed after
 * the file's tests. Read `fixture.portal` and `fixture.work` inside tests.
 */
export function portalFixture() {
  const fixture = {
    /** Writes `csv` to the work folder as `name` and imports it into the portal (with `--report <report>`). */
    importFile: async (name: string, csv: string, report?: string): Promise<CliRun> => {
      const users = await fixture.work.write(name, csv);
      const reportArgs = report === undefined ? [] : ['--report', fixture.work.path(report)];
      return runCli(['import', users, ...reportArgs], {
        cwd: fixture.work.dir,
        env: portalEnv(fixture.portal),
      });
    },
  } as {
    portal: FakePortal;
    work: Awaited<ReturnType<typeof workDir>>;
    importFile(name: string, csv: string, report?: string): Promise<CliRun>;
  };
  beforeAll(async () => {
    fixture.portal = await startFakePortal();
    fixture.work = await workDir();
  });
  afterEach(() => fixture.portal.reset());
  afterAll(async () => {
    await fixture.portal.stop();
    await fixture.work.remove();
  });
  return fixture;
}
