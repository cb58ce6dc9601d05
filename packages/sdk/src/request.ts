import { type Connection, transportOf } from './connection.js';
import type { Envelope, Operation, PathParams, QueryParams, RequestBody } from './operations.js';
import type { RequestOptions } from './options.js';

/**
 * @internal What a facade call sends for a declared operation, typed by the generated contract: `path` holds
 * the path parameters (already checked and encoded by the caller), `query` the query parameters, `body` the JSON
 * body. Each key is required when the operation has it required, and refused when it has none.
 */
export type Args<D> = ([PathParams<D>] extends [never] ? { path?: never } : { path: PathParams<D> }) &
  ([QueryParams<D>] extends [never] ? { query?: never } : { query?: QueryParams<D> }) &
  ([RequestBody<D>] extends [never] ? { body?: never } : { body: RequestBody<D> }) & {
    /** Multipart body (photo upload). */
    form?: FormData;
    /** Overrides the method's idempotency (e.g. resending invitations is a PUT that sends e-mails). */
    idempotent?: boolean;
  };

/**
 * @internal Sends a declared operation and resolves with its success envelope, decoded and checked by the
 * transport (see decode.ts). `map` turns the envelope (and the HTTP status) into the public result.
 */
export function request<D extends Operation, T>(
  connection: Connection,
  op: D,
  args: Args<D>,
  options: RequestOptions | undefined,
  map: (envelope: Envelope<D>, status: number) => T,
): Promise<T> {
  return transportOf(connection).send(
    op,
    args as RawArgs,
    options,
    map as (envelope: unknown, status: number) => T,
  );
}

/** @internal {@link Args} without the types, as the transport sees them. */
export interface RawArgs {
  path?: Record<string, string> | undefined;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
  form?: FormData | undefined;
  idempotent?: boolean | undefined;
}

/** @internal Fills a declaration's path placeholders with (already encoded) values. */
export function expandPath(parts: readonly string[], values: Record<string, string> | undefined): string {
  if (parts.length === 1) return parts[0] as string;
  let path = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    path += (values as Record<string, string>)[parts[i] as string];
    path += parts[i + 1] as string;
  }
  return path;
}

/** @internal Builds a query string (`''` or `?a=1&b=x`); arrays repeat the key, `undefined` is left out. */
export function queryString(query: Record<string, unknown> | undefined): string {
  if (query === undefined) return '';
  let out = '';
  for (const key in query) {
    const value = query[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) out += `&${key}=${encodeURIComponent(String(item))}`;
    } else {
      out += `&${key}=${encodeURIComponent(String(value))}`;
    }
  }
  return out === '' ? '' : `?${out.slice(1)}`;
}
