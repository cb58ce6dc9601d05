import type { IncomingHttpHeaders } from 'node:http';
import { PortalError } from './errors.js';
import type { PortalState } from './portal-state.js';
import type { FakeUser } from './user-record.js';

const unauthorized = () =>
  new PortalError(401, 'Unauthorized', 'System.Security.Authentication.AuthenticationException');

/**
 * Finds the caller as the server does, from the Authorization header:
 * `Bearer <token>`, `Basic base64(email:password)`, a bare token (not for `sk-` API keys), or the `asc_auth_key`
 * cookie. Unknown tokens and terminated callers get 401.
 */
export function authenticate(headers: IncomingHttpHeaders, state: PortalState): FakeUser {
  const user = findCaller(headers, state);
  if (!user || user.status === 'Terminated') throw unauthorized();
  return user;
}

function findCaller(headers: IncomingHttpHeaders, state: PortalState): FakeUser | undefined {
  const header = headers.authorization?.trim();
  if (header) {
    const [scheme = '', ...rest] = header.split(/\s+/);
    const value = rest.join(' ');
    if (/^bearer$/i.test(scheme)) return byToken(value, state);
    if (/^basic$/i.test(scheme)) return byPassword(value, state);
    // A bare auth token works; a bare API key does not (the server only reads sk- keys after "Bearer").
    if (rest.length === 0 && !header.startsWith('sk-')) return byToken(header, state);
    return undefined;
  }
  const cookie = headers.cookie
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith('asc_auth_key='));
  return cookie ? byToken(decodeURIComponent(cookie.slice('asc_auth_key='.length)), state) : undefined;
}

function byToken(token: string, state: PortalState): FakeUser | undefined {
  const id = state.tokens.get(token);
  return id ? state.store.find(id) : undefined;
}

function byPassword(encoded: string, state: PortalState): FakeUser | undefined {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const user = state.store.findByEmail(decoded.slice(0, colon));
  return user?.password !== undefined && user.password === decoded.slice(colon + 1) ? user : undefined;
}
