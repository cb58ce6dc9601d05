import type { Connection } from './connection.js';
import { missing } from './decode.js';
import type { AssignableType } from './enums.js';
import { PermissionDeniedError, ValidationError } from './errors.js';
import {
  addMember,
  checkUserExistsByEmail,
  deleteMember,
  getProfileByEmail,
  getProfileByUserId,
  getSelfProfile,
  inviteUsers,
  type RequestBody,
  removeUsers,
  resendUserInvites,
  searchUsersByQuery,
  updateMember,
  updateMemberCulture,
  updateUserStatus,
  updateUserType,
} from './operations.js';
import type { RequestOptions } from './options.js';
import { filterQuery, type PeopleFilter } from './people-filter.js';
import {
  type Contact,
  type Person,
  type PersonSummary,
  peopleOf,
  personOf,
  toPersonSummary,
} from './person.js';
import { PersonList } from './person-list.js';
import { deleteWithReassign } from './reassign.js';
import { request } from './request.js';
import {
  cancelTypeChange,
  type DowngradeOptions,
  runDowngrade,
  type TaskProgress,
  typeChangeProgress,
} from './type-change.js';
import {
  culture,
  email,
  guid,
  guidList,
  oneOf,
  optionalBoolean,
  optionalText,
  refuseKeys,
  requiredText,
  userSegment,
} from './validate.js';

// The people operations as standalone functions: import only the ones you call and a bundler leaves the rest
// out. `ds.people.*` delegates to these, so both forms behave the same. Each one sends a declared operation of
// operations.ts, so its parameters, body and payload are typed by the generated contract (see CONTRACT.md).

const TYPES = ['DocSpaceAdmin', 'RoomAdmin', 'User', 'Guest'] as const;

/** A new user for {@link peopleCreate} / `ds.people.create`. */
export interface CreatePersonInput {
  /** E-mail address (required by the server). */
  email: string;
  /** First name, up to 255 characters. */
  firstName?: string | undefined;
  /** Last name, up to 255 characters. */
  lastName?: string | undefined;
  /**
   * Type of the new user. The server refuses `Guest` without an invitation link, `RoomAdmin` unless the caller is
   * a DocSpace admin, `DocSpaceAdmin` unless the caller is the owner. Omitted: the server's default (RoomAdmin).
   */
  type?: AssignableType | undefined;
  /** Initial password. */
  password?: string | undefined;
  /** Ids (GUIDs) of the groups to add the user to. */
  department?: string[] | undefined;
  /** Location. */
  location?: string | undefined;
  /** Comment (notes). */
  comment?: string | undefined;
  /** Contacts. */
  contacts?: Contact[] | undefined;
  /** Avatar image URL. */
  files?: string | undefined;
  /** Culture code, e.g. `en-US`. */
  cultureName?: string | undefined;
  /** Whether tips and offers may be sent to the user. */
  spam?: boolean | undefined;
}

/**
 * Changes for {@link peopleUpdate} / `ds.people.update`. DocSpace applies names, contacts, location and files only when you edit
 * yourself; an admin editing someone else can change `disable` and `isUser` only. There is no type or role field:
 * use {@link peopleChangeType}.
 */
export interface UpdatePersonInput {
  /** First name, up to 255 characters. */
  firstName?: string | undefined;
  /** Last name, up to 255 characters. */
  lastName?: string | undefined;
  /** E-mail address. */
  email?: string | undefined;
  /** Location. */
  location?: string | undefined;
  /** Comment (notes). */
  comment?: string | undefined;
  /** Contacts (replace the current list). */
  contacts?: Contact[] | undefined;
  /** Group ids (GUIDs). */
  department?: string[] | undefined;
  /** Avatar image URL. */
  files?: string | undefined;
  /** Whether tips and offers may be sent to the user. */
  spam?: boolean | undefined;
  /** Disable (true) or enable (false) the user. */
  disable?: boolean | undefined;
  /** `true` makes the user a Guest. */
  isUser?: boolean | undefined;
}

/** One invitation for {@link peopleInvite} / `ds.people.invite`. */
export interface Invitation {
  /** E-mail address to invite. */
  email: string;
  /** Type the invited user gets. Default `User`. */
  type?: AssignableType | undefined;
}

