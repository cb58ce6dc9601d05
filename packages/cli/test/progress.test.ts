import { PassThrough } from 'node:stream';
import { type CliIO, runCli } from '@docspace-people/cli';
import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workDir } from './support/cli-process.js';

let portal: FakePortal;
let work: Awaited<ReturnType<typeof workDir>>;
beforeAll(async () => {
  portal = await startFakePortal();
  work = await workDir();
});
afterAll(async () => {
  await portal.stop();
  await work.remove();
});

/** Runs the CLI in this process with captured output, as if stderr were (or were not) a terminal. */
async function runCaptured(args: string[], isTTY: boolean) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => {
    out += chunk;
  });
  stderr.on('data', (chunk: Buffer) => {
    err += chunk;
  });
  const io: CliIO = {
    stdout,
    stderr,
    isTTY,
    columns: 100,
    env: { DOCSPACE_URL: portal.url, DOCSPACE_TOKEN: portal.ownerToken },
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe('progress output', () => {
  it('on a terminal: a bar redrawn in place, problems printed above it', async () => {
    const users = await work.write(
      'tty.csv',
      'firstName,lastName,email\nA,A,tty-a@example.com\nB,B,not-an-email\nC,C,tty-c@example.com\n',
    );
    const run = await runCaptured(['import', users], true);
    const clearLine = '\r\u001b[2K';
    expect(run.err.endsWith(`${clearLine}[${'#'.repeat(40)}] 3/3  1 invalid, 2 created\n`)).toBe(true);
    expect(run.err).toContain('line 3: invalid not-an-email: email "not-an-email" is not a valid address\n');
    expect(run.err).not.toContain('[1/3]');
    expect(run.code).toBe(1);
  });

  it('elsewhere: one plain line per row, no control characters', async () => {
    const users = await work.write('plain.csv', 'firstName,lastName,email\nA,A,plain-a@example.com\n');
    const run = await runCaptured(['import', users], false);
    expect(run.err).toMatch(/^\[1\/1\] line 2: created plain-a@example\.com \([0-9a-f-]{36}\)\n$/);
    expect(run.code).toBe(0);
  });
});

describe('plain progress lines', () => {
  it('are batched: many rows finished together cost one write, in order, all written by finish()', async () => {
    const { Progress } = await import('../src/progress.js');
    const writes: string[] = [];
    const stderr = new PassThrough();
    stderr.write = ((chunk: string) => {
      writes.push(chunk);
      return true;
    }) as typeof stderr.write;
    const progress = new Progress({ stdout: new PassThrough(), stderr, isTTY: false, env: {} }, 100);
    for (let i = 1; i <= 100; i++) progress.row('created', `row ${i}`, false);
    expect(writes).toEqual([]);
    progress.finish();
    expect(writes).toHaveLength(1);
    const lines = (writes[0] ?? '').trimEnd().split('\n');
    expect(lines).toHaveLength(100);
    expect(lines[0]).toBe('[1/100] row 1');
    expect(lines[99]).toBe('[100/100] row 100');
  });

  it('are written within a short time while the run goes on, without finish()', async () => {
    const { Progress } = await import('../src/progress.js');
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk: Buffer) => {
      err += chunk;
    });
    const progress = new Progress({ stdout: new PassThrough(), stderr, isTTY: false, env: {} }, 2);
    progress.row('created', 'first', false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(err).toBe('[1/2] first\n');
  });
});
