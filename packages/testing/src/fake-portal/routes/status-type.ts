import { randomUUID } from 'node:crypto';
import {
  activationStatuses,
  employeeStatuses,
  employeeTypes,
  parseEnum,
  taskStatuses,
  typeRank,
} from '../enums.js';
import { success } from '../envelope.js';
import { accessDenied, badArgument, userNotFound } from '../errors.js';
import type { TypeChangeTask } from '../portal-state.js';
import type { RouteContext, RouteDefinition } from '../router.js';
import type { FakeUser } from '../user-record.js';
import { bodyObject, requireType, setStatus, stringField, usersOf } from './helpers.js';

const base = '/api/2.0/people';

/** Yourself, the owner, and (unless you are the owner) other DocSpaceAdmins cannot be changed: 403. */
function checkChangeable(caller: FakeUser, user: FakeUser): void {
  if (user.id === caller.id || user.isOwner) throw accessDenied();
  if (user.type === 'DocSpaceAdmin' && !caller.isOwner) throw accessDenied();
}

function updateStatus(ctx: RouteContext) {
  const status = parseEnum(employeeStatuses, ctx.params.status);
  if (status !== 'Active' && status !== 'Terminated') throw badArgument('Incorrect status');
  requireType(ctx.caller, 'DocSpaceAdmin');
  const users = usersOf(ctx);
  for (const user of users) checkChangeable(ctx.caller, user);
  for (const user of users) setStatus(user, status);
  return success(
    users.map((user) => ctx.state.full(user)),
    ctx.link,
  );
}

function updateActivation(ctx: RouteContext) {
  const activation = parseEnum(activationStatuses, ctx.params.activationstatus);
  if (activation === undefined) throw badArgument('Incorrect activation status');
  requireType(ctx.caller, 'DocSpaceAdmin');
  const users = usersOf(ctx);
  for (const user of users) checkChangeable(ctx.caller, user);
  for (const user of users) user.activationStatus = activation;
  return success(
    users.map((user) => ctx.state.full(user)),
    ctx.link,
  );
}

/**
 * Upgrades only: the owner may make a DocSpaceAdmin, a DocSpaceAdmin a RoomAdmin, a Guest may become a User.
 * Anything else (a downgrade, the same type, yourself, the owner, a Terminated user): 403.
 */
function updateType(ctx: RouteContext) {
  const type = parseEnum(employeeTypes, ctx.params.type);
  if (type === undefined || type === 'All') throw badArgument('Incorrect user type');
  requireType(ctx.caller, 'DocSpaceAdmin');
  if (type === 'DocSpaceAdmin' && !ctx.caller.isOwner) throw accessDenied();
  const users = usersOf(ctx);
  for (const user of users) {
    checkChangeable(ctx.caller, user);
    if (user.status === 'Terminated') throw accessDenied();
    if (typeRank[type] <= typeRank[user.type]) throw accessDenied();
    if (type === 'User' && user.type !== 'Guest') throw accessDenied();
  }
  for (const user of users) user.type = type;
  return success(
    users.map((user) => ctx.state.full(user)),
    ctx.link,
  );
}

/** TaskProgressResponseDto of a type change. */
function progress(task: TypeChangeTask, polls: number): Record<string, unknown> {
  const done = task.status !== 'Running';
  return {
    id: task.id,
    percentage: task.status === 'Completed' ? 100 : Math.min(99, Math.round((task.polls / polls) * 100)),
    isCompleted: done,
    status: taskStatuses[task.polls === 0 && !done ? 'Created' : task.status],
  };
}

/** Downgrade to User or Guest with reassignment of the user's data: an asynchronous task. */
function startTypeUpdate(ctx: RouteContext) {
  const body = bodyObject(ctx);
  const type = parseEnum(employeeTypes, body.type);
  requireType(ctx.caller, 'DocSpaceAdmin');
  const user = ctx.state.store.find(stringField(body, 'userId') ?? '');
  if (!user) throw userNotFound();
  checkChangeable(ctx.caller, user);
  if ((type !== 'User' && type !== 'Guest') || typeRank[type] >= typeRank[user.type]) {
    throw badArgument('Can not update user type');
  }
  const reassignId = stringField(body, 'reassignUserId') ?? ctx.caller.id;
  const heir = ctx.state.store.find(reassignId);
  if (!heir || heir.id === user.id || heir.status !== 'Active' || typeRank[heir.type] < typeRank.RoomAdmin) {
    throw badArgument('Can not reassign data to this user');
  }
  const task: TypeChangeTask = {
    id: randomUUID(),
    userId: user.id,
    toType: type,
    reassignUserId: heir.id,
    polls: 0,
    status: 'Running',
  };
  ctx.state.typeTasks.set(user.id, task);
  return success(progress(task, ctx.state.config.typeChangePolls), ctx.link);
}

/** Each poll advances the task; after `typeChangePolls` polls it completes and the new type applies. */
function typeProgress(ctx: RouteContext) {
  requireType(ctx.caller, 'DocSpaceAdmin');
  const task = ctx.state.typeTasks.get((ctx.params.userid ?? '').toLowerCase());
  // No task for this user: the server answers with an empty response.
  if (!task) return success(undefined, ctx.link);
  const polls = ctx.state.config.typeChangePolls;
  if (task.status === 'Running') {
    task.polls++;
    if (task.polls >= polls) {
      task.status = 'Completed';
      const user = ctx.state.store.find(task.userId);
      if (user) user.type = task.toType;
    }
  }
  return success(progress(task, polls), ctx.link);
}

function terminateTypeUpdate(ctx: RouteContext) {
  requireType(ctx.caller, 'DocSpaceAdmin');
  const userId = (stringField(bodyObject(ctx), 'userId') ?? '').toLowerCase();
  const task = ctx.state.typeTasks.get(userId);
  if (!task) return success(undefined, ctx.link);
  if (task.status === 'Running') task.status = 'Canceled';
  return success(progress(task, ctx.state.config.typeChangePolls), ctx.link);
}

/** Status, activation status and type changes. */
export const statusTypeRoutes: RouteDefinition[] = [
  { method: 'PUT', path: `${base}/status/{status}`, operationId: 'updateUserStatus', handler: updateStatus },
  {
    method: 'PUT',
    path: `${base}/activationstatus/{activationstatus}`,
    operationId: 'updateUserActivationStatus',
    handler: updateActivation,
  },
  { method: 'PUT', path: `${base}/type/{type}`, operationId: 'updateUserType', handler: updateType },
  { method: 'POST', path: `${base}/type`, operationId: 'startUserTypeUpdate', handler: startTypeUpdate },
  {
    method: 'GET',
    path: `${base}/type/progress/{userid}`,
    operationId: 'getUserTypeUpdateProgress',
    handler: typeProgress,
  },
  {
    method: 'PUT',
    path: `${base}/type/terminate`,
    operationId: 'terminateUserTypeUpdate',
    handler: terminateTypeUpdate,
  },
];