/** Options of {@link peopleInvite} / `ds.people.invite`. */
export interface InviteOptions extends RequestOptions {
  /** Language of the invitation e-mails, e.g. `en-US`. */
  culture?: string | undefined;
}

/** Options of {@link peopleDelete} / `ds.people.delete`. */
export interface DeleteOptions extends RequestOptions {
  /** Terminate the users first (DocSpace deletes only Terminated users). Default false. */
  terminateFirst?: boolean | undefined;
  /**
   * The heir (GUID, an Active RoomAdmin or DocSpaceAdmin) who receives the users' rooms, files and third-party
   * storage: each user goes through the reassignment task with deleteProfile, one after another, and the call
   * resolves when their profiles are gone. Without it the data goes to you (see {@link peopleDelete}).
   */
  reassignTo?: string | undefined;
  /** With `reassignTo`: called with each progress report of each user's task. */
  onProgress?: ((progress: TaskProgress, id: string) => void) | undefined;
  /** With `reassignTo`: milliseconds between progress polls, at least 100. Default 1000. */
  pollIntervalMs?: number | undefined;
  /** With `reassignTo`: longest wait for each user's task, in milliseconds. Default one hour. */
  maxWaitMs?: number | undefined;
}

/**
 * Creates a user (POST /people; the server answers 200 with the new profile). Same as `ds.people.create`.
 * @example const person = await peopleCreate(connection, { email: 'john@example.com', firstName: 'John' });
 */
export async function peopleCreate(
  connection: Connection,
  input: CreatePersonInput,
  options?: RequestOptions,
): Promise<Person> {
  checkObject(input, 'input');
  const body: RequestBody<typeof addMember> = { email: email(input.email, 'input.email') };
  checkProfile(input, 'input', body);
  if (input.type !== undefined) body.type = oneOf(input.type, TYPES, 'input.type');
  if (input.password !== undefined) body.password = requiredText(input.password, 'input.password');
  if (input.cultureName !== undefined) body.cultureName = culture(input.cultureName, 'input.cultureName');
  return request(connection, addMember, { body }, options, personOf);
}

/**
 * Gets a user by id (GUID) or user name. Same as `ds.people.get`.
 * @example const person = await peopleGet(connection, '6f1c...');
 */
export async function peopleGet(
  connection: Connection,
  idOrUserName: string,
  options?: RequestOptions,
): Promise<Person> {
  const path = { userid: userSegment(idOrUserName, 'idOrUserName') };
  return request(connection, getProfileByUserId, { path }, options, personOf);
}

/**
 * Gets the profile of the authenticated user. Same as `ds.people.me`.
 * @example const me = await peopleMe(connection);
 */
export async function peopleMe(connection: Connection, options?: RequestOptions): Promise<Person> {
  return request(connection, getSelfProfile, {}, options, personOf);
}

/**
 * Gets a user by e-mail; throws {@link NotFoundError} when there is none. Same as `ds.people.getByEmail`.
 * @example const person = await peopleGetByEmail(connection, 'john@example.com');
 */
export async function peopleGetByEmail(
  connection: Connection,
  address: string,
  options?: RequestOptions,
): Promise<Person> {
  return request(connection, getProfileByEmail, { query: { email: email(address) } }, options, personOf);
}

/**
 * Tells whether a user with this e-mail exists. Same as `ds.people.exists`.
 * @example if (!(await peopleExists(connection, 'john@example.com'))) await peopleCreate(connection, { email: 'john@example.com' });
 */
export async function peopleExists(
  connection: Connection,
  address: string,
  options?: RequestOptions,
): Promise<boolean> {
  const query = { email: email(address) };
  return request(connection, checkUserExistsByEmail, { query }, options, ({ response }) =>
    response.exists === true ? true : response.exists === false ? false : missing('response.exists'),
  );
}

/**
 * Updates a profile (PUT /people/{id}). See {@link UpdatePersonInput} for what the server applies.
 * Same as `ds.people.update`.
 * @example await peopleUpdate(connection, me.id, { location: 'Riga' });
 */
