import { DocSpaceError } from './errors.js';
import type { RequestOptions } from './options.js';
import { type TaskWaitOptions, waitForTask, waitLimits } from './task-wait.js';
import type { Transport } from './transport.js';
import { guid, oneOf } from './validate.js';

/** State of a server task. */
export type TaskStatus = 'Created' | 'Running' | 'Completed' | 'Canceled' | 'Failed' | 'Unknown';

/** Progress of the server's type-change (data reassignment) task. */
export interface TaskProgress {
  /** Task id. */
  id: string | undefined;
  /** 0 to 100. */
  percentage: number;
  /** True once the task has stopped (completed, canceled or failed). */
  isCompleted: boolean;
  /** Task state. */
  status: TaskStatus;
  /** The server's error message, when the task failed. */
  error: string | undefined;
}

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

/** The type-change task stopped with an error or was canceled. */
export class TaskFailedError extends DocSpaceError {
  override readonly name: string = 'TaskFailedError';
  /** The last progress report. */
  readonly progress: TaskProgress;

  /** The last progress report of the task. */
  constructor(progress: TaskProgress) {
    super(`type change task ${progress.status.toLowerCase()}${progress.error ? `: ${progress.error}` : ''}`);
    this.progress = progress;
  }
}

const TASK_STATUS: readonly TaskStatus[] = ['Created', 'Running', 'Completed', 'Canceled', 'Failed'];

/** @internal Turns the server's TaskProgressResponseDto into a {@link TaskProgress}. */
export function toTaskProgress(value: unknown): TaskProgress {
  const dto = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  let status: TaskStatus = 'Unknown';
  if (typeof dto.status === 'number') status = TASK_STATUS[dto.status] ?? 'Unknown';
  else if (dto.status === 'Failted' || dto.status === 'Failed') status = 'Failed';
  else if (typeof dto.status === 'string' && (TASK_STATUS as readonly string[]).includes(dto.status)) {
    status = dto.status as TaskStatus;
  }
  return {
    id: typeof dto.id === 'string' ? dto.id : undefined,
    percentage: typeof dto.percentage === 'number' ? dto.percentage : 0,
    isCompleted: dto.isCompleted === true,
    status,
    error: typeof dto.error === 'string' && dto.error !== '' ? dto.error : undefined,
  };
}

/** @internal Starts POST /people/type and, unless `wait: false`, polls GET /people/type/progress/{id}. */
export async function runDowngrade(
  transport: Transport,
  id: string,
  type: 'User' | 'Guest',
  options: DowngradeOptions,
): Promise<TaskProgress> {
  const userId = guid(id, 'id');
  const body: Record<string, unknown> = { type: oneOf(type, ['User', 'Guest'], 'type'), userId };
  if (options.reassignTo !== undefined) body.reassignUserId = guid(options.reassignTo, 'options.reassignTo');
  const limits = waitLimits(options);
  let progress = progressIn(
    await transport.call({ method: 'POST', path: '/api/2.0/people/type', body }, options),
  ) ?? { id: undefined, percentage: 0, isCompleted: false, status: 'Created', error: undefined };
  options.onProgress?.(progress);
  if (options.wait === false) return progress;
  try {
    progress = await waitForTask(
      progress,
      () => typeChangeProgress(transport, userId, options),
      options,
      limits,
    );
  } catch (error) {
    if (options.cancelOnAbort && options.signal?.aborted) await cancelTypeChange(transport, userId, {});
    throw error;
  }
  if (progress.status === 'Failed' || progress.status === 'Canceled' || progress.error !== undefined) {
    throw new TaskFailedError(progress);
  }
  return progress;
}

/** @internal Cancels a running type-change task (PUT /people/type/terminate) and returns its last progress. */
export async function cancelTypeChange(
  transport: Transport,
  userId: string,
  options: RequestOptions | undefined,
): Promise<TaskProgress> {
  const body = { userId: guid(userId, 'id') };
  const result = await transport.call(
    { method: 'PUT', path: '/api/2.0/people/type/terminate', body },
    options,
  );
  return (
    progressIn(result) ?? {
      id: undefined,
      percentage: 0,
      isCompleted: true,
      status: 'Unknown',
      error: undefined,
    }
  );
}

/**
 * @internal The progress of a user's type-change task (GET /people/type/progress/{userid}), or undefined when
 * the server has no task for the user (it answers without `response`).
 */
export async function typeChangeProgress(
  transport: Transport,
  userId: string,
  options: RequestOptions | undefined,
): Promise<TaskProgress | undefined> {
  const path = `/api/2.0/people/type/progress/${guid(userId, 'id')}`;
  return progressIn(await transport.call({ method: 'GET', path }, options));
}

/** The task progress in a success envelope, or undefined when the envelope carries none. */
function progressIn(envelope: unknown): TaskProgress | undefined {
  if (envelope === null || typeof envelope !== 'object') return undefined;
  const response = (envelope as { response?: unknown }).response;
  return response !== null && typeof response === 'object' ? toTaskProgress(response) : undefined;
}
