import { ValidationError } from './errors.js';

/**
 * @internal Input checks run before any request. Each failure names the field and the rule.
 * The e-mail rule is the one the curated spec's `format: email` uses (the ajv-formats regex), a subset of what
 * the server accepts, so anything the SDK sends passes the contract.
 */
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USER_NAME = /^[\p{L}\p{N}._-]{1,255}$/u;

/**
 * Path segments under /api/2.0/people/ that are routes of their own: a "user name" equal to one of them would
 * reach another endpoint, so it is refused.
 */
const RESERVED_SEGMENTS = /* @__PURE__ */ new Set(
  '@self @search email exists filter search simple status type invite delete theme tokendiagnostics thirdparty reassign remove guests password userquota resetquota room folder file self activationstatus photo'.split(
    ' ',
  ),
);

/** @internal Checks a user id or user name and returns it encoded for a path segment. */
export function userSegment(value: unknown, field = 'id'): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(field, 'required', 'must be a user id (GUID) or a user name');
  }
  if (GUID.test(value)) return value;
  if (value.includes('@') && !RESERVED_SEGMENTS.has(value.toLowerCase())) {
    throw new ValidationError(field, 'userId', 'looks like an e-mail address: use people.getByEmail(email)');
  }
  if (
    !USER_NAME.test(value) ||
    value === '.' ||
    value === '..' ||
    RESERVED_SEGMENTS.has(value.toLowerCase())
  ) {
    throw new ValidationError(
      field,
      'userId',
      `must be a GUID or a user name (letters, digits, '.', '_', '-'; not a reserved route); got ${JSON.stringify(value.slice(0, 40))}`,
    );
  }
  return encodeURIComponent(value);
}

/** @internal Checks a GUID (ids in request bodies and query filters must be GUIDs). */
export function guid(value: unknown, field: string): string {
  if (typeof value !== 'string' || !GUID.test(value)) {
    throw new ValidationError(field, 'uuid', 'must be a GUID like 00000000-0000-0000-0000-000000000000');
  }
  return value;
}

/** @internal Normalizes `ids` (one id or an array) to a non-empty array of GUIDs. */
export function guidList(ids: unknown, field = 'ids'): string[] {
  const list = Array.isArray(ids) ? ids : [ids];
  if (list.length === 0) throw new ValidationError(field, 'nonEmpty', 'give at least one user id');
  const checked = list.map((id, index) => guid(id, Array.isArray(ids) ? `${field}[${index}]` : field));
  // An id given twice (in any letter case) is sent once, so nothing is done twice.
  const seen = new Set<string>();
  return checked.filter((id) => {
    const key = id.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** @internal Checks an e-mail address (<= 255 characters). */
export function email(value: unknown, field = 'email'): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new ValidationError(field, 'required', 'is required');
  if (value.length > 255) throw new ValidationError(field, 'maxLength:255', 'must be at most 255 characters');
  if (!EMAIL.test(value)) throw new ValidationError(field, 'email', `is not a valid e-mail address`);
  return value;
}

/** @internal Checks an optional string's type and length. */
export function optionalText(value: unknown, field: string, maxLength?: number): void {
  if (value === undefined) return;
  if (typeof value !== 'string') throw new ValidationError(field, 'string', 'must be a string');
  if (maxLength !== undefined && value.length > maxLength) {
    throw new ValidationError(field, `maxLength:${maxLength}`, `must be at most ${maxLength} characters`);
  }
}

/** @internal Checks a required non-empty string. */
export function requiredText(value: unknown, field: string, maxLength?: number): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new ValidationError(field, 'required', 'must be a non-empty string');
  }
  optionalText(value, field, maxLength);
  return value;
}

/** @internal Checks one of a fixed set of values. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `oneOf:${allowed.join('|')}`, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** @internal Checks an integer within bounds. */
export function integer(value: unknown, field: string, min: number, max = 2_147_483_647): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `integer:${min}..${max}`, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** @internal Checks an optional boolean. */
export function optionalBoolean(value: unknown, field: string): void {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new ValidationError(field, 'boolean', 'must be true or false');
  }
}

/** @internal Checks an https URL. */
export function httpsUrl(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new ValidationError(field, 'required', 'must be an https URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ValidationError(field, 'url', 'must be an absolute https URL');
  }
  if (url.protocol !== 'https:')
    throw new ValidationError(field, 'https', 'must use https (the server refuses other schemes)');
  return url.href;
}

/** @internal Checks a culture code such as `en-US` or `de`. */
export function culture(value: unknown, field = 'culture'): string {
  if (typeof value !== 'string' || !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(value) || value.length > 85) {
    throw new ValidationError(field, 'culture', 'must be a culture code like en-US or de');
  }
  return value;
}

/** @internal Refuses keys an object must not have, with a hint of what to use instead. */
export function refuseKeys(input: object, keys: Record<string, string>, prefix: string): void {
  for (const key in keys) {
    if (Object.hasOwn(input, key))
      throw new ValidationError(`${prefix}.${key}`, 'unsupported', keys[key] ?? 'not supported');
  }
}
