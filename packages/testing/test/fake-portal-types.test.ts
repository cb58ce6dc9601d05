import { type EmployeeTypeName, type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from './support/call.js';

let portal: FakePortal;
beforeEach(async () => {
  portal ??= await startFakePortal({ typeChangePolls: 3 });
  portal.reset();
});
afterAll(() => portal?.stop());

describe('PUT /people/type/{type} (upgrade)', () => {
  it.each([
    { caller: 'owner', from: 'User', to: 'DocSpaceAdmin', status: 200 },
    { caller: 'DocSpaceAdmin', from: 'User', to: 'DocSpaceAdmin', status: 403 },
    { caller: 'DocSpaceAdmin', from: 'User', to: 'RoomAdmin', status: 200 },
    { caller: 'DocSpaceAdmin', from: 'Guest', to: 'User', status: 200 },
    { caller: 'DocSpaceAdmin', from: 'RoomAdmin', to: 'User', status: 403 },
    { caller: 'DocSpaceAdmin', from: 'User', to: 'Guest', status: 403 },
    { caller: 'DocSpaceAdmin', from: 'User', to: 'User', status: 403 },
    { caller: 'RoomAdmin', from: 'Guest', to: 'User', status: 403 },
  ] as const)('a $caller making a $from a $to gets $status', async ({ caller, from, to, status }) => {
    const token = caller === 'owner' ? portal.ownerToken : portal.addCaller(caller).token;
    const target = portal.addUser({ email: 'target@example.com', type: from });
    const answer = await call(portal, 'PUT', `/people/type/${to}`, { token, json: { userIds: [target.id] } });
    expect(answer.status).toBe(status);
    expect(portal.user(target.id)?.type).toBe(status === 200 ? to : from);
  });

  it('accepts the type as a number', async () => {
    const target = portal.addUser({ email: 'target@example.com', type: 'User' });
    await call(portal, 'PUT', '/people/type/1', { json: { userIds: [target.id] } });
    expect(portal.user(target.id)?.type).toBe('RoomAdmin');
  });

  it.each([
    ['yourself', (p: FakePortal) => p.owner.id],
    ['a Terminated user', (p: FakePortal) => p.addUser({ email: 't@example.com', status: 'Terminated' }).id],
  ])('answers 403 for %s', async (_, id) => {
    const answer = await call(portal, 'PUT', '/people/type/RoomAdmin', { json: { userIds: [id(portal)] } });
    expect(answer.status).toBe(403);
  });

  it('answers the changed people with their new flags', async () => {
    const target = portal.addUser({ email: 'target@example.com', type: 'User' });
    const { body } = await call(portal, 'PUT', '/people/type/RoomAdmin', { json: { userIds: [target.id] } });
    expect(body.response).toEqual([
      expect.objectContaining({ id: target.id, isRoomAdmin: true, isCollaborator: false }),
    ]);
  });
});

describe('POST /people/type (downgrade with reassignment, asynchronous)', () => {
  const start = (userId: string, type: EmployeeTypeName = 'User', reassignUserId?: string) =>
    call(portal, 'POST', '/people/type', {
      json: { type, userId, ...(reassignUserId ? { reassignUserId } : {}) },
    });
  const poll = (userId: string) => call(portal, 'GET', `/people/type/progress/${userId}`);

  it('starts a task that is not completed yet and does not change the type', async () => {
    const target = portal.addUser({ email: 'target@example.com', type: 'RoomAdmin' });
    const answer = await start(target.id);
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({
      isCompleted: false,
      percentage: 0,
      status: 0,
      id: expect.any(String),
    });
    expect(portal.user(target.id)?.type).toBe('RoomAdmin');
  });

  it('completes after the configured number of polls and then applies the new type', async () => {
    const target = portal.addUser({ email: 'target@example.com', type: 'RoomAdmin' });
    await start(target.id, 'Guest');
    const first = await poll(target.id);
    expect(first.body.response).toMatchObject({ isCompleted: false, status: 1 });
    await poll(target.id);
    const last = await poll(target.id);
    expect(last.body.response).toMatchObject({ isCompleted: true, percentage: 100, status: 2 });
    expect(portal.user(target.id)?.type).toBe('Guest');
  });

  it('PUT /people/type/terminate cancels the task and keeps the old type', async () => {
    const target = portal.addUser({ email: 'target@example.com', type: 'RoomAdmin' });
    await start(target.id);
    const answer = await call(portal, 'PUT', '/people/type/terminate', { json: { userId: target.id } });
    expect(answer.body.response).toMatchObject({ isCompleted: true, status: 3 });
    await poll(target.id);
    await poll(target.id);
    await poll(target.id);
    expect(portal.user(target.id)?.type).toBe('RoomAdmin');
  });

  it.each([
    ['an upgrade', 'RoomAdmin' as const],
    ['the same type', 'User' as const],
  ])('answers 400 for %s', async (_, type) => {
    const target = portal.addUser({ email: 'target@example.com', type: 'User' });
    expect((await start(target.id, type)).status).toBe(400);
  });

  it('answers 400 when the data would go to someone who cannot hold it (a Guest)', async () => {
    const target = portal.addUser({ email: 'target@example.com', type: 'RoomAdmin' });
    const guest = portal.addUser({ email: 'guest@example.com', type: 'Guest' });
    expect((await start(target.id, 'User', guest.id)).status).toBe(400);
  });

  it('answers 403 for the owner', async () => {
    const { token } = portal.addCaller('DocSpaceAdmin');
    const answer = await call(portal, 'POST', '/people/type', {
      token,
      json: { type: 'User', userId: portal.owner.id },
    });
    expect(answer.status).toBe(403);
  });

  it('answers an empty response when there is no task for the person', async () => {
    const answer = await poll(portal.owner.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ count: 0, status: 0 });
    expect(answer.body).not.toHaveProperty('response');
  });
});
