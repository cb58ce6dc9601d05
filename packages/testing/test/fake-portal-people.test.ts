import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { apiDate, call, guid } from './support/call.js';

let portal: FakePortal;
beforeEach(async () => {
  portal ??= await startFakePortal();
  portal.reset();
});
afterAll(() => portal?.stop());

const newPerson = { email: 'jane.cooper@example.com', firstName: 'Jane', lastName: 'Cooper', type: 'User' };

describe('POST /people (create)', () => {
  it('answers 200 with the success envelope and the new person, and keeps them', async () => {
    const answer = await call(portal, 'POST', '/people', { json: newPerson });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ count: 1, status: 0, statusCode: 200 });
    expect(answer.body.links).toEqual([{ href: `${portal.apiUrl}/people`, action: 'POST' }]);
    const person = answer.body.response;
    expect(person).toMatchObject({ email: newPerson.email, firstName: 'Jane', displayName: 'Jane Cooper' });
    expect(person.id).toMatch(guid);
    expect(portal.user(person.id)?.email).toBe(newPerson.email);
  });

  it('sends enums in their wire forms and dates as offset strings', async () => {
    const { body } = await call(portal, 'POST', '/people', { json: newPerson });
    expect(body.response).toMatchObject({
      status: 1,
      activationStatus: 1,
      isCollaborator: true,
      isAdmin: false,
    });
    expect(body.response.registrationDate).toMatch(apiDate);
    expect(body.response.registrationDate.endsWith('+03:00')).toBe(true);
  });

  it('leaves out properties that have no value', async () => {
    const { body } = await call(portal, 'POST', '/people', { json: newPerson });
    expect(body.response).not.toHaveProperty('terminated');
    expect(body.response).not.toHaveProperty('location');
    expect(JSON.stringify(body)).not.toContain('null');
  });

  it('refuses an e-mail that is already registered (case-insensitively) with 500 and creates nobody', async () => {
    await call(portal, 'POST', '/people', { json: newPerson });
    const answer = await call(portal, 'POST', '/people', {
      json: { ...newPerson, email: 'JANE.COOPER@example.com' },
    });
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      error: { message: 'User with this email is already registered', type: 'System.Exception' },
      status: 1,
      statusCode: 500,
    });
    expect(portal.users((u) => u.email.toLowerCase() === newPerson.email)).toHaveLength(1);
  });

  it('answers 400 with the error envelope when the e-mail is missing', async () => {
    const answer = await call(portal, 'POST', '/people', { json: { firstName: 'No', lastName: 'Mail' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      status: 1,
      statusCode: 400,
      error: { message: expect.stringContaining('email') },
    });
  });

  it('answers a malformed e-mail with a validation problem shaped like success (status 1, statusCode 400)', async () => {
    const answer = await call(portal, 'POST', '/people', { json: { ...newPerson, email: 'not-an-email' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      status: 1,
      statusCode: 400,
      response: { errors: { Email: [expect.any(String)] } },
    });
    expect(portal.users()).toHaveLength(1);
  });

  it.each([
    { caller: 'owner', type: 'DocSpaceAdmin', status: 200 },
    { caller: 'DocSpaceAdmin', type: 'DocSpaceAdmin', status: 403 },
    { caller: 'DocSpaceAdmin', type: 'RoomAdmin', status: 200 },
    { caller: 'RoomAdmin', type: 'RoomAdmin', status: 403 },
    { caller: 'RoomAdmin', type: 'User', status: 200 },
    { caller: 'User', type: 'User', status: 403 },
    { caller: 'owner', type: 'Guest', status: 403 },
    { caller: 'DocSpaceAdmin', type: undefined, status: 200 },
    { caller: 'RoomAdmin', type: undefined, status: 403 },
  ] as const)('a $caller creating type $type gets $status', async ({ caller, type, status }) => {
    const token = caller === 'owner' ? portal.ownerToken : portal.addCaller(caller).token;
    const answer = await call(portal, 'POST', '/people', { token, json: { ...newPerson, type } });
    expect(answer.status).toBe(status);
  });

  it('accepts the type as a number', async () => {
    const answer = await call(portal, 'POST', '/people', { json: { ...newPerson, type: 4 } });
    expect(portal.user(answer.body.response.id)?.type).toBe('User');
  });
});

