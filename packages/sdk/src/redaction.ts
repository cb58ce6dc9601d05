import { redact } from './auth.js';

/**
 * @internal Redaction of errors, with the same rule as the logger's lines (auth.ts `redact`): every secret of the
 * client becomes `[redacted]`. A server or proxy may echo the Authorization header in its error message, and a
 * `fetch` implementation may quote a header value in its own error; neither may carry the token to a message, a
 * stack, a cause or a report.
 */

const MAX_DEPTH = 8;

/** @internal The secrets plus the forms they take in URLs and JSON (percent-encoded). */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    forms.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) forms.add(encoded);
  }
  return [...forms];
}

/**
 * @internal Removes the secrets from an error the SDK throws: its message, stack and string fields, its `body`
 * (a copy with every string redacted) and its `cause` chain (replaced by redacted copies, so errors owned by
 * someone else are not modified). Returns the same error object.
 */
export function redactError<E>(error: E, secrets: readonly string[]): E {
  if (secrets.length > 0 && error instanceof Error) copyInto(error, error, secrets, 0);
  return error;
}

/**
 * Writes the redacted own properties of `from` onto `to`: the same error (only what changed), or a blank copy of a
 * foreign cause (everything). Returns whether anything was redacted.
 */
function copyInto(from: Error, to: Error, secrets: readonly string[], depth: number): boolean {
  let changed = false;
  for (const key of Object.getOwnPropertyNames(from)) {
    const value = (from as unknown as Record<string, unknown>)[key];
    const cleaned = redactValue(value, secrets, key === 'cause' ? depth + 1 : depth);
    if (cleaned !== value) changed = true;
    if (cleaned === value && to === from) continue;
    Object.defineProperty(to, key, {
      value: cleaned,
      writable: true,
      configurable: true,
      enumerable: Object.prototype.propertyIsEnumerable.call(from, key),
    });
  }
  return changed;
}

/** @internal A copy of a value with the secrets removed from every string in it (the value itself when clean). */
export function redactValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) {
    const copy = Object.create(Object.getPrototypeOf(value)) as Error;
    return copyInto(value, copy, secrets, depth) ? copy : value;
  }
  if (typeof Headers !== 'undefined' && value instanceof Headers) return redactHeaders(value, secrets);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const cleaned = redactValue(item, secrets, depth + 1);
      if (cleaned !== item) changed = true;
      return cleaned;
    });
    return changed ? out : value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const cleaned = redactValue(item, secrets, depth + 1);
    const name = redact(key, secrets);
    if (cleaned !== item || name !== key) changed = true;
    out[name] = cleaned;
  }
  return changed ? out : value;
}

/** A copy of response headers with the secrets removed from every value (the same object when clean). */
function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  let copy: Headers | undefined;
  headers.forEach((value, name) => {
    const cleaned = redact(value, secrets);
    if (cleaned === value) return;
    copy ??= new Headers(headers);
    copy.set(name, cleaned);
  });
  return copy ?? headers;
}
