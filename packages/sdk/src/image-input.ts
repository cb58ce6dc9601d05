import { ValidationError } from './errors.js';

/** What {@link photosUpload} accepts: a Blob/File, bytes, a byte stream, or (Node, Bun, Deno) a file path. */
export type PhotoData = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | string;

/** An image read into memory and identified by its content. */
export interface ImageBytes {
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: 'image/png' | 'image/jpeg';
  extension: 'png' | 'jpg';
}

/** @internal Reads photo data (at most `maxBytes`), checks the size and that it is a PNG or JPEG by content. */
export async function readImage(data: PhotoData, maxBytes: number, field = 'data'): Promise<ImageBytes> {
  const bytes = await readAll(data, maxBytes, field);
  if (bytes.byteLength === 0) throw new ValidationError(field, 'nonEmpty', 'the image is empty');
  if (bytes.byteLength > maxBytes) {
    throw new ValidationError(field, `maxBytes:${maxBytes}`, `the image is larger than ${maxBytes} bytes`);
  }
  const kind = sniff(bytes);
  if (!kind) {
    throw new ValidationError(
      field,
      'image/png|image/jpeg',
      'only PNG and JPEG images are accepted (checked by content)',
    );
  }
  return { bytes, ...kind };
}

/** @internal PNG or JPEG by magic number. */
export function sniff(
  bytes: Uint8Array,
): { mimeType: 'image/png' | 'image/jpeg'; extension: 'png' | 'jpg' } | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b))
    return { mimeType: 'image/png', extension: 'png' };
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return { mimeType: 'image/jpeg', extension: 'jpg' };
  }
  return undefined;
}

async function readAll(data: PhotoData, maxBytes: number, field: string): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof data === 'string') return readPath(data, maxBytes, field);
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (typeof Blob !== 'undefined' && data instanceof Blob) {
    if (data.size > maxBytes) throw tooLarge(field, maxBytes);
    return new Uint8Array(await data.arrayBuffer());
  }
  if (data && typeof (data as ReadableStream).getReader === 'function')
    return readStream(data as ReadableStream, maxBytes, field);
  throw new ValidationError(
    field,
    'type',
    'must be a Blob, File, Uint8Array, ArrayBuffer, ReadableStream or file path',
  );
}

async function readStream(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  field: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(field, maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

async function readPath(path: string, maxBytes: number, field: string): Promise<Uint8Array<ArrayBuffer>> {
  if (path === '') throw new ValidationError(field, 'required', 'the file path is empty');
  // Only loaded when a path is given, so browsers never see a node: import.
  const specifier = 'node:fs/promises';
  const fs = (await import(/* @vite-ignore */ specifier)) as typeof import('node:fs/promises');
  const info = await fs.stat(path).catch((error: unknown) => {
    throw new ValidationError(field, 'file', `cannot read ${path}: ${(error as Error).message}`);
  });
  if (!info.isFile()) throw new ValidationError(field, 'file', `${path} is not a file`);
  if (info.size > maxBytes) throw tooLarge(field, maxBytes);
  const buffer = await fs.readFile(path);
  return new Uint8Array(
    buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
  );
}

function tooLarge(field: string, maxBytes: number): ValidationError {
  return new ValidationError(field, `maxBytes:${maxBytes}`, `the image is larger than ${maxBytes} bytes`);
}
