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
 * The first character outside visible ASCII (0x21-0x7E; space and tab too with `blank`), described without the
 * text around it (which may be a secret): `U+200B (zero-width space) at position 13`. Undefined when clean.
 * With `controlOnly`, only control characters, zero-width spaces and BOMs count (for credentials sent encoded).
 */
function firstBad(text: string, blank: boolean, controlOnly = false): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const bad = controlOnly
      ? c < 32 || c === 127 || c === 8203 || c === 65279
      : !((c > 32 && c < 127) || (blank && (c === 32 || c === 9)));
    if (bad) {
      const name = NAMES[c];
      return `U+${c.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''} at position ${i + 1}`;
    }
  }
  return undefined;
}

/**
 * @internal Checks a bare token (without `Bearer `): visible ASCII only. API keys, OAuth2 and session tokens never
 * contain anything else, so any other character is a copy-paste accident.
 */
export function checkToken(token: string): void {
  const bad = firstBad(token, false);
  if (bad)
    throw new ValidationError('token', 'visibleAscii', `contains an invisible or control character, ${bad}`);
}

/** @internal Checks a credential that is encoded before sending (Basic e-mail and password): no control characters. */
export function checkCredential(value: string, field: string): void {
  const bad = firstBad(value, true, true);
  if (bad)
    throw new ValidationError(
      field,
      'noControlCharacters',
      `contains an invisible or control character, ${bad}`,
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
    const bad = firstBad(value, true);
    if (bad) throw new ValidationError(where, 'headerValue', `must be printable ASCII, found ${bad}`);
  }
}
