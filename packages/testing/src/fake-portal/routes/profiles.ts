import { type EmployeeTypeName, employeeStatuses, employeeTypes, parseEnum } from '../enums.js';
import { success } from '../envelope.js';
import { accessDenied, badArgument, PortalError, userNotFound } from '../errors.js';
import type { RouteContext, RouteDefinition } from '../router.js';
import type { FakeContact, FakeUser } from '../user-record.js';
import {
  bodyObject,
  isEmail,
  requireOwner,
  requireType,
  setStatus,
  stringField,
  targetUser,
  usersOf,
  Validator,
} from './helpers.js';
import { checkNoReassign, startDataTask } from './user-data.js';

const base = '/api/2.0/people';

/** The message the server gives for a taken e-mail (a plain Exception, so HTTP 500). */
export const duplicateEmailMessage = 'User with this email is already registered';

/**
 * Who may create a person of a type: DocSpaceAdmin needs the owner, RoomAdmin a DocSpaceAdmin, User a RoomAdmin;
 * Guest is refused without an invitation link (403).
 */
export function checkCreatePermission(caller: FakeUser, type: EmployeeTypeName, viaInvite: boolean): void {
  if (type === 'DocSpaceAdmin') requireOwner(caller);
  else if (type === 'RoomAdmin') requireType(caller, 'DocSpaceAdmin');
  else if (type === 'User') requireType(caller, 'RoomAdmin');
  else if (!viaInvite) {
    throw new PortalError(
      403,
      'The invitation link is invalid or its validity has expired',
      'System.Security.SecurityException',
    );
  } else requireType(caller, 'RoomAdmin');
}

function contactsOf(value: unknown): FakeContact[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((c): c is { type?: unknown; value?: unknown } => !!c && typeof c === 'object')
    .map((c) => ({ type: String(c.type ?? ''), value: String(c.value ?? '') }));
}

function addMember(ctx: RouteContext) {
  const body = bodyObject(ctx);
  const email = stringField(body, 'email');
  // The server parses the e-mail unconditionally: a missing one is an argument error, a malformed one a model error.
  if (email === undefined || email.trim() === '')
    throw badArgument("Value cannot be null. (Parameter 'email')");
  const check = new Validator();
  if (!isEmail(email) || email.length > 255)
    check.add('Email', 'The Email field is not a valid e-mail address.');
  check.maxLength('FirstName', body.firstName, 255);
  check.maxLength('LastName', body.lastName, 255);
  check.throwIfAny();
  const parsed =
    body.type === undefined || body.type === null ? 'RoomAdmin' : parseEnum(employeeTypes, body.type);
  if (parsed === undefined || parsed === 'All') throw badArgument('Incorrect user type');
  checkCreatePermission(ctx.caller, parsed, false);
  const store = ctx.state.store;
  if (store.findByEmail(email)) throw new PortalError(500, duplicateEmailMessage, 'System.Exception');
  const user = store.add(
    {
      email: email.trim(),
      firstName: stringField(body, 'firstName') ?? '',
      lastName: stringField(body, 'lastName') ?? '',
      type: parsed,
      ...optional('password', stringField(body, 'password')),
      ...optional('location', stringField(body, 'location')),
      ...optional('cultureName', stringField(body, 'cultureName')),
      ...optional('contacts', contactsOf(body.contacts)),
    },
    ctx.caller.id,
  );
  const comment = stringField(body, 'comment');
  if (comment !== undefined) user.notes = comment;
  const files = stringField(body, 'files');
  if (files?.startsWith('https://')) user.photo = { original: files, source: 'url' };
  joinDepartments(ctx, user, body.department);
  return success(ctx.state.full(user), ctx.link);
}

/**
 * `department` of a create: the new user joins those groups (UpdateDepartmentsAsync). Unknown ids are skipped, and a
 * Guest never becomes a member (as ValidateUserAsync rules).
 */
