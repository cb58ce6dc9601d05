import type { components } from '@docspace-people/client';
import { missing } from './decode.js';
import { TaskFailedError, type TaskProgress, type TaskStatus } from './errors.js';
import type { RequestOptions } from './options.js';
import { type TaskWaitOptions, waitForTask } from './task-wait.js';

/** How to run one of the server's background tasks (downgrade, reassignment). */
export interface TaskOptions extends RequestOptions, TaskWaitOptions {
  /** Wait for the task to finish (polling its progress). Default true. */
  wait?: boolean | undefined;
  /** Called with each progress report (the first one too). */
  onProgress?: ((progress: TaskProgress) => void) | undefined;
  /** Milliseconds between progress polls, at least 100 (smaller values are refused). Default 1000. */
  pollIntervalMs?: number | undefined;
  /**
   * Longest wait for the task to end, in milliseconds; past it the call rejects with {@link TaskTimeoutError}
   * (the task goes on; `cancelOnAbort` does not apply). Default 3600000 (one hour).
   */
  maxWaitMs?: number | undefined;
  /**
   * When `signal` aborts while waiting, also cancel the server's task before rejecting. Default false: aborting
   * only stops waiting, the task goes on.
   */
  cancelOnAbort?: boolean | undefined;
}

const TASK_STATUS: readonly TaskStatus[] = ['Created', 'Running', 'Completed', 'Canceled', 'Failed'];

/** @internal The server's task progress DTO. */
export type TaskProgressDto = components['schemas']['TaskProgressResponseDto'];

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

/** @internal The progress an envelope must carry (a task was just started). */
export function progressOf(envelope: { response?: TaskProgressDto }): TaskProgress {
  return envelope.response === undefined ? missing('response') : toTaskProgress(envelope.response);
}

/** @internal The progress of an envelope, or undefined when the server has no task (no `response`). */
export function optionalProgressOf(envelope: { response?: TaskProgressDto }): TaskProgress | undefined {
  return envelope.response === undefined ? undefined : toTaskProgress(envelope.response);
}

/**
 * @internal Reports the first progress of a started task and, unless `wait: false`, waits for it (task-wait.ts).
 * A task the server no longer knows ends the wait with status `Unknown`; a failed or canceled task throws
 * {@link TaskFailedError} with the server's message. On abort with `cancelOnAbort`, the task is canceled before
 * the abort reason is rethrown.
 */
export async function finishTask(
  first: TaskProgress,
  limits: { intervalMs: number; maxWaitMs: number },
  poll: () => Promise<TaskProgress | undefined>,
  cancel: () => Promise<unknown>,
  options: TaskOptions,
): Promise<TaskProgress> {
  options.onProgress?.(first);
  if (options.wait === false) return first;
  let progress: TaskProgress;
  try {
    progress = await waitForTask(first, poll, options, limits);
  } catch (error) {
    if (options.cancelOnAbort && options.signal?.aborted) {
      // The abort reason is what the caller sees; a failing cancel must not replace it.
      await cancel().catch(() => undefined);
    }
    throw error;
  }
  if (progress.status === 'Failed' || progress.status === 'Canceled' || progress.error !== undefined) {
    throw new TaskFailedError(progress);
  }
  return progress;
}
