/**
 * @internal When a request may be sent again.
 *
 * The rule: a request is resent only when sending it twice cannot do harm.
 * - GET, HEAD, PUT, DELETE (idempotent by HTTP semantics; DocSpace's PUTs set state) are resent after a
 *   connection failure, a timeout, and HTTP 429, 502, 503 and 504.
 * - POST (and calls marked not idempotent, such as resending invitations) is resent only when the server
 *   certainly did not act on it: HTTP 429 (the rate limiter refuses before the request reaches the API),
 *   HTTP 503 carrying Retry-After (the server says it refused the work for now), and a connection that was
 *   never established (refused, DNS failure, connect timeout), so no byte of the request was sent.
 *   A reset connection, a timeout, 502 and 504 on a POST are never resent: the server may have acted.
 */

/** @internal Methods that are safe to send twice. */
export function isIdempotentMethod(method: string): boolean {
  return (
    method === 'GET' || method === 'PUT' || method === 'DELETE' || method === 'HEAD' || method === 'OPTIONS'
  );
}

/** @internal True when the HTTP status may be retried for a request of this kind. */
export function isRetryableStatus(status: number, idempotent: boolean, hasRetryAfter: boolean): boolean {
  if (status === 429) return true;
  if (status === 503) return idempotent || hasRetryAfter;
  if (status === 502 || status === 504) return idempotent;
  return false;
}

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'ConnectionRefused',
  'FailedToOpenSocket',
]);

/** @internal True when a fetch failure proves the request was never sent (no connection was established). */
export function failedBeforeSending(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0 && errors.every(failedBeforeSending)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export { rateLimitResetMs, serverWaitMs } from './retry-hints.js';

/** @internal Capped exponential backoff with jitter: base * 2^attempt, capped, times a random 0.5..1. */
export function backoffMs(attempt: number, baseMs: number, capMs: number): number {
  const exp = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(exp * (0.5 + Math.random() * 0.5));
}
