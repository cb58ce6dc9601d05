import type { FakePortal } from '@docspace-people/testing';
import { systemGroupIds } from '@docspace-people/testing';
import { type CallOptions, call } from './call.js';

/** One call of the spec-conformance table: what is called and what it should answer. */
export interface SpecCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  status: number;
  /** Prepares state and returns the path (relative to /api/2.0) and call options. */
  setup: (
    portal: FakePortal,
  ) => { path: string; options?: CallOptions } | Promise<{ path: string; options?: CallOptions }>;
}

/** Runs a preparation (its result is not needed) and answers the call. */
const after = (_prepared: unknown, call: { path: string; options?: CallOptions }) => call;
const MISSING = '00000000-0000-0000-0000-000000000009';
const person = (p: FakePortal, email: string, extra: Parameters<FakePortal['addUser']>[0] = { email }) =>
  p.addUser({ ...extra, email }).id;
const roomAdmin = (p: FakePortal, email = 'ra@example.com') => person(p, email, { email, type: 'RoomAdmin' });
const terminated = (p: FakePortal) => person(p, 'gone@example.com', { email: '', status: 'Terminated' });
const group = (p: FakePortal) =>
  p.addGroup({ name: 'Marketing', manager: roomAdmin(p), members: [person(p, 'member@example.com')] }).id;
const guestOf = (p: FakePortal, inviter: string) =>
  person(p, 'guest@example.com', { email: '', type: 'Guest', invitedBy: inviter });
const owner = (p: FakePortal) => p.owner.id;
const asUser = (p: FakePortal) => ({ token: p.addCaller('User').token });
const startReassign = (p: FakePortal, from: string) =>
  call(p, 'POST', '/people/reassign/start', {
    json: { fromUserId: from, toUserId: roomAdmin(p, 'heir@example.com') },
  });
const room = (p: FakePortal, kind: 'room' | 'folder' | 'file') =>
  p.addRoom({ title: 'Plans', owner: owner(p), kind }).id;

