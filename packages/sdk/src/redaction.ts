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
  if (secrets.length === 0 || !(error instanceof Error)) return error;
  scrub(error, secrets, 0);
  return error;
}

function scrub(error: Error, secrets: readonly string[], depth: number): void {
  const target = error as unknown as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(error)) {
    if (key === 'cause') continue;
    const value = target[key];
    const cleaned = redactValue(value, secrets, depth);
    if (cleaned !== value) Object.defineProperty(error, key, { value: cleaned });
  }
  if ('cause' in error && error.cause !== undefined) {
    Object.defineProperty(error, 'cause', { value: redactedCopy(error.cause, secrets, depth + 1) });
  }
}

/** A redacted copy of a foreign error (same class when possible, same name, code, message and stack). */
function redactedCopy(cause: unknown, secrets: readonly string[], depth: number): unknown {
  if (!(cause instanceof Error)) return redactValue(cause, secrets, depth);
  if (depth > MAX_DEPTH) return new Error('[cause omitted]');
  const copy = Object.create(Object.getPrototypeOf(cause)) as Error;
  for (const key of Object.getOwnPropertyNames(cause)) {
    if (key === 'cause') continue;
    const value = (cause as unknown as Record<string, unknown>)[key];
    Object.defineProperty(copy, key, {
      value: redactValue(value, secrets, depth),
      writable: true,
      configurable: true,
      enumerable: Object.prototype.propertyIsEnumerable.call(cause, key),
    });
  }
  if ('cause' in cause && cause.cause !== undefined) {
    Object.defineProperty(copy, 'cause', {
      value: redactedCopy(cause.cause, secrets, depth + 1),
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** @internal A copy of a value with the secrets removed from every string in it (the value itself when clean). */
export function redactValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) return redactedCopy(value, secrets, depth + 1);
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
