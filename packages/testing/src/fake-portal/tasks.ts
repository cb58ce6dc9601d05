import { taskStatuses } from './enums.js';

/** The percentages the server's reassignment task reports, step by step (ReassignProgressItem). */
export const reassignSteps = [5, 20, 30, 50, 70, 90, 95, 100] as const;
/** The percentages the server's remove task reports, step by step (RemoveProgressItem). */
export const removeSteps = [5, 10, 30, 45, 50, 60, 70, 95, 100] as const;

/** A background data task (reassignment or removal) of the fake portal. */
export interface DataTask {
  /** `reassign` (POST /people/reassign/start) or `remove` (DELETE /people/{id}, PUT /people/delete, POST /people/remove/start). */
  kind: 'reassign' | 'remove';
  /** The server's task id, `1_<userId>_ReassignProgressItem` or `..._RemoveProgressItem`. */
  id: string;
  /** Whose data moves. */
  fromUserId: string;
  /** Display name of that user (kept for messages once the profile is gone). */
  fromName: string;
  /** Who receives the rooms (the heir, or the caller for a removal). */
  toUserId: string;
  /** Who started it. */
  callerId: string;
  /** Delete the profile at the end (reassign with deleteProfile, or POST /people/remove/start). */
  deleteProfile: boolean;
  /** When it started (ms since epoch). */
  startedAt: number;
  /** Steps done so far (0 = queued). */
  stepsDone: number;
  /** Status: Created, Running, Completed, Canceled or Failed. */
  status: keyof typeof taskStatuses;
  /** The failure message (status Failed). */
  error?: string;
  /** When the task last changed (finished tasks vanish `finishedTaskTtlMs` after it). */
  updatedAt: number;
  /** True once PUT /people/remove/terminate dropped its progress entry (the job keeps running, as on the server). */
  hidden: boolean;
}

/** The steps of a task's kind. */
export const stepsOf = (task: DataTask): readonly number[] =>
  task.kind === 'reassign' ? reassignSteps : removeSteps;

/** True once a task has ended (Completed, Canceled or Failed); false while it is Created or Running. */
export const isFinished = (task: DataTask): boolean =>
  task.status === 'Completed' || task.status === 'Canceled' || task.status === 'Failed';

/** TaskProgressResponseDto of a data task. */
export function taskProgress(task: DataTask): Record<string, unknown> {
  const steps = stepsOf(task);
  const dto: Record<string, unknown> = {
    id: task.id,
    percentage: task.stepsDone === 0 ? 0 : (steps[task.stepsDone - 1] ?? 100),
    isCompleted: isFinished(task),
    status: taskStatuses[task.status],
  };
  if (task.error !== undefined) dto.error = task.error;
  return dto;
}