/** The groups, user-data, quota, guest, password and e-mail operations, successes and documented failures. */
export const groupDataCases: SpecCase[] = [
  {
    name: 'getGroups',
    method: 'GET',
    status: 200,
    setup: (p) => after(group(p), { path: '/group?count=10' }),
  },
  {
    name: 'getGroups as a User',
    method: 'GET',
    status: 403,
    setup: (p) => ({ path: '/group', options: asUser(p) }),
  },
  {
    name: 'addGroup',
    method: 'POST',
    status: 200,
    setup: (p) => ({
      path: '/group',
      options: {
        json: { groupName: 'Sales', groupManager: roomAdmin(p), members: [person(p, 'm@example.com')] },
      },
    }),
  },
  {
    name: 'addGroup with an unknown member',
    method: 'POST',
    status: 400,
    setup: () => ({ path: '/group', options: { json: { groupName: 'Sales', members: [MISSING] } } }),
  },
  { name: 'getGroup', method: 'GET', status: 200, setup: (p) => ({ path: `/group/${group(p)}` }) },
  {
    name: 'getGroup (system)',
    method: 'GET',
    status: 200,
    setup: () => ({ path: `/group/${systemGroupIds.DocSpaceAdmin}` }),
  },
  { name: 'getGroup unknown', method: 'GET', status: 404, setup: () => ({ path: `/group/${MISSING}` }) },
  {
    name: 'updateGroup',
    method: 'PUT',
    status: 200,
    setup: (p) => ({ path: `/group/${group(p)}`, options: { json: { groupName: 'Growth' } } }),
  },
  { name: 'deleteGroup', method: 'DELETE', status: 204, setup: (p) => ({ path: `/group/${group(p)}` }) },
  {
    name: 'getGroupByUserId',
    method: 'GET',
    status: 200,
    setup: (p) => after(group(p), { path: `/group/user/${p.user('ra@example.com')?.id}` }),
  },
  {
    name: 'moveMembersTo',
    method: 'PUT',
    status: 200,
    setup: (p) => ({ path: `/group/${group(p)}/members/${p.addGroup({ name: 'Sales' }).id}` }),
  },
  {
    name: 'setMembersTo',
    method: 'POST',
    status: 200,
    setup: (p) => ({
      path: `/group/${group(p)}/members`,
      options: { json: { members: [person(p, 'n@example.com')] } },
    }),
  },
  {
    name: 'setMembersTo with no valid member',
    method: 'POST',
    status: 400,
    setup: (p) => ({ path: `/group/${group(p)}/members`, options: { json: { members: [MISSING] } } }),
  },
  {
    name: 'addMembersTo',
    method: 'PUT',
    status: 200,
    setup: (p) => ({
      path: `/group/${group(p)}/members`,
      options: { json: { members: [person(p, 'n@example.com')] } },
    }),
  },
  {
    name: 'removeMembersFrom',
    method: 'DELETE',
    status: 200,
    setup: (p) => ({
      path: `/group/${group(p)}/members`,
      options: { json: { members: [p.user('member@example.com')?.id] } },
    }),
  },
  {
    name: 'setGroupManager',
    method: 'PUT',
    status: 200,
    setup: (p) => ({
      path: `/group/${group(p)}/manager`,
      options: { json: { userId: person(p, 'n@example.com') } },
    }),
  },
  {
    name: 'setGroupManager unknown user',
    method: 'PUT',
    status: 404,
    setup: (p) => ({ path: `/group/${group(p)}/manager`, options: { json: { userId: MISSING } } }),
  },
  {
    name: 'getGroupsWithRoomsShared',
    method: 'GET',
    status: 200,
    setup: (p) => after(group(p), { path: `/group/room/${room(p, 'room')}` }),
  },
  {
    name: 'getGroupsWithRoomsShared unknown',
    method: 'GET',
    status: 404,
    setup: () => ({ path: '/group/room/4242' }),
  },
  {
    name: 'getGroupsWithFoldersShared',
    method: 'GET',
    status: 200,
    setup: (p) => ({ path: `/group/folder/${room(p, 'folder')}?excludeShared=true` }),
  },
  {
    name: 'getGroupsWithFilesShared',
    method: 'GET',
    status: 200,
    setup: (p) => ({ path: `/group/file/${room(p, 'file')}` }),
  },
  {
    name: 'startReassign',
    method: 'POST',
    status: 200,
    setup: (p) => ({
      path: '/people/reassign/start',
      options: { json: { fromUserId: terminated(p), toUserId: roomAdmin(p), deleteProfile: true } },
    }),
  },
  {
    name: 'startReassign to a User',
    method: 'POST',
    status: 400,
    setup: (p) => ({
      path: '/people/reassign/start',
      options: { json: { fromUserId: terminated(p), toUserId: person(p, 'u@example.com') } },
    }),
  },
  {
    name: 'getReassignProgress',
    method: 'GET',
    status: 200,
    setup: async (p) => {
      const from = terminated(p);
      await startReassign(p, from);
      return { path: `/people/reassign/progress/${from}` };
    },
  },
  {
    name: 'getReassignProgress without a task',
    method: 'GET',
    status: 200,
    setup: (p) => ({ path: `/people/reassign/progress/${terminated(p)}` }),
  },
  {
    name: 'terminateReassign',
    method: 'PUT',
    status: 200,
    setup: async (p) => {
      const from = terminated(p);
      await startReassign(p, from);
      return { path: '/people/reassign/terminate', options: { json: { userId: from } } };
    },
  },
  {
    name: 'deleteMember while a reassignment runs',
    method: 'DELETE',
    status: 500,
    setup: async (p) => {
      p.setTaskClock({ stepMs: 60_000 });
      const from = terminated(p);
      await startReassign(p, from);
      return { path: `/people/${from}` };
    },
  },
  {
    name: 'necessaryReassign',
    method: 'GET',
    status: 200,
    setup: (p) => ({ path: `/people/reassign/necessary?userId=${roomAdmin(p)}&type=User` }),
  },
  {
    name: 'startRemove',
    method: 'POST',
    status: 200,
    setup: (p) => ({ path: '/people/remove/start', options: { json: { userId: terminated(p) } } }),
  },
  {
    name: 'startRemove unknown user',
    method: 'POST',
    status: 400,
    setup: () => ({ path: '/people/remove/start', options: { json: { userId: MISSING } } }),
  },
  {
    name: 'getRemoveProgress',
    method: 'GET',
    status: 200,
    setup: async (p) => {
      const id = terminated(p);
      await call(p, 'DELETE', `/people/${id}`);
      return { path: `/people/remove/progress/${id}` };
    },
  },
  {
    name: 'terminateRemove',
    method: 'PUT',
    status: 200,
    setup: (p) => ({ path: '/people/remove/terminate', options: { json: { userId: terminated(p) } } }),
  },
  {
    name: 'updateUserQuota',
    method: 'PUT',
    status: 200,
    setup: (p) => {
      p.setUserQuota({ enabled: true });
      return {
        path: '/people/userquota',
        options: { json: { userIds: [roomAdmin(p), MISSING], quota: 1024 } },
      };
    },
  },
  {
    name: 'updateUserQuota with an object (upstream example)',
    method: 'PUT',
    status: 403,
    setup: (p) => ({
      path: '/people/userquota',
      options: { json: { userIds: [roomAdmin(p)], quota: { maxSize: 1 } } },
    }),
  },
  {
    name: 'resetUsersQuota',
    method: 'PUT',
    status: 200,
    setup: (p) => ({ path: '/people/resetquota', options: { json: { userIds: [roomAdmin(p)] } } }),
  },
  {
    name: 'deleteGuests',
    method: 'DELETE',
    status: 200,
    setup: (p) => ({ path: '/people/guests', options: { json: { userIds: [guestOf(p, owner(p))] } } }),
  },
  {
    name: 'deleteGuests of a guest not related to the caller',
    method: 'DELETE',
    status: 403,
    setup: (p) => ({ path: '/people/guests', options: { json: { userIds: [guestOf(p, roomAdmin(p))] } } }),
  },
  {
    name: 'getGuestSharingLink',
    method: 'GET',
    status: 200,
    setup: (p) => ({ path: `/people/guests/${guestOf(p, owner(p))}/share` }),
  },
  {
    name: 'getGuestSharingLink of a non-guest',
    method: 'GET',
    status: 400,
    setup: (p) => ({ path: `/people/guests/${roomAdmin(p)}/share` }),
  },
  {
    name: 'approveGuestShareLink',
    method: 'POST',
    status: 200,
    setup: async (p) => {
      const guest = guestOf(p, owner(p));
      const link = await call(p, 'GET', `/people/guests/${guest}/share`);
      const key = String(link.body.response).split('/').pop();
      return {
        path: '/people/guests/share/approve',
        options: {
          token: p.addCaller('RoomAdmin').token,
          headers: { confirm: `type=GuestShareLink&key=${key}&uid=${guest}` },
          json: { email: 'ignored@example.com' },
        },
      };
    },
  },
  {
    name: 'approveGuestShareLink without the confirm header',
    method: 'POST',
    status: 401,
    setup: () => ({
      path: '/people/guests/share/approve',
      options: { json: { email: 'ignored@example.com' } },
    }),
  },
  {
    name: 'sendUserPassword (anonymous)',
    method: 'POST',
    status: 200,
    setup: () => ({
      path: '/people/password',
      options: { token: null, json: { email: 'nobody@example.com' } },
    }),
  },
  {
    name: 'sendUserPassword (admin for someone)',
    method: 'POST',
    status: 200,
    setup: (p) =>
      after(roomAdmin(p), { path: '/people/password', options: { json: { email: 'ra@example.com' } } }),
  },
  {
    name: 'sendEmailChangeInstructions',
    method: 'POST',
    status: 200,
    setup: (p) => ({
      path: '/people/email',
      options: { json: { userId: roomAdmin(p), email: 'new.address@example.com' } },
    }),
  },
  {
    name: 'sendEmailChangeInstructions to a taken address',
    method: 'POST',
    status: 400,
    setup: (p) => ({
      path: '/people/email',
      options: { json: { userId: roomAdmin(p), email: 'ra@example.com' } },
    }),
  },
];
