import {
  connect,
  groupsDelete,
  peopleGuestShareLink,
  peopleNeedsReassign,
  peopleRemoveGuests,
  UnexpectedResponseError,
} from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { GROUP_ID, USER_ID } from './helpers/fixtures.js';
import { type MisbehavingServer, sendEnvelope, startServer } from './helpers/misbehaving-server.js';

// The answer kinds added for groups and user data: a 204 without body (DELETE /group/{id}), an envelope without
// `response` (DELETE /people/guests), a string and a boolean `response`. Each accepts what the server sends and
// refuses anything else with UnexpectedResponseError, never a default value.

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that answers the GET of a normal group, and `write` for every other request. */
async function serve(write: Parameters<typeof startServer>[0]) {
  server = await startServer((hit) => {
    if (hit.req.method === 'GET' && hit.req.url?.startsWith('/api/2.0/group/')) {
      return sendEnvelope(hit.res, {
        id: GROUP_ID,
        name: 'Sales',
        category: GROUP_ID,
        isLDAP: false,
        membersCount: 0,
      });
    }
    return write(hit);
  });
  return connect({ baseUrl: server.url, token: 'sk-x', maxRetries: 0 });
}

describe('no content (DELETE /group/{id})', () => {
  it('accepts 204 without a body', async () => {
    const c = await serve(({ res }) => {
      res.writeHead(204);
      res.end();
    });
    await expect(groupsDelete(c, GROUP_ID)).resolves.toBeUndefined();
    expect(server?.hits).toEqual([`GET /api/2.0/group/${GROUP_ID}`, `DELETE /api/2.0/group/${GROUP_ID}`]);
  });

  it.each([
    ['an empty 200', '', 'empty body'],
    ['an HTML 200', '<html>login</html>', 'not JSON'],
  ])('refuses %s', async (_, body, problem) => {
    const c = await serve(({ res }) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(body);
    });
    const error = await groupsDelete(c, GROUP_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ method: 'DELETE', problem });
  });
});

describe('envelope without response, string and boolean responses', () => {
  it('removeGuests accepts the empty envelope and refuses a non-envelope', async () => {
    let body = JSON.stringify({ count: 0, links: [], status: 0, statusCode: 200 });
    const c = await serve(({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    await expect(peopleRemoveGuests(c, USER_ID)).resolves.toBeUndefined();
    body = JSON.stringify({ ok: true });
    await expect(peopleRemoveGuests(c, USER_ID)).rejects.toBeInstanceOf(UnexpectedResponseError);
  });

  it.each([
    ['guestShareLink with a non-string response', () => peopleGuestShareLink, 42, 'response: not a string'],
    [
      'needsReassign with a non-boolean response',
      () => peopleNeedsReassign,
      'true',
      'response: not a boolean',
    ],
    ['needsReassign without response', () => peopleNeedsReassign, undefined, 'response: not a boolean'],
  ])('%s is an UnexpectedResponseError', async (_, fn, response, problem) => {
    const c = await serve(({ res }) => sendEnvelope(res, response));
    await expect(fn()(c, USER_ID)).rejects.toMatchObject({ name: 'UnexpectedResponseError', problem });
  });
});
