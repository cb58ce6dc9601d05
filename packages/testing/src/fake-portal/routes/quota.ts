import { success } from '../envelope.js';
import { badArgument, PortalError } from '../errors.js';
import type { RouteContext, RouteDefinition } from '../router.js';
import type { FakeUser } from '../user-record.js';
import { bodyObject, requireType, userIdsOf } from './helpers.js';

const base = '/api/2.0/people';

/** The server's LostUser, answered for an unknown id ("Unknown Unknown"). */
const lostUserId = '4a515a15-d4d6-4b8e-828e-e0586f18f3a3';

function lostUser(ctx: RouteContext): Record<string, unknown> {
  return {
    id: lostUserId,
    displayName: 'Unknown Unknown',
    firstName: 'Unknown',
    lastName: 'Unknown',
    userName: 'Unknown',
    profileUrl: `${ctx.state.config.origin}/accounts/view/Unknown`,
    hasAvatar: false,
    isAnonim: false,
    status: 1,
    activationStatus: 0,
    isAdmin: false,
    isRoomAdmin: false,
    isOwner: false,
    isVisitor: false,
    isCollaborator: false,
  };
}

/** The listed users (unknown ids as LostUser entries), each changed by `change`, as EmployeeFullDto[]. */
function answerUsers(ctx: RouteContext, change: (user: FakeUser) => void) {
  const ids = userIdsOf(ctx);
  const dtos = ids.map((id) => {
    const user = ctx.state.store.find(id);
    if (!user) return lostUser(ctx);
    change(user);
    return ctx.state.full(user);
  });
  return success(dtos, ctx.link);
}

/**
 * `quota` must be a JSON integer: a fraction is 400, a string or an object 403 (the server's JsonElement throws an
 * InvalidOperationException). -1 = no limit, -2 = the default, 0 or more = bytes (at most the portal's storage).
 * Admins only, checked after the value.
 */
function updateQuota(ctx: RouteContext) {
  const quota = bodyObject(ctx).quota;
  if (typeof quota !== 'number') {
    throw new PortalError(
      403,
      `The requested operation requires an element of type 'Number', but the target element has type '${
        quota === undefined || quota === null ? 'Undefined' : typeof quota === 'string' ? 'String' : 'Object'
      }'.`,
      'System.InvalidOperationException',
    );
  }
  const tooBig =
    'Failed to set quota per user. The entered value is greater than the total DocSpace storage.';
  if (!Number.isInteger(quota) || quota < -2 || quota > ctx.state.config.userQuota.maxTotalBytes) {
    throw badArgument(tooBig);
  }
  requireType(ctx.caller, 'DocSpaceAdmin');
  return answerUsers(ctx, (user) => {
    if (quota === -2) delete user.quotaLimit;
    else user.quotaLimit = quota;
  });
}

/** Back to the portal default (the stored value becomes -2); the body's quota is ignored. Admins only. */
function resetQuota(ctx: RouteContext) {
  requireType(ctx.caller, 'DocSpaceAdmin');
  return answerUsers(ctx, (user) => {
    delete user.quotaLimit;
  });
}

/** Per-user quota. */
export const quotaRoutes: RouteDefinition[] = [
  { method: 'PUT', path: `${base}/userquota`, operationId: 'updateUserQuota', handler: updateQuota },
  { method: 'PUT', path: `${base}/resetquota`, operationId: 'resetUsersQuota', handler: resetQuota },
];
