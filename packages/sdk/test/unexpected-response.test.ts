import {
  type Connection,
  connect,
  getPerson,
  listPeople,
  UnexpectedResponseError,
} from '@docspace-people/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_CALL } from './helpers/calls.js';
import { employee, SECRET, USER_ID } from './helpers/fixtures.js';
import { type MisbehavingServer, startServer } from './helpers/misbehaving-server.js';

// An SSO login page, a reverse proxy or a mistyped portal URL answers HTTP 200 with HTML: every call must fail
// with UnexpectedResponseError, never return an invented person, `false` or an empty list.
const LOGIN_PAGE = `<!DOCTYPE html><html><head><title>Sign in</title></head><body>token ${SECRET}</body></html>`;

describe('an HTML page with HTTP 200 (real loopback server)', () => {
  let server: MisbehavingServer;
  let connection: Connection;
  beforeAll(async () => {
    server = await startServer(({ res }) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(LOGIN_PAGE);
    });
    connection = connect({ baseUrl: server.url, token: SECRET, maxRetries: 0 });
  });
  afterAll(() => server.close());

  it.each(EVERY_CALL)('%s throws UnexpectedResponseError', async (_name, request, call) => {
    const error = await call(connection).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    const [method, path] = request.split(' ');
    expect(error).toMatchObject({
      status: 200,
      method,
      path,
      contentType: 'text/html; charset=utf-8',
      problem: 'not JSON',
    });
    const { bodyStart, message } = error as UnexpectedResponseError;
    expect(bodyStart.startsWith('<!DOCTYPE html><html><head><title>Sign in</title>')).toBe(true);
    expect(bodyStart).not.toContain(SECRET);
    expect(message).not.toContain(SECRET);
    expect(message).toBe(`200 ${method} ${path}: unexpected answer (text/html; charset=utf-8): not JSON`);
  });
});

describe('other answers that are not what the operation promises', () => {
  /** A connection whose server answers every request with this body and content type. */
  async function answering(body: string, contentType = 'application/json') {
    const server = await startServer(({ res }) => {
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
    }, 5000);
    return { server, connection: connect({ baseUrl: server.url, token: 'sk-x', maxRetries: 0 }) };
  }

  it.each([
    ['an empty body', '', 'empty body'],
    ['JSON without the envelope', JSON.stringify(employee()), 'no envelope (status: 0)'],
    ['a JSON array', '[]', 'not a JSON object'],
    [
      'a list where one profile is due',
      JSON.stringify({ response: [employee()], status: 0 }),
      'response: not an object',
    ],
    ['an envelope without response', JSON.stringify({ status: 0, statusCode: 200 }), 'response: missing'],
  ])('getPerson: %s', async (_name, body, problem) => {
    const { server, connection } = await answering(body);
    try {
      await expect(getPerson(connection, USER_ID)).rejects.toMatchObject({
        name: 'UnexpectedResponseError',
        problem,
      });
    } finally {
      await server.close();
    }
  });

  it.each([
    [
      'one profile where a list is due',
      JSON.stringify({ response: employee(), status: 0 }),
      'response: not an array',
    ],
    [
      'a list with a null item',
      JSON.stringify({ response: [employee(), null], status: 0 }),
      'response[1]: not an object',
    ],
  ])('listPeople: %s', async (_name, body, problem) => {
    const { server, connection } = await answering(body);
    try {
      await expect(listPeople(connection).toArray()).rejects.toMatchObject({
        name: 'UnexpectedResponseError',
        problem,
      });
    } finally {
      await server.close();
    }
  });
});
