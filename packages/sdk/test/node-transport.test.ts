// In Node, clients created without a `fetch` option send through node:http (src/node-http.ts, installed by the
// package's `node` entry); with a `fetch` option they use it. These tests run the same answers through both and
// expect the same results, plus what only the Node path has to get right (keep-alive, decompression by hand).
import { getEventListeners } from 'node:events';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import {
  ConnectionError,
  DocSpace,
  type DocSpaceOptions,
  ServerError,
  TimeoutError,
  UnexpectedResponseError,
} from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { employee, GROUP_ID, USER_ID } from './helpers/fixtures.js';
import { PNG } from './helpers/images.js';
import {
  closedPort,
  type Hit,
  type MisbehavingServer,
  sendEnvelope,
  startServer,
} from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const transports: [string, Partial<DocSpaceOptions>][] = [
  ['node:http (no fetch option)', {}],
  ['fetch (fetch option)', { fetch: (input, init) => fetch(input, init) }],
];

const envelope = (response: unknown) =>
  Buffer.from(JSON.stringify({ response, count: 1, links: [], status: 0, statusCode: 200 }));

describe('which transport a client uses', () => {
  it('without a fetch option, Node sends through node:http; with one, through that fetch', async () => {
    server = await startServer(({ res }) => sendEnvelope(res, employee()));
    await new DocSpace({ baseUrl: server.url, token: 'sk-x' }).people.me();
    // undici's fetch adds `sec-fetch-mode: cors` to every request; node:http does not.
    expect(server.lastHeaders()['sec-fetch-mode']).toBeUndefined();
    expect(server.lastHeaders()['accept-encoding']).toBe('gzip, deflate, br');
    let fetched = 0;
    const ds = new DocSpace({
      baseUrl: server.url,
      token: 'sk-x',
      fetch: (input, init) => {
        fetched++;
        return fetch(input, init);
      },
    });
    await ds.people.me();
    expect(fetched).toBe(1);
    expect(server.lastHeaders()['sec-fetch-mode']).toBe('cors');
  });

  it('node:http keeps the connection alive: 20 sequential calls use one socket', async () => {
    server = await startServer(({ res }) => sendEnvelope(res, employee()));
    const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
    for (let i = 0; i < 20; i++) await ds.people.get(USER_ID);
    expect(server.hits).toHaveLength(20);
    expect(server.connections()).toBe(1);
  });

  it('photo uploads (multipart bodies) still go through fetch, and arrive whole', async () => {
    let contentType = '';
    let fetchMode: string | undefined;
    let body = '';
    server = await startServer(({ req, res, body: received }) => {
      contentType = req.headers['content-type'] ?? '';
      fetchMode = req.headers['sec-fetch-mode'] as string | undefined;
      body = received;
      sendEnvelope(res, { success: true, data: '/storage/photo.png', message: '' });
    });
    const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
    await ds.photos.upload(USER_ID, PNG);
    // undici's fetch marks every request `sec-fetch-mode: cors`; node:http would not.
    expect(fetchMode).toBe('cors');
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(body).toMatch(/name="File"; filename="photo\.png"\r\nContent-Type: image\/png/);
  });
});

