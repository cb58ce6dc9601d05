import { success } from '../envelope.js';
import { accessDenied, badArgument, PortalError, userNotFound } from '../errors.js';
import { guidPattern, type RouteContext, type RouteDefinition } from '../router.js';
import { bodyObject, isEmail, stringField, Validator } from './helpers.js';

const base = '/api/2.0/people';

/** A refusal with its reason (InvalidOperationException: 403 with the text). */
const refused = (reason: string) => new PortalError(403, reason, 'System.InvalidOperationException');

/**
 * Anonymous: always 200 with the same sentence (nothing tells whether the address exists). Signed in: yourself, or an
 * admin for someone else (never the owner; another DocSpaceAdmin only by the owner); refusals are 403 with the reason.
 * An active user gets a password-change e-mail, a Pending invitee the invitation again.
 */
function sendPassword(ctx: RouteContext) {
  const email = stringField(bodyObject(ctx), 'email')?.trim();
  const check = new Validator();
  if (!email) check.add('Email', 'The Email field is required.');
  else check.maxLength('Email', email, 255);
  check.throwIfAny();
  const address = email ?? '';
  const user = ctx.state.store.findByEmail(address);
  const sendable = user && user.status !== 'Terminated';
  if (ctx.anonymous) {
    if (sendable) {
      const kind = user.status === 'Pending' ? 'invitation' : 'password-change';
      ctx.state.outbox.push({ to: user.email, kind, userId: user.id });
    }
    return success(
      `If a user with the ${address} email exists, the password change instruction has been sent to this email address.`,
      ctx.link,
    );
  }
  const caller = ctx.caller;
  if (!user || user.id !== caller.id) {
    if (caller.type !== 'DocSpaceAdmin') throw accessDenied();
    if (user?.isOwner || (user?.type === 'DocSpaceAdmin' && !caller.isOwner)) throw accessDenied();
  }
  if (!user) throw refused('The user could not be found');
  if (user.status === 'Terminated') throw refused('The user is disabled');
  ctx.state.outbox.push({
    to: user.email,
    kind: user.status === 'Pending' ? 'invitation' : 'password-change',
    userId: user.id,
  });
  return success(`The password change instruction has been sent to ${user.email} email address.`, ctx.link);
}

/**
 * As an admin the address changes at once (activation NotActivated, activation e-mail); for yourself a confirmation
 * link goes to the new address and nothing changes yet.
 */
function sendEmailChange(ctx: RouteContext) {
  const body = bodyObject(ctx);
  const userId = stringField(body, 'userId');
  if (!userId || !guidPattern.test(userId)) throw badArgument('Incorrect userId');
  const email = stringField(body, 'email')?.trim();
  if (!email || !isEmail(email) || email.length > 255) throw badArgument('Incorrect email');
  const user = ctx.state.store.find(userId);
  if (user?.status !== 'Active') throw userNotFound();
  const caller = ctx.caller;
  const self = user.id === caller.id;
  if (!self && caller.type !== 'DocSpaceAdmin') throw accessDenied();
  if (!self && (user.isOwner || (user.type === 'DocSpaceAdmin' && !caller.isOwner))) throw accessDenied();
  // The "already used" check matches every user, this one included.
  if (ctx.state.store.findByEmail(email)) throw badArgument('User with this email is already registered');
  if (caller.type === 'DocSpaceAdmin') {
    ctx.state.store.changeEmail(user, email);
    user.activationStatus = 'NotActivated';
    ctx.state.outbox.push({ to: email, kind: 'email-activation', userId: user.id });
  } else {
    ctx.state.outbox.push({ to: email, kind: 'email-change', userId: user.id });
  }
  return success('The email change instructions have been successfully sent', ctx.link);
}

/** Password reminders and e-mail changes. */
export const passwordEmailRoutes: RouteDefinition[] = [
  {
    method: 'POST',
    path: `${base}/password`,
    operationId: 'sendUserPassword',
    handler: sendPassword,
    allowAnonymous: true,
  },
  {
    method: 'POST',
    path: `${base}/email`,
    operationId: 'sendEmailChangeInstructions',
    handler: sendEmailChange,
  },
];
