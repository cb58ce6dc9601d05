import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isObject } from '../spec-diff/document.js';

/** A new upstream document, read byte for byte, with what can be learned about where it came from. */
export interface IncomingUpstream {
  /** The exact bytes, pinned as they are. */
  readonly bytes: Buffer;
  /** The parsed document. */
  readonly doc: Record<string, unknown>;
  /** sha256 of the bytes (hex). */
  readonly sha256: string;
  /** `info.version` of the document. */
  readonly infoVersion: string;
  /** The URL it was fetched from (undefined for a local file). */
  readonly url?: string;
  /** Repository, commit or tag and path, when the URL says them (raw.githubusercontent.com and github.com/raw). */
  readonly fromUrl: { repository?: string; commit?: string; tag?: string; path?: string };
}

/** The given source is not a usable upstream document; the message says why. */
export class UpstreamReadError extends Error {
  override readonly name = 'UpstreamReadError';
}

const RAW_HOSTS: ReadonlyArray<[RegExp, (m: RegExpMatchArray) => [string, string, string, string]]> = [
  [
    /^https:\/\/raw\.githubusercontent\.com\/([^/]+)\/([^/]+)\/([^/]+)\/(.+)$/,
    (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '', m[4] ?? ''],
  ],
  [
    /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/raw\/([^/]+)\/(.+)$/,
    (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '', m[4] ?? ''],
  ],
];

/** Reads repository, commit (40 hex digits) or tag, and path from a raw GitHub file URL. */
export function provenanceFromUrl(url: string): IncomingUpstream['fromUrl'] {
  for (const [pattern, parts] of RAW_HOSTS) {
    const match = url.match(pattern);
    if (!match) continue;
    const [owner, repo, ref, path] = parts(match);
    const where = { repository: `https://github.com/${owner}/${repo}`, path: decodeURIComponent(path) };
    return /^[0-9a-f]{40}$/i.test(ref)
      ? { ...where, commit: ref }
      : { ...where, tag: decodeURIComponent(ref) };
  }
  return {};
}

async function readBytes(source: string, cwd: string, fetchImpl: typeof fetch): Promise<Buffer> {
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetchImpl(source);
    } catch (error) {
      throw new UpstreamReadError(`could not fetch ${source}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new UpstreamReadError(`fetching ${source} answered HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
  try {
    return await readFile(resolve(cwd, source));
  } catch (error) {
    throw new UpstreamReadError(
      `could not read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/**
 * Reads a new upstream People document from a file path (relative to `cwd`) or an http(s) URL, and checks that it
 * is an OpenAPI 3.0 JSON document with paths and `info.version`.
 */
export async function readUpstream(
  source: string,
  options: { cwd?: string; fetch?: typeof fetch } = {},
): Promise<IncomingUpstream> {
  const bytes = await readBytes(source, options.cwd ?? process.cwd(), options.fetch ?? globalThis.fetch);
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UpstreamReadError(`${source} is not JSON: ${(error as Error).message}`);
  }
  if (!isObject(doc) || typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.0')) {
    throw new UpstreamReadError(`${source} is not an OpenAPI 3.0 document (no "openapi": "3.0.x")`);
  }
  if (!isObject(doc.paths) || !isObject(doc.info) || typeof doc.info.version !== 'string') {
    throw new UpstreamReadError(`${source} has no paths or no info.version`);
  }
  const url = /^https?:\/\//i.test(source) ? source : undefined;
  return {
    bytes,
    doc,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    infoVersion: doc.info.version,
    ...(url === undefined ? {} : { url }),
    fromUrl: url === undefined ? {} : provenanceFromUrl(url),
  };
}
