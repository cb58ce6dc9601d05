import { type DocSpace, groupsCreate, groupsGet, ValidationError } from '@docspace-people/sdk';
import type { FakePortal } from '@docspace-people/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPortalClient } from './helpers/fake-portal-client.js';

// ds.groups against the stateful fake portal: each test checks what the portal holds afterwards, not only the
// shape of the answer.

/** The server's id of the system group RoomAdmin (Constants.SystemGroups; fixed on every portal). */
const ROOM_ADMIN_GROUP = 'abef62db-11a8-4673-9d32-ef1d8af19dc0';

let portal: FakePortal;
let ds: DocSpace;
beforeAll(async () => {
  ({ portal, ds } = await startPortalClient());
});
beforeEach(() => portal.reset());
afterAll(() => portal.stop());

/** Three active people, a guest and a terminated user. */
function people() {
  const [ann, bob, cat] = portal.seedUsers(3, () => ({ type: 'RoomAdmin' }));
  const guest = portal.addUser({ email: 'guest@example.com', type: 'Guest' });
  const gone = portal.addUser({ email: 'gone@example.com', type: 'User', status: 'Terminated' });
  return { ann: ann!.id, bob: bob!.id, cat: cat!.id, guest: guest.id, gone: gone.id };
}

const writes = () => portal.countRequests((r) => r.kind === 'write');

describe('create, get, list', () => {
  it('create makes a group with its manager as a member; get returns it with members, or without', async () => {
    const { ann, bob } = people();
    const created = await ds.groups.create({ name: 'Sales', manager: ann, members: [bob] });
    expect(portal.group(created.id)).toMatchObject({ name: 'Sales', managerId: ann });
    expect(portal.group(created.id)?.memberIds.sort()).toEqual([ann, bob].sort());
    expect(created).toMatchObject({ name: 'Sales', membersCount: 2, isLDAP: false, isSystem: false });
    expect(created.manager?.id).toBe(ann);

    const full = await ds.groups.get(created.id);
    expect(full.members?.map((p) => p.id).sort()).toEqual([ann, bob].sort());
    expect(full.manager?.email).toBe(portal.user(ann)?.email);
    const bare = await ds.groups.get(created.id, { members: false });
    expect(bare.members).toBeUndefined();
    expect(bare.membersCount).toBe(2);
  });

  it('create with a guest as member is refused by the server and creates nothing', async () => {
    const { guest } = people();
    await expect(ds.groups.create({ name: 'X', members: [guest] })).rejects.toMatchObject({ status: 400 });
    expect(portal.groups()).toEqual([]);
  });

  it('list pages through every group and filters by text, member, manager, and sorts', async () => {
    const { ann, bob } = people();
    for (let i = 1; i <= 5; i++) portal.addGroup({ name: `Team ${i}`, members: i <= 2 ? [bob] : [] });
    portal.addGroup({ name: 'Managers', manager: ann, members: [bob] });
    const all = await ds.groups.list({ pageSize: 2 }).toArray();
    expect(all.map((g) => g.name).sort()).toEqual(['Managers', ...[1, 2, 3, 4, 5].map((i) => `Team ${i}`)]);
    expect(all.every((g) => g.members === undefined)).toBe(true);
    expect(portal.countRequests('getGroups')).toBe(3); // 6 groups, 2 a page: the total ends it

    const names = async (filter: Parameters<typeof ds.groups.list>[0]) =>
      (await ds.groups.list(filter).toArray()).map((g) => g.name);
    expect(await names({ text: 'team 3' })).toEqual(['Team 3']);
    expect((await names({ userId: bob })).sort()).toEqual(['Managers', 'Team 1', 'Team 2']);
    expect(await names({ userId: ann, manager: true })).toEqual(['Managers']);
    expect((await names({ sortBy: 'membersCount', sortOrder: 'descending' }))[0]).toBe('Managers');
  });

  it('ofPerson lists the groups of a user, sorted by name', async () => {
    const { ann } = people();
    portal.addGroup({ name: 'Zeta', members: [ann] });
    portal.addGroup({ name: 'Alpha', manager: ann });
    portal.addGroup({ name: 'Other' });
    const groups = await ds.groups.ofPerson(ann);
    expect(groups.map((g) => g.name)).toEqual(['Alpha', 'Zeta']);
    expect(groups[0]?.manager).toBe(portal.user(ann)?.userName);
  });
});

