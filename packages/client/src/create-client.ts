import createFetchClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './generated/schema.gen.js';

/** Credentials for Basic authentication: the portal user's e-mail and password. */
export interface BasicCredentials {
  /** The user's e-mail (login). */
  email: string;
  /** The user's password. */
  password: string;
}

/** Options of {@link createClient}. */
export interface CreateClientOptions {
  /**
   * The portal's origin, e.g. `https://example.onlyoffice.io`. The API paths (`/api/2.0/people/...`) are appended.
   * A trailing slash is ignored.
   */
  baseUrl: string;
  /**
   * A bearer token: an API key (`sk-...`), an OAuth2/OpenID access token, or an auth token. Sent as
   * `Authorization: Bearer <token>`, which is the only header the server reads (not `ApiKeyBearer`).
   */
  token?: string;
  /** E-mail and password for `Authorization: Basic`, instead of `token`. */
  basic?: BasicCredentials;
  /** A `fetch` implementation to use instead of the global one (tests, proxies, retries). */
  fetch?: (request: Request) => Promise<Response>;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** The typed client: openapi-fetch's `GET`, `POST`, `PUT`, `DELETE`... over every curated path. */
export type DocSpaceClient = Client<paths, `${string}/${string}`>;

/** Base64 of a UTF-8 string, in every runtime (btoa alone only takes Latin-1). */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `Authorization` header value for a token or Basic credentials. */
export function authorizationHeader(auth: { token?: string; basic?: BasicCredentials }): string | undefined {
  if (auth.token !== undefined && auth.basic !== undefined) {
    throw new TypeError('Give either `token` or `basic` credentials, not both.');
  }
  if (auth.token !== undefined) {
    const token = auth.token.trim().replace(/^Bearer\s+/i, '');
    if (!token) throw new TypeError('`token` is empty.');
    if (/[\r\n]/.test(token)) throw new TypeError('`token` must not contain line breaks.');
    return `Bearer ${token}`;
  }
  if (auth.basic !== undefined) return `Basic ${base64Utf8(`${auth.basic.email}:${auth.basic.password}`)}`;
  return undefined;
}

/**
 * Creates the typed client for the curated DocSpace People & Photos API.
 *
 * ```ts
 * const client = createClient({ baseUrl: 'https://example.onlyoffice.io', token: process.env.DOCSPACE_TOKEN });
 * const { data, error } = await client.GET('/api/2.0/people/{userid}', { params: { path: { userid: 'jane' } } });
 * ```
 * Responses are the server's envelope (`data.response` holds the payload). For unwrapped results, errors as
 * exceptions, retries and limits, use `@docspace-people/sdk`.
 */
export function createClient(options: CreateClientOptions): DocSpaceClient {
  const headers: Record<string, string> = { ...options.headers };
  const authorization = authorizationHeader(options);
  if (authorization) headers.Authorization = authorization;
  const clientOptions: ClientOptions = { baseUrl: options.baseUrl.replace(/\/+$/, ''), headers };
  if (options.fetch) clientOptions.fetch = options.fetch;
  return createFetchClient<paths>(clientOptions) as DocSpaceClient;
}
