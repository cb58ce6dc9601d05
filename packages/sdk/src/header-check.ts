import { ValidationError } from './errors.js';

/**
 * @internal Checks of what goes into request headers, run when a client is created (and for per-call headers before
 * the call is sent). A token pasted with a zero-width space, a line break or a NUL byte would otherwise make every
 * request fail inside `fetch` as a "connection failed" that is retried, with nothing ever sent.
 */

/** Header names: RFC 9110 tokens. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const NAMES: Record<number, string> = {
  0: 'NUL',
  9: 'tab',
  10: 'line feed',
  13: 'carriage return',
  32: 'space',
  8203: 'zero-width space',
  65279: 'byte order mark',
};

/**
 * Throws a {@link ValidationError} for the first character `allowed` refuses, described without the text around
 * it (which may be a secret): `U+200B (zero-width space) at position 13`.
 */
function refuse(
  text: string,
  field: string,
  rule: string,
  allowed: (c: number) => boolean,
  what: string,
): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!allowed(c)) {
      const name = NAMES[c];
      throw new ValidationError(
        field,
        rule,
        `${what} U+${c.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''} at position ${i + 1}`,
      );
    }
  }
}

const INVISIBLE = 'contains an invisible or control character,';

/**
 * @internal Checks a bare token (without `Bearer `): visible ASCII only. API keys, OAuth2 and session tokens never
 * contain anything else, so any other character is a copy-paste accident.
 */
export function checkToken(token: string): void {
  refuse(token, 'token', 'visibleAscii', (c) => c > 32 && c < 127, INVISIBLE);
}

/**
 * @internal Checks a credential that is encoded before sending (Basic e-mail and password): no control characters,
 * zero-width spaces or byte order marks.
 */
export function checkCredential(value: string, field: string): void {
  refuse(
    value,
    field,
    'noControlCharacters',
    (c) => c > 31 && c !== 127 && c !== 8203 && c !== 65279,
    INVISIBLE,
  );
}

/**
 * @internal Checks extra request headers: names are HTTP tokens, values printable ASCII (space and tab allowed).
 * `field` names the option, e.g. `headers` or `options.headers`.
 */
export function checkHeaders(headers: unknown, field: string): void {
  if (headers === undefined) return;
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
    throw new ValidationError(field, 'object', 'must be an object of header names to string values');
  }
  for (const [name, value] of Object.entries(headers)) {
    const where = `${field}[${JSON.stringify(name)}]`;
    if (!HEADER_NAME.test(name)) {
      throw new ValidationError(
        where,
        'headerName',
        "is not a header name (letters, digits, !#$%&'*+.^_`|~-)",
      );
    }
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new ValidationError(where, 'string', 'must be a string');
    refuse(
      value,
      where,
      'headerValue',
      (c) => (c > 31 && c < 127) || c === 9,
      'must be printable ASCII, found',
    );
  }
}
