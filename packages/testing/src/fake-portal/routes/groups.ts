import { randomUUID } from 'node:crypto';
import { parseEnum } from '../enums.js';
import { success } from '../envelope.js';
import { accessDenied, badArgument, PortalError, userNotFound, ValidationFailure } from '../errors.js';
import { emptyGuid, type FakeGroup, type FakeRoom, systemGroupCategory, systemGroups } from '../groups.js';
import type { RouteContext, RouteDefinition } from '../router.js';
import type { FakeUser } from '../user-record.js';
import { bodyObject, requireType, stringField } from './helpers.js';

const base = '/api/2.0/group';

const groupNotFound = () =>
  new PortalError(404, 'The group could not be found', 'ASC.Web.Api.Core.ItemNotFoundException');

/** Reads need an admin or a RoomAdmin (ReadGroups); User and Guest get 403. */
const requireReader = (ctx: RouteContext) => requireType(ctx.caller, 'RoomAdmin');
/** Writes need an admin (EditGroups). */
const requireEditor = (ctx: RouteContext) => requireType(ctx.caller, 'DocSpaceAdmin');

/** A group as the routes see it: one of the portal's own, or a system group (members derived from types). */
interface GroupView {
  group: FakeGroup;
  system: boolean;
}

function findGroup(ctx: RouteContext, raw: string | undefined): GroupView {
  const id = (raw ?? '').toLowerCase();
  const own = ctx.state.groups.get(id);
  if (own) return { group: own, system: false };
  const system = systemGroups[id];
  if (!system) throw groupNotFound();
  const memberIds = ctx.state.store
    .all()
    .filter((user) => system.type === undefined || user.type === system.type)
    .map((user) => user.id);
  return { group: { id, name: system.name, memberIds, isLDAP: false }, system: true };
}

/** Active and Pending members (Terminated ones are hidden, as GetUsersByGroupAsync does). */
function visibleMembers(ctx: RouteContext, group: FakeGroup): FakeUser[] {
  return group.memberIds
    .map((id) => ctx.state.store.find(id))
    .filter((user): user is FakeUser => !!user && user.status !== 'Terminated');
}

/** GroupDto: members only when asked, manager when there is one, isSystem only when true. */
function groupDto(ctx: RouteContext, view: GroupView, withMembers: boolean, shared?: boolean) {
  const { group, system } = view;
  const members = visibleMembers(ctx, group);
  const manager = group.managerId ? ctx.state.store.find(group.managerId) : undefined;
  const dto: Record<string, unknown> = {
    id: group.id,
    name: group.name,
    parent: emptyGuid,
    category: system ? systemGroupCategory : emptyGuid,
    isLDAP: group.isLDAP,
  };
  if (system) dto.isSystem = true;
  if (manager) dto.manager = ctx.state.full(manager);
  if (withMembers) dto.members = members.map((user) => ctx.state.full(user));
  if (shared !== undefined) dto.shared = shared;
  dto.membersCount = members.length;
  return dto;
}

/** A membership candidate (ValidateUserAsync): exists, not Terminated, not a Guest, not the all-zero id. */
function candidate(ctx: RouteContext, id: unknown): FakeUser | undefined {
  if (typeof id !== 'string' || id === emptyGuid) return undefined;
  const user = ctx.state.store.find(id);
  return user && user.status !== 'Terminated' && user.type !== 'Guest' ? user : undefined;
}

function idList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Adds a member. In a system group this changes the user's type, without the type-change rules (as the server does).
 */
function addMember(view: GroupView, user: FakeUser): void {
  if (view.system) {
    const type = systemGroups[view.group.id]?.type;
    if (type) user.type = type;
    return;
  }
  if (!view.group.memberIds.includes(user.id)) view.group.memberIds.push(user.id);
}

/**
 * Removes a member; removing the manager clears the manager. From a type group (DocSpaceAdmin, RoomAdmin, Guest) a
 * member other than the owner becomes a User; nothing else changes in a system group.
 */
function removeMember(ctx: RouteContext, view: GroupView, userId: string): void {
  const { group } = view;
  if (view.system) {
    const type = systemGroups[group.id]?.type;
    const user = ctx.state.store.find(userId);
    if (type && type !== 'User' && user?.type === type && !user.isOwner) user.type = 'User';
    return;
  }
  group.memberIds = group.memberIds.filter((id) => id !== userId);
  if (group.managerId === userId) delete group.managerId;
}

