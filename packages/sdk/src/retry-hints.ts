/**
 * @internal The server's hints on how long to wait, read strictly. A hint that does not parse, is negative or lies
 * in the past is ignored (the caller falls back to its normal backoff) rather than read as "retry at once":
 * `Retry-After: -1` is not a date, `Retry 5` is not the year 2001, and a reset time that has passed says nothing.
 */

/** Non-negative decimal number, as sent in Retry-After (RFC 9110: an integer; a fraction is tolerated). */
const DECIMAL = /^\d+(?:\.\d+)?$/;
/**
 * An HTTP date has a time of day (all three forms of RFC 9110 do); `Date.parse` alone takes `Retry 5` or `-1` for a
 * date.
 */
const TIME_OF_DAY = /\d\d:\d\d:\d\d/;

/**
 * @internal How long the server asked to wait, in ms: `Retry-After-Ms`, `Retry-After` (seconds or HTTP date),
 * or, when the rate-limit window is used up, `X-RateLimit-Reset`. Undefined when no usable hint was sent.
 */
export function serverWaitMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null) {
    const text = ms.trim();
    if (DECIMAL.test(text)) return Number(text);
  }
  const after = headers.get('retry-after');
  if (after !== null) {
    const text = after.trim();
    if (DECIMAL.test(text)) return Math.round(Number(text) * 1000);
    if (TIME_OF_DAY.test(text)) {
      const date = Date.parse(text);
      if (!Number.isNaN(date) && date > now) return date - now;
    }
  }
  return rateLimitResetMs(headers, now);
}

/**
 * @internal Wait until the rate-limit window resets, when `X-RateLimit-Remaining` is 0: `X-RateLimit-Reset` is
 * Unix seconds (DocSpace) when large, seconds from now when small. Undefined when absent, unparseable or past.
 */
export function rateLimitResetMs(headers: Headers, now = Date.now()): number | undefined {
  if (headers.get('x-ratelimit-remaining') !== '0') return undefined;
  const text = headers.get('x-ratelimit-reset')?.trim() ?? '';
  if (!DECIMAL.test(text)) return undefined;
  const reset = Number(text);
  if (!(reset > 0)) return undefined;
  if (reset <= 1e9) return Math.round(reset * 1000);
  const wait = Math.round(reset * 1000 - now);
  return wait > 0 ? wait : undefined;
}
