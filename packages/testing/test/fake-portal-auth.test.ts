import { inspect } from 'node:util';
import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from './support/call.js';

let portal: FakePortal;
beforeEach(async () => {
  portal ??= await startFakePortal();
  portal.reset();
});
afterAll(() => portal?.stop());

const basic = (email: string, password: string) =>
  `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

describe('authentication (the Authorization header decides)', () => {
  it.each([
    { name: 'Bearer with the owner API key', header: () => `Bearer ${portal.ownerToken}`, status: 200 },
    { name: 'lower-case bearer', header: () => `bearer ${portal.ownerToken}`, status: 200 },
    {
      name: 'Basic e-mail:password',
      header: () => basic('owner@example.com', 'owner-password'),
      status: 200,
    },
    { name: 'Basic with a wrong password', header: () => basic('owner@example.com', 'nope'), status: 401 },
    { name: 'a bare sk- API key (no Bearer)', header: () => portal.ownerToken, status: 401 },
    { name: 'Bearer with an unknown token', header: () => 'Bearer sk-unknown', status: 401 },
  ])('$name -> $status', async ({ header, status }) => {
    expect((await call(portal, 'GET', '/people/@self', { authorization: header() })).status).toBe(status);
  });

  it('accepts a bare auth token (not an API key)', async () => {
    const { user } = portal.addCaller('User', { token: 'plain-auth-token' });
    const answer = await call(portal, 'GET', '/people/@self', { authorization: 'plain-auth-token' });
    expect(answer.body.response.id).toBe(user.id);
  });

  it('accepts the asc_auth_key cookie', async () => {
    const answer = await call(portal, 'GET', '/people/@self', {
      token: null,
      headers: { Cookie: `asc_auth_key=${portal.ownerToken}` },
    });
    expect(answer.status).toBe(200);
  });

  it('answers 401 with the error envelope without credentials', async () => {
    const answer = await call(portal, 'GET', '/people/@self', { token: null });
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ status: 1, statusCode: 401, error: { message: expect.any(String) } });
  });

  it('answers 401 to a Terminated caller', async () => {
    const { user, token } = portal.addCaller('DocSpaceAdmin');
    portal.updateUser(user.id, { status: 'Terminated' });
    expect((await call(portal, 'GET', '/people/@self', { token })).status).toBe(401);
  });

  it('setToken makes a token act as an existing person', async () => {
    const jane = portal.addUser({ email: 'jane@example.com' });
    portal.setToken('jane-token', 'jane@example.com');
    expect((await call(portal, 'GET', '/people/@self', { token: 'jane-token' })).body.response.id).toBe(
      jane.id,
    );
  });
});

describe('keeping tokens secret', () => {
  it('does not show the owner token when the portal is inspected', () => {
    expect(inspect(portal, { depth: 5 })).not.toContain(portal.ownerToken);
  });

  it('leaves passwords out of the copies of people it hands out', () => {
    expect(portal.owner).not.toHaveProperty('password');
    expect(JSON.stringify(portal.users())).not.toContain('owner-password');
  });

  it('does not record tokens in the request log', async () => {
    await call(portal, 'GET', '/people/@self');
    await call(portal, 'GET', '/people/@self', {
      authorization: basic('owner@example.com', 'owner-password'),
    });
    const log = JSON.stringify(portal.requests());
    expect(log).not.toContain(portal.ownerToken);
    expect(log).not.toContain('owner-password');
  });
});
