import type { Connection } from './connection.js';
import { ValidationError } from './errors.js';
import { type Group, type GroupChange, groupChange, isMember, toGroup } from './group.js';
import {
  addGroup,
  addMembersTo,
  deleteGroup,
  getGroup,
  getGroupByUserId,
  getGroups,
  moveMembersTo,
  type QueryParams,
  type RequestBody,
  removeMembersFrom,
  setGroupManager,
  setMembersTo,
  updateGroup,
} from './operations.js';
import type { RequestOptions } from './options.js';
import { PagedList } from './paged-list.js';
import { type GroupSummary, toGroupSummary } from './person.js';
import { request } from './request.js';
import { guid, guidList, integer, oneOf, optionalBoolean, optionalText, requiredText } from './validate.js';

// The group operations as standalone functions (`groups<Method>`); `ds.groups.<method>` is the same function bound
// to the client. Every write to an existing group first reads it (GET /group/{id}) and refuses system groups before
// the write is sent: DocSpace accepts membership changes there and applies them by changing people's types.

/** Filters of {@link groupsList} / `ds.groups.list`. All are optional and combine with AND. */
export interface GroupFilter {
  /** Part of the group name, case-insensitive (the server's `filterValue`). */
  text?: string | undefined;
  /** Only groups this user (GUID) is a member of. */
  userId?: string | undefined;
  /** With `userId`: only the groups that user manages. Needs `userId` (the server ignores it alone). */
  manager?: boolean | undefined;
  /** Sort key: `title` (default), `manager` (the manager's first name) or `membersCount`. */
  sortBy?: 'title' | 'manager' | 'membersCount' | undefined;
  /** Sort direction. Default `ascending`. */
  sortOrder?: 'ascending' | 'descending' | undefined;
  /** Groups per request, 1 to 100. Default 100. */
  pageSize?: number | undefined;
}

/** Options of {@link groupsGet} / `ds.groups.get`. */
export interface GetGroupOptions extends RequestOptions {
  /** Include the members (Active and Pending people). Default true. */
  members?: boolean | undefined;
}

/** A new group for {@link groupsCreate} / `ds.groups.create`. */
export interface CreateGroupInput {
  /** Name, 1 to 128 characters (names need not be unique). */
  name: string;
  /** The manager's id (GUID); the manager becomes a member. */
  manager?: string | undefined;
  /** Member ids (GUIDs). */
  members?: readonly string[] | undefined;
}

/**
 * Changes for {@link groupsUpdate} / `ds.groups.update`, applied by the server in this order: rename, manager,
 * addMembers, removeMembers.
 */
export interface UpdateGroupInput {
  /** New name, 1 to 128 characters. */
  name?: string | undefined;
  /** New manager (GUID); becomes a member. The previous manager stays a member. */
  manager?: string | undefined;
  /** Ids (GUIDs) to add. */
  addMembers?: readonly string[] | undefined;
  /** Ids (GUIDs) to remove. Removing the manager leaves the group without one. */
  removeMembers?: readonly string[] | undefined;
}

/** The groups a paged list of {@link groupsList} yields. */
export type GroupList = PagedList<Group>;

type GroupsQuery = QueryParams<typeof getGroups>;

/**
 * Lists the portal's groups (GET /group; never the system groups), without their members: iterate with
 * `for await` (auto-pagination, up to 100 per request) or call `.page()`. A bad filter rejects the first page
 * with a {@link ValidationError} before anything is sent. Same as `ds.groups.list`.
 * @example for await (const group of groupsList(connection, { userId, manager: true })) console.log(group.name);
 */
export function groupsList(
  connection: Connection,
  filter: GroupFilter = {},
  options?: RequestOptions,
): GroupList {
  // A bad filter rejects the first page (and the iteration) with its ValidationError, before anything is sent.
  let checked: { query: GroupsQuery; pageSize: number } = { query: {}, pageSize: 1 };
  let invalid: unknown;
  try {
    checked = groupsQuery(filter);
  } catch (error) {
    invalid = error;
  }
  const { query, pageSize } = checked;
  return new PagedList(
    {
      path: '/api/2.0/group',
      key: (group) => group.id,
      fetch: (startIndex, count) =>
        request(
          connection,
          getGroups,
          { query: { ...query, startIndex, count } },
          options,
          ({ response, total }) => ({ items: response.map(toGroup), total }),
        ),
    },
    pageSize,
    invalid,
  );
}

