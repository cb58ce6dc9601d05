import { createHash } from 'node:crypto';
import { success } from '../envelope.js';
import { accessDenied, badArgument, PortalError, userNotFound } from '../errors.js';
import type { RouteContext, RouteDefinition } from '../router.js';
import type { FakeUser } from '../user-record.js';
import {
  bodyObject,
  isEmail,
  requireType,
  stringField,
  targetUser,
  userIdsOf,
  Validator,
} from './helpers.js';

const base = '/api/2.0/people';

/** Who may see a guest: admins always; a RoomAdmin only guests in their relations; Users and Guests never. */
function canSee(ctx: RouteContext, guest: FakeUser): boolean {
  if (ctx.caller.type === 'DocSpaceAdmin') return true;
  return ctx.caller.type === 'RoomAdmin' && ctx.state.related(guest, ctx.caller.id);
}

/**
 * Does NOT delete profiles: drops the caller's relation with each guest. Every id must be an existing, not
 * Terminated Guest in the caller's relations, else 403 for the whole batch (admins included).
 */
function deleteGuests(ctx: RouteContext) {
  requireType(ctx.caller, 'RoomAdmin');
  const guests = userIdsOf(ctx).map((id) => ctx.state.store.find(id));
  for (const guest of guests) {
    if (
      guest?.type !== 'Guest' ||
      guest.status === 'Terminated' ||
      !ctx.state.related(guest, ctx.caller.id)
    ) {
      throw accessDenied();
    }
  }
  for (const guest of guests) if (guest) ctx.state.guestRelations.get(guest.id)?.delete(ctx.caller.id);
  return success(undefined, ctx.link);
}

/** The key of a guest's share link (stable per guest). */
function linkKey(guest: FakeUser): string {
  return createHash('sha256').update(`guest-share:${guest.id}`).digest('hex').slice(0, 12);
}

/** A shortened link `<origin>/s/<key>`; approve it with the confirm header `type=GuestShareLink&key=<key>&uid=<id>`. */
function shareLink(ctx: RouteContext) {
  const guest = targetUser(ctx);
  if (guest.type !== 'Guest') throw badArgument('User is not a guest');
  if (ctx.caller.type === 'Guest' || !canSee(ctx, guest)) throw accessDenied();
  const key = linkKey(guest);
  ctx.state.guestLinks.set(key, guest.id);
  return success(`${ctx.state.config.origin}/s/${key}`, ctx.link);
}

/** Reads the confirm header (the link's query string); a missing or unknown key fails authentication (401). */
function confirmedGuest(ctx: RouteContext): FakeUser {
  const header = ctx.headers.confirm;
  const params = new URLSearchParams(typeof header === 'string' ? header : '');
  const guestId =
    params.get('type') === 'GuestShareLink' ? ctx.state.guestLinks.get(params.get('key') ?? '') : undefined;
  if (!guestId || guestId !== params.get('uid')?.toLowerCase()) {
    throw new PortalError(401, 'Unauthorized', 'System.Security.Authentication.AuthenticationException');
  }
  const guest = ctx.state.store.find(guestId);
  if (!guest) throw userNotFound();
  return guest;
}

/** Adds the guest named by the link to the caller's relations and answers the guest. */
function approve(ctx: RouteContext) {
  const guest = confirmedGuest(ctx);
  const email = stringField(bodyObject(ctx), 'email');
  const check = new Validator();
  if (email === undefined || !isEmail(email))
    check.add('Email', 'The Email field is not a valid e-mail address.');
  check.throwIfAny();
  if (guest.type !== 'Guest') throw badArgument('User is not a guest');
  requireType(ctx.caller, 'RoomAdmin');
  ctx.state.relate(guest.id, ctx.caller.id);
  return success(ctx.state.full(guest), ctx.link);
}

/** Guests: relations and share links. */
export const guestRoutes: RouteDefinition[] = [
  { method: 'DELETE', path: `${base}/guests`, operationId: 'deleteGuests', handler: deleteGuests },
  {
    method: 'GET',
    path: `${base}/guests/{userid}/share`,
    operationId: 'getGuestSharingLink',
    handler: shareLink,
  },
  {
    method: 'POST',
    path: `${base}/guests/share/approve`,
    operationId: 'approveGuestShareLink',
    handler: approve,
  },
];