/** Sets the manager; the manager becomes a member and the previous one stays a member. */
function setManager(view: GroupView, user: FakeUser): void {
  addMember(view, user);
  if (!view.system) view.group.managerId = user.id;
}

const answer = (ctx: RouteContext, view: GroupView) => success(groupDto(ctx, view, true), ctx.link);

/** Reads `count` (1..100, default 100) and `startIndex`. */
function pageOf(ctx: RouteContext): { start: number; count: number } {
  const raw = ctx.query.get('count');
  const count = raw === null || raw === '' ? 100 : Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    throw new ValidationFailure({ count: ['The field count must be between 1 and 100.'] });
  }
  const start = Number(ctx.query.get('startIndex') ?? 0);
  return { start: Number.isInteger(start) && start > 0 ? start : 0, count };
}

function nameMatches(group: FakeGroup, filter: string | null): boolean {
  return !filter || group.name.toLowerCase().includes(filter.trim().toLowerCase());
}

function getGroups(ctx: RouteContext) {
  requireReader(ctx);
  const q = ctx.query;
  const { start, count } = pageOf(ctx);
  const userId = q.get('userId')?.toLowerCase();
  const managerOnly = userId !== undefined && q.get('manager')?.toLowerCase() === 'true';
  const matched = [...ctx.state.groups.values()].filter(
    (group) =>
      nameMatches(group, q.get('filterValue')) &&
      (userId === undefined || group.memberIds.includes(userId)) &&
      (!managerOnly || group.managerId === userId),
  );
  const sortBy = (q.get('sortBy') ?? 'title').toLowerCase();
  const key = (group: FakeGroup): string | number => {
    if (sortBy === 'memberscount') return visibleMembers(ctx, group).length;
    if (sortBy === 'manager') {
      const manager = group.managerId ? ctx.state.store.find(group.managerId) : undefined;
      return (manager?.firstName ?? '').toLowerCase();
    }
    return group.name.toLowerCase();
  };
  const descending = parseEnum({ Ascending: 0, Descending: 1 }, q.get('sortOrder')) === 'Descending';
  matched.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const cmp = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -cmp : cmp;
  });
  const slice = matched.slice(start, start + count);
  return success(
    slice.map((group) => groupDto(ctx, { group, system: false }, false)),
    ctx.link,
    matched.length,
  );
}

function addGroup(ctx: RouteContext) {
  requireEditor(ctx);
  const body = bodyObject(ctx);
  const name = stringField(body, 'groupName');
  if (name === undefined || name.length === 0 || name.length > 128) {
    throw new ValidationFailure({
      GroupName: [
        'The field GroupName must be a string with a minimum length of 1 and a maximum length of 128.',
      ],
    });
  }
  // AddGroup: ArgumentException.ThrowIfNullOrWhiteSpace(inDto.GroupName). Nothing else is checked about the name:
  // an existing name, even one differing only by case, makes another group (no uniqueness check anywhere).
  if (name.trim() === '') {
    throw badArgument(
      "The value cannot be an empty string or composed entirely of whitespace. (Parameter 'inDto.GroupName')",
    );
  }
  const members = idList(body.members).map((id) => candidate(ctx, id));
  const managerId = body.groupManager;
  const manager =
    managerId === undefined || managerId === null || managerId === emptyGuid
      ? undefined
      : candidate(ctx, managerId);
  // Any invalid member or manager: 400 and nothing is created.
  if (members.some((user) => !user) || (managerId && managerId !== emptyGuid && !manager)) {
    throw badArgument('The user could not be found');
  }
  const group: FakeGroup = { id: randomUUID(), name, memberIds: [], isLDAP: false };
  const view = { group, system: false };
  if (manager) setManager(view, manager);
  for (const user of members) if (user) addMember(view, user);
  ctx.state.groups.set(group.id, group);
  return answer(ctx, view);
}

