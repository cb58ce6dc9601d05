import { employeeTypes, parseEnum } from '../enums.js';
import { success } from '../envelope.js';
import { badArgument } from '../errors.js';
import type { RouteContext, RouteDefinition } from '../router.js';
import type { FakeUser } from '../user-record.js';
import { bodyObject, isEmail, requireType, userIdsOf, Validator } from './helpers.js';
import { checkCreatePermission } from './profiles.js';

const base = '/api/2.0/people';

/** Invites people by e-mail: new people are Active with activation Pending; already registered e-mails are skipped. */
function invite(ctx: RouteContext) {
  const invitations = bodyObject(ctx).invitations;
  if (!Array.isArray(invitations) || invitations.length === 0) throw badArgument('Incorrect invitations');
  const check = new Validator();
  const wanted = invitations.map((entry: unknown, index) => {
    const item = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    const email = typeof item.email === 'string' ? item.email.trim() : '';
    if (!isEmail(email))
      check.add(`Invitations[${index}].Email`, 'The Email field is not a valid e-mail address.');
    const type = item.type === undefined ? 'User' : parseEnum(employeeTypes, item.type);
    if (type === undefined || type === 'All') throw badArgument('Incorrect user type');
    return { email, type };
  });
  check.throwIfAny();
  for (const { type } of wanted) checkCreatePermission(ctx.caller, type, true);
  const invited: FakeUser[] = [];
  for (const { email, type } of wanted) {
    if (ctx.state.store.findByEmail(email)) continue;
    const local = email.split('@')[0] ?? email;
    const user = ctx.state.store.add(
      { email, firstName: local, lastName: '', type, activationStatus: 'Pending' },
      ctx.caller.id,
    );
    // An invited guest is in the inviter's relations (DELETE /people/guests works on those).
    if (type === 'Guest') ctx.state.relate(user.id, ctx.caller.id);
    invited.push(user);
  }
  return success(
    invited.map((user) => ctx.state.short(user)),
    ctx.link,
  );
}

/** Resends invitations to the listed people whose activation is still Pending (or all of them with resendAll). */
function resend(ctx: RouteContext) {
  requireType(ctx.caller, 'DocSpaceAdmin');
  const resendAll = bodyObject(ctx).resendAll === true;
  const ids = resendAll ? [] : userIdsOf(ctx).map((id) => id.toLowerCase());
  const users = ctx.state.store
    .all()
    .filter((user) => user.activationStatus === 'Pending' && (resendAll || ids.includes(user.id)));
  return success(
    users.map((user) => ctx.state.full(user)),
    ctx.link,
  );
}

/** Invitations. */
export const inviteRoutes: RouteDefinition[] = [
  { method: 'POST', path: `${base}/invite`, operationId: 'inviteUsers', handler: invite },
  { method: 'PUT', path: `${base}/invite`, operationId: 'resendUserInvites', handler: resend },
];
