import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { type Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { whenAborted } from './abort.js';
import { ResponseTooLargeError, TimeoutError } from './errors.js';
import type { Answer, NativeExchange } from './transport.js';

/**
 * @internal The sending layer's exchange in Node: `node:http` / `node:https` with keep-alive, used instead of the
 * global `fetch` when no `fetch` option is given (the package's `node` export condition installs it: see node.ts).
 *
 * Why: in Node, `fetch` (undici) costs about twice the CPU of `node:http` for a small JSON request, and a request
 * with an AbortSignal (the SDK's timeouts need one) costs 10-20 % more again (a WeakRef, a FinalizationRegistry
 * entry and an abort listener per request). Here a timeout is a plain timer that destroys the request. The AWS SDK
 * makes the same choice (its NodeHttpHandler is the default in Node). Same behaviour as the fetch path: the
 * per-attempt timeout covers the headers and the body, the caller's signal destroys the request, gzip / deflate /
 * br bodies are decompressed and the decoded bytes counted against `maxResponseBytes`, a UTF-8 BOM is dropped.
 */

// Kept-alive sockets, shared by every client of the process (as fetch's global dispatcher is). Idle sockets close
// after 4 s (undici's default, under the 5 s of Node's and most proxies' idle timeouts; a server's shorter
// `Keep-Alive: timeout=N` hint is obeyed by Node), so a request is not written to a socket the server is closing.
const agentOptions = { keepAlive: true, timeout: 4000 };
const httpAgent = /* @__PURE__ */ new HttpAgent(agentOptions);
const httpsAgent = /* @__PURE__ */ new HttpsAgent(agentOptions);

const ACCEPT_ENCODING = 'gzip, deflate, br';

/** @internal Sends one request with `node:http(s)`; see {@link NativeExchange}. */
export const nodeExchange: NativeExchange = (out, timeoutMs, signal, maxBytes, keep) =>
  new Promise((resolve, reject) => {
    const { method, path, url } = out;
    const body = out.init.body as string | undefined;
    let done = false;
    let stopWaiting: (() => void) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let response: IncomingMessage | undefined;
    let stream: Readable | undefined;
    const finish = () => {
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      stopWaiting?.();
    };
    const fail = (error: unknown) => {
      if (done) return;
      finish();
      req.destroy();
      response?.destroy();
      stream?.destroy();
      reject(error);
    };
    const headers: Record<string, string | number> = {
      // fetch's own (undici sends `user-agent: node`): some firewalls refuse requests without one.
      'user-agent': 'node',
      'accept-encoding': ACCEPT_ENCODING,
      ...(out.init.headers as Record<string, string>),
    };
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    const https = url.startsWith('https:');
    const req = (https ? httpsRequest : httpRequest)(
      url,
      { method, headers, agent: https ? httpsAgent : httpAgent },
      (res) => {
        response = res;
        // Runs in an event of the HTTP parser: anything thrown here would crash the process, so it fails the call.
        try {
          const answer: Answer = { status: res.statusCode ?? 0, headers: headersOf(res.rawHeaders) };
          if (!keep(answer) || out.read === undefined) {
            // Not read (a retry follows): close it rather than drain a body of unknown size.
            finish();
            res.destroy();
            resolve({ answer, text: undefined });
            return;
          }
          readBody(res, answer.status, (text) => {
            finish();
            resolve({ answer, text });
          });
        } catch (error) {
          fail(error);
        }
      },
    );
    req.on('error', (error) => {
      // Bytes after a complete answer (a body sent with a 204, a body longer than its content-length) are a parse
      // error of the connection, not of this answer: Node closes the socket and the answer is read whole, as fetch
      // does.
      if (!response?.complete) fail(error);
    });
    // An answer Node does not hand over, such as a 101 to an ordinary request: Node closes the socket without an
    // 'error' (fetch: a failed connection).
    req.on('close', () => {
      if (response === undefined) fail(connectionClosed('before the answer'));
    });
    if (signal) {
      if (signal.aborted) return fail(signal.reason);
      stopWaiting = whenAborted(signal, () => fail(signal.reason));
    }
    if (timeoutMs > 0) {
      timer = setTimeout(() => fail(new TimeoutError(method, path, timeoutMs)), timeoutMs);
    }
    req.end(body);

    /** Reads the answer's body (decompressed, counted, capped) and hands its text to `ok`. */
    function readBody(res: IncomingMessage, status: number, ok: (text: string) => void): void {
      const tooLarge = () => new ResponseTooLargeError(method, path, status, maxBytes);
      const decoders = decompressors(res.headers['content-encoding']);
      const length = res.headers['content-length'];
      if (decoders.length === 0 && length !== undefined && Number(length) > maxBytes) {
        fail(tooLarge());
        return;
      }
      let source: Readable = res;
      for (const decoder of decoders) {
        source.on('error', fail);
        source = source.pipe(decoder);
      }
      stream = source;
      const chunks: Buffer[] = [];
      let total = 0;
      source.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) fail(tooLarge());
        else chunks.push(chunk);
      });
      source.on('end', () => {
        if (done) return;
        const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total)).toString(
          'utf8',
        );
        ok(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      });
      source.on('error', fail);
      // A connection that closes before the whole body arrived (Node does not always emit 'error' for it).
      res.on('close', () => {
        if (!res.complete) fail(connectionClosed('mid-answer'));
      });
    }
  });

/**
 * The decompressing streams for a `content-encoding` list, in the order to apply them (the last coding applied
 * first). None for identity, and none at all when a coding is unknown: the body is then passed on as it came, as
 * fetch does.
 */
function decompressors(header: string | undefined): Transform[] {
  if (header === undefined) return [];
  const out: Transform[] = [];
  for (const coding of header.toLowerCase().split(',').reverse()) {
    const name = coding.trim();
    if (name === 'gzip' || name === 'x-gzip') out.push(decoding(() => createGunzip()));
    // `deflate` is zlib-wrapped by the RFC; some servers send it raw. Like fetch, take the first byte's word for it
    // (a zlib header's low nibble is 8, the deflate method).
    else if (name === 'deflate')
      out.push(decoding((first) => ((first & 0x0f) === 8 ? createInflate() : createInflateRaw())));
    else if (name === 'br') out.push(decoding(() => createBrotliDecompress()));
    else if (name !== 'identity' && name !== '') return [];
  }
  return out;
}

/**
 * A decompressing stream that starts zlib at the first byte: an empty body (a 204 or an empty 200 sent with a
 * `content-encoding`) stays empty, as with fetch, where zlib alone would call it truncated.
 */
function decoding(create: (first: number) => Transform): Transform {
  let zlib: Transform | undefined;
  const stream: Transform = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      if (chunk.length === 0) return next();
      if (zlib === undefined) {
        zlib = create(chunk[0] as number);
        zlib.on('data', (data: Buffer) => stream.push(data));
        zlib.on('error', (error) => stream.destroy(error));
      }
      zlib.write(chunk, () => next());
    },
    flush(next) {
      if (zlib === undefined) return next();
      zlib.once('end', () => next());
      zlib.end();
    },
    destroy(error, next) {
      zlib?.destroy();
      next(error);
    },
  });
  return stream;
}

/** The error of a connection that closed too early, with the code Node gives a reset connection. */
function connectionClosed(when: string): Error {
  return Object.assign(new Error(`the connection closed ${when}`), { code: 'ECONNRESET' });
}

/** The answer's headers as a `Headers` (repeated headers appended, as fetch does). */
function headersOf(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
}
