import type { Connection } from './connection.js';
import { NotFoundError, TaskFailedError, type TaskProgress, ValidationError } from './errors.js';
import {
  getProfileByUserId,
  getReassignProgress,
  getSelfProfile,
  necessaryReassign,
  startReassign,
  terminateReassign,
} from './operations.js';
import type { RequestOptions } from './options.js';
import type { DeleteOptions } from './people-functions.js';
import { type Person, personOf } from './person.js';
import { request } from './request.js';
import { finishTask, optionalProgressOf, progressOf, type TaskOptions } from './task.js';
import { waitLimits } from './task-wait.js';
import { guid, oneOf, optionalBoolean } from './validate.js';

// The data reassignment task (POST /people/reassign/start): a Terminated user's rooms, shared files and
// third-party storage go to an heir; with deleteProfile the rest of their documents and the profile are deleted.

/** Options of {@link peopleReassign} / `ds.people.reassign`. */
export interface ReassignOptions extends TaskOptions {
  /**
   * After moving the data, permanently delete the rest of the user's personal documents and Trash, then the
   * profile. Default false: the user stays Terminated with their personal documents.
   */
  deleteProfile?: boolean | undefined;
}

/**
 * Hands a Terminated user's data to an heir with the server's reassignment task, by default waiting for it
 * (progress like `downgrade`; a failed or canceled task throws {@link TaskFailedError} with the server's message).
 * What moves: the user's rooms (every type) and the folders and files they created anywhere outside their personal
 * documents; shared files of their My documents (into "Documents of user ..." in the heir's My documents); their
 * third-party storage accounts. Before sending, the SDK checks the server's rules and throws a
 * {@link ValidationError}: the user must be Terminated, not the owner and not you (a DocSpaceAdmin only by the
 * owner); the heir must be an Active RoomAdmin or DocSpaceAdmin (or the owner); no reassignment of this user may be
 * running (the server would answer with that task and ignore the new heir). Same as `ds.people.reassign`.
 * @example await peopleReassign(connection, leaverId, heirId, { onProgress: (p) => console.log(p.percentage) });
 */
export async function peopleReassign(
  connection: Connection,
  fromId: string,
  toId: string,
  options: ReassignOptions = {},
): Promise<TaskProgress> {
  const from = guid(fromId, 'fromId');
  const to = guid(toId, 'toId');
  optionalBoolean(options.deleteProfile, 'options.deleteProfile');
  const limits = waitLimits(options);
  await checkReassign(connection, [from], to, options, { from: () => 'fromId', to: 'toId' });
  return runReassign(connection, from, to, options.deleteProfile === true, limits, options);
}

/**
 * The progress of a user's reassignment task (GET /people/reassign/progress/{userid}), or undefined when the server
 * has no task for them (none was started, or it ended and was cleaned up about a minute later). Same as
 * `ds.people.reassignProgress`.
 * @example const progress = await peopleReassignProgress(connection, leaverId);
 */
export async function peopleReassignProgress(
  connection: Connection,
  fromId: string,
  options?: RequestOptions,
): Promise<TaskProgress | undefined> {
  const path = { userid: guid(fromId, 'fromId') };
  return request(connection, getReassignProgress, { path }, options, optionalProgressOf);
}

/**
 * Cancels a user's reassignment task (PUT /people/reassign/terminate) and returns its last progress (status
 * `Canceled`), or undefined when there was none. Steps already done are not undone. Same as
 * `ds.people.cancelReassign`.
 * @example await peopleCancelReassign(connection, leaverId);
 */
export async function peopleCancelReassign(
  connection: Connection,
  fromId: string,
  options?: RequestOptions,
): Promise<TaskProgress | undefined> {
  const body = { userId: guid(fromId, 'fromId') };
  return request(connection, terminateReassign, { body }, options, optionalProgressOf);
}

/**
 * Whether the user has data to hand over before deleting them or changing their type
 * (GET /people/reassign/necessary): true when they own a room you can see, and for `type: 'Guest'` also when they
 * shared files from their personal documents. Same as `ds.people.needsReassign`.
 * @example if (await peopleNeedsReassign(connection, id)) await peopleReassign(connection, id, heirId);
 */
export async function peopleNeedsReassign(
  connection: Connection,
  id: string,
  type?: 'DocSpaceAdmin' | 'RoomAdmin' | 'User' | 'Guest',
  options?: RequestOptions,
): Promise<boolean> {
  const query: { userId: string; type?: 'DocSpaceAdmin' | 'RoomAdmin' | 'User' | 'Guest' } = {
    userId: guid(id, 'id'),
  };
  if (type !== undefined) query.type = oneOf(type, ['DocSpaceAdmin', 'RoomAdmin', 'User', 'Guest'], 'type');
  return request(connection, necessaryReassign, { query }, options, ({ response }) => response);
}