export async function peopleUpdate(
  connection: Connection,
  id: string,
  patch: UpdatePersonInput,
  options?: RequestOptions,
): Promise<Person> {
  const path = { userid: userSegment(id) };
  checkObject(patch, 'patch');
  refuseKeys(
    patch,
    {
      role: 'DocSpace ignores a role field: use people.changeType(ids, type) or people.downgrade(id, type)',
      type: 'the update endpoint has no type field: use people.changeType(ids, type) or people.downgrade(id, type)',
    },
    'patch',
  );
  const body: RequestBody<typeof updateMember> = {};
  if (patch.email !== undefined) body.email = email(patch.email, 'patch.email');
  checkProfile(patch, 'patch', body);
  optionalBoolean(patch.disable, 'patch.disable');
  optionalBoolean(patch.isUser, 'patch.isUser');
  if (patch.disable !== undefined) body.disable = patch.disable;
  if (patch.isUser !== undefined) body.isUser = patch.isUser;
  if (Object.keys(body).length === 0)
    throw new ValidationError('patch', 'nonEmpty', 'give at least one field to change');
  return request(connection, updateMember, { path, body }, options, personOf);
}

/**
 * Lists people matching a filter: iterate the result with `for await` (auto-pagination, up to 100 per
 * request), or call `.page()` for one page with its total. Same as `ds.people.list`. A bad filter rejects the
 * first page (and the iteration) with a {@link ValidationError}, before anything is sent, like every other call.
 * @example for await (const person of peopleList(connection, { status: 'Active' })) console.log(person.email);
 */
export function peopleList(
  connection: Connection,
  filter: PeopleFilter = {},
  options?: RequestOptions,
): PersonList {
  // A bad filter rejects the first page (and iteration) with its ValidationError, before anything is sent: the
  // way every other call reports bad input (their promise rejects), not a throw from list() itself.
  try {
    const { query, pageSize } = filterQuery(filter);
    return new PersonList(connection, query, pageSize, options);
  } catch (error) {
    return new PersonList(connection, {}, 0, options, error);
  }
}

/**
 * Searches people by name or e-mail (GET /people/search); returns the short form ({@link PersonSummary}).
 * Same as `ds.people.search`.
 * @example const found = await peopleSearch(connection, 'john');
 */
export async function peopleSearch(
  connection: Connection,
  query: string,
  options?: RequestOptions,
): Promise<PersonSummary[]> {
  const q = { query: requiredText(query, 'query', 255) };
  return request(connection, searchUsersByQuery, { query: q }, options, ({ response }) =>
    response.map(toPersonSummary),
  );
}

/**
 * Terminates (disables) users; they keep their data and can be reactivated or deleted. Same as
 * `ds.people.terminate`.
 * @example await peopleTerminate(connection, [id1, id2]);
 */
export async function peopleTerminate(
  connection: Connection,
  ids: string | readonly string[],
  options?: RequestOptions,
): Promise<Person[]> {
  return setStatus(connection, 'Terminated', ids, options);
}

/**
 * Reactivates terminated users. Same as `ds.people.reactivate`.
 * @example await peopleReactivate(connection, id);
 */
export async function peopleReactivate(
  connection: Connection,
  ids: string | readonly string[],
  options?: RequestOptions,
): Promise<Person[]> {
  return setStatus(connection, 'Active', ids, options);
}

/**
 * Deletes users for good. DocSpace deletes only Terminated users: terminate them first, or pass
 * `{ terminateFirst: true }`.
 *
 * With `{ reassignTo: heirId }` the users' rooms, shared files and third-party storage go to the heir through the
 * server's reassignment task (the SDK first checks the server's rules: see {@link peopleReassign}); the task then
 * deletes the rest of their personal documents and Trash and the profile, and the call resolves once each profile
 * is gone. Users are handled one after another: if one fails, the call rejects and the users before it are deleted.
 *
 * Without `reassignTo` (DELETE /people/{id}, or PUT /people/delete for several) the server deletes the profile, its
 * photo and every share naming the user at once, then in the background hands to **you, the caller**: the rooms
 * they created, their third-party storage and the shared files of their My documents (into "Documents of user ..."
 * in your My documents); files they created inside rooms go to the room's owner. **Everything else in their My
 * documents and Trash is deleted permanently.** Same as `ds.people.delete`.
 * @example await peopleDelete(connection, id, { terminateFirst: true, reassignTo: heirId });
 */
