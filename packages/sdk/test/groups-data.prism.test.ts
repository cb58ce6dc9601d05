import {
  connect,
  type Group,
  groupsAddMembers,
  groupsCreate,
  groupsDelete,
  groupsGet,
  groupsList,
  groupsMoveMembers,
  groupsOfPerson,
  groupsRemoveMembers,
  groupsSetManager,
  groupsSetMembers,
  groupsUpdate,
  peopleCancelReassign,
  peopleGuestShareLink,
  peopleNeedsReassign,
  peopleReassignProgress,
  peopleRemoveGuests,
  peopleRequestEmailChange,
  peopleResetQuota,
  peopleSendPasswordInstructions,
  peopleSetQuota,
  TaskFailedError,
} from '@docspace-people/sdk';
import { describe, expect, inject, it } from 'vitest';
import { GROUP_ID, OTHER_GROUP_ID, OTHER_ID, USER_ID } from './helpers/fixtures.js';
import { preferExample } from './helpers/prism.js';

// The group, reassignment, quota, guest, password and e-mail functions against the curated spec: Prism refuses a
// request that breaks the contract (422), and answers with the spec's examples, which the mappers must read.

const connection = connect({ baseUrl: inject('prismUrl'), token: 'sk-prism-test', maxRetries: 0 });

function expectGroup(group: Group) {
  expect(group.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(group.name).toEqual(expect.any(String));
  expect(group.membersCount).toEqual(expect.any(Number));
  expect(group.isSystem).toBe(false);
}

describe('groups against the curated spec (Prism)', () => {
  it('groupsList sends a valid query and reads a page with its total', async () => {
    const page = await groupsList(connection, {
      text: 'mark',
      userId: USER_ID,
      manager: true,
      sortBy: 'membersCount',
      sortOrder: 'descending',
    }).page({ count: 10 });
    expect(page.items.length).toBeGreaterThan(0);
    page.items.forEach(expectGroup);
    expect(page.total).toEqual(expect.any(Number));
  });

  it('groupsGet reads the manager and members as people', async () => {
    const group = await groupsGet(connection, GROUP_ID);
    expectGroup(group);
    expect(group.manager?.type).toBe('RoomAdmin');
    expect(group.members?.length).toBeGreaterThan(0);
  });

  it.each([
    [
      'groupsCreate',
      () => groupsCreate(connection, { name: 'Sales', manager: USER_ID, members: [OTHER_ID] }),
    ],
    [
      'groupsUpdate',
      () =>
        groupsUpdate(connection, GROUP_ID, {
          name: 'Sales EU',
          manager: USER_ID,
          addMembers: [OTHER_ID],
          removeMembers: [GROUP_ID],
        }),
    ],
    ['groupsAddMembers', () => groupsAddMembers(connection, GROUP_ID, [USER_ID, OTHER_ID])],
    ['groupsRemoveMembers', () => groupsRemoveMembers(connection, GROUP_ID, OTHER_ID)],
    ['groupsSetMembers', () => groupsSetMembers(connection, GROUP_ID, [USER_ID])],
    ['groupsSetManager', () => groupsSetManager(connection, GROUP_ID, USER_ID)],
    ['groupsMoveMembers', () => groupsMoveMembers(connection, GROUP_ID, OTHER_GROUP_ID)],
  ])('%s sends a valid body and returns the group', async (_, call) => {
    expectGroup(await call());
  });

  it('groupsDelete accepts the 204 without a body', async () => {
    await expect(groupsDelete(connection, GROUP_ID)).resolves.toBeUndefined();
  });

  it('groupsOfPerson reads the summaries', async () => {
    const groups = await groupsOfPerson(connection, USER_ID);
    expect(groups[0]).toMatchObject({ name: 'Marketing', manager: 'jane.cooper' });
  });
});

describe('reassignment, quota, guests, password and e-mail against the curated spec (Prism)', () => {
  it('peopleReassignProgress reads a running task, a failed one, and none', async () => {
    expect(await peopleReassignProgress(connection, OTHER_ID, preferExample('running'))).toMatchObject({
      status: 'Running',
      percentage: 50,
    });
    const failed = await peopleReassignProgress(connection, OTHER_ID, preferExample('failed'));
    expect(failed).toMatchObject({ status: 'Failed', isCompleted: true });
    expect(failed?.error).toContain('Can not reassign data');
    expect(new TaskFailedError(failed!).message).toContain('Can not reassign data');
    expect(await peopleReassignProgress(connection, OTHER_ID, preferExample('noTask'))).toBeUndefined();
  });

  it('peopleCancelReassign sends a valid body and reads the canceled task or none', async () => {
    expect(await peopleCancelReassign(connection, OTHER_ID, preferExample('canceled'))).toMatchObject({
      status: 'Canceled',
      isCompleted: true,
    });
    expect(await peopleCancelReassign(connection, OTHER_ID, preferExample('noTask'))).toBeUndefined();
  });

  it('peopleNeedsReassign sends userId and type and reads the boolean', async () => {
    await expect(peopleNeedsReassign(connection, USER_ID, 'Guest')).resolves.toBe(true);
  });

  it.each([
    ['peopleSetQuota (bytes)', () => peopleSetQuota(connection, [USER_ID], 1024 ** 3)],
    ['peopleSetQuota (unlimited)', () => peopleSetQuota(connection, USER_ID, 'unlimited')],
    ['peopleSetQuota (default)', () => peopleSetQuota(connection, USER_ID, 'default')],
    ['peopleResetQuota', () => peopleResetQuota(connection, [USER_ID, OTHER_ID])],
  ])('%s sends an integer quota the contract accepts and reads the people', async (_, call) => {
    const people = await call();
    expect(people.length).toBeGreaterThan(0);
    expect(people[0]?.id).toBe(USER_ID);
  });

  it('peopleRemoveGuests accepts the envelope without response', async () => {
    await expect(peopleRemoveGuests(connection, [USER_ID])).resolves.toBeUndefined();
  });

  it.each([
    ['peopleGuestShareLink', () => peopleGuestShareLink(connection, USER_ID), /^https:\/\//],
    [
      'peopleSendPasswordInstructions',
      () => peopleSendPasswordInstructions(connection, 'jane.cooper@example.com'),
      /password change instruction/,
    ],
    [
      'peopleRequestEmailChange',
      () => peopleRequestEmailChange(connection, USER_ID, 'jane@new.example.com'),
      /email change instructions/,
    ],
  ])('%s returns the server text', async (_, call, text) => {
    await expect(call()).resolves.toMatch(text);
  });
});
