import type { Connection } from './connection.js';
import { ValidationError } from './errors.js';
import {
  deleteGuests,
  getGuestSharingLink,
  resetUsersQuota,
  sendEmailChangeInstructions,
  sendUserPassword,
  updateUserQuota,
} from './operations.js';
import type { RequestOptions } from './options.js';
import { type Person, peopleOf } from './person.js';
import { request } from './request.js';
import { email, guid, guidList } from './validate.js';

// Quota, guests, password and e-mail: more `people<Method>` functions (`ds.people.<method>`).

/** A storage quota: bytes (a whole number, 0 or more), `'unlimited'`, or `'default'` (the portal's default). */
export type Quota = number | 'unlimited' | 'default';

/**
 * Sets the users' storage quota (PUT /people/userquota): bytes, `'unlimited'` or `'default'`. Admins only. The
 * server stores it even while per-user quotas are disabled in the portal settings; `quotaLimit` and
 * `isCustomQuota` of a {@link Person} show it only once they are enabled. Same as `ds.people.setQuota`.
 * @example await peopleSetQuota(connection, [annId], 5 * 1024 ** 3);
 */
export async function peopleSetQuota(
  connection: Connection,
  ids: string | readonly string[],
  quota: Quota,
  options?: RequestOptions,
): Promise<Person[]> {
  const body = { userIds: guidList(ids), quota: quotaValue(quota) };
  return request(connection, updateUserQuota, { body }, options, peopleOf);
}

/**
 * Puts the users back on the portal's default quota (PUT /people/resetquota). Admins only; on cloud plans without
 * storage statistics the server answers 402 (an {@link ApiError} with `status` 402). Same as `ds.people.resetQuota`.
 * @example await peopleResetQuota(connection, annId);
 */
export async function peopleResetQuota(
  connection: Connection,
  ids: string | readonly string[],
  options?: RequestOptions,
): Promise<Person[]> {
  const body = { userIds: guidList(ids) };
  return request(connection, resetUsersQuota, { body }, options, peopleOf);
}

/**
 * Removes guests from **your** contacts (DELETE /people/guests): the server drops the relation between you and
 * each guest and the shares you gave them. It does **not** delete their profiles, and other people's shares with
 * them stay. Every id must be a guest you invited or approved (else 403 for the whole call); RoomAdmins and
 * DocSpaceAdmins only. To delete a guest's profile use `people.delete`. Same as `ds.people.removeGuests`.
 * @example await peopleRemoveGuests(connection, [guestId]);
 */
export async function peopleRemoveGuests(
  connection: Connection,
  ids: string | readonly string[],
  options?: RequestOptions,
): Promise<void> {
  const body = { userIds: guidList(ids) };
  return request(connection, deleteGuests, { body }, options, () => undefined);
}

/**
 * A link that lets another RoomAdmin or DocSpaceAdmin add this guest to their own contacts
 * (GET /people/guests/{id}/share; a shortened confirm URL). 400 when the user is not a guest. Same as
 * `ds.people.guestShareLink`.
 * @example const link = await peopleGuestShareLink(connection, guestId);
 */
export async function peopleGuestShareLink(
  connection: Connection,
  id: string,
  options?: RequestOptions,
): Promise<string> {
  const path = { userid: guid(id, 'id') };
  return request(connection, getGuestSharingLink, { path }, options, ({ response }) => response);
}

/**
 * E-mails password-change instructions (POST /people/password): to yourself, or as an admin to someone else (the
 * owner never; another DocSpaceAdmin only as the owner). A Pending invitee gets the invitation again. Resolves with
 * the server's message. Never resent automatically; the server allows 5 of these calls per 15 minutes. Same as
 * `ds.people.sendPasswordInstructions`.
 * @example await peopleSendPasswordInstructions(connection, 'ann@example.com');
 */
export async function peopleSendPasswordInstructions(
  connection: Connection,
  address: string,
  options?: RequestOptions,
): Promise<string> {
  const body = { email: email(address) };
  return request(connection, sendUserPassword, { body }, options, ({ response }) => response);
}

/**
 * Changes a user's e-mail (POST /people/email). As an admin the address changes at once: the user must confirm
 * it (activation e-mail to the new address) and is signed out everywhere. For yourself without admin rights the
 * server only e-mails a confirmation link to the new address; it changes when you open it. The address must not
 * be in use (the user's own current address included). Resolves with the server's message; 5 calls per 15 minutes.
 * Same as `ds.people.requestEmailChange`.
 * @example await peopleRequestEmailChange(connection, annId, 'ann@new.example.com');
 */
export async function peopleRequestEmailChange(
  connection: Connection,
  id: string,
  newEmail: string,
  options?: RequestOptions,
): Promise<string> {
  const body = { userId: guid(id, 'id'), email: email(newEmail, 'newEmail') };
  return request(connection, sendEmailChangeInstructions, { body }, options, ({ response }) => response);
}

/** The wire value of a quota: bytes, -1 (no limit) or -2 (the portal default). */
function quotaValue(quota: unknown): number {
  if (quota === 'unlimited') return -1;
  if (quota === 'default') return -2;
  if (typeof quota !== 'number' || !Number.isSafeInteger(quota) || quota < 0) {
    throw new ValidationError(
      'quota',
      'bytes',
      "must be a whole number of bytes (0 or more), 'unlimited' or 'default'",
    );
  }
  return quota;
}
