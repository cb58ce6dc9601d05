import type { components } from '@docspace-people/client';
import { missing } from './decode.js';
import { TaskFailedError, type TaskProgress, type TaskStatus } from './errors.js';
import type { RequestOptions } from './options.js';
import { sleep } from './transport.js';
import { integer } from './validate.js';

/** How to run one of the server's background tasks (downgrade, reassignment). */
export interface TaskOptions extends RequestOptions {
  /** Wait for the task to finish (polling its progress). Default true. */
  wait?: boolean | undefined;
  /** Called with each progress report while waiting. */
  onProgress?: ((progress: TaskProgress) => void) | undefined;
  /** Milliseconds between progress polls. Default 1000. */
  pollIntervalMs?: number | undefined;
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

/** @internal Checks `pollIntervalMs` before anything is sent. */
export function pollInterval(options: TaskOptions): number {
  return options.pollIntervalMs === undefined
    ? 1000
    : integer(options.pollIntervalMs, 'options.pollIntervalMs', 0);
}

/**
 * @internal Reports the first progress of a started task and, unless `wait: false`, polls until it finishes.
 * A task the server no longer knows (it ended and was cleaned up) ends the wait with status `Unknown`; a failed
 * or canceled task throws {@link TaskFailedError} with the server's message. On abort with `cancelOnAbort`, the
 * task is canceled before the abort reason is rethrown.
 */
export async function waitForTask(
  first: TaskProgress,
  interval: number,
  poll: () => Promise<TaskProgress | undefined>,
  cancel: () => Promise<unknown>,
  options: TaskOptions,
): Promise<TaskProgress> {
  let progress = first;
  options.onProgress?.(progress);
  if (options.wait === false) return progress;
  try {
    while (!progress.isCompleted && progress.status !== 'Completed') {
      await sleep(interval, options.signal);
      const polled = await poll();
      // The server no longer knows the task (it ended and was cleaned up): stop waiting instead of polling forever.
      progress = polled ?? { ...progress, isCompleted: true, status: 'Unknown' };
      options.onProgress?.(progress);
    }
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