describe('membership and manager', () => {
  it('update renames, sets the manager, adds and removes members; skipped ids are reported', async () => {
    const { ann, bob, cat, guest } = people();
    const group = portal.addGroup({ name: 'Old', members: [bob, cat] });
    const changed = await ds.groups.update(group.id, {
      name: 'New',
      manager: ann,
      addMembers: [guest],
      removeMembers: [cat],
    });
    expect(portal.group(group.id)).toMatchObject({ name: 'New', managerId: ann });
    expect(portal.group(group.id)?.memberIds.sort()).toEqual([ann, bob].sort());
    expect(changed.notApplied).toEqual([guest]);
  });

  it('addMembers adds active people and reports a terminated one as not applied', async () => {
    const { ann, gone } = people();
    const group = portal.addGroup({ name: 'G' });
    const changed = await ds.groups.addMembers(group.id, [ann, gone]);
    expect(portal.group(group.id)?.memberIds).toEqual([ann]);
    expect(changed.notApplied).toEqual([gone]);
    expect(changed.membersCount).toBe(1);
  });

  it('removing the manager leaves the group without one', async () => {
    const { ann, bob } = people();
    const group = portal.addGroup({ name: 'G', manager: ann, members: [bob] });
    const changed = await ds.groups.removeMembers(group.id, ann);
    expect(portal.group(group.id)?.managerId).toBeUndefined();
    expect(portal.group(group.id)?.memberIds).toEqual([bob]);
    expect(changed.manager).toBeUndefined();
    expect(changed.notApplied).toEqual([]);
  });

  it('setMembers replaces everyone, the manager included', async () => {
    const { ann, bob, cat } = people();
    const group = portal.addGroup({ name: 'G', manager: ann, members: [bob] });
    const changed = await ds.groups.setMembers(group.id, [cat]);
    expect(portal.group(group.id)).toMatchObject({ memberIds: [cat] });
    expect(portal.group(group.id)?.managerId).toBeUndefined();
    expect(changed.notApplied).toEqual([]);
  });

  it('setManager makes the user manager and member; a guest is reported as not applied', async () => {
    const { ann, bob, guest } = people();
    const group = portal.addGroup({ name: 'G', manager: bob });
    await ds.groups.setManager(group.id, ann);
    expect(portal.group(group.id)).toMatchObject({ managerId: ann });
    expect(portal.group(group.id)?.memberIds.sort()).toEqual([ann, bob].sort());
    const refused = await ds.groups.setManager(group.id, guest);
    expect(refused.notApplied).toEqual([guest]);
    expect(portal.group(group.id)?.managerId).toBe(ann);
  });

  it('moveMembers moves everyone into the target; the source stays, empty and without manager', async () => {
    const { ann, bob, cat } = people();
    const from = portal.addGroup({ name: 'From', manager: ann, members: [bob] });
    const to = portal.addGroup({ name: 'To', members: [cat] });
    const target = await ds.groups.moveMembers(from.id, to.id);
    expect(target.id).toBe(to.id);
    expect(portal.group(to.id)?.memberIds.sort()).toEqual([ann, bob, cat].sort());
    expect(portal.group(from.id)).toMatchObject({ memberIds: [] });
    expect(portal.group(from.id)?.managerId).toBeUndefined();
  });

  it('delete removes the group (204) and leaves its members', async () => {
    const { ann } = people();
    const group = portal.addGroup({ name: 'G', members: [ann] });
    await expect(ds.groups.delete(group.id)).resolves.toBeUndefined();
    expect(portal.group(group.id)).toBeUndefined();
    expect(portal.user(ann)?.status).toBe('Active');
    expect(portal.requests('deleteGroup').map((r) => r.status)).toEqual([204]);
  });
});

describe('refused before the write is sent', () => {
  it('system groups are readable, and every write to one is refused after reading it', async () => {
    const { ann, bob } = people();
    const system = await ds.groups.get(ROOM_ADMIN_GROUP, { members: false });
    expect(system).toMatchObject({ isSystem: true, name: 'RoomAdmin' });
    const group = portal.addGroup({ name: 'Normal' });
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['id', () => ds.groups.update(ROOM_ADMIN_GROUP, { addMembers: [ann] })],
      ['id', () => ds.groups.delete(ROOM_ADMIN_GROUP)],
      ['id', () => ds.groups.addMembers(ROOM_ADMIN_GROUP, ann)],
      ['id', () => ds.groups.removeMembers(ROOM_ADMIN_GROUP, ann)],
      ['id', () => ds.groups.setMembers(ROOM_ADMIN_GROUP, [ann, bob])],
      ['id', () => ds.groups.setManager(ROOM_ADMIN_GROUP, ann)],
      ['fromId', () => ds.groups.moveMembers(ROOM_ADMIN_GROUP, group.id)],
      ['toId', () => ds.groups.moveMembers(group.id, ROOM_ADMIN_GROUP)],
    ];
    for (const [field, attempt] of attempts) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field, rule: 'notSystemGroup' });
      expect((error as Error).message).toContain('system group "RoomAdmin"');
    }
    expect(writes()).toBe(0);
    expect(portal.user(ann)?.type).toBe('RoomAdmin');
  });

  it('bad ids, names and contradictory changes are refused without any request', async () => {
    const { ann } = people();
    const cases: Array<[string, string, () => Promise<unknown>]> = [
      ['id', 'uuid', () => groupsGet(ds, 'sales')],
      ['input.name', 'required', () => groupsCreate(ds, { name: '  ' })],
      ['input.name', 'maxLength:128', () => groupsCreate(ds, { name: 'x'.repeat(129) })],
      ['input.members[0]', 'uuid', () => groupsCreate(ds, { name: 'A', members: ['ann@example.com'] })],
      [
        'input.manager',
        'notEmptyGuid',
        () => ds.groups.create({ name: 'A', manager: `${'0'.repeat(8)}-0000-0000-0000-000000000000` }),
      ],
      ['patch', 'nonEmpty', () => ds.groups.update(ann, {})],
      [
        'patch.removeMembers',
        'notNewManager',
        () => ds.groups.update(ann, { manager: ann, removeMembers: [ann] }),
      ],
      ['toId', 'notFromId', () => ds.groups.moveMembers(ann, ann.toUpperCase())],
      ['userIds', 'nonEmpty', () => ds.groups.addMembers(ann, [])],
      ['filter.manager', 'needsUserId', () => ds.groups.list({ manager: true }).page()],
      ['filter.manager', 'needsUserId', () => ds.groups.list({ manager: true }).toArray()],
    ];
    for (const [field, rule, attempt] of cases) {
      await expect(attempt(), field).rejects.toMatchObject({ name: 'ValidationError', field, rule });
    }
    expect(portal.countRequests()).toBe(0);
  });
});
