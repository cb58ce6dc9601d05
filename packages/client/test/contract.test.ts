import {
  ActivationStatusName,
  createClient,
  type DocSpaceClient,
  EmployeeType,
  GroupSortBy,
  UserStatusChange,
  UserStatusName,
  UserTypeName,
} from '@docspace-people/client';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { firstSuccessExample, operationIds } from './spec-helpers.js';

const USER = '3f2a8d1e-6b7c-4e21-9a5d-0c8e4b1f7a26';
const OTHER = '9b1c44e0-2d3f-4a8b-8e6f-5a7d2c9e0b13';
const GROUP = '7c4e2a10-58b3-4f6d-9e21-3b0a6d8c4f19';
const OTHER_GROUP = '2a9f6c3e-7d14-4b8e-a5f0-9c1e3d7b2a68';
// A PNG signature followed by every byte value: real image bytes include URL-reserved characters (& = ? # / :),
// which the upload must accept.
const PNG = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...Array.from({ length: 256 }, (_, byte) => byte),
]);

let client: DocSpaceClient;
beforeAll(() => {
  client = createClient({ baseUrl: inject('prismUrl'), token: 'sk-contract-test' });
});

type Call = () => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** One call per curated operation, with a request Prism's validation accepts. */
const calls: Record<string, Call> = {
  addMember: () =>
    client.POST('/api/2.0/people', {
      body: { email: 'new.user@example.com', firstName: 'New', lastName: 'User', type: EmployeeType.User },
    }),
  getAllProfiles: () => client.GET('/api/2.0/people', { params: { query: { count: 25, startIndex: 0 } } }),
  getProfileByUserId: () => client.GET('/api/2.0/people/{userid}', { params: { path: { userid: USER } } }),
  updateMember: () =>
    client.PUT('/api/2.0/people/{userid}', {
      params: { path: { userid: USER } },
      body: { firstName: 'Janet' },
    }),
  deleteMember: () => client.DELETE('/api/2.0/people/{userid}', { params: { path: { userid: USER } } }),
  getSelfProfile: () => client.GET('/api/2.0/people/@self'),
  getProfileByEmail: () =>
    client.GET('/api/2.0/people/email', { params: { query: { email: 'jane.cooper@example.com' } } }),
  checkUserExistsByEmail: () =>
    client.GET('/api/2.0/people/exists', { params: { query: { email: 'jane.cooper@example.com' } } }),
  removeUsers: () => client.PUT('/api/2.0/people/delete', { body: { userIds: [USER, OTHER] } }),
  inviteUsers: () =>
    client.POST('/api/2.0/people/invite', {
      body: { invitations: [{ email: 'guest@example.com', type: EmployeeType.User }], culture: 'en-US' },
    }),
  resendUserInvites: () =>
    client.PUT('/api/2.0/people/invite', { body: { userIds: [USER], resendAll: false } }),
  updateMemberCulture: () =>
    client.PUT('/api/2.0/people/{userid}/culture', {
      params: { path: { userid: USER } },
      body: { cultureName: 'de-DE' },
    }),
  searchUsersByExtendedFilter: () =>
    client.GET('/api/2.0/people/filter', {
      params: {
        query: { employeeStatus: 1, employeeType: EmployeeType.User, count: 100, filterValue: 'Jane' },
      },
    }),
  getSimpleByFilter: () => client.GET('/api/2.0/people/simple/filter', { params: { query: { count: 10 } } }),
  searchUsersByQuery: () => client.GET('/api/2.0/people/search', { params: { query: { query: 'Jane' } } }),
  getSearch: () => client.GET('/api/2.0/people/@search/{query}', { params: { path: { query: 'Jane' } } }),
  searchUsersByStatus: () =>
    client.GET('/api/2.0/people/status/{status}/search', {
      params: { path: { status: UserStatusName.Active }, query: { query: 'Jane' } },
    }),
  getByStatus: () =>
    client.GET('/api/2.0/people/status/{status}', {
      params: { path: { status: UserStatusName.Terminated } },
    }),
  updateUserStatus: () =>
    client.PUT('/api/2.0/people/status/{status}', {
      params: { path: { status: UserStatusChange.Terminated } },
      body: { userIds: [USER], resendAll: false },
    }),
  updateUserActivationStatus: () =>
    client.PUT('/api/2.0/people/activationstatus/{activationstatus}', {
      params: { path: { activationstatus: ActivationStatusName.Activated } },
      body: { userIds: [USER] },
    }),
  updateUserType: () =>
    client.PUT('/api/2.0/people/type/{type}', {
      params: { path: { type: UserTypeName.RoomAdmin } },
      body: { userIds: [USER] },
    }),
  startUserTypeUpdate: () =>
    client.POST('/api/2.0/people/type', {
      body: { type: EmployeeType.User, userId: USER, reassignUserId: OTHER },
    }),
  getUserTypeUpdateProgress: () =>
    client.GET('/api/2.0/people/type/progress/{userid}', { params: { path: { userid: USER } } }),
  terminateUserTypeUpdate: () => client.PUT('/api/2.0/people/type/terminate', { body: { userId: USER } }),
  getMemberPhoto: () => client.GET('/api/2.0/people/{userid}/photo', { params: { path: { userid: USER } } }),
  uploadMemberPhoto: () => {
    const form = new FormData();
    form.append('File', new Blob([PNG], { type: 'image/png' }), 'me.png');
    form.append('Autosave', 'true');
    return client.POST('/api/2.0/people/{userid}/photo', {
      params: { path: { userid: '@self' } },
      // openapi-fetch sends FormData as is (multipart with its boundary).
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    });
  },
  updateMemberPhoto: () =>
    client.PUT('/api/2.0/people/{userid}/photo', {
      params: { path: { userid: USER } },
      body: { files: 'https://images.example.com/jane.png' },
    }),
  deleteMemberPhoto: () =>
    client.DELETE('/api/2.0/people/{userid}/photo', { params: { path: { userid: USER } } }),
  createMemberPhotoThumbnails: () =>
    client.POST('/api/2.0/people/{userid}/photo/thumbnails', {
      params: { path: { userid: USER } },
      body: { tmpFile: 'tmp_3f2a8d1e.png', x: 0, y: 0, width: 200, height: 200 },
    }),
  getGroups: () =>
    client.GET('/api/2.0/group', {
      params: {
        query: { userId: OTHER, manager: false, count: 25, sortBy: GroupSortBy.MembersCount, sortOrder: 1 },
      },
    }),
  addGroup: () =>
    client.POST('/api/2.0/group', { body: { groupName: 'Marketing', groupManager: USER, members: [OTHER] } }),
  getGroup: () =>
    client.GET('/api/2.0/group/{id}', { params: { path: { id: GROUP }, query: { includeMembers: true } } }),
  updateGroup: () =>
    client.PUT('/api/2.0/group/{id}', {
      params: { path: { id: GROUP } },
      body: { groupName: 'Growth', groupManager: USER, membersToAdd: [OTHER], membersToRemove: [] },
    }),
  deleteGroup: () => client.DELETE('/api/2.0/group/{id}', { params: { path: { id: GROUP } } }),
  getGroupByUserId: () => client.GET('/api/2.0/group/user/{userid}', { params: { path: { userid: USER } } }),
  moveMembersTo: () =>
    client.PUT('/api/2.0/group/{fromId}/members/{toId}', {
      params: { path: { fromId: GROUP, toId: OTHER_GROUP } },
    }),
  setMembersTo: () =>
    client.POST('/api/2.0/group/{id}/members', {
      params: { path: { id: GROUP } },
      body: { members: [USER] },
    }),
  addMembersTo: () =>
    client.PUT('/api/2.0/group/{id}/members', {
      params: { path: { id: GROUP } },
      body: { members: [OTHER] },
    }),
  removeMembersFrom: () =>
    client.DELETE('/api/2.0/group/{id}/members', {
      params: { path: { id: GROUP } },
      body: { members: [OTHER] },
    }),
  setGroupManager: () =>
    client.PUT('/api/2.0/group/{id}/manager', { params: { path: { id: GROUP } }, body: { userId: OTHER } }),
  getGroupsWithRoomsShared: () =>
    client.GET('/api/2.0/group/room/{id}', {
      params: { path: { id: '8421' }, query: { excludeShared: false, filterValue: 'market' } },
    }),
  getGroupsWithFoldersShared: () =>
    client.GET('/api/2.0/group/folder/{id}', { params: { path: { id: '8422' } } }),
  getGroupsWithFilesShared: () =>
    client.GET('/api/2.0/group/file/{id}', { params: { path: { id: 'sbox-7-1234' }, query: { count: 10 } } }),
  startReassign: () =>
    client.POST('/api/2.0/people/reassign/start', {
      body: { fromUserId: OTHER, toUserId: USER, deleteProfile: true },
    }),
  getReassignProgress: () =>
    client.GET('/api/2.0/people/reassign/progress/{userid}', { params: { path: { userid: OTHER } } }),
  terminateReassign: () => client.PUT('/api/2.0/people/reassign/terminate', { body: { userId: OTHER } }),
  necessaryReassign: () =>
    client.GET('/api/2.0/people/reassign/necessary', {
      params: { query: { userId: OTHER, type: EmployeeType.User } },
    }),
  startRemove: () => client.POST('/api/2.0/people/remove/start', { body: { userId: OTHER } }),
  getRemoveProgress: () =>
    client.GET('/api/2.0/people/remove/progress/{userid}', { params: { path: { userid: OTHER } } }),
  terminateRemove: () => client.PUT('/api/2.0/people/remove/terminate', { body: { userId: OTHER } }),
  updateUserQuota: () =>
    client.PUT('/api/2.0/people/userquota', { body: { userIds: [USER], quota: 1073741824 } }),
  resetUsersQuota: () => client.PUT('/api/2.0/people/resetquota', { body: { userIds: [USER] } }),
  deleteGuests: () => client.DELETE('/api/2.0/people/guests', { body: { userIds: [OTHER] } }),
  getGuestSharingLink: () =>
    client.GET('/api/2.0/people/guests/{userid}/share', { params: { path: { userid: OTHER } } }),
  approveGuestShareLink: () =>
    client.POST('/api/2.0/people/guests/share/approve', {
      params: { header: { confirm: `type=GuestShareLink&key=8f3c1a2b&uid=${OTHER}` } },
      body: { email: 'guest@example.com' },
    }),
  sendUserPassword: () =>
    client.POST('/api/2.0/people/password', { body: { email: 'jane.cooper@example.com' } }),
  sendEmailChangeInstructions: () =>
    client.POST('/api/2.0/people/email', {
      body: { userId: USER, email: 'jane.cooper@newdomain.example.com' },
    }),
};

/** Operations whose success is HTTP 204 with no body (the server's NoContentResult). */
const noContent = new Set(['deleteGroup']);

describe('every curated operation answers its example through the generated client', () => {
  it('has a contract test for each operation in the spec, and none for operations it lacks', () => {
    expect(Object.keys(calls).sort()).toEqual(operationIds());
  });

  it.each(Object.keys(calls).filter((id) => !noContent.has(id)))('%s', async (operationId) => {
    const call = calls[operationId] as Call;
    const { data, error, response } = await call();
    expect(error, JSON.stringify(error)).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ status: 0, statusCode: 200 });
    expect(data).toEqual(firstSuccessExample(operationId));
  });

  it.each([...noContent])('%s answers 204 with no body', async (operationId) => {
    const { data, error, response } = await (calls[operationId] as Call)();
    expect(error).toBeUndefined();
    expect(response.status).toBe(204);
    expect(data).toBeUndefined();
  });
});
