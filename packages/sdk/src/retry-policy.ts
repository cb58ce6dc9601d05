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

/**
 * @internal How long the server asked to wait, in ms: `Retry-After-Ms`, `Retry-After` (seconds or HTTP date),
 * or, when the rate-limit window is used up, `X-RateLimit-Reset` (Unix seconds, or seconds from now if small).
 */
export function serverWaitMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null) {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const after = headers.get('retry-after');
  if (after !== null) {
    const seconds = Number(after);
    if (after.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return rateLimitResetMs(headers, now);
}

/** @internal Wait until the rate-limit window resets, when `X-RateLimit-Remaining` is 0. */
export function rateLimitResetMs(headers: Headers, now = Date.now()): number | undefined {
  if (headers.get('x-ratelimit-remaining') !== '0') return undefined;
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  // Large values are Unix timestamps in seconds (DocSpace); small ones are seconds from now.
  return reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000;
}

/** @internal Capped exponential backoff with jitter: base * 2^attempt, capped, times a random 0.5..1. */
export function backoffMs(attempt: number, baseMs: number, capMs: number): number {
  const exp = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.round(exp * (0.5 + Math.random() * 0.5));
}