/** Checks a {@link GroupFilter} and returns the query of GET /group without paging. */
function groupsQuery(filter: GroupFilter): { query: GroupsQuery; pageSize: number } {
  if (filter === null || typeof filter !== 'object')
    throw new ValidationError('filter', 'object', 'must be an object');
  const query: GroupsQuery = {};
  if (filter.text !== undefined) {
    optionalText(filter.text, 'filter.text', 255);
    if (filter.text !== '') query.filterValue = filter.text;
  }
  if (filter.userId !== undefined) query.userId = guid(filter.userId, 'filter.userId');
  if (filter.manager !== undefined) {
    optionalBoolean(filter.manager, 'filter.manager');
    if (filter.userId === undefined)
      throw new ValidationError('filter.manager', 'needsUserId', 'needs filter.userId: whose groups to list');
    query.manager = filter.manager;
  }
  if (filter.sortBy !== undefined)
    query.sortBy = oneOf(filter.sortBy, ['title', 'manager', 'membersCount'], 'filter.sortBy');
  if (filter.sortOrder !== undefined) {
    const order = oneOf(filter.sortOrder, ['ascending', 'descending'], 'filter.sortOrder');
    query.sortOrder = order === 'ascending' ? 0 : 1;
  }
  const pageSize = filter.pageSize === undefined ? 100 : integer(filter.pageSize, 'filter.pageSize', 1, 100);
  return { query, pageSize };
}

/**
 * Gets a group (GET /group/{id}), with its members unless `{ members: false }`. System groups are readable.
 * Same as `ds.groups.get`.
 * @example const group = await groupsGet(connection, groupId);
 */
export async function groupsGet(
  connection: Connection,
  id: string,
  options?: GetGroupOptions,
): Promise<Group> {
  const path = { id: guid(id, 'id') };
  optionalBoolean(options?.members, 'options.members');
  const query = { includeMembers: options?.members !== false };
  return request(connection, getGroup, { path, query }, options, groupOf);
}

/**
 * Creates a group (POST /group). The server refuses the whole call (400 "The user could not be found") when a
 * member or the manager does not exist, is Terminated or is a Guest. Same as `ds.groups.create`.
 * @example const group = await groupsCreate(connection, { name: 'Sales', manager: annId, members: [bobId] });
 */
export async function groupsCreate(
  connection: Connection,
  input: CreateGroupInput,
  options?: RequestOptions,
): Promise<Group> {
  if (input === null || typeof input !== 'object')
    throw new ValidationError('input', 'object', 'must be an object');
  const body: RequestBody<typeof addGroup> = { groupName: groupName(input.name, 'input.name') };
  if (input.manager !== undefined) body.groupManager = managerId(input.manager, 'input.manager');
  if (input.members !== undefined && (!Array.isArray(input.members) || input.members.length > 0))
    body.members = guidList(input.members, 'input.members');
  return request(connection, addGroup, { body }, options, groupOf);
}

/**
 * Changes a group (PUT /group/{id}): rename, set the manager, add and remove members in one call. Refuses system
 * groups before sending. `notApplied` lists the ids of `manager` and `addMembers` the server skipped (unknown,
 * Terminated or Guest). Same as `ds.groups.update`.
 * @example await groupsUpdate(connection, groupId, { name: 'Sales EU', addMembers: [annId] });
 */
