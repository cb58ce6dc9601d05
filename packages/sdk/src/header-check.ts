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
  127: 'DEL',
  160: 'no-break space',
  173: 'soft hyphen',
  8203: 'zero-width space',
  8204: 'zero-width non-joiner',
  8205: 'zero-width joiner',
  8288: 'word joiner',
  65279: 'byte order mark',
};

/** `U+200B (zero-width space) at position 13`: names a character without printing the secret around it. */
function describe(text: string, index: number): string {
  const code = text.codePointAt(index) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const name = NAMES[code];
  return `U+${hex}${name ? ` (${name})` : ''} at position ${index + 1}`;
}

/** Index of the first character outside visible ASCII (0x21-0x7E), optionally allowing space and tab. */
function firstBad(text: string, allowBlank: boolean): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x21 && c <= 0x7e) continue;
    if (allowBlank && (c === 0x20 || c === 0x09)) continue;
    return i;
  }
  return -1;
}

/**
 * @internal Checks a bare token (without `Bearer `): visible ASCII only. API keys, OAuth2 and session tokens never
 * contain anything else, so any other character is a copy-paste accident.
 */
export function checkToken(token: string, field = 'token'): void {
  const bad = firstBad(token, false);
  if (bad >= 0) {
    throw new ValidationError(
      field,
      'visibleAscii',
      `contains an invisible or control character, ${describe(token, bad)}: copy the token again`,
    );
  }
}

/** @internal Checks one credential that is encoded before sending (Basic e-mail and password): no control characters. */
export function checkCredential(value: string, field: string): void {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || (c > 0x7f && NAMES[c] !== undefined)) {
      throw new ValidationError(
        field,
        'noControlCharacters',
        `contains an invisible or control character, ${describe(value, i)}`,
      );
    }
  }
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
      const bad = name === '' ? -1 : [...name].findIndex((ch) => !HEADER_NAME.test(ch));
      throw new ValidationError(
        where,
        'headerName',
        name === ''
          ? 'a header name must not be empty'
          : `is not a valid header name: ${describe(name, Math.max(0, bad))}`,
      );
    }
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new ValidationError(where, 'string', 'must be a string');
    const bad = firstBad(value, true);
    if (bad >= 0) {
      throw new ValidationError(
        where,
        'headerValue',
        `contains a character not allowed in a header value, ${describe(value, bad)}: use printable ASCII`,
      );
    }
  }
}
