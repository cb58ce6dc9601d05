import { DocSpace, TaskFailedError, TaskTimeoutError, ValidationError } from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { USER_ID } from './helpers/fixtures.js';
import { type MisbehavingServer, sendEnvelope, startServer } from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A task that is created, then reports `polled` on every progress poll. */
async function taskServer(polled: Record<string, unknown>) {
  let polls = 0;
  server = await startServer(({ req, res }) => {
    if (req.method === 'POST')
      return sendEnvelope(res, { id: 'task-1', percentage: 0, isCompleted: false, status: 0 });
    polls++;
    sendEnvelope(res, { id: 'task-1', ...polled });
  });
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
  return { ds, polls: () => polls };
}

describe('waiting for a task ends', () => {
  it.each([
    ['Failed', 4, 'Reassign failed'],
    ['Canceled', 3, undefined],
  ])('a terminal status %s ends the wait even with isCompleted: false', async (status, code, message) => {
    const { ds, polls } = await taskServer({
      percentage: 40,
      isCompleted: false,
      status: code,
      error: message,
    });
    // The signal only keeps a regression from hanging the run.
    const options = { pollIntervalMs: 100, signal: AbortSignal.timeout(3000) };
    const error = await ds.people.downgrade(USER_ID, 'Guest', options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect((error as TaskFailedError).progress).toMatchObject({ status, isCompleted: false });
    expect(polls()).toBe(1);
  });

  it.each([0, 1, 99])('pollIntervalMs %i is refused before anything is sent', async (pollIntervalMs) => {
    const { ds } = await taskServer({ percentage: 0, isCompleted: false, status: 1 });
    const error = await ds.people.downgrade(USER_ID, 'Guest', { pollIntervalMs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'options.pollIntervalMs', rule: 'integer:100..2147483647' });
    expect(server?.hits).toEqual([]);
  });

  it('maxWaitMs ends a wait on a task that never finishes with TaskTimeoutError', async () => {
    const { ds, polls } = await taskServer({ percentage: 30, isCompleted: false, status: 1 });
    const started = Date.now();
    const error = await ds.people
      .downgrade(USER_ID, 'Guest', { pollIntervalMs: 100, maxWaitMs: 250, signal: AbortSignal.timeout(3000) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskTimeoutError);
    expect(error).toMatchObject({ maxWaitMs: 250, progress: { status: 'Running', percentage: 30 } });
    expect((error as Error).message).toContain('after 250 ms');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(polls()).toBeGreaterThanOrEqual(2);
    expect(polls()).toBeLessThanOrEqual(3);
  });

  it.each([0, -1, 1.5])('maxWaitMs %j is refused', async (maxWaitMs) => {
    const { ds } = await taskServer({ percentage: 0, isCompleted: false, status: 1 });
    await expect(ds.people.downgrade(USER_ID, 'Guest', { maxWaitMs })).rejects.toMatchObject({
      field: 'options.maxWaitMs',
    });
    expect(server?.hits).toEqual([]);
  });
});