export async function groupsUpdate(
  connection: Connection,
  id: string,
  patch: UpdateGroupInput,
  options?: RequestOptions,
): Promise<GroupChange> {
  const path = { id: guid(id, 'id') };
  if (patch === null || typeof patch !== 'object')
    throw new ValidationError('patch', 'object', 'must be an object');
  const body: RequestBody<typeof updateGroup> = {};
  if (patch.name !== undefined) body.groupName = groupName(patch.name, 'patch.name');
  if (patch.manager !== undefined) body.groupManager = managerId(patch.manager, 'patch.manager');
  if (patch.addMembers !== undefined) body.membersToAdd = guidList(patch.addMembers, 'patch.addMembers');
  if (patch.removeMembers !== undefined) {
    body.membersToRemove = guidList(patch.removeMembers, 'patch.removeMembers');
    const removed = new Set(body.membersToRemove.map((member) => member.toLowerCase()));
    if (body.groupManager !== undefined && removed.has(body.groupManager.toLowerCase()))
      throw new ValidationError(
        'patch.removeMembers',
        'notNewManager',
        'contains the new manager: the server would set the manager and then remove them (the group would have none)',
      );
    if (body.membersToAdd?.some((member) => removed.has(member.toLowerCase())))
      throw new ValidationError('patch.removeMembers', 'notAdded', 'contains an id of patch.addMembers');
  }
  if (Object.keys(body).length === 0)
    throw new ValidationError('patch', 'nonEmpty', 'give at least one field to change');
  await refuseSystemGroup(connection, path.id, 'id', options);
  const wanted = [...(body.membersToAdd ?? [])];
  const manager = body.groupManager;
  if (manager !== undefined && !wanted.some((member) => member.toLowerCase() === manager.toLowerCase()))
    wanted.push(manager);
  return request(connection, updateGroup, { path, body }, options, (envelope) =>
    groupChange(groupOf(envelope), wanted, (group, member) =>
      member.toLowerCase() === manager?.toLowerCase()
        ? group.manager?.id.toLowerCase() === member.toLowerCase()
        : isMember(group, member),
    ),
  );
}

/**
 * Deletes a group (DELETE /group/{id}; the server answers 204 with no body). Its members stay; its shares are
 * removed. Refuses system groups before sending. Same as `ds.groups.delete`.
 * @example await groupsDelete(connection, groupId);
 */
export async function groupsDelete(
  connection: Connection,
  id: string,
  options?: RequestOptions,
): Promise<void> {
  const path = { id: guid(id, 'id') };
  await refuseSystemGroup(connection, path.id, 'id', options);
  return request(connection, deleteGroup, { path }, options, () => undefined);
}

/**
 * Adds members (PUT /group/{id}/members). `notApplied` lists the ids the server skipped (unknown, Terminated or
 * Guest). Refuses system groups before sending. Same as `ds.groups.addMembers`.
 * @example const { notApplied } = await groupsAddMembers(connection, groupId, [annId, bobId]);
 */
export async function groupsAddMembers(
  connection: Connection,
  id: string,
  userIds: string | readonly string[],
  options?: RequestOptions,
): Promise<GroupChange> {
  return changeMembers(connection, addMembersTo, id, userIds, options, isMember);
}

/**
 * Removes members (DELETE /group/{id}/members). Removing the manager leaves the group without one. `notApplied`
 * lists ids that are still members afterwards. Refuses system groups before sending. Same as
 * `ds.groups.removeMembers`.
 * @example await groupsRemoveMembers(connection, groupId, bobId);
 */
export async function groupsRemoveMembers(
  connection: Connection,
  id: string,
  userIds: string | readonly string[],
  options?: RequestOptions,
): Promise<GroupChange> {
  return changeMembers(
    connection,
    removeMembersFrom,
    id,
    userIds,
    options,
    (group, member) => !isMember(group, member),
  );
}

/**
 * Replaces the members (POST /group/{id}/members): the server removes everyone, the manager included (the group
 * then has no manager: set one again with {@link groupsSetManager}), and adds the valid ids; it answers 400 when
 * none is valid. `notApplied` lists the ids it skipped. Refuses system groups before sending. Same as
 * `ds.groups.setMembers`.
 * @example await groupsSetMembers(connection, groupId, [annId, bobId]);
 */
export async function groupsSetMembers(
  connection: Connection,
  id: string,
  userIds: string | readonly string[],
  options?: RequestOptions,
): Promise<GroupChange> {
  return changeMembers(connection, setMembersTo, id, userIds, options, isMember);
}

/**
 * Makes a user the group's manager (PUT /group/{id}/manager); the user becomes a member and the previous manager
 * stays a member. The server answers 200 without changing anything for a Guest or a Terminated user: then
 * `notApplied` is `[userId]`. Refuses system groups before sending. Same as `ds.groups.setManager`.
 * @example await groupsSetManager(connection, groupId, annId);
 */
