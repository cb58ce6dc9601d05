import { createClient, type paths } from '@docspace-people/client';
import { DocSpace } from '@docspace-people/sdk';
import createFetchClient from 'openapi-fetch';

/** A `fetch` every client accepts: openapi-fetch passes a Request, the others a URL and init. */
export type AnyFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The two calls every client is measured on. Each returns the person (or the server's payload for it). */
export interface BenchClient {
  /** GET /api/2.0/people/{id}. */
  get(id: string): Promise<unknown>;
  /** POST /api/2.0/people. */
  create(input: { email: string; firstName: string; lastName: string }): Promise<unknown>;
}

/** The four clients compared, in table order. */
export const clientNames = ['facade', 'generated', 'openapi-fetch', 'baseline'] as const;
/** One of {@link clientNames}. */
export type ClientName = (typeof clientNames)[number];

/** What each client is, for the table's legend. */
export const clientLabels: Record<ClientName, string> = {
  facade:
    '@docspace-people/sdk (DocSpace facade; 1: with the stub fetch; 2, 5: as created, node:http in Node)',
  generated: '@docspace-people/client (generated, on openapi-fetch)',
  'openapi-fetch': 'openapi-fetch used directly with the generated paths',
  baseline: 'hand-written fetch (URL, headers, JSON, status check)',
};

const TOKEN = 'sk-bench-token';

/** Throws like a minimal client would when the call failed. */
function unwrap(result: { data?: unknown; error?: unknown; response: Response }): unknown {
  if (result.error !== undefined || !result.response.ok) throw new Error(`HTTP ${result.response.status}`);
  return (result.data as { response: unknown }).response;
}

/** The facade with a `fetch` option, measured beside its default transport against the loopback server. */
export const facadeWithFetch = 'facade, fetch option';

/**
 * Builds the four clients against one origin and one `fetch`. With `facadeDefaultTransport`, `facade` is created
 * without the `fetch` option (what users get: node:http in Node) and `facadeWithFetch` is added with it; otherwise
 * the facade gets the `fetch` (the stubbed measurement, which must not touch the network).
 */
export function makeClients(
  baseUrl: string,
  fetch: AnyFetch,
  facadeDefaultTransport = false,
): Record<ClientName, BenchClient> & { [facadeWithFetch]?: BenchClient } {
  const ds = new DocSpace(
    facadeDefaultTransport ? { baseUrl, token: TOKEN } : { baseUrl, token: TOKEN, fetch },
  );
  const dsFetch = new DocSpace({ baseUrl, token: TOKEN, fetch });
  const generated = createClient({ baseUrl, token: TOKEN, fetch });
  const direct = createFetchClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${TOKEN}` }, fetch });
  const readHeaders = { accept: 'application/json', authorization: `Bearer ${TOKEN}` };
  const writeHeaders = { ...readHeaders, 'content-type': 'application/json' };
  const baselineJson = async (response: Response): Promise<unknown> => {
    const body = (await response.json()) as { response: unknown };
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return body.response;
  };
  return {
    facade: {
      get: (id) => ds.people.get(id),
      create: (input) => ds.people.create(input),
    },
    ...(facadeDefaultTransport && {
      [facadeWithFetch]: {
        get: (id: string) => dsFetch.people.get(id),
        create: (input: Parameters<BenchClient['create']>[0]) => dsFetch.people.create(input),
      },
    }),
    generated: {
      get: async (id) =>
        unwrap(await generated.GET('/api/2.0/people/{userid}', { params: { path: { userid: id } } })),
      create: async (input) => unwrap(await generated.POST('/api/2.0/people', { body: input })),
    },
    'openapi-fetch': {
      get: async (id) =>
        unwrap(await direct.GET('/api/2.0/people/{userid}', { params: { path: { userid: id } } })),
      create: async (input) => unwrap(await direct.POST('/api/2.0/people', { body: input })),
    },
    baseline: {
      get: async (id) =>
        baselineJson(
          await fetch(`${baseUrl}/api/2.0/people/${encodeURIComponent(id)}`, { headers: readHeaders }),
        ),
      create: async (input) =>
        baselineJson(
          await fetch(`${baseUrl}/api/2.0/people`, {
            method: 'POST',
            headers: writeHeaders,
            body: JSON.stringify(input),
          }),
        ),
    },
  };
}