describe('reading people', () => {
  it.each([
    ['id', (u: { id: string }) => u.id],
    ['user name', () => 'jane.cooper'],
  ])('GET /people/{userid} finds a person by %s', async (_, key) => {
    const jane = portal.addUser({ email: 'jane.cooper@example.com', userName: 'jane.cooper' });
    const answer = await call(portal, 'GET', `/people/${key(jane)}`);
    expect(answer.status).toBe(200);
    expect(answer.body.response.id).toBe(jane.id);
  });

  it('GET /people/{userid} answers 404 with the error envelope for an unknown person', async () => {
    const answer = await call(portal, 'GET', '/people/00000000-0000-0000-0000-000000000001');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: 1, statusCode: 404, error: { message: expect.any(String) } });
  });

  it('GET /people/@self answers the caller', async () => {
    const { user, token } = portal.addCaller('Guest');
    const answer = await call(portal, 'GET', '/people/@self', { token });
    expect(answer.body.response).toMatchObject({ id: user.id, isVisitor: true });
  });

  it('GET /people/email finds by e-mail, and answers 404 when nobody has it', async () => {
    const jane = portal.addUser({ email: 'jane@example.com' });
    expect((await call(portal, 'GET', '/people/email?email=JANE@example.com')).body.response.id).toBe(
      jane.id,
    );
    expect((await call(portal, 'GET', '/people/email?email=nobody@example.com')).status).toBe(404);
  });

  it.each([
    { email: 'jane@example.com', response: { exists: true, status: 1 } },
    { email: 'nobody@example.com', response: { exists: false } },
  ])('GET /people/exists?email=$email answers $response', async ({ email, response }) => {
    portal.addUser({ email: 'jane@example.com' });
    const answer = await call(portal, 'GET', `/people/exists?email=${encodeURIComponent(email)}`);
    expect(answer.body.response).toEqual(response);
  });
});

describe('PUT /people/{userid} (update)', () => {
  it('applies names to yourself', async () => {
    const { user, token } = portal.addCaller('User');
    await call(portal, 'PUT', `/people/${user.id}`, { token, json: { firstName: 'New', location: 'Riga' } });
    expect(portal.user(user.id)).toMatchObject({ firstName: 'New', location: 'Riga' });
  });

  it('ignores names when an admin edits someone else', async () => {
    const jane = portal.addUser({ email: 'jane@example.com', firstName: 'Jane' });
    const answer = await call(portal, 'PUT', `/people/${jane.id}`, { json: { firstName: 'Changed' } });
    expect(answer.status).toBe(200);
    expect(portal.user(jane.id)?.firstName).toBe('Jane');
  });

  it('ignores the tutorial\'s {"role": "Manager"}: the type does not change', async () => {
    const jane = portal.addUser({ email: 'jane@example.com', type: 'User' });
    const answer = await call(portal, 'PUT', `/people/${jane.id}`, { json: { role: 'Manager' } });
    expect(answer.status).toBe(200);
    expect(portal.user(jane.id)?.type).toBe('User');
  });

  it.each([
    { patch: { disable: true }, expected: { status: 'Terminated' } },
    { patch: { isUser: true }, expected: { type: 'Guest' } },
  ])('lets an admin apply $patch to someone else', async ({ patch, expected }) => {
    const jane = portal.addUser({ email: 'jane@example.com', type: 'User' });
    await call(portal, 'PUT', `/people/${jane.id}`, { json: patch });
    expect(portal.user(jane.id)).toMatchObject(expected);
  });

  it('answers 403 when a User edits someone else', async () => {
    const jane = portal.addUser({ email: 'jane@example.com' });
    const { token } = portal.addCaller('User');
    expect((await call(portal, 'PUT', `/people/${jane.id}`, { token, json: { disable: true } })).status).toBe(
      403,
    );
  });
});

