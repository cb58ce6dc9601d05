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
 * and `headers` (redacted copies) and its `cause` chain (replaced by redacted copies, so errors owned by someone
 * else are not modified). Returns the same error object.
 */
export function redactError<E>(error: E, secrets: readonly string[]): E {
  if (secrets.length > 0 && error instanceof Error) clean(error, secrets, 0, error);
  return error;
}

/**
 * A copy of a value with the secrets removed from every string in it (object keys too), or the value itself when
 * nothing changed. Errors, arrays, plain objects and `Headers` are copied; other objects are kept as they are.
 * With `into` (the SDK's own error), only the changed properties are written onto it instead.
 */
function clean(value: unknown, secrets: readonly string[], depth: number, into?: object): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (typeof Headers !== 'undefined' && value instanceof Headers) {
    const copy = new Headers(value);
    value.forEach((item, name) => {
      copy.set(name, redact(item, secrets));
    });
    return copy;
  }
  const array = Array.isArray(value);
  const proto = Object.getPrototypeOf(value);
  if (!array && !(value instanceof Error) && proto !== Object.prototype && proto !== null) return value;
  const copy = into ?? (array ? [] : Object.create(proto));
  let changed = false;
  for (const key of array ? Object.keys(value) : Object.getOwnPropertyNames(value)) {
    const item = (value as Record<string, unknown>)[key];
    const cleaned = clean(item, secrets, depth + 1);
    const name = into ? key : redact(key, secrets);
    if (cleaned !== item || name !== key) changed = true;
    else if (into) continue;
    Object.defineProperty(copy, name, {
      value: cleaned,
      writable: true,
      configurable: true,
      enumerable: Object.prototype.propertyIsEnumerable.call(value, key),
    });
  }
  return changed ? copy : value;
}