/** How the checks name the fields of the call that uses them. */
interface Fields {
  from: (index: number) => string;
  to: string;
}

/**
 * @internal Checks the server's reassignment rules for each user and the heir (reading the profiles, yourself and
 * any running task) and returns the users' profiles. Throws a {@link ValidationError} naming the field.
 */
export async function checkReassign(
  connection: Connection,
  fromIds: readonly string[],
  toId: string,
  options: RequestOptions | undefined,
  fields: Fields,
  terminatedLater = false,
): Promise<Person[]> {
  if (fromIds.some((id) => id.toLowerCase() === toId.toLowerCase()))
    throw new ValidationError(fields.to, 'notSameUser', 'must differ from the user whose data moves');
  const get = (userid: string) =>
    request(connection, getProfileByUserId, { path: { userid } }, options, personOf);
  // One request after another: a failure stops the checks early, and the order is the same on every call.
  const people: Person[] = [];
  for (const id of fromIds) people.push(await get(id));
  const heir = await get(toId);
  const me = await request(connection, getSelfProfile, {}, options, personOf);
  if (heir.status !== 'Active' || !['Owner', 'DocSpaceAdmin', 'RoomAdmin'].includes(heir.type)) {
    throw new ValidationError(
      fields.to,
      'activeAdmin',
      `is a ${heir.type} (${heir.status}): the heir must be an Active RoomAdmin or DocSpaceAdmin`,
    );
  }
  people.forEach((person, i) => {
    const field = fields.from(i);
    const rule = (name: string, why: string) => new ValidationError(field, name, why);
    if (person.isOwner) throw rule('notOwner', 'is the portal owner, whose data cannot be reassigned');
    if (person.id.toLowerCase() === me.id.toLowerCase())
      throw rule('notCaller', 'is you: the server refuses to reassign your own data');
    if (person.status !== 'Terminated' && !terminatedLater)
      throw rule(
        'terminated',
        `is ${person.status}: DocSpace reassigns and deletes only Terminated users (terminate them first)`,
      );
    if (person.type === 'DocSpaceAdmin' && !me.isOwner)
      throw rule('ownerOnly', "is a DocSpaceAdmin: only the owner may reassign an admin's data");
  });
  for (const [i, person] of people.entries()) {
    const task = await peopleReassignProgress(connection, person.id, options);
    if (task !== undefined && !task.isCompleted)
      throw new ValidationError(
        fields.from(i),
        'noRunningTask',
        `has a reassignment running (${task.percentage}%): the server would ignore the new request; wait for it or cancel it`,
      );
  }
  return people;
}

/** @internal Starts the task and, unless `wait: false`, waits for it. */
export async function runReassign(
  connection: Connection,
  fromUserId: string,
  toUserId: string,
  deleteProfile: boolean,
  limits: { intervalMs: number; maxWaitMs: number },
  options: TaskOptions,
): Promise<TaskProgress> {
  const body = { fromUserId, toUserId, deleteProfile };
  const first = await request(connection, startReassign, { body }, options, progressOf);
  return finishTask(
    first,
    limits,
    () => peopleReassignProgress(connection, fromUserId, options),
    () => peopleCancelReassign(connection, fromUserId, {}),
    options,
  );
}

/** What {@link deleteWithReassign} needs besides the ids: `peopleDelete`'s options with the heir set. */
export type DeleteReassignOptions = DeleteOptions & { reassignTo: string };

/**
 * @internal `peopleDelete(ids, { reassignTo })`: checks every user and the heir first, terminates them when asked,
 * then, one user after another, runs the reassignment task with deleteProfile and confirms the profile is gone.
 * Resolves with the profiles as they were before.
 */
export async function deleteWithReassign(
  connection: Connection,
  ids: readonly string[],
  options: DeleteReassignOptions,
  field: (index: number) => string,
  terminate: (ids: string[]) => Promise<unknown>,
): Promise<Person[]> {
  const heir = guid(options.reassignTo, 'options.reassignTo');
  const { onProgress, ...rest } = options;
  const limits = waitLimits(rest);
  const fields = { from: field, to: 'options.reassignTo' };
  const later = options.terminateFirst === true;
  const people = await checkReassign(connection, ids, heir, options, fields, later);
  if (later) await terminate(people.map((person) => person.id));
  for (const person of people) {
    const taskOptions: TaskOptions = { ...rest };
    if (onProgress) taskOptions.onProgress = (progress) => onProgress(progress, person.id);
    const done = await runReassign(connection, person.id, heir, true, limits, taskOptions);
    const still = await request(
      connection,
      getProfileByUserId,
      { path: { userid: person.id } },
      options,
      () => true,
    ).catch((error: unknown) => {
      if (error instanceof NotFoundError) return false;
      throw error;
    });
    if (still)
      throw new TaskFailedError({
        ...done,
        error: `the reassignment of ${person.id} finished but the profile is still there`,
      });
  }
  return people;
}