describe.each(transports)('the same answers through %s', (_name, transport) => {
  const client = (options: Partial<DocSpaceOptions> = {}) =>
    new DocSpace({ baseUrl: (server as MisbehavingServer).url, token: 'sk-x', ...transport, ...options });

  it('50 calls sharing one caller signal (5 in flight, the rest queued) print no warning and leave no listener', async () => {
    server = await startServer(({ res }) => sendEnvelope(res, employee()));
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const ds = client({ maxConcurrentReads: 5 });
      const calls = Array.from({ length: 50 }, () => ds.people.get(USER_ID, { signal: controller.signal }));
      expect(await Promise.all(calls)).toHaveLength(50);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('aborting a signal shared by queued and running calls ends them all with its reason', async () => {
    server = await startServer(() => undefined);
    const controller = new AbortController();
    const ds = client({ maxConcurrentReads: 2 });
    const calls = Array.from({ length: 6 }, () =>
      ds.people.get(USER_ID, { signal: controller.signal }).catch((e: unknown) => e),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    const reason = new Error('stop them all');
    controller.abort(reason);
    expect(await Promise.all(calls)).toEqual(Array(6).fill(reason));
    expect(server.hits).toHaveLength(2);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
    ['br, gzip', (b: Buffer) => gzipSync(brotliCompressSync(b))],
  ] as const)('a %s body is decoded', async (encoding, encode) => {
    server = await startServer(({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
      res.end(encode(envelope(employee({ displayName: 'Zoë Ångström 日本' }))));
    });
    expect((await client().people.get(USER_ID)).displayName).toBe('Zoë Ångström 日本');
  });

  it('a UTF-8 byte order mark is dropped, as response.text() does', async () => {
    server = await startServer(({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), envelope(employee())]));
    });
    expect((await client().people.get(USER_ID)).id).toBe(USER_ID);
  });

  it('a body in an unknown coding is passed on as it came, and is then not JSON', async () => {
    server = await startServer(({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'zstd' });
      res.end(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]));
    });
    const error = await client()
      .people.get(USER_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ problem: 'not JSON' });
  });

  it('a POST body arrives whole, with its content-length, in UTF-8', async () => {
    let received: unknown;
    let length: string | undefined;
    server = await startServer(({ req, res, body }) => {
      length = req.headers['content-length'];
      received = JSON.parse(body);
      sendEnvelope(res, employee({ firstName: 'Zoë' }));
    });
    await client().people.create({ email: 'zoe@example.com', firstName: 'Zoë', lastName: 'Ångström' });
    expect(received).toMatchObject({ email: 'zoe@example.com', firstName: 'Zoë', lastName: 'Ångström' });
    expect(Number(length)).toBe(Buffer.byteLength(JSON.stringify(received)));
  });

  it('headers that never come end in a TimeoutError after timeoutMs, and the call is retried', async () => {
    server = await startServer(() => undefined);
    const ds = client({ timeoutMs: 100, maxRetries: 1, retryBaseDelayMs: 1 });
    const error = await ds.people.get(USER_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ method: 'GET', timeoutMs: 100 });
    expect(server.hits).toHaveLength(2);
  });

  it('aborting the caller signal ends the call with its reason and closes the request', async () => {
    server = await startServer(() => undefined);
    const controller = new AbortController();
    const call = client().people.get(USER_ID, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const reason = new Error('user went away');
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
    expect(server.hits).toHaveLength(1);
  });

  it('300 calls sharing a caller signal (with retries, errors and timeouts) leave no listener or timer behind', async () => {
    server = await startServer(({ res }) => {
      const n = server?.hits.length ?? 0;
      if (n % 3 === 0) {
        res.writeHead(503, { 'retry-after-ms': '1' });
        res.end('busy');
      } else if (n % 50 === 1) res.destroy();
      else if (n % 70 !== 2) sendEnvelope(res, employee()); // else no answer: the attempt times out
    });
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const controller = new AbortController();
    const ds = client({ timeoutMs: 100, retryBaseDelayMs: 1 });
    const calls = Array.from({ length: 300 }, () => ds.people.get(USER_ID, { signal: controller.signal }));
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThan(250);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('a 503 with Retry-After is retried after the given delay; its body is not needed', async () => {
    server = await startServer(({ res, attempt }) => {
      if (attempt === 1) {
        res.writeHead(503, { 'content-type': 'text/plain', 'retry-after-ms': '20' });
        res.end('busy '.repeat(10_000));
      } else sendEnvelope(res, employee());
    });
    expect((await client().people.get(USER_ID)).id).toBe(USER_ID);
    expect(server.hits).toHaveLength(2);
  });

  it('an error answer keeps its status, server message and headers', async () => {
    server = await startServer(({ res }) => {
      res.writeHead(500, {
        'content-type': 'application/json',
        'x-request-id': 'req-7',
        'set-cookie': 'a=b',
      });
      res.end(JSON.stringify({ error: { message: 'Boom' }, status: 1, statusCode: 500 }));
    });
    const error = await client({ maxRetries: 0 })
      .people.get(USER_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, serverMessage: 'Boom', requestId: 'req-7' });
    expect((error as ServerError).headers.get('x-request-id')).toBe('req-7');
    expect((error as ServerError).headers.get('set-cookie')).toBeNull();
  });

  it('a refused connection is a ConnectionError naming the code; a POST is resent (nothing was sent)', async () => {
    const url = await closedPort();
    const ds = new DocSpace({
      baseUrl: url,
      token: 'sk-x',
      maxRetries: 1,
      retryBaseDelayMs: 1,
      ...transport,
    });
    const lines: string[] = [];
    const logged = new DocSpace({
      baseUrl: url,
      token: 'sk-x',
      maxRetries: 1,
      retryBaseDelayMs: 1,
      logger: (line) => lines.push(line),
      ...transport,
    });
    const error = await ds.people.get(USER_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    await expect(logged.people.create({ email: 'a@example.com' })).rejects.toBeInstanceOf(ConnectionError);
    expect(lines.filter((line) => line.includes('retry 1/1'))).toHaveLength(1);
  });
});

// Answers at the edge of HTTP: what fetch (undici) makes of them is the reference for node:http.
describe.each(transports)('answers at the edge of HTTP, through %s', (_name, transport) => {
  const client = (options: Partial<DocSpaceOptions> = {}) =>
    new DocSpace({ baseUrl: (server as MisbehavingServer).url, token: 'sk-x', ...transport, ...options });
  /** Answers the GET of a normal group (groups.delete reads the group first), and `write` for the rest. */
  const serveGroup = async (write: (hit: Hit) => void) => {
    server = await startServer((hit) => {
      if (hit.req.method !== 'GET') return write(hit);
      sendEnvelope(hit.res, { id: GROUP_ID, name: 'Sales', isLDAP: false, membersCount: 0 });
    });
  };

  it('a 101 answer to an ordinary request fails the call at once (no wait for the timeout)', async () => {
    server = await startServer(({ res }) => {
      res.socket?.write(
        'HTTP/1.1 101 Switching Protocols\r\nconnection: upgrade\r\nupgrade: websocket\r\n\r\n',
      );
    });
    const error = await client({ timeoutMs: 1000, maxRetries: 0 })
      .people.get(USER_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
  });

  it('a 204 with content-encoding: gzip (and no body) is a success', async () => {
    await serveGroup(({ res }) => {
      res.writeHead(204, { 'content-encoding': 'gzip' });
      res.end();
    });
    await expect(client({ maxRetries: 0 }).groups.delete(GROUP_ID)).resolves.toBeUndefined();
    expect(server?.hits).toEqual([`GET /api/2.0/group/${GROUP_ID}`, `DELETE /api/2.0/group/${GROUP_ID}`]);
  });

  it.each([
    ['content-length: 0', { 'content-length': '0' }],
    ['chunked', { 'transfer-encoding': 'chunked' }],
  ])('an empty gzip-coded body (%s) is an empty body, not a broken connection', async (_framing, framing) => {
    server = await startServer(({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', ...framing });
      res.end();
    });
    const error = await client({ retryBaseDelayMs: 1 })
      .people.get(USER_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ problem: 'empty body' });
    expect(server.hits).toHaveLength(1);
  });

  it('a body sent with a 204 against the rules does not fail the call', async () => {
    await serveGroup(({ res }) => {
      res.socket?.write('HTTP/1.1 204 No Content\r\ncontent-length: 5\r\n\r\nhello');
    });
    await expect(client({ maxRetries: 0 }).groups.delete(GROUP_ID)).resolves.toBeUndefined();
  });

  it('bytes after a complete answer (longer than its content-length) do not fail the call', async () => {
    server = await startServer(({ res }) => {
      const body = envelope(employee());
      res.socket?.write(
        `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
      );
      res.socket?.write(Buffer.concat([body, Buffer.from('junk')]));
    });
    expect((await client({ maxRetries: 0 }).people.get(USER_ID)).id).toBe(USER_ID);
  });

  it('a deflate body without the zlib wrapper (raw deflate, as some servers send) is decoded', async () => {
    server = await startServer(({ res }) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'deflate' });
      res.end(deflateRawSync(envelope(employee({ displayName: 'Zoë' }))));
    });
    expect((await client({ maxRetries: 0 }).people.get(USER_ID)).displayName).toBe('Zoë');
  });

  it('requests carry a user-agent (some firewalls refuse requests without one); a user-agent header wins', async () => {
    server = await startServer(({ res }) => sendEnvelope(res, employee()));
    await client().people.me();
    expect(server.lastHeaders()['user-agent']).toBe('node');
    await client({ headers: { 'user-agent': 'hr-sync/1.2' } }).people.me();
    expect(server.lastHeaders()['user-agent']).toBe('hr-sync/1.2');
  });
});

describe('node:http is used only when it cannot change where requests go', () => {
  const usesFetch = async () => {
    server = await startServer(({ res }) => sendEnvelope(res, employee()));
    await new DocSpace({ baseUrl: server.url, token: 'sk-x' }).people.me();
    return server.lastHeaders()['sec-fetch-mode'] === 'cors';
  };

  it.each(['HTTPS_PROXY', 'http_proxy', 'NODE_USE_ENV_PROXY'])(
    'with %s set, clients keep fetch',
    async (name) => {
      const before = process.env[name];
      process.env[name] = name === 'NODE_USE_ENV_PROXY' ? '1' : 'http://127.0.0.1:9';
      try {
        // The variable is read when the client is created; fetch itself (Node 20, no dispatcher) ignores it here.
        expect(await usesFetch()).toBe(true);
      } finally {
        if (before === undefined) delete process.env[name];
        else process.env[name] = before;
      }
    },
  );

  it('with an undici global dispatcher other than the default Agent (a proxy agent), clients keep fetch', async () => {
    const key = Symbol.for('undici.globalDispatcher.1');
    const global = globalThis as unknown as Record<symbol, unknown>;
    const before = global[key];
    // A stand-in for setGlobalDispatcher(new ProxyAgent(...)) that still delivers: a copy of the default Agent
    // (fetch creates it on its first network request) whose class is not `Agent`.
    const warmUp = await startServer(({ res }) => {
      res.end();
    });
    await (await fetch(warmUp.url)).text();
    await warmUp.close();
    const real = global[key] as object;
    class ProxyAgent {}
    Object.setPrototypeOf(ProxyAgent.prototype, Object.getPrototypeOf(real));
    global[key] = Object.assign(Object.create(ProxyAgent.prototype), real);
    try {
      expect(await usesFetch()).toBe(true);
    } finally {
      global[key] = before;
    }
  });

  it('without either, clients use node:http', async () => {
    expect(await usesFetch()).toBe(false);
  });
});

describe('redirects', () => {
  it('are not followed: the call fails with UnexpectedResponseError naming the Location, and the token stays here', async () => {
    let hitsElsewhere = 0;
    const elsewhere = await startServer(({ res }) => {
      hitsElsewhere++;
      sendEnvelope(res, employee());
    });
    try {
      server = await startServer(({ res }) => {
        res.writeHead(301, {
          location: `${elsewhere.url}/api/2.0/people/@self`,
          'content-type': 'text/html',
        });
        res.end('<a href="elsewhere">Moved</a>');
      });
      const error = await new DocSpace({ baseUrl: server.url, token: 'sk-x', maxRetries: 0 }).people
        .me()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(error).toMatchObject({
        status: 301,
        problem: `redirect to ${elsewhere.url}/api/2.0/people/@self: set baseUrl to the portal's own address (redirects are not followed)`,
      });
      expect(hitsElsewhere).toBe(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('a body that fails to decompress, through fetch', () => {
  it('the retry on the same connection still ends within timeoutMs (Node 20 fetch can stall it past the abort)', async () => {
    // A bare TCP server: answers every request on the connection with the same broken gzip body, keeps it open.
    const garbage = 'not gzip at all';
    const head = `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: ${garbage.length}\r\n\r\n`;
    let requests = 0;
    const sockets = new Set<Socket>();
    const tcp = createNetServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      let buffered = '';
      socket.on('data', (data) => {
        buffered += data.toString('latin1');
        for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
          buffered = buffered.slice(end + 4);
          requests++;
          socket.write(head);
          socket.write(garbage);
        }
      });
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    try {
      const ds = new DocSpace({
        baseUrl: `http://127.0.0.1:${(tcp.address() as AddressInfo).port}`,
        token: 'sk-x',
        fetch: (input, init) => fetch(input, init),
        timeoutMs: 300,
        maxRetries: 1,
        retryBaseDelayMs: 1,
      });
      const started = Date.now();
      const error = await Promise.race([
        ds.people.get(USER_ID).catch((e: unknown) => e),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3000)),
      ]);
      expect(error).toBeInstanceOf(ConnectionError);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(requests).toBe(2);
    } finally {
      for (const socket of sockets) socket.destroy();
      tcp.close();
    }
  });
});
