import type { FakePortal } from '@docspace-people/testing';

/** A parsed answer of the fake portal. */
export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON body (undefined when not JSON). */
  body: any;
  text: string;
}

/** Options of {@link call}. */
export interface CallOptions {
  /** Token sent as `Authorization: Bearer <token>`; default the owner's. `null` sends no Authorization. */
  token?: string | null;
  /** Raw Authorization header (wins over token). */
  authorization?: string;
  /** JSON body. */
  json?: unknown;
  /** Any other body (e.g. FormData). */
  body?: BodyInit;
  /** Extra headers. */
  headers?: Record<string, string>;
}

/** Calls the fake portal: `call(portal, 'GET', '/people/@self')` (paths are relative to /api/2.0). */
export async function call(
  portal: FakePortal,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? portal.ownerToken : options.token;
  if (options.authorization !== undefined) headers.Authorization = options.authorization;
  else if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${portal.apiUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** A PNG's first bytes followed by padding. */
export const pngBytes = (size = 64): Uint8Array<ArrayBuffer> => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};

/** A JPEG's first bytes followed by padding. */
export const jpegBytes = (size = 64): Uint8Array<ArrayBuffer> => {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
};

/** A multipart body with `File` and `Autosave`, as the v3.7 server expects. */
export function photoForm(bytes: Uint8Array<ArrayBuffer>, autosave: boolean, field = 'File'): FormData {
  const form = new FormData();
  form.append(field, new Blob([bytes]), 'photo.bin');
  form.append('Autosave', String(autosave));
  return form;
}

/** A GUID (8-4-4-4-12 hex) pattern. */
export const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A date as the server sends it: `2025-01-01T10:00:00.0000000+03:00`. */
export const apiDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}[+-]\d{2}:\d{2}$/;
