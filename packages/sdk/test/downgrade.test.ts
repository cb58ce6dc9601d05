import { DocSpace, TaskFailedError } from '@docspace-people/sdk';
import { afterEach, expect, it } from 'vitest';
import { OTHER_ID, USER_ID } from './helpers/fixtures.js';
import {
  type MisbehavingServer,
  sendEnvelope,
  sendError,
  startServer,
} from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server whose type-change task advances 0 -> 50 -> 100 over successive progress polls, or fails. */
async function taskServer(outcome: 'completes' | 'fails') {
  const bodies: unknown[] = [];
  let polls = 0;
  server = await startServer(({ req, res, body }) => {
    if (req.method === 'PUT')
      return sendEnvelope(res, { id: 'task-1', percentage: 50, isCompleted: true, status: 3 });
    if (req.method === 'POST') {
      bodies.push(JSON.parse(body));
      return sendEnvelope(res, { id: 'task-1', percentage: 0, isCompleted: false, status: 0 });
    }
    polls++;
    if (polls === 1)
      return sendEnvelope(res, { id: 'task-1', percentage: 50, isCompleted: false, status: 1 });
    if (outcome === 'fails') {
      return sendEnvelope(res, {
        id: 'task-1',
        percentage: 50,
        isCompleted: true,
        status: 4,
        error: 'Reassign failed',
      });
    }
    sendEnvelope(res, { id: 'task-1', percentage: 100, isCompleted: true, status: 2 });
  });
  return { bodies, url: server.url };
}

it('downgrade starts the task with type, userId and reassignUserId, then polls until it completes', async () => {
  const { bodies, url } = await taskServer('completes');
  const ds = new DocSpace({ baseUrl: url, token: 'sk-x' });
  const seen: string[] = [];
  const done = await ds.people.downgrade(USER_ID, 'User', {
    reassignTo: OTHER_ID,
    pollIntervalMs: 100,
    onProgress: (p) => seen.push(`${p.status}:${p.percentage}`),
  });
  expect(bodies).toEqual([{ type: 'User', userId: USER_ID, reassignUserId: OTHER_ID }]);
  expect(seen).toEqual(['Created:0', 'Running:50', 'Completed:100']);
  expect(done).toMatchObject({ isCompleted: true, status: 'Completed', percentage: 100 });
  expect(server?.hits).toEqual([
    'POST /api/2.0/people/type',
    `GET /api/2.0/people/type/progress/${USER_ID}`,
    `GET /api/2.0/people/type/progress/${USER_ID}`,
  ]);
});

it('a failed task throws TaskFailedError with the server message and the last progress', async () => {
  const { url } = await taskServer('fails');
  const ds = new DocSpace({ baseUrl: url, token: 'sk-x' });
  const error = await ds.people.downgrade(USER_ID, 'Guest', { pollIntervalMs: 100 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TaskFailedError);
  expect((error as TaskFailedError).message).toContain('Reassign failed');
  expect((error as TaskFailedError).progress.status).toBe('Failed');
});

it.each([
  [false, 'leaves the task running', ['POST /api/2.0/people/type']],
  [true, 'also cancels the server task', ['POST /api/2.0/people/type', 'PUT /api/2.0/people/type/terminate']],
])('aborting stops waiting; with cancelOnAbort: %s it %s', async (cancelOnAbort, _what, hits) => {
  const { url } = await taskServer('completes');
  const ds = new DocSpace({ baseUrl: url, token: 'sk-x' });
  const controller = new AbortController();
  const pending = ds.people.downgrade(USER_ID, 'Guest', {
    pollIntervalMs: 60_000,
    signal: controller.signal,
    cancelOnAbort,
    onProgress: () => controller.abort(),
  });
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  expect(server?.hits).toEqual(hits);
});

it('a failing cancel under cancelOnAbort does not replace the abort reason', async () => {
  server = await startServer(({ req, res }) => {
    if (req.method === 'PUT') return sendError(res, 500, 'cancel failed');
    sendEnvelope(res, { id: 'task-1', percentage: 0, isCompleted: false, status: 1 });
  });
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', maxRetries: 0 });
  const controller = new AbortController();
  const reason = new Error('user gave up');
  const pending = ds.people.downgrade(USER_ID, 'Guest', {
    pollIntervalMs: 60_000,
    signal: controller.signal,
    cancelOnAbort: true,
    onProgress: () => controller.abort(reason),
  });
  await expect(pending).rejects.toBe(reason);
  expect(server.hits).toEqual(['POST /api/2.0/people/type', 'PUT /api/2.0/people/type/terminate']);
});

it('downgradeProgress is undefined when the server has no task for the user (no `response`)', async () => {
  server = await startServer(({ res }) => sendEnvelope(res, undefined));
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
  expect(await ds.people.downgradeProgress(USER_ID)).toBeUndefined();
  expect(server.hits).toEqual([`GET /api/2.0/people/type/progress/${USER_ID}`]);
});

it('waiting stops when the task vanishes from the server instead of polling forever', async () => {
  let polls = 0;
  server = await startServer(({ req, res }) => {
    if (req.method === 'POST')
      return sendEnvelope(res, { id: 'task-1', percentage: 10, isCompleted: false, status: 1 });
    polls++;
    return sendEnvelope(res, undefined);
  });
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
  const done = await ds.people.downgrade(USER_ID, 'User', { pollIntervalMs: 100 });
  expect(done).toMatchObject({ id: 'task-1', isCompleted: true, status: 'Unknown', percentage: 10 });
  expect(polls).toBe(1);
});