describe('deleting people', () => {
  it('DELETE /people/{userid} answers 403 for an Active person and keeps them', async () => {
    const jane = portal.addUser({ email: 'jane@example.com' });
    const answer = await call(portal, 'DELETE', `/people/${jane.id}`);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ status: 1, statusCode: 403 });
    expect(portal.user(jane.id)).toBeDefined();
  });

  it('DELETE /people/{userid} deletes a Terminated person and answers their profile', async () => {
    const jane = portal.addUser({ email: 'jane@example.com', status: 'Terminated' });
    const answer = await call(portal, 'DELETE', `/people/${jane.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({ id: jane.id, status: 2 });
    expect(portal.user(jane.id)).toBeUndefined();
  });

  it('terminate then delete works end to end', async () => {
    const jane = portal.addUser({ email: 'jane@example.com' });
    expect(
      (await call(portal, 'PUT', '/people/status/Terminated', { json: { userIds: [jane.id] } })).status,
    ).toBe(200);
    expect((await call(portal, 'DELETE', `/people/${jane.id}`)).status).toBe(200);
    expect(portal.user(jane.id)).toBeUndefined();
  });

  it('PUT /people/delete deletes nobody when one of the people is not Terminated', async () => {
    const gone = portal.addUser({ email: 'gone@example.com', status: 'Terminated' });
    const active = portal.addUser({ email: 'active@example.com' });
    const answer = await call(portal, 'PUT', '/people/delete', { json: { userIds: [gone.id, active.id] } });
    expect(answer.status).toBe(403);
    expect(portal.users()).toHaveLength(3);
  });

  it('PUT /people/delete deletes Terminated people and lists them', async () => {
    const a = portal.addUser({ email: 'a@example.com', status: 'Terminated' });
    const b = portal.addUser({ email: 'b@example.com', status: 'Terminated' });
    const answer = await call(portal, 'PUT', '/people/delete', { json: { userIds: [a.id, b.id] } });
    expect(answer.body.response.map((p: { id: string }) => p.id)).toEqual([a.id, b.id]);
    expect(portal.users()).toHaveLength(1);
  });

  it.each(['RoomAdmin', 'User'] as const)('a %s may not delete (403)', async (type) => {
    const jane = portal.addUser({ email: 'jane@example.com', status: 'Terminated' });
    const { token } = portal.addCaller(type);
    expect((await call(portal, 'DELETE', `/people/${jane.id}`, { token })).status).toBe(403);
  });
});

describe('PUT /people/status/{status}', () => {
  it.each(['Terminated', '2'])('terminates people with the status given as %s', async (status) => {
    const jane = portal.addUser({ email: 'jane@example.com' });
    const answer = await call(portal, 'PUT', `/people/status/${status}`, { json: { userIds: [jane.id] } });
    expect(answer.status).toBe(200);
    expect(answer.body.response[0]).toMatchObject({ id: jane.id, status: 2, terminated: expect.any(String) });
    expect(portal.user(jane.id)?.status).toBe('Terminated');
  });

  it('re-activates a Terminated person', async () => {
    const jane = portal.addUser({ email: 'jane@example.com', status: 'Terminated' });
    await call(portal, 'PUT', '/people/status/Active', { json: { userIds: [jane.id] } });
    expect(portal.user(jane.id)).toMatchObject({ status: 'Active' });
    expect(portal.user(jane.id)?.terminatedDate).toBeUndefined();
  });

  it.each(['Pending', 'All', 'Nonsense'])('answers 400 for the status %s', async (status) => {
    const jane = portal.addUser({ email: 'jane@example.com' });
    expect(
      (await call(portal, 'PUT', `/people/status/${status}`, { json: { userIds: [jane.id] } })).status,
    ).toBe(400);
  });

  it('answers 403 for the owner and changes nobody', async () => {
    const jane = portal.addUser({ email: 'jane@example.com' });
    const answer = await call(portal, 'PUT', '/people/status/Terminated', {
      json: { userIds: [jane.id, portal.owner.id] },
    });
    expect(answer.status).toBe(403);
    expect(portal.user(jane.id)?.status).toBe('Active');
  });
});

describe('invitations and culture', () => {
  it('POST /people/invite creates pending people and skips registered e-mails', async () => {
    portal.addUser({ email: 'known@example.com' });
    const answer = await call(portal, 'POST', '/people/invite', {
      json: {
        invitations: [
          { email: 'new@example.com', type: 'User' },
          { email: 'known@example.com', type: 'User' },
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.response).toHaveLength(1);
    expect(portal.user('new@example.com')).toMatchObject({ activationStatus: 'Pending', type: 'User' });
  });

  it('PUT /people/invite resends to the pending people named', async () => {
    const pending = portal.addUser({ email: 'p@example.com', activationStatus: 'Pending' });
    const active = portal.addUser({ email: 'a@example.com' });
    const answer = await call(portal, 'PUT', '/people/invite', {
      json: { userIds: [pending.id, active.id] },
    });
    expect(answer.body.response.map((p: { id: string }) => p.id)).toEqual([pending.id]);
  });

  it('PUT /people/{userid}/culture changes your culture', async () => {
    const { user, token } = portal.addCaller('User');
    const answer = await call(portal, 'PUT', `/people/${user.id}/culture`, {
      token,
      json: { cultureName: 'de' },
    });
    expect(answer.body.response.cultureName).toBe('de');
  });
});