export async function peopleDelete(
  connection: Connection,
  ids: string | readonly string[],
  options?: DeleteOptions,
): Promise<Person[]> {
  const list = guidList(ids);
  if (options?.reassignTo !== undefined) {
    const field = (i: number) => (Array.isArray(ids) ? `ids[${i}]` : 'ids');
    const reassign = { ...options, reassignTo: options.reassignTo };
    return deleteWithReassign(connection, list, reassign, field, (people) =>
      peopleTerminate(connection, people, options),
    );
  }
  if (options?.terminateFirst) await peopleTerminate(connection, list, options);
  try {
    if (list.length === 1) {
      const path = { userid: list[0] as string };
      return await request(connection, deleteMember, { path }, options, (envelope) => [personOf(envelope)]);
    }
    return await request(connection, removeUsers, { body: { userIds: list } }, options, peopleOf);
  } catch (error) {
    if (error instanceof PermissionDeniedError && !options?.terminateFirst) {
      throw new PermissionDeniedError(
        error,
        `${error.message}. DocSpace deletes only Terminated users: terminate them first (people.terminate(ids)) or call people.delete(ids, { terminateFirst: true })`,
      );
    }
    throw error;
  }
}

/**
 * Changes users' type with the real endpoint (PUT /people/type/{type}). Only the owner may make a DocSpaceAdmin;
 * the owner, yourself and Terminated users cannot be changed (403). Same as `ds.people.changeType`.
 * @example await peopleChangeType(connection, [id], 'RoomAdmin');
 */
export async function peopleChangeType(
  connection: Connection,
  ids: string | readonly string[],
  type: AssignableType,
  options?: RequestOptions,
): Promise<Person[]> {
  const body: RequestBody<typeof updateUserType> = { userIds: guidList(ids) };
  const path = { type: oneOf(type, TYPES, 'type') };
  return request(connection, updateUserType, { path, body }, options, peopleOf);
}

/**
 * Downgrades a user to User or Guest, reassigning their data (the server's asynchronous type-change task); by
 * default waits for the task to finish, reporting progress. Same as `ds.people.downgrade`.
 * @example await peopleDowngrade(connection, id, 'Guest', { reassignTo: adminId });
 */
export async function peopleDowngrade(
  connection: Connection,
  id: string,
  type: 'User' | 'Guest',
  options: DowngradeOptions = {},
): Promise<TaskProgress> {
  return runDowngrade(connection, id, type, options);
}

/**
 * Reads the progress of this user's downgrade task (GET /people/type/progress/{userid}), e.g. after
 * `peopleDowngrade(..., { wait: false })`. Undefined when the server has no task for the user (none was started,
 * or it ended and was cleaned up). Same as `ds.people.peopleDowngradeProgress`.
 * @example const progress = await peopleDowngradeProgress(connection, id);
 */
export async function peopleDowngradeProgress(
  connection: Connection,
  id: string,
  options?: RequestOptions,
): Promise<TaskProgress | undefined> {
  return typeChangeProgress(connection, id, options);
}

/**
 * Cancels a running downgrade task of this user (PUT /people/type/terminate). Same as
 * `ds.people.peopleCancelDowngrade`.
 * @example await peopleCancelDowngrade(connection, id);
 */
export async function peopleCancelDowngrade(
  connection: Connection,
  id: string,
  options?: RequestOptions,
): Promise<TaskProgress | undefined> {
  return cancelTypeChange(connection, id, options);
}

/**
 * Invites people by e-mail (POST /people/invite); returns the invited users in short form. Same as
 * `ds.people.invite`.
 * @example await peopleInvite(connection, [{ email: 'ann@example.com', type: 'Guest' }], { culture: 'en-US' });
 */
