import { employeeTypes, parseEnum } from '../enums.js';
import { success } from '../envelope.js';
import { accessDenied, badArgument, PortalError } from '../errors.js';
import type { RouteContext, RouteDefinition } from '../router.js';
import { type DataTask, isFinished, taskProgress } from '../tasks.js';
import type { FakeUser } from '../user-record.js';
import { bodyObject, requireType, stringField } from './helpers.js';

const base = '/api/2.0/people';

const displayName = (user: FakeUser) => `${user.firstName} ${user.lastName}`.trim();

/** Starts (or, while one runs, returns) the task of a kind for a user: one task per user, as the server keeps. */
export function startDataTask(
  ctx: RouteContext,
  kind: DataTask['kind'],
  from: FakeUser,
  toUserId: string,
  deleteProfile: boolean,
): DataTask {
  const key = `${kind}:${from.id}`;
  const running = ctx.state.dataTask(kind, from.id);
  if (running && !isFinished(running)) return running;
  const now = Date.now();
  const task: DataTask = {
    kind,
    id: `1_${from.id}_${kind === 'reassign' ? 'ReassignProgressItem' : 'RemoveProgressItem'}`,
    fromUserId: from.id,
    fromName: displayName(from),
    toUserId,
    callerId: ctx.caller.id,
    deleteProfile,
    startedAt: now,
    updatedAt: now,
    stepsDone: 0,
    status: 'Created',
    hidden: false,
  };
  ctx.state.dataTasks.set(key, task);
  return task;
}

/** 500 (a plain Exception, not the documented 409) while a reassignment of the user runs. */
export function checkNoReassign(ctx: RouteContext, user: FakeUser): void {
  const task = ctx.state.dataTask('reassign', user.id);
  if (task && !isFinished(task)) {
    throw new PortalError(
      500,
      `Data reassign process for ${displayName(user)} is not complete.`,
      'System.Exception',
    );
  }
}

/** Progress and terminate on a DocSpaceAdmin's task need the owner. */
function checkTaskAccess(ctx: RouteContext, userId: string): void {
  requireType(ctx.caller, 'DocSpaceAdmin');
  const user = ctx.state.store.find(userId);
  if (user?.type === 'DocSpaceAdmin' && !ctx.caller.isOwner) throw accessDenied();
}

const progressOf = (ctx: RouteContext, task: DataTask | undefined) =>
  success(task && !task.hidden ? taskProgress(task) : undefined, ctx.link);

function startReassign(ctx: RouteContext) {
  requireType(ctx.caller, 'DocSpaceAdmin');
  const body = bodyObject(ctx);
  const fromId = stringField(body, 'fromUserId') ?? '';
  const toId = stringField(body, 'toUserId') ?? '';
  const to = ctx.state.store.find(toId);
  if (!to || to.status === 'Terminated' || (to.type !== 'RoomAdmin' && to.type !== 'DocSpaceAdmin')) {
    throw badArgument(`Can not reassign data to user with id = ${toId}`);
  }
  const from = ctx.state.store.find(fromId);
  const fromRefused =
    from?.status !== 'Terminated' ||
    from.isOwner ||
    from.id === ctx.caller.id ||
    (from.type === 'DocSpaceAdmin' && !ctx.caller.isOwner);
  if (!from || fromRefused) throw badArgument(`Can not reassign data from user with id = ${fromId}`);
  const task = startDataTask(ctx, 'reassign', from, to.id, body.deleteProfile === true);
  return success(taskProgress(task), ctx.link);
}

function reassignProgress(ctx: RouteContext) {
  const userId = ctx.params.userid ?? '';
  checkTaskAccess(ctx, userId);
  return progressOf(ctx, ctx.state.dataTask('reassign', userId));
}

/** Cancels between steps (finished steps stay done) and answers the last progress with status 3. */
function terminateReassign(ctx: RouteContext) {
  const userId = stringField(bodyObject(ctx), 'userId') ?? '';
  checkTaskAccess(ctx, userId);
  const task = ctx.state.dataTask('reassign', userId);
  if (task && !isFinished(task)) {
    task.status = 'Canceled';
    task.updatedAt = Date.now();
  }
  return progressOf(ctx, task);
}

/**
 * Admins always; a RoomAdmin only for type User or Guest; a DocSpaceAdmin's data only by the owner. True when the
 * user owns a room.
 */
function necessary(ctx: RouteContext) {
  const type = parseEnum(employeeTypes, ctx.query.get('type') ?? ctx.query.get('Type'));
  const caller = ctx.caller;
  const allowed =
    caller.type === 'DocSpaceAdmin' || (caller.type === 'RoomAdmin' && (type === 'User' || type === 'Guest'));
  if (!allowed) throw accessDenied();
  const userId = (ctx.query.get('userId') ?? ctx.query.get('UserId') ?? '').toLowerCase();
  const user = ctx.state.store.find(userId);
  if (user?.type === 'DocSpaceAdmin' && !caller.isOwner) throw accessDenied();
  const ownsRoom = [...ctx.state.rooms.values()].some(
    (room) => room.kind === 'room' && room.ownerId === userId,
  );
  return success(ownsRoom, ctx.link);
}

function startRemove(ctx: RouteContext) {
  requireType(ctx.caller, 'DocSpaceAdmin');
  const userId = stringField(bodyObject(ctx), 'userId') ?? '';
  const user = ctx.state.store.find(userId);
  if (!user) throw badArgument(`User with id = ${userId} not found`);
  if (user.isOwner || user.id === ctx.caller.id || user.status !== 'Terminated') {
    throw badArgument(`Can not delete user with id = ${userId}`);
  }
  if (user.type === 'DocSpaceAdmin' && !ctx.caller.isOwner) throw accessDenied();
  const task = startDataTask(ctx, 'remove', user, ctx.caller.id, true);
  return success(taskProgress(task), ctx.link);
}

function removeProgress(ctx: RouteContext) {
  requireType(ctx.caller, 'DocSpaceAdmin');
  return progressOf(ctx, ctx.state.dataTask('remove', ctx.params.userid ?? ''));
}

/** Drops the progress entry; the job itself keeps running (it never checks for cancellation). */
function terminateRemove(ctx: RouteContext) {
  requireType(ctx.caller, 'DocSpaceAdmin');
  const task = ctx.state.dataTask('remove', stringField(bodyObject(ctx), 'userId') ?? '');
  if (task) task.hidden = true;
  return success(undefined, ctx.link);
}

/** Data reassignment and removal tasks. */
export const userDataRoutes: RouteDefinition[] = [
  { method: 'POST', path: `${base}/reassign/start`, operationId: 'startReassign', handler: startReassign },
  {
    method: 'GET',
    path: `${base}/reassign/progress/{userid}`,
    operationId: 'getReassignProgress',
    handler: reassignProgress,
  },
  {
    method: 'PUT',
    path: `${base}/reassign/terminate`,
    operationId: 'terminateReassign',
    handler: terminateReassign,
  },
  { method: 'GET', path: `${base}/reassign/necessary`, operationId: 'necessaryReassign', handler: necessary },
  { method: 'POST', path: `${base}/remove/start`, operationId: 'startRemove', handler: startRemove },
  {
    method: 'GET',
    path: `${base}/remove/progress/{userid}`,
    operationId: 'getRemoveProgress',
    handler: removeProgress,
  },
  {
    method: 'PUT',
    path: `${base}/remove/terminate`,
    operationId: 'terminateRemove',
    handler: terminateRemove,
  },
];