function getGroup(ctx: RouteContext) {
  requireReader(ctx);
  const view = findGroup(ctx, ctx.params.id);
  const withMembers = ctx.query.get('includeMembers')?.toLowerCase() !== 'false';
  return success(groupDto(ctx, view, withMembers), ctx.link);
}

function updateGroup(ctx: RouteContext) {
  requireEditor(ctx);
  const view = findGroup(ctx, ctx.params.id);
  const body = bodyObject(ctx);
  const name = stringField(body, 'groupName');
  if (name !== undefined && name.length > 128) {
    throw new ValidationFailure({
      GroupName: ['The field GroupName must be a string with a maximum length of 128.'],
    });
  }
  // Order: rename (ignored on a system group), manager, membersToAdd, membersToRemove.
  if (name !== undefined && !view.system) view.group.name = name;
  const manager = candidate(ctx, body.groupManager);
  if (manager) setManager(view, manager);
  for (const id of idList(body.membersToAdd)) {
    const user = candidate(ctx, id);
    if (user) addMember(view, user);
  }
  for (const id of idList(body.membersToRemove)) {
    if (typeof id !== 'string') continue;
    removeMember(ctx, view, id.toLowerCase());
  }
  return answer(ctx, view);
}

/** 204 with no body. A system group stays (its share records go), and the answer is 204 all the same. */
function deleteGroup(ctx: RouteContext) {
  requireEditor(ctx);
  const view = findGroup(ctx, ctx.params.id);
  if (!view.system) ctx.state.groups.delete(view.group.id);
  for (const room of ctx.state.rooms.values()) {
    room.sharedWithGroups = room.sharedWithGroups.filter((id) => id !== view.group.id);
  }
  return { status: 204, body: undefined };
}

/** GroupSummaryDto[]: the portal's own groups of a user, by name (ordinal); unknown user: []. */
function groupsOfUser(ctx: RouteContext) {
  requireReader(ctx);
  const userId = (ctx.params.userid ?? '').toLowerCase();
  return success(
    ctx.state.groupsOf(userId).map((group) => ctx.state.groupSummary(group)),
    ctx.link,
  );
}

/** Every Active or Pending member of fromId goes to toId; fromId survives without a manager. */
function moveMembers(ctx: RouteContext) {
  requireEditor(ctx);
  const from = findGroup(ctx, ctx.params.fromId);
  const to = findGroup(ctx, ctx.params.toId);
  for (const user of visibleMembers(ctx, from.group)) {
    if (user.type === 'Guest') continue;
    addMember(to, user);
    // Moving out of a system group leaves the person's type as the target set it.
    if (!from.system) removeMember(ctx, from, user.id);
  }
  if (!from.system) delete from.group.managerId;
  return answer(ctx, to);
}

function membersOf(ctx: RouteContext): unknown[] {
  const members = bodyObject(ctx).members;
  if (members === undefined || members === null) {
    throw new PortalError(
      500,
      'Object reference not set to an instance of an object.',
      'System.NullReferenceException',
    );
  }
  return idList(members);
}

/** Replace: 400 "Members" when no id is valid; else removes everyone (the manager too) and adds the valid ones. */
function setMembers(ctx: RouteContext) {
  requireEditor(ctx);
  const view = findGroup(ctx, ctx.params.id);
  const valid = idList(bodyObject(ctx).members)
    .map((id) => candidate(ctx, id))
    .filter((user): user is FakeUser => !!user);
  if (valid.length === 0) throw badArgument('Members');
  for (const id of [...view.group.memberIds]) {
    removeMember(ctx, view, id);
  }
  for (const user of valid) addMember(view, user);
  return answer(ctx, view);
}

function addMembers(ctx: RouteContext) {
  requireEditor(ctx);
  const view = findGroup(ctx, ctx.params.id);
  for (const id of membersOf(ctx)) {
    const user = candidate(ctx, id);
    if (user) addMember(view, user);
  }
  return answer(ctx, view);
}

function removeMembers(ctx: RouteContext) {
  requireEditor(ctx);
  const view = findGroup(ctx, ctx.params.id);
  for (const id of idList(bodyObject(ctx).members)) {
    if (typeof id !== 'string') continue;
    removeMember(ctx, view, id.toLowerCase());
  }
  return answer(ctx, view);
}

