import { ValidationError } from './errors.js';
import { checkCredential, checkToken } from './header-check.js';
import type { BasicCredentials } from './options.js';

/** @internal The Authorization header value and the secrets that must never be printed. */
export interface Auth {
  header: string;
  secrets: string[];
}

/** @internal Builds the Authorization header from `token` or `basic`; exactly one must be given. */
export function buildAuth(token: string | undefined, basic: BasicCredentials | undefined): Auth {
  if (token !== undefined && basic !== undefined) {
    throw new ValidationError('token', 'exclusive', 'give either token or basic, not both');
  }
  if (token !== undefined) {
    const bare = token.replace(/^Bearer\s+/i, '').trim();
    if (!bare) throw new ValidationError('token', 'required', 'must be a non-empty string');
    checkToken(bare);
    return { header: `Bearer ${bare}`, secrets: [bare] };
  }
  if (basic !== undefined) {
    if (!basic.email) throw new ValidationError('basic.email', 'required', 'must be a non-empty string');
    if (!basic.password)
      throw new ValidationError('basic.password', 'required', 'must be a non-empty string');
    checkCredential(basic.email, 'basic.email');
    checkCredential(basic.password, 'basic.password');
    // UTF-8, then base64 (as the client's `authorizationHeader`; test/secrets.test.ts checks they agree).
    const encoded = btoa(
      String.fromCharCode(...new TextEncoder().encode(`${basic.email}:${basic.password}`)),
    );
    return { header: `Basic ${encoded}`, secrets: [basic.password, encoded] };
  }
  throw new ValidationError(
    'token',
    'required',
    'give a token (API key or access token) or basic credentials',
  );
}

/** @internal Replaces every secret in a text with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets)
    if (secret && out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out;
}