export async function groupsSetManager(
  connection: Connection,
  id: string,
  userId: string,
  options?: RequestOptions,
): Promise<GroupChange> {
  const path = { id: guid(id, 'id') };
  const body = { userId: managerId(userId, 'userId') };
  await refuseSystemGroup(connection, path.id, 'id', options);
  return request(connection, setGroupManager, { path, body }, options, (envelope) =>
    groupChange(
      groupOf(envelope),
      [body.userId],
      (group, member) => group.manager?.id.toLowerCase() === member.toLowerCase(),
    ),
  );
}

/**
 * Moves every Active and Pending member of one group into another (PUT /group/{fromId}/members/{toId}) and
 * returns the target group. The source group stays, empty and without a manager. Refuses system groups and
 * `fromId === toId` (the server would empty the group) before sending. Same as `ds.groups.moveMembers`.
 * @example const target = await groupsMoveMembers(connection, oldGroupId, newGroupId);
 */
export async function groupsMoveMembers(
  connection: Connection,
  fromId: string,
  toId: string,
  options?: RequestOptions,
): Promise<Group> {
  const path = { fromId: guid(fromId, 'fromId'), toId: guid(toId, 'toId') };
  if (path.fromId.toLowerCase() === path.toId.toLowerCase())
    throw new ValidationError(
      'toId',
      'notFromId',
      'must differ from fromId (the server would empty the group)',
    );
  await refuseSystemGroup(connection, path.fromId, 'fromId', options);
  await refuseSystemGroup(connection, path.toId, 'toId', options);
  return request(connection, moveMembersTo, { path }, options, groupOf);
}

/**
 * The groups a user belongs to (GET /group/user/{userid}), sorted by name; `manager` is the manager's user name.
 * Unknown users have none. To get the groups a user manages, use `groupsList(connection, { userId, manager: true })`.
 * Same as `ds.groups.ofPerson`.
 * @example const groups = await groupsOfPerson(connection, annId);
 */
export async function groupsOfPerson(
  connection: Connection,
  userId: string,
  options?: RequestOptions,
): Promise<GroupSummary[]> {
  const path = { userid: guid(userId, 'userId') };
  return request(connection, getGroupByUserId, { path }, options, ({ response }) =>
    response.map(toGroupSummary),
  );
}

type MembersOperation = typeof addMembersTo | typeof removeMembersFrom | typeof setMembersTo;

/** Sends one of the three member routes (same path and body) after the system-group check. */
async function changeMembers(
  connection: Connection,
  op: MembersOperation,
  id: string,
  userIds: string | readonly string[],
  options: RequestOptions | undefined,
  applied: (group: Group, id: string) => boolean,
): Promise<GroupChange> {
  const path = { id: guid(id, 'id') };
  const body = { members: guidList(userIds, 'userIds') };
  await refuseSystemGroup(connection, path.id, 'id', options);
  return request(connection, op as typeof addMembersTo, { path, body }, options, (envelope) =>
    groupChange(groupOf(envelope), body.members, applied),
  );
}

/** Reads the group and throws a {@link ValidationError} naming `field` when it is a system group. */
async function refuseSystemGroup(
  connection: Connection,
  id: string,
  field: string,
  options: RequestOptions | undefined,
): Promise<void> {
  const group = await groupsGet(connection, id, { ...options, members: false });
  if (group.isSystem) {
    throw new ValidationError(
      field,
      'notSystemGroup',
      `is the system group "${group.name}": DocSpace would apply this change by changing people's types without the type-change rules, so the SDK refuses writes to system groups (use people.changeType to change types)`,
    );
  }
}

function groupOf(envelope: { response: Parameters<typeof toGroup>[0] }): Group {
  return toGroup(envelope.response);
}

function groupName(value: unknown, field: string): string {
  return requiredText(value, field, 128);
}

/** A manager id: a GUID other than the all-zero one (which the server reads as "keep the current manager"). */
function managerId(value: unknown, field: string): string {
  const id = guid(value, field);
  if (/^[0-]+$/.test(id))
    throw new ValidationError(field, 'notEmptyGuid', 'must be a user id, not the all-zero GUID');
  return id;
}
