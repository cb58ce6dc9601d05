import { whenAborted } from './abort.js';
import { ConnectionError, ResponseTooLargeError, TimeoutError } from './errors.js';

/**
 * @internal Bounded response bodies.
 *
 * `fetch` decompresses gzip, br and deflate bodies as they stream in; `response.text()` then keeps everything, so a
 * 2 KB brotli "bomb" or an endless chunked answer grows until V8 dies with a fatal error no `catch` can handle.
 * Here the decoded bytes are counted as they arrive and reading stops at the limit.
 */

/**
 * Default `maxResponseBytes`: 32 MiB of decoded body. The largest real answer is a page of 100 people: 100 KB from
 * the fake portal (1 KB per EmployeeFullDto, measured), up to about 300 KB with a real portal's avatars, groups and
 * contacts, so the default leaves a margin of 100 times and more.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

const decoder = new TextDecoder();

/**
 * @internal Reads a body as UTF-8 text (BOM stripped, as `response.text()` does), at most `maxBytes` decoded bytes.
 * Throws {@link ResponseTooLargeError} (and cancels the body) past the limit; read errors propagate as they are.
 * `signal` (the attempt's) stops a counted read even when the body's source ignores the abort.
 */
export async function readTextCapped(
  response: Response,
  maxBytes: number,
  method: string,
  path: string,
  signal?: AbortSignal | undefined,
): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const headers = response.headers;
  const length = headers.get('content-length');
  if (length !== null && isIdentity(headers.get('content-encoding'))) {
    // HTTP framing guarantees an identity body is exactly content-length bytes long: no need to count.
    if (Number(length) <= maxBytes) return response.text();
    await body.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(method, path, response.status, maxBytes);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  // The attempt's signal (timeout or caller) ends the read here too: after a body that failed to decompress,
  // Node 20's fetch (undici 6) can leave the next body on that connection stalled past any abort. Cancelling the
  // reader settles the pending read whatever the source does.
  let aborted = false;
  const stopWaiting = signal
    ? whenAborted(signal, () => {
        aborted = true;
        reader.cancel().catch(() => undefined);
      })
    : undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (aborted) throw new Error('the attempt was aborted while its body was read');
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new ResponseTooLargeError(method, path, response.status, maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    stopWaiting?.();
  }
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(all);
}

function isIdentity(encoding: string | null): boolean {
  return encoding === null || encoding === '' || encoding.toLowerCase() === 'identity';
}

/** @internal What {@link guardedResponse} enforces on a body read later by someone else (the raw client). */
export interface BodyGuard {
  method: string;
  path: string;
  maxBytes: number;
  /** Milliseconds left for the whole body; 0 = no limit. */
  timeoutMs: number;
  /** The per-attempt timeout, for the error message. */
  attemptTimeoutMs: number;
  /** The caller's signal: aborting it stops the body with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Turns an error into its redacted form before it reaches the reader. */
  redact: <E>(error: E) => E;
}

const NULL_BODY_STATUS = /* @__PURE__ */ new Set([101, 103, 204, 205, 304]);

/**
 * @internal Wraps a response so that whoever reads its body (openapi-fetch's `response.json()`) gets the SDK's
 * limits: the body stops with {@link ResponseTooLargeError} past `maxBytes`, with {@link TimeoutError} when it is
 * not complete within the attempt's timeout, with a {@link ConnectionError} when the connection breaks (instead of a
 * bare `TypeError: terminated`), and with the signal's reason on abort.
 */
export function guardedResponse(response: Response, guard: BodyGuard): Response {
  const source = response.body;
  if (source === null || NULL_BODY_STATUS.has(response.status)) return response;
  const reader = source.getReader();
  const { method, path, maxBytes, signal } = guard;
  let total = 0;
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let stopWaiting: (() => void) | undefined;
  const cleanup = () => {
    finished = true;
    if (timer !== undefined) clearTimeout(timer);
    stopWaiting?.();
  };
  const fail = (error: unknown) => {
    if (finished) return;
    cleanup();
    controller.error(guard.redact(error));
    reader.cancel().catch(() => undefined);
  };
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (signal?.aborted) return fail(signal.reason);
      if (signal) stopWaiting = whenAborted(signal, () => fail(signal.reason));
      if (guard.timeoutMs > 0) {
        timer = setTimeout(
          () => fail(new TimeoutError(method, path, guard.attemptTimeoutMs)),
          guard.timeoutMs,
        );
        (timer as { unref?: () => void }).unref?.();
      }
    },
    async pull(c) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        fail(new ConnectionError(method, path, error));
        return;
      }
      if (finished) return;
      if (chunk.done) {
        cleanup();
        c.close();
        return;
      }
      total += chunk.value.byteLength;
      if (total > maxBytes) return fail(new ResponseTooLargeError(method, path, response.status, maxBytes));
      c.enqueue(chunk.value);
    },
    cancel(reason) {
      cleanup();
      return reader.cancel(reason);
    },
  });
  return new Response(stream, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
