import { DocSpace } from '@docspace-people/sdk';
import { afterEach, expect, it } from 'vitest';
import { employee, SECRET } from './helpers/fixtures.js';
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

it('ds.raw sends the client auth and extra headers', async () => {
  server = await startServer(({ res }) => sendEnvelope(res, employee()));
  const ds = new DocSpace({ baseUrl: server.url, token: SECRET, headers: { 'x-app': 'test' } });
  const { data } = await ds.raw.GET('/api/2.0/people/@self');
  expect(data?.response?.id).toBe(employee().id);
  expect(server.lastHeaders()).toMatchObject({ authorization: `Bearer ${SECRET}`, 'x-app': 'test' });
});

it('ds.raw retries like the facade', async () => {
  server = await startServer(({ res, attempt }) =>
    attempt === 1 ? sendError(res, 503, 'busy', { 'retry-after': '0' }) : sendEnvelope(res, employee()),
  );
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
  const { data, response } = await ds.raw.GET('/api/2.0/people/@self');
  expect(response.status).toBe(200);
  expect(data?.response?.id).toBeDefined();
  expect(server.hits).toHaveLength(2);
});

it('ds.raw resends a PUT body intact on retry', async () => {
  const bodies: string[] = [];
  server = await startServer(({ res, body, attempt }) => {
    bodies.push(body);
    if (attempt === 1) return sendError(res, 503, 'busy', { 'retry-after': '0' });
    sendEnvelope(res, [employee()]);
  });
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
  await ds.raw.PUT('/api/2.0/people/delete', { body: { userIds: [employee().id as string] } });
  expect(bodies).toHaveLength(2);
  expect(bodies[1]).toBe(bodies[0]);
  expect(JSON.parse(bodies[1] ?? '')).toEqual({ userIds: [employee().id] });
});

it('ds.raw returns HTTP errors as { error } (openapi-fetch style)', async () => {
  server = await startServer(({ res }) => sendError(res, 404, 'The user could not be found'));
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
  const { error, response } = await ds.raw.GET('/api/2.0/people/@self');
  expect(response.status).toBe(404);
  expect(error).toMatchObject({ error: { message: 'The user could not be found' } });
});

it('a signal given to the raw client aborts the call', async () => {
  server = await startServer(() => undefined);
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
  const controller = new AbortController();
  const pending = ds.raw.GET('/api/2.0/people/@self', { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
});
