import type { Connection } from './connection.js';
import type { TaskProgress } from './errors.js';
import {
  getUserTypeUpdateProgress,
  type RequestBody,
  startUserTypeUpdate,
  terminateUserTypeUpdate,
} from './operations.js';
import type { RequestOptions } from './options.js';
import { request } from './request.js';
import { finishTask, optionalProgressOf, progressOf, type TaskOptions } from './task.js';
import { waitLimits } from './task-wait.js';
import { guid, oneOf } from './validate.js';

export type { TaskProgress, TaskStatus } from './errors.js';

/** Options of {@link peopleDowngrade}. */
export interface DowngradeOptions extends TaskOptions {
  /** Id (GUID) of the user who receives the downgraded user's rooms and files. Default: the server's choice (you). */
  reassignTo?: string | undefined;
}

/** @internal Starts POST /people/type and, unless `wait: false`, polls GET /people/type/progress/{id}. */
export async function runDowngrade(
  connection: Connection,
  id: string,
  type: 'User' | 'Guest',
  options: DowngradeOptions,
): Promise<TaskProgress> {
  const userId = guid(id, 'id');
  const body: RequestBody<typeof startUserTypeUpdate> = {
    type: oneOf(type, ['User', 'Guest'], 'type'),
    userId,
  };
  if (options.reassignTo !== undefined) body.reassignUserId = guid(options.reassignTo, 'options.reassignTo');
  const limits = waitLimits(options);
  const first = await request(connection, startUserTypeUpdate, { body }, options, progressOf);
  return finishTask(
    first,
    limits,
    () => typeChangeProgress(connection, userId, options),
    () => cancelTypeChange(connection, userId, {}),
    options,
  );
}

/**
 * @internal Cancels a running type-change task (PUT /people/type/terminate) and returns its last progress, or
 * undefined when the server answered without one.
 */
export async function cancelTypeChange(
  connection: Connection,
  userId: string,
  options: RequestOptions | undefined,
): Promise<TaskProgress | undefined> {
  const body = { userId: guid(userId, 'id') };
  return request(connection, terminateUserTypeUpdate, { body }, options, optionalProgressOf);
}

/**
 * @internal The progress of a user's type-change task (GET /people/type/progress/{userid}), or undefined when
 * the server has no task for the user (it answers without `response`).
 */
export async function typeChangeProgress(
  connection: Connection,
  userId: string,
  options: RequestOptions | undefined,
): Promise<TaskProgress | undefined> {
  const path = { userid: guid(userId, 'id') };
  return request(connection, getUserTypeUpdateProgress, { path }, options, optionalProgressOf);
}
