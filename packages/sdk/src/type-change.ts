import type { components } from '@docspace-people/client';
import type { Connection } from './connection.js';
import { missing } from './decode.js';
import { TaskFailedError, type TaskProgress, type TaskStatus } from './errors.js';
import {
  getUserTypeUpdateProgress,
  type RequestBody,
  startUserTypeUpdate,
  terminateUserTypeUpdate,
} from './operations.js';
import type { RequestOptions } from './options.js';
import { request } from './request.js';
import { type TaskWaitOptions, waitForTask, waitLimits } from './task-wait.js';
import { guid, oneOf } from './validate.js';

export type { TaskProgress, TaskStatus } from './errors.js';

/** Options of {@link People.downgrade}. */
export interface DowngradeOptions extends RequestOptions, TaskWaitOptions {
  /** Id (GUID) of the user who receives the downgraded user's rooms and files. Default: the server's choice (you). */
  reassignTo?: string | undefined;
  /** Wait for the task to finish (polling its progress). Default true. */
  wait?: boolean | undefined;
  /** Called with each progress report while waiting. */
  onProgress?: ((progress: TaskProgress) => void) | undefined;
  /** Milliseconds between progress polls, at least 100 (smaller values are refused). Default 1000. */
  pollIntervalMs?: number | undefined;
  /**
   * Longest wait for the task to end, in milliseconds; past it the call rejects with {@link TaskTimeoutError}
   * (the task goes on; `cancelOnAbort` does not apply). Default 3600000 (one hour).
   */
  maxWaitMs?: number | undefined;
  /**
   * When `signal` aborts while waiting, also cancel the server's task (PUT /people/type/terminate) before
   * rejecting. Default false: aborting only stops waiting, the task goes on.
   */
  cancelOnAbort?: boolean | undefined;
}

const TASK_STATUS: readonly TaskStatus[] = ['Created', 'Running', 'Completed', 'Canceled', 'Failed'];

type TaskProgressDto = components['schemas']['TaskProgressResponseDto'];

/** @internal Turns the server's TaskProgressResponseDto into a {@link TaskProgress}; `status` is required. */
export function toTaskProgress(dto: TaskProgressDto): TaskProgress {
  // Servers send the status as a number or by name (some spell Failed "Failted").
  const wire: unknown = dto.status;
  let status: TaskStatus = 'Unknown';
  if (wire === undefined || wire === null) missing('response.status');
  if (typeof wire === 'number') status = TASK_STATUS[wire] ?? 'Unknown';
  else if (wire === 'Failted') status = 'Failed';
  else if (typeof wire === 'string' && (TASK_STATUS as readonly string[]).includes(wire)) {
    status = wire as TaskStatus;
  }
  return {
    id: dto.id ?? undefined,
    percentage: typeof dto.percentage === 'number' ? dto.percentage : missing('response.percentage'),
    isCompleted: typeof dto.isCompleted === 'boolean' ? dto.isCompleted : missing('response.isCompleted'),
    status,
    error: typeof dto.error === 'string' && dto.error !== '' ? dto.error : undefined,
  };
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
  let progress = await request(connection, startUserTypeUpdate, { body }, options, progressOf);
  options.onProgress?.(progress);
  if (options.wait === false) return progress;
  try {
    progress = await waitForTask(
      progress,
      () => typeChangeProgress(connection, userId, options),
      options,
      limits,
    );
  } catch (error) {
    if (options.cancelOnAbort && options.signal?.aborted) {
      // The abort reason is what the caller sees; a failing cancel must not replace it.
      await cancelTypeChange(connection, userId, {}).catch(() => undefined);
    }
    throw error;
  }
  if (progress.status === 'Failed' || progress.status === 'Canceled' || progress.error !== undefined) {
    throw new TaskFailedError(progress);
  }
  return progress;
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

function progressOf(envelope: { response?: TaskProgressDto }): TaskProgress {
  return envelope.response === undefined ? missing('response') : toTaskProgress(envelope.response);
}

function optionalProgressOf(envelope: { response?: TaskProgressDto }): TaskProgress | undefined {
  return envelope.response === undefined ? undefined : toTaskProgress(envelope.response);
}
