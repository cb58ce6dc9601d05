import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import {
  ConnectionError,
  DocSpace,
  type DocSpaceOptions,
  ResponseTooLargeError,
  TimeoutError,
  ValidationError,
} from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { employee } from './helpers/fixtures.js';
import { type MisbehavingServer, startServer } from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const MB = 1024 * 1024;
/** Small cap for the tests: the bombs below decode to 8 times as much. */
const cap = { maxResponseBytes: MB, retryBaseDelayMs: 1 };

/** A valid success envelope whose decoded size is about `bytes` (a person with a long padding field). */
function bigEnvelope(bytes: number): Buffer {
  const person = { ...employee(), padding: ' '.repeat(bytes) };
  return Buffer.from(JSON.stringify({ response: person, count: 1, links: [], status: 0, statusCode: 200 }));
}

const plain = bigEnvelope(8 * MB);
const bombs = {
  gzip: gzipSync(plain, { level: 1 }),
  br: brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
  deflate: deflateSync(plain, { level: 1 }),
};

// Both ways of sending in Node: node:http (no fetch option, node-http.ts) and fetch (fetch option, body-limits.ts).
const transports: [string, Partial<DocSpaceOptions>][] = [
  ['node:http', {}],
  ['fetch', { fetch: (input, init) => fetch(input, init) }],
];

describe.each(transports)(
  'response bodies are bounded by maxResponseBytes, counted after decompression (%s)',
  (_name, transport) => {
    it.each(Object.entries(bombs))(
      'a %s bomb stops at the cap with ResponseTooLargeError and is not retried',
      async (encoding, bomb) => {
        expect(bomb.length).toBeLessThan(MB / 8);
        server = await startServer(({ res }) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
          res.end(bomb);
        });
        const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', ...cap, ...transport });
        const error = await ds.people.me().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ResponseTooLargeError);
        expect(error).toMatchObject({
          method: 'GET',
          path: '/api/2.0/people/@self',
          status: 200,
          maxResponseBytes: MB,
        });
        expect((error as Error).message).toContain(
          'larger than maxResponseBytes (1048576 bytes after decompression)',
        );
        expect(server.hits).toHaveLength(1);
      },
    );

    it('a plain body larger than the cap fails without being read whole', async () => {
      server = await startServer(({ res }) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(plain.length) });
        res.end(plain);
      });
      const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', ...cap, ...transport });
      await expect(ds.people.me()).rejects.toBeInstanceOf(ResponseTooLargeError);
      expect(server.hits).toHaveLength(1);
    });

    it('an endless chunked body stops at the cap and the connection is closed', async () => {
      let written = 0;
      let closed: () => void = () => undefined;
      const connectionClosed = new Promise<void>((resolve) => {
        closed = resolve;
      });
      server = await startServer(({ res }) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"response":{"padding":"');
        const chunk = 'x'.repeat(64 * 1024);
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) written += chunk.length;
          if (!res.destroyed) res.once('drain', pump);
        };
        res.on('close', closed);
        pump();
      });
      const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', ...cap, ...transport });
      await expect(ds.people.me()).rejects.toBeInstanceOf(ResponseTooLargeError);
      await connectionClosed;
      // The server stopped being read shortly after the cap (socket buffers hold a few MB at most).
      expect(written).toBeLessThan(32 * MB);
      expect(server.hits).toHaveLength(1);
    });

    it('a body under the cap is read whole, compressed or not', async () => {
      const small = bigEnvelope(MB - 4096);
      server = await startServer(({ req, res }) => {
        const gzip = req.url?.includes('@self');
        res.writeHead(200, {
          'content-type': 'application/json',
          ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        });
        res.end(gzip ? gzipSync(small) : small);
      });
      const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', ...cap, ...transport });
      expect((await ds.people.me()).id).toBe(employee().id);
      expect((await ds.people.get(employee().id as string)).id).toBe(employee().id);
    });

    it('the default cap takes a full page of 100 people with room to spare', async () => {
      const people = Array.from({ length: 100 }, (_, i) =>
        employee({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }),
      );
      server = await startServer(({ res }) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(
          gzipSync(JSON.stringify({ response: people, count: 100, total: 100, status: 0, statusCode: 200 })),
        );
      });
      const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', ...transport });
      expect(await ds.people.list().toArray()).toHaveLength(100);
    });

    it('ds.raw applies the same cap', async () => {
      server = await startServer(({ res }) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
        res.end(bombs.br);
      });
      const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', ...cap, ...transport });
      await expect(ds.raw.GET('/api/2.0/people/@self')).rejects.toBeInstanceOf(ResponseTooLargeError);
      expect(server.hits).toHaveLength(1);
    });

    it.each([0, -1, 1.5, '1000'])('maxResponseBytes %j is refused when the client is created', (value) => {
      expect(
        () =>
          new DocSpace({
            baseUrl: 'https://portal.example',
            token: 'sk-x',
            maxResponseBytes: value as number,
          }),
      ).toThrow(ValidationError);
    });
  },
);

describe('ds.raw times out and fails like the facade', () => {
  /** Sends headers and the start of a body, then stalls (or drops the connection). */
  async function stallingServer(then: 'stall' | 'drop') {
    server = await startServer(({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"response":{"id":"');
      if (then === 'drop') setTimeout(() => res.destroy(), 20);
    }, 5000);
    return new DocSpace({ baseUrl: server.url, token: 'sk-x', timeoutMs: 200, maxRetries: 0 });
  }

  it('a stalled body fails with TimeoutError within timeoutMs', async () => {
    const ds = await stallingServer('stall');
    const started = Date.now();
    const error = await ds.raw.GET('/api/2.0/people/@self').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ method: 'GET', path: '/api/2.0/people/@self', timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a connection dropped in the middle of the body is a ConnectionError, not a bare TypeError', async () => {
    const ds = await stallingServer('drop');
    const error = await ds.raw.GET('/api/2.0/people/@self').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('GET /api/2.0/people/@self: connection failed');
  });

  it('the facade behaves the same on a stalled body', async () => {
    const ds = await stallingServer('stall');
    await expect(ds.people.me()).rejects.toBeInstanceOf(TimeoutError);
  });
});