export async function peopleInvite(
  connection: Connection,
  invitations: Invitation | readonly Invitation[],
  options?: InviteOptions,
): Promise<PersonSummary[]> {
  const list = Array.isArray(invitations) ? invitations : [invitations as Invitation];
  if (list.length === 0) throw new ValidationError('invitations', 'nonEmpty', 'give at least one invitation');
  const body: RequestBody<typeof inviteUsers> = {
    invitations: list.map((invitation: Invitation, i) => {
      const field = Array.isArray(invitations) ? `invitations[${i}]` : 'invitation';
      checkObject(invitation, field);
      return {
        email: email(invitation.email, `${field}.email`),
        type: invitation.type === undefined ? 'User' : oneOf(invitation.type, TYPES, `${field}.type`),
      };
    }),
  };
  if (options?.culture !== undefined) body.culture = culture(options.culture, 'options.culture');
  return request(connection, inviteUsers, { body }, options, ({ response }) => response.map(toPersonSummary));
}

/**
 * Sends the invitation e-mails again (PUT /people/invite). Never resent automatically after a connection
 * failure: it sends e-mails, and the server allows 5 of these calls per 15 minutes. Same as
 * `ds.people.peopleResendInvites`.
 * @example await peopleResendInvites(connection, pendingIds);
 */
export async function peopleResendInvites(
  connection: Connection,
  ids: string | readonly string[],
  options?: RequestOptions,
): Promise<Person[]> {
  const body: RequestBody<typeof resendUserInvites> = { userIds: guidList(ids), resendAll: false };
  return request(connection, resendUserInvites, { body, idempotent: false }, options, peopleOf);
}

/**
 * Sets a user's language and formats (PUT /people/{id}/culture). Same as `ds.people.setCulture`.
 * @example await peopleSetCulture(connection, me.id, 'de-DE');
 */
export async function peopleSetCulture(
  connection: Connection,
  id: string,
  cultureName: string,
  options?: RequestOptions,
): Promise<Person> {
  const path = { userid: userSegment(id) };
  const body: RequestBody<typeof updateMemberCulture> = { cultureName: culture(cultureName, 'culture') };
  return request(connection, updateMemberCulture, { path, body }, options, personOf);
}

function setStatus(
  connection: Connection,
  status: 'Active' | 'Terminated',
  ids: string | readonly string[],
  options?: RequestOptions,
): Promise<Person[]> {
  const body: RequestBody<typeof updateUserStatus> = { userIds: guidList(ids), resendAll: false };
  return request(connection, updateUserStatus, { path: { status }, body }, options, peopleOf);
}

function checkObject(value: unknown, field: string): void {
  if (value === null || typeof value !== 'object')
    throw new ValidationError(field, 'object', 'must be an object');
}

/** Profile fields that create (MemberRequestDto) and update (UpdateMemberRequestDto) share. */
type ProfileKey =
  | 'firstName'
  | 'lastName'
  | 'location'
  | 'comment'
  | 'files'
  | 'department'
  | 'contacts'
  | 'spam';
type Profile = Pick<RequestBody<typeof addMember>, ProfileKey> &
  Pick<RequestBody<typeof updateMember>, ProfileKey>;

/** Checks the profile fields shared by create and update and copies the known ones into `body`. */
function checkProfile(input: CreatePersonInput | UpdatePersonInput, prefix: string, body: Profile): void {
  for (const key of ['firstName', 'lastName'] as const) {
    if (input[key] !== undefined) body[key] = requiredText(input[key], `${prefix}.${key}`, 255);
  }
  for (const key of ['location', 'comment'] as const) {
    if (input[key] !== undefined) {
      optionalText(input[key], `${prefix}.${key}`, 1000);
      body[key] = input[key];
    }
  }
  if (input.files !== undefined) {
    optionalText(input.files, `${prefix}.files`, 2048);
    body.files = input.files;
  }
  if (input.department !== undefined) {
    if (!Array.isArray(input.department))
      throw new ValidationError(`${prefix}.department`, 'array', 'must be an array of GUIDs');
    body.department = input.department.map((id, i) => guid(id, `${prefix}.department[${i}]`));
  }
  if (input.contacts !== undefined) {
    if (!Array.isArray(input.contacts))
      throw new ValidationError(`${prefix}.contacts`, 'array', 'must be an array');
    body.contacts = input.contacts.map((contact, i) => ({
      type: requiredText(contact?.type, `${prefix}.contacts[${i}].type`, 255),
      value: requiredText(contact?.value, `${prefix}.contacts[${i}].value`, 255),
    }));
  }
  if (input.spam !== undefined) {
    optionalBoolean(input.spam, `${prefix}.spam`);
    body.spam = input.spam;
  }
}