function joinDepartments(ctx: RouteContext, user: FakeUser, department: unknown): void {
  if (!Array.isArray(department) || user.type === 'Guest') return;
  for (const raw of department) {
    const group = typeof raw === 'string' ? ctx.state.groups.get(raw.toLowerCase()) : undefined;
    if (group && !group.memberIds.includes(user.id)) group.memberIds.push(user.id);
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function updateMember(ctx: RouteContext) {
  const user = targetUser(ctx);
  const body = bodyObject(ctx);
  const check = new Validator();
  check.maxLength('FirstName', body.firstName, 255);
  check.maxLength('LastName', body.lastName, 255);
  check.throwIfAny();
  if (user.id !== ctx.caller.id) {
    // An admin editing someone else: only `disable` and `isUser` apply; everything else is ignored.
    requireType(ctx.caller, 'DocSpaceAdmin');
    if (user.isOwner || (user.type === 'DocSpaceAdmin' && !ctx.caller.isOwner)) throw accessDenied();
    if (body.disable === true) setStatus(user, 'Terminated');
    if (body.disable === false) setStatus(user, 'Active');
    if (body.isUser === true) user.type = 'Guest';
    return success(ctx.state.full(user), ctx.link);
  }
  const firstName = stringField(body, 'firstName');
  const lastName = stringField(body, 'lastName');
  const location = stringField(body, 'location');
  const comment = stringField(body, 'comment');
  const contacts = contactsOf(body.contacts);
  const files = stringField(body, 'files');
  if (firstName !== undefined) user.firstName = firstName;
  if (lastName !== undefined) user.lastName = lastName;
  if (location !== undefined) user.location = location;
  if (comment !== undefined) user.notes = comment;
  if (contacts !== undefined) user.contacts = contacts;
  if (files?.startsWith('https://')) user.photo = { original: files, source: 'url' };
  return success(ctx.state.full(user), ctx.link);
}

function checkDeletable(caller: FakeUser, user: FakeUser, bulk = false): void {
  if (user.id === caller.id || user.isOwner) throw accessDenied();
  if (user.type === 'DocSpaceAdmin' && !caller.isOwner) throw accessDenied();
  if (user.status !== 'Terminated') {
    throw new PortalError(
      403,
      bulk ? 'Users are not suspended' : 'The user is not suspended',
      'System.InvalidOperationException',
    );
  }
}

/**
 * Deletes the profile now and starts the remove task in the background (GET /people/remove/progress/{userid}): the
 * rooms the user created go to the CALLER a few task steps later.
 */
function deleteAndStartRemoval(ctx: RouteContext, user: FakeUser): void {
  startDataTask(ctx, 'remove', user, ctx.caller.id, false);
  ctx.state.forgetUser(user);
}

function deleteMember(ctx: RouteContext) {
  requireType(ctx.caller, 'DocSpaceAdmin');
  const user = targetUser(ctx);
  checkDeletable(ctx.caller, user);
  checkNoReassign(ctx, user);
  const dto = ctx.state.full(user);
  deleteAndStartRemoval(ctx, user);
  return success(dto, ctx.link);
}

function removeUsers(ctx: RouteContext) {
  requireType(ctx.caller, 'DocSpaceAdmin');
  const users = usersOf(ctx);
  for (const user of users) checkNoReassign(ctx, user);
  for (const user of users) checkDeletable(ctx.caller, user, true);
  const dtos = users.map((user) => ctx.state.full(user));
  for (const user of users) deleteAndStartRemoval(ctx, user);
  return success(dtos, ctx.link);
}

function emailQuery(ctx: RouteContext): string {
  const email = ctx.query.get('email')?.trim();
  if (!email) throw badArgument('Incorrect email');
  return email;
}

function updateCulture(ctx: RouteContext) {
  const user = targetUser(ctx);
  if (user.id !== ctx.caller.id) requireType(ctx.caller, 'DocSpaceAdmin');
  const culture = stringField(bodyObject(ctx), 'cultureName');
  if (!culture) throw badArgument('Incorrect culture');
  user.cultureName = culture;
  return success(ctx.state.full(user), ctx.link);
}

/** Profiles: create, read, update, delete. */
export const profileRoutes: RouteDefinition[] = [
  { method: 'POST', path: base, operationId: 'addMember', handler: addMember },
  {
    method: 'GET',
    path: `${base}/@self`,
    operationId: 'getSelfProfile',
    handler: (ctx) => success(ctx.state.full(ctx.caller), ctx.link),
  },
  {
    method: 'GET',
    path: `${base}/email`,
    operationId: 'getProfileByEmail',
    handler: (ctx) => {
      const user = ctx.state.store.findByEmail(emailQuery(ctx));
      if (!user) throw userNotFound();
      return success(ctx.state.full(user), ctx.link);
    },
  },
  {
    method: 'GET',
    path: `${base}/exists`,
    operationId: 'checkUserExistsByEmail',
    handler: (ctx) => {
      const user = ctx.state.store.findByEmail(emailQuery(ctx));
      const payload = user ? { exists: true, status: employeeStatuses[user.status] } : { exists: false };
      return success(payload, ctx.link);
    },
  },
  {
    method: 'GET',
    path: `${base}/{userid}`,
    operationId: 'getProfileByUserId',
    handler: (ctx) => success(ctx.state.full(targetUser(ctx)), ctx.link),
  },
  { method: 'PUT', path: `${base}/{userid}`, operationId: 'updateMember', handler: updateMember },
  { method: 'DELETE', path: `${base}/{userid}`, operationId: 'deleteMember', handler: deleteMember },
  { method: 'PUT', path: `${base}/delete`, operationId: 'removeUsers', handler: removeUsers },
  {
    method: 'PUT',
    path: `${base}/{userid}/culture`,
    operationId: 'updateMemberCulture',
    handler: updateCulture,
  },
];