/**
 * No permission check up front (the server's quirk): for a non-admin the manager is saved, then adding them as a
 * member answers 403. A Guest or Terminated user: 200 with nothing changed. Unknown user: 404.
 */
function putManager(ctx: RouteContext) {
  const view = findGroup(ctx, ctx.params.id);
  const userId = stringField(bodyObject(ctx), 'userId');
  const user = userId === undefined ? undefined : ctx.state.store.find(userId);
  if (!user) throw userNotFound();
  if (user.status === 'Terminated' || user.type === 'Guest') return answer(ctx, view);
  if (ctx.caller.type !== 'DocSpaceAdmin') {
    if (!view.system) view.group.managerId = user.id;
    throw accessDenied();
  }
  setManager(view, user);
  return answer(ctx, view);
}

/** The sharing lookups: groups with `shared`; whoever may change the entry's access (an admin or its owner). */
function sharedWith(kind: FakeRoom['kind']) {
  return (ctx: RouteContext) => {
    const room = ctx.state.rooms.get(Number(ctx.params.id));
    if (!room || room.kind !== kind || !/^\d+$/.test(ctx.params.id ?? '')) {
      throw new PortalError(404, 'The entry could not be found', 'System.IO.FileNotFoundException');
    }
    if (ctx.caller.type !== 'DocSpaceAdmin' && room.ownerId !== ctx.caller.id) throw accessDenied();
    const { start, count } = pageOf(ctx);
    const exclude = ctx.query.get('excludeShared')?.toLowerCase() === 'true';
    const matched = [...ctx.state.groups.values()]
      .filter((group) => nameMatches(group, ctx.query.get('filterValue')))
      .map((group) => ({ group, shared: room.sharedWithGroups.includes(group.id) }))
      .filter((entry) => !exclude || !entry.shared);
    return success(
      matched
        .slice(start, start + count)
        .map(({ group, shared }) => groupDto(ctx, { group, system: false }, false, shared)),
      ctx.link,
      matched.length,
    );
  };
}

const guid = ['id'];

/** Groups: the portal's own, and the system groups by id. */
export const groupRoutes: RouteDefinition[] = [
  { method: 'GET', path: base, operationId: 'getGroups', handler: getGroups },
  { method: 'POST', path: base, operationId: 'addGroup', handler: addGroup },
  { method: 'GET', path: `${base}/{id}`, operationId: 'getGroup', handler: getGroup, guids: guid },
  { method: 'PUT', path: `${base}/{id}`, operationId: 'updateGroup', handler: updateGroup, guids: guid },
  { method: 'DELETE', path: `${base}/{id}`, operationId: 'deleteGroup', handler: deleteGroup, guids: guid },
  {
    method: 'GET',
    path: `${base}/user/{userid}`,
    operationId: 'getGroupByUserId',
    handler: groupsOfUser,
    guids: ['userid'],
  },
  {
    method: 'PUT',
    path: `${base}/{fromId}/members/{toId}`,
    operationId: 'moveMembersTo',
    handler: moveMembers,
    guids: ['fromId', 'toId'],
  },
  {
    method: 'POST',
    path: `${base}/{id}/members`,
    operationId: 'setMembersTo',
    handler: setMembers,
    guids: guid,
  },
  {
    method: 'PUT',
    path: `${base}/{id}/members`,
    operationId: 'addMembersTo',
    handler: addMembers,
    guids: guid,
  },
  {
    method: 'DELETE',
    path: `${base}/{id}/members`,
    operationId: 'removeMembersFrom',
    handler: removeMembers,
    guids: guid,
  },
  {
    method: 'PUT',
    path: `${base}/{id}/manager`,
    operationId: 'setGroupManager',
    handler: putManager,
    guids: guid,
  },
  {
    method: 'GET',
    path: `${base}/room/{id}`,
    operationId: 'getGroupsWithRoomsShared',
    handler: sharedWith('room'),
  },
  {
    method: 'GET',
    path: `${base}/folder/{id}`,
    operationId: 'getGroupsWithFoldersShared',
    handler: sharedWith('folder'),
  },
  {
    method: 'GET',
    path: `${base}/file/{id}`,
    operationId: 'getGroupsWithFilesShared',
    handler: sharedWith('file'),
  },
];
