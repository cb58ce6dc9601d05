import { type FakePortal, startFakePortal, systemGroupIds } from '@docspace-people/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from './support/call.js';

let portal: FakePortal;
beforeEach(async () => {
  portal ??= await startFakePortal();
  portal.reset();
});
afterAll(() => portal?.stop());

const person = (email: string, extra: Partial<Parameters<FakePortal['addUser']>[0]> = {}) =>
  portal.addUser({ email, ...extra }).id;

describe('groups keep the server rules', () => {
  it('creates a group whose manager is a member, and keeps it', async () => {
    const manager = person('jane@example.com', { type: 'RoomAdmin' });
    const member = person('priya@example.com');
    const { status, body } = await call(portal, 'POST', '/group', {
      json: { groupName: 'Marketing', groupManager: manager, members: [member] },
    });
    expect(status).toBe(200);
    expect(body.response).toMatchObject({ name: 'Marketing', membersCount: 2, isLDAP: false });
    expect(body.response.manager.id).toBe(manager);
    expect(body.response).not.toHaveProperty('isSystem');
    expect(portal.group(body.response.id)).toMatchObject({
      managerId: manager,
      memberIds: [manager, member],
    });
  });

  it('refuses a group with a guest, terminated or unknown member (400) and creates nothing', async () => {
    for (const bad of [
      person('guest@example.com', { type: 'Guest' }),
      person('gone@example.com', { status: 'Terminated' }),
      '00000000-0000-0000-0000-000000000009',
    ]) {
      const { status, body } = await call(portal, 'POST', '/group', {
        json: { groupName: 'X', members: [bad] },
      });
      expect(status).toBe(400);
      expect(body.error.message).toBe('The user could not be found');
    }
    expect(portal.groups()).toEqual([]);
  });

  it('creates groups whose names exist already or differ only by case, and refuses a whitespace name', async () => {
    for (const groupName of ['Sales', 'sales', 'Sales']) {
      const { status } = await call(portal, 'POST', '/group', { json: { groupName } });
      expect(status).toBe(200);
    }
    expect(
      portal
        .groups()
        .map((g) => g.name)
        .sort(),
    ).toEqual(['Sales', 'Sales', 'sales']);
    const { status, body } = await call(portal, 'POST', '/group', { json: { groupName: '   ' } });
    expect(status).toBe(400);
    expect(body.error.message).toContain('composed entirely of whitespace');
    expect(portal.groups()).toHaveLength(3);
  });

  it('deletes a group with 204 and no body; the group is gone, its members and their rooms stay', async () => {
    const member = person('priya@example.com');
    const group = portal.addGroup({ name: 'Marketing', members: [member] });
    const room = portal.addRoom({ title: 'Plans', owner: member, sharedWithGroups: [group.id] });
    const answer = await call(portal, 'DELETE', `/group/${group.id}`);
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(portal.group(group.id)).toBeUndefined();
    expect((await call(portal, 'GET', `/group/${group.id}`)).status).toBe(404);
    expect(portal.user(member)).toBeDefined();
    expect(portal.room(room.id)?.sharedWithGroups).toEqual([]);
  });

  it('hides Terminated members from members and membersCount', async () => {
    const active = person('a@example.com');
    const gone = person('g@example.com');
    const group = portal.addGroup({ name: 'Ops', members: [active, gone] });
    portal.updateUser(gone, { status: 'Terminated' });
    const { body } = await call(portal, 'GET', `/group/${group.id}`);
    expect(body.response.membersCount).toBe(1);
    expect(body.response.members.map((m: { id: string }) => m.id)).toEqual([active]);
    expect(portal.group(group.id)?.memberIds).toContain(gone);
  });

  it('clears the manager when the manager is removed; a new manager keeps the old one as a member', async () => {
    const [a, b] = [person('a@example.com'), person('b@example.com')];
    const group = portal.addGroup({ name: 'Ops', manager: a });
    await call(portal, 'PUT', `/group/${group.id}/manager`, { json: { userId: b } });
    expect(portal.group(group.id)).toMatchObject({ managerId: b, memberIds: [a, b] });
    const { body } = await call(portal, 'DELETE', `/group/${group.id}/members`, { json: { members: [b] } });
    expect(body.response).not.toHaveProperty('manager');
    expect(portal.group(group.id)?.managerId).toBeUndefined();
  });

  it('replaces members (the manager goes too) and refuses a list with no valid id', async () => {
    const [a, b, c] = [person('a@example.com'), person('b@example.com'), person('c@example.com')];
    const group = portal.addGroup({ name: 'Ops', manager: a, members: [b] });
    const refused = await call(portal, 'POST', `/group/${group.id}/members`, {
      json: { members: ['00000000-0000-0000-0000-000000000009'] },
    });
    expect(refused.status).toBe(400);
    expect(portal.group(group.id)?.memberIds).toEqual([b, a]);
    await call(portal, 'POST', `/group/${group.id}/members`, { json: { members: [c] } });
    expect(portal.group(group.id)).toEqual({ ...group, memberIds: [c], managerId: undefined });
  });

  it('moves every member to the target; the source survives without a manager', async () => {
    const [a, b] = [person('a@example.com'), person('b@example.com')];
    const from = portal.addGroup({ name: 'Old', manager: a, members: [b] });
    const to = portal.addGroup({ name: 'New' });
    const { body } = await call(portal, 'PUT', `/group/${from.id}/members/${to.id}`);
    expect(body.response).toMatchObject({ id: to.id, membersCount: 2 });
    expect(portal.group(from.id)?.memberIds).toEqual([]);
    expect(portal.group(from.id)?.managerId).toBeUndefined();
  });

  it('applies an update in order (rename, manager, add, remove) and skips invalid ids silently', async () => {
    const [a, b] = [person('a@example.com'), person('b@example.com')];
    const guest = person('guest@example.com', { type: 'Guest' });
    const group = portal.addGroup({ name: 'Ops', members: [a] });
    const { status, body } = await call(portal, 'PUT', `/group/${group.id}`, {
      json: { groupName: 'Operations', groupManager: b, membersToAdd: [guest], membersToRemove: [b] },
    });
    expect(status).toBe(200);
    expect(body.response).toMatchObject({ name: 'Operations', membersCount: 1 });
    expect(portal.group(group.id)?.memberIds).toEqual([a]);
    expect(portal.group(group.id)?.managerId).toBeUndefined();
  });

  it('answers system groups by id (isSystem) but never lists them; writes to them change user types', async () => {
    const user = person('u@example.com');
    const { body } = await call(portal, 'GET', `/group/${systemGroupIds.RoomAdmin}`);
    expect(body.response).toMatchObject({ isSystem: true, name: 'RoomAdmin', membersCount: 0 });
    expect((await call(portal, 'GET', '/group')).body.response).toEqual([]);
    // The server does not refuse: the rename is ignored, the membership change makes the user a RoomAdmin.
    await call(portal, 'PUT', `/group/${systemGroupIds.RoomAdmin}`, {
      json: { groupName: 'Renamed', membersToAdd: [user] },
    });
    expect(portal.user(user)?.type).toBe('RoomAdmin');
    const again = await call(portal, 'GET', `/group/${systemGroupIds.RoomAdmin}`);
    expect(again.body.response).toMatchObject({ name: 'RoomAdmin', membersCount: 1 });
    // Removal from a type group makes the person a User (inferred; see the README).
    await call(portal, 'DELETE', `/group/${systemGroupIds.RoomAdmin}/members`, { json: { members: [user] } });
    expect(portal.user(user)?.type).toBe('User');
    expect((await call(portal, 'DELETE', `/group/${systemGroupIds.RoomAdmin}`)).status).toBe(204);
    expect((await call(portal, 'GET', `/group/${systemGroupIds.RoomAdmin}`)).status).toBe(200);
  });

  it('lets RoomAdmins read but not write, and refuses Users', async () => {
    const group = portal.addGroup({ name: 'Ops' });
    const roomAdmin = portal.addCaller('RoomAdmin').token;
    expect((await call(portal, 'GET', `/group/${group.id}`, { token: roomAdmin })).status).toBe(200);
    expect(
      (await call(portal, 'PUT', `/group/${group.id}`, { token: roomAdmin, json: { groupName: 'X' } }))
        .status,
    ).toBe(403);
    expect((await call(portal, 'GET', '/group', { token: portal.addCaller('User').token })).status).toBe(403);
    expect(portal.group(group.id)?.name).toBe('Ops');
  });

  it('saves the manager before refusing a non-admin (the server quirk)', async () => {
    const group = portal.addGroup({ name: 'Ops' });
    const a = person('a@example.com');
    const { status } = await call(portal, 'PUT', `/group/${group.id}/manager`, {
      token: portal.addCaller('RoomAdmin').token,
      json: { userId: a },
    });
    expect(status).toBe(403);
    expect(portal.group(group.id)).toMatchObject({ managerId: a, memberIds: [] });
  });

  it('filters, sorts and pages the list with a total', async () => {
    const a = person('a@example.com');
    portal.addGroup({ name: 'Marketing', manager: a, members: [person('b@example.com')] });
    portal.addGroup({ name: 'Market research', members: [a] });
    portal.addGroup({ name: 'Sales' });
    const page = await call(
      portal,
      'GET',
      '/group?filterValue=MARKET&sortBy=membersCount&sortOrder=1&count=1',
    );
    expect(page.body).toMatchObject({ count: 1, total: 2 });
    expect(page.body.response[0]).toMatchObject({ name: 'Marketing', membersCount: 2 });
    expect(page.body.response[0]).not.toHaveProperty('members');
    const managed = await call(portal, 'GET', `/group?userId=${a}&manager=true`);
    expect(managed.body.response.map((g: { name: string }) => g.name)).toEqual(['Marketing']);
  });

  it("gives each person's groups and department with the profile and in lists, as the server does", async () => {
    const ann = person('ann@example.com');
    const gone = person('gone@example.com');
    portal.addGroup({ name: 'R&D', manager: ann, members: [gone] });
    portal.addGroup({ name: 'Ops', members: [ann] });
    portal.updateUser(gone, { status: 'Terminated' });
    const { body } = await call(portal, 'GET', `/people/${ann}`);
    expect(body.response.groups.map((g: { name: string }) => g.name)).toEqual(['Ops', 'R&D']);
    expect(body.response.groups[1]).toMatchObject({ manager: 'ann', isSystem: false });
    expect(body.response.department).toBe('Ops, R&amp;D');
    const list = await call(portal, 'GET', '/people/filter?employeeStatus=2');
    expect(list.body.response[0]).toMatchObject({ email: 'gone@example.com', department: 'R&amp;D' });
    const owner = await call(portal, 'GET', '/people/@self');
    expect(owner.body.response).not.toHaveProperty('groups');
    expect(owner.body.response.department).toBe('');
  });

  it('sends neither groups nor department with setPersonGroups(false), and both again after reset', async () => {
    const ann = person('ann@example.com');
    portal.addGroup({ name: 'Ops', members: [ann] });
    portal.setPersonGroups(false);
    const list = await call(portal, 'GET', '/people/filter');
    for (const listed of list.body.response) {
      expect(listed).not.toHaveProperty('groups');
      expect(listed).not.toHaveProperty('department');
    }
    expect((await call(portal, 'GET', `/people/${ann}`)).body.response).not.toHaveProperty('department');
    const members = await call(portal, 'GET', `/group/user/${ann}`);
    expect(members.body.response.map((g: { name: string }) => g.name)).toEqual(['Ops']);
    portal.reset();
    const fresh = person('ann@example.com');
    portal.addGroup({ name: 'Ops', members: [fresh] });
    expect((await call(portal, 'GET', `/people/${fresh}`)).body.response.department).toBe('Ops');
  });

  it("lists a user's groups by name with the manager's user name", async () => {
    const a = person('jane.cooper@example.com');
    portal.addGroup({ name: 'Sales', members: [a] });
    portal.addGroup({ name: 'Marketing', manager: a });
    const { body } = await call(portal, 'GET', `/group/user/${a}`);
    expect(body.response).toEqual([
      { id: expect.any(String), name: 'Marketing', manager: 'jane.cooper', isSystem: false },
      { id: expect.any(String), name: 'Sales', isSystem: false },
    ]);
    expect(
      (await call(portal, 'GET', '/group/user/00000000-0000-0000-0000-000000000009')).body.response,
    ).toEqual([]);
  });

  it('tells which groups share a room, and who may ask', async () => {
    const shared = portal.addGroup({ name: 'Marketing' });
    portal.addGroup({ name: 'Sales' });
    const room = portal.addRoom({ title: 'Plans', owner: portal.owner.id, sharedWithGroups: [shared.id] });
    const all = await call(portal, 'GET', `/group/room/${room.id}`);
    expect(all.body.response.map((g: { name: string; shared: boolean }) => [g.name, g.shared])).toEqual([
      ['Marketing', true],
      ['Sales', false],
    ]);
    const without = await call(portal, 'GET', `/group/room/${room.id}?excludeShared=true`);
    expect(without.body.response.map((g: { name: string }) => g.name)).toEqual(['Sales']);
    expect((await call(portal, 'GET', `/group/folder/${room.id}`)).status).toBe(404);
    const other = portal.addCaller('User').token;
    expect((await call(portal, 'GET', `/group/room/${room.id}`, { token: other })).status).toBe(403);
  });
});

describe('exact routing', () => {
  it.each([
    ['GET', '/group/not-a-guid'],
    ['PUT', '/group/marketing/members'],
    ['DELETE', '/people/guests/extra'],
    ['GET', '/group/user/jane.cooper'],
  ])('%s %s matches no route (404), never another operation', async (method, path) => {
    const answer = await call(portal, method, path, method === 'GET' ? {} : { json: {} });
    expect(answer.status).toBe(404);
    expect(portal.requests()[0]).toMatchObject({ operationId: undefined, outcome: 'unknown-route' });
  });

  it('routes DELETE /people/guests to deleteGuests, not to deleting a user named "guests"', async () => {
    portal.addUser({ email: 'guests@example.com', userName: 'guests', status: 'Terminated' });
    await call(portal, 'DELETE', '/people/guests', { json: { userIds: [] } });
    expect(portal.requests()[0]?.operationId).toBe('deleteGuests');
    expect(portal.user('guests')).toBeDefined();
  });
});
