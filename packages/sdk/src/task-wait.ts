import { type TaskProgress, TaskTimeoutError } from './errors.js';
import { sleep } from './transport.js';
import { integer } from './validate.js';

/**
 * @internal Waiting for a server task (downgrade with data reassignment, ...): poll its progress until it reaches a
 * terminal status, never faster than {@link MIN_POLL_INTERVAL_MS}, never longer than the maximum wait.
 */

/** Shortest interval between progress polls: smaller `pollIntervalMs` values are refused. */
const MIN_POLL_INTERVAL_MS = 100;
/** Default interval between progress polls. */
const DEFAULT_POLL_INTERVAL_MS = 1000;
/** Default longest wait for a task: one hour. */
const DEFAULT_MAX_TASK_WAIT_MS = 3_600_000;

/** Options every task wait understands. */
export interface TaskWaitOptions {
  /** Milliseconds between progress polls, at least 100. Default 1000. */
  pollIntervalMs?: number | undefined;
  /**
   * Longest time to wait for the task to end, in milliseconds from the start. Past it the wait stops with a
   * {@link TaskTimeoutError} (the task itself goes on unless canceled). Default 3600000 (one hour).
   */
  maxWaitMs?: number | undefined;
  /** Stops waiting; the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Called with each progress report while waiting. */
  onProgress?: ((progress: TaskProgress) => void) | undefined;
}

/** True once a task has stopped: reported completed, or a terminal status even with `isCompleted: false`. */
function isTerminal(progress: TaskProgress): boolean {
  return (
    progress.isCompleted ||
    progress.status === 'Completed' ||
    progress.status === 'Failed' ||
    progress.status === 'Canceled'
  );
}

/** @internal Checks the wait options before anything is sent; returns the interval and the maximum wait. */
export function waitLimits(options: TaskWaitOptions): { intervalMs: number; maxWaitMs: number } {
  const intervalMs =
    options.pollIntervalMs === undefined
      ? DEFAULT_POLL_INTERVAL_MS
      : integer(options.pollIntervalMs, 'options.pollIntervalMs', MIN_POLL_INTERVAL_MS);
  const maxWaitMs =
    options.maxWaitMs === undefined
      ? DEFAULT_MAX_TASK_WAIT_MS
      : integer(options.maxWaitMs, 'options.maxWaitMs', 1);
  return { intervalMs, maxWaitMs };
}

/**
 * @internal Polls until the task is terminal, or `poll` reports it gone (`undefined`: the task ended and the
 * server forgot it; the last report is returned with `isCompleted: true`, status `Unknown`).
 */
export async function waitForTask(
  first: TaskProgress,
  poll: () => Promise<TaskProgress | undefined>,
  options: TaskWaitOptions,
  limits: { intervalMs: number; maxWaitMs: number },
): Promise<TaskProgress> {
  const deadline = Date.now() + limits.maxWaitMs;
  let progress = first;
  while (!isTerminal(progress)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new TaskTimeoutError(progress, limits.maxWaitMs);
    await sleep(Math.min(limits.intervalMs, left), options.signal);
    const polled = await poll();
    progress = polled ?? { ...progress, isCompleted: true, status: 'Unknown' };
    options.onProgress?.(progress);
  }
  return progress;
}