// ---- Deprecated names (kept for one minor release; the rule now: `ds.people.get` is `peopleGet`) ----

/** @deprecated Renamed {@link peopleCreate} (`ds.people.create`); this alias is removed in the next minor release. */
export const createPerson: typeof peopleCreate = peopleCreate;
/** @deprecated Renamed {@link peopleGetByEmail} (`ds.people.getByEmail`); this alias is removed in the next minor release. */
export const getPersonByEmail: typeof peopleGetByEmail = peopleGetByEmail;
/** @deprecated Renamed {@link peopleGet} (`ds.people.get`); this alias is removed in the next minor release. */
export const getPerson: typeof peopleGet = peopleGet;
/** @deprecated Renamed {@link peopleMe} (`ds.people.me`); this alias is removed in the next minor release. */
export const getMe: typeof peopleMe = peopleMe;
/** @deprecated Renamed {@link peopleExists} (`ds.people.exists`); this alias is removed in the next minor release. */
export const personExists: typeof peopleExists = peopleExists;
/** @deprecated Renamed {@link peopleUpdate} (`ds.people.update`); this alias is removed in the next minor release. */
export const updatePerson: typeof peopleUpdate = peopleUpdate;
/** @deprecated Renamed {@link peopleList} (`ds.people.list`); this alias is removed in the next minor release. */
export const listPeople: typeof peopleList = peopleList;
/** @deprecated Renamed {@link peopleSearch} (`ds.people.search`); this alias is removed in the next minor release. */
export const searchPeople: typeof peopleSearch = peopleSearch;
/** @deprecated Renamed {@link peopleTerminate} (`ds.people.terminate`); this alias is removed in the next minor release. */
export const terminatePeople: typeof peopleTerminate = peopleTerminate;
/** @deprecated Renamed {@link peopleReactivate} (`ds.people.reactivate`); this alias is removed in the next minor release. */
export const reactivatePeople: typeof peopleReactivate = peopleReactivate;
/** @deprecated Renamed {@link peopleDelete} (`ds.people.delete`); this alias is removed in the next minor release. */
export const deletePeople: typeof peopleDelete = peopleDelete;
/** @deprecated Renamed {@link peopleChangeType} (`ds.people.changeType`); this alias is removed in the next minor release. */
export const changePeopleType: typeof peopleChangeType = peopleChangeType;
/** @deprecated Renamed {@link peopleDowngrade} (`ds.people.downgrade`); this alias is removed in the next minor release. */
export const downgradePerson: typeof peopleDowngrade = peopleDowngrade;
/** @deprecated Renamed {@link peopleDowngradeProgress} (`ds.people.downgradeProgress`); this alias is removed in the next minor release. */
export const downgradeProgress: typeof peopleDowngradeProgress = peopleDowngradeProgress;
/** @deprecated Renamed {@link peopleCancelDowngrade} (`ds.people.cancelDowngrade`); this alias is removed in the next minor release. */
export const cancelDowngrade: typeof peopleCancelDowngrade = peopleCancelDowngrade;
/** @deprecated Renamed {@link peopleInvite} (`ds.people.invite`); this alias is removed in the next minor release. */
export const invitePeople: typeof peopleInvite = peopleInvite;
/** @deprecated Renamed {@link peopleResendInvites} (`ds.people.resendInvites`); this alias is removed in the next minor release. */
export const resendInvites: typeof peopleResendInvites = peopleResendInvites;
/** @deprecated Renamed {@link peopleSetCulture} (`ds.people.setCulture`); this alias is removed in the next minor release. */
export const setPersonCulture: typeof peopleSetCulture = peopleSetCulture;
