import { ConnectionError, DocSpace, RateLimitError, ServerError, TimeoutError } from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { employee, USER_ID } from './helpers/fixtures.js';
import {
  closedPort,
  delay,
  type Hit,
  type MisbehavingServer,
  sendEnvelope,
  sendError,
  startServer,
} from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fast = { token: 'sk-x', retryBaseDelayMs: 1, maxRetries: 2 };

/** Fails the first `failures` attempts of each route with `fail`, then succeeds. */
function flaky(failures: number, fail: (hit: Hit) => void) {
  return (hit: Hit) => {
    if (hit.attempt <= failures) return fail(hit);
    sendEnvelope(hit.res, employee());
  };
}

describe('retries', () => {
  it.each([429, 502, 503, 504])('a GET answered %i is retried and then succeeds', async (status) => {
    server = await startServer(flaky(2, ({ res }) => sendError(res, status, 'busy')));
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    await expect(ds.people.get(USER_ID)).resolves.toMatchObject({ id: USER_ID });
    expect(server.hits).toHaveLength(3);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    server = await startServer(({ res }) => sendError(res, 503, 'down'));
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    await expect(ds.people.me()).rejects.toBeInstanceOf(ServerError);
    expect(server.hits).toHaveLength(3);
  });

  it('a per-call maxRetries overrides the client setting', async () => {
    server = await startServer(({ res }) => sendError(res, 503, 'down'));
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    await expect(ds.people.me({ maxRetries: 0 })).rejects.toBeInstanceOf(ServerError);
    expect(server.hits).toHaveLength(1);
  });

  it.each([400, 401, 403, 404, 500])('HTTP %i is not retried', async (status) => {
    server = await startServer(({ res }) => sendError(res, status, 'no'));
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    await expect(ds.people.me()).rejects.toMatchObject({ status });
    expect(server.hits).toHaveLength(1);
  });

  it('a POST answered 429 is retried (the rate limiter refused it before the API saw it)', async () => {
    server = await startServer(
      flaky(1, ({ res }) => sendError(res, 429, 'slow down', { 'retry-after': '0' })),
    );
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    await expect(ds.people.create({ email: 'a@example.com' })).resolves.toMatchObject({ id: USER_ID });
    expect(server.hits).toEqual(['POST /api/2.0/people', 'POST /api/2.0/people']);
  });

  it('a POST answered 503 with Retry-After is retried', async () => {
    server = await startServer(
      flaky(1, ({ res }) => sendError(res, 503, 'maintenance', { 'retry-after': '0' })),
    );
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    await expect(ds.people.create({ email: 'a@example.com' })).resolves.toMatchObject({ id: USER_ID });
    expect(server.hits).toEqual(['POST /api/2.0/people', 'POST /api/2.0/people']);
  });

  it.each([502, 503, 504])(
    'a POST answered %i without Retry-After is not retried (the server may have acted)',
    async (status) => {
      server = await startServer(({ res }) => sendError(res, status, 'gateway'));
      const ds = new DocSpace({ baseUrl: server.url, ...fast });
      await expect(ds.people.create({ email: 'a@example.com' })).rejects.toBeInstanceOf(ServerError);
      expect(server.hits).toHaveLength(1);
    },
  );

  it('Retry-After (seconds) decides the wait before retrying', async () => {
    server = await startServer((hit) => {
      if (hit.attempt === 1) return sendError(hit.res, 429, 'wait', { 'retry-after': '0.05' });
      sendEnvelope(hit.res, employee());
    });
    const lines: string[] = [];
    const ds = new DocSpace({ baseUrl: server.url, ...fast, logger: (line) => lines.push(line) });
    await ds.people.me();
    expect(lines).toContain('[docspace] GET /api/2.0/people/@self -> 429, retry 1/2 in 50 ms');
  });

  it('X-RateLimit-Reset decides the wait on a 429 without Retry-After', async () => {
    server = await startServer((hit) => {
      if (hit.attempt > 1) return sendEnvelope(hit.res, employee());
      // A Unix timestamp in seconds, 80 ms ahead (DocSpace sends whole seconds; a fraction keeps the test short).
      const reset = String((Date.now() + 80) / 1000);
      sendError(hit.res, 429, 'wait', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset });
    });
    const lines: string[] = [];
    const ds = new DocSpace({ baseUrl: server.url, ...fast, logger: (line) => lines.push(line) });
    await ds.people.me();
    const retry = lines.find((line) => line.includes('-> 429, retry 1/2 in'));
    const waited = Number(retry?.match(/in (\d+) ms/)?.[1]);
    expect(waited).toBeGreaterThan(40);
    expect(waited).toBeLessThanOrEqual(80);
  });

  it('a 429 asking for a longer wait than maxRetryWaitMs fails at once with RateLimitError saying when', async () => {
    server = await startServer(({ res }) => sendError(res, 429, 'daily limit', { 'retry-after': '86400' }));
    const ds = new DocSpace({ baseUrl: server.url, ...fast, maxRetryWaitMs: 1000 });
    const error = await ds.people.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(86_400_000);
    expect((error as RateLimitError).retryAt?.getTime()).toBeGreaterThan(Date.now() + 86_000_000);
    expect(server.hits).toHaveLength(1);
  });
});

describe('rate limits across calls', () => {
  it('after a 429 with Retry-After, the other reads of the client wait instead of hammering the server', async () => {
    let limited = true;
    server = await startServer(({ res }) => {
      if (limited) {
        limited = false;
        return sendError(res, 429, 'slow down', { 'retry-after': '0.05' });
      }
      sendEnvelope(res, employee());
    });
    const lines: string[] = [];
    const ds = new DocSpace({ baseUrl: server.url, ...fast, logger: (line) => lines.push(line) });
    await expect(ds.people.me({ maxRetries: 0 })).rejects.toBeInstanceOf(RateLimitError);
    await expect(ds.people.me()).resolves.toMatchObject({ id: USER_ID });
    expect(
      lines.some((line) =>
        /GET \/api\/2\.0\/people\/@self waits \d+ ms for the rate-limit window/.test(line),
      ),
    ).toBe(true);
    expect(server.hits).toHaveLength(2);
  });
});

describe('the rate-limit pause and queued requests', () => {
  it('a 429 holds back the requests already queued behind the read limit; all then succeed', async () => {
    const WINDOW_MS = 300;
    const arrivals: number[] = [];
    let limitedAt = 0;
    let limitSent: () => void = () => undefined;
    const afterLimit = new Promise<void>((resolve) => {
      limitSent = resolve;
    });
    server = await startServer(async ({ res }) => {
      arrivals.push(Date.now());
      if (arrivals.length === 1) {
        await delay(30); // the second read (in flight beside this one) arrives meanwhile
        limitedAt = Date.now();
        sendError(res, 429, 'slow down', { 'retry-after': String(WINDOW_MS / 1000) });
        limitSent();
        return;
      }
      // Answer the reads sent before the 429 only after it (and after the client has read it).
      if (limitedAt === 0) await afterLimit.then(() => delay(20));
      sendEnvelope(res, employee());
    });
    const ds = new DocSpace({ baseUrl: server.url, ...fast, maxConcurrentReads: 2 });
    const people = await Promise.all(Array.from({ length: 10 }, () => ds.people.get(USER_ID)));
    expect(people.map((person) => person.id)).toEqual(Array(10).fill(USER_ID));
    expect(arrivals).toHaveLength(11); // 10 gets and the retry of the limited one
    const insideWindow = arrivals.slice(2).filter((at) => at < limitedAt + WINDOW_MS);
    expect(insideWindow).toEqual([]);
  });
});

describe('connection failures', () => {
  it('a GET whose connection is reset is retried', async () => {
    server = await startServer(
      flaky(1, ({ res }) => {
        res.socket?.destroy();
      }),
    );
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    await expect(ds.people.me()).resolves.toMatchObject({ id: USER_ID });
    expect(server.hits).toHaveLength(2);
  });

  it('a POST whose connection is reset after sending is not retried', async () => {
    server = await startServer(({ res }) => {
      res.socket?.destroy();
    });
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    await expect(ds.people.create({ email: 'a@example.com' })).rejects.toBeInstanceOf(ConnectionError);
    expect(server.hits).toHaveLength(1);
  });

  it('a POST whose connection is refused is retried (nothing was sent)', async () => {
    const baseUrl = await closedPort();
    let attempts = 0;
    const counting = (input: string | URL | Request, init?: RequestInit) => {
      attempts++;
      return fetch(input, init);
    };
    const ds = new DocSpace({ baseUrl, ...fast, fetch: counting });
    await expect(ds.people.create({ email: 'a@example.com' })).rejects.toBeInstanceOf(ConnectionError);
    expect(attempts).toBe(3);
  });

  it('resending invitations (a PUT that sends e-mails) is not retried after a reset', async () => {
    server = await startServer(({ res }) => {
      res.socket?.destroy();
    });
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    await expect(ds.people.resendInvites(USER_ID)).rejects.toBeInstanceOf(ConnectionError);
    expect(server.hits).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('an answer slower than timeoutMs fails with TimeoutError', async () => {
    server = await startServer(() => undefined);
    const ds = new DocSpace({ baseUrl: server.url, ...fast, timeoutMs: 100, maxRetries: 0 });
    const error = await ds.people.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ timeoutMs: 100, method: 'GET', path: '/api/2.0/people/@self' });
  });

  it('a GET that timed out is retried, and a per-call timeout overrides the client one', async () => {
    server = await startServer((hit) => {
      if (hit.attempt > 1) sendEnvelope(hit.res, employee());
    });
    const ds = new DocSpace({ baseUrl: server.url, ...fast, timeoutMs: 60_000 });
    await expect(ds.people.me({ timeoutMs: 100 })).resolves.toMatchObject({ id: USER_ID });
    expect(server.hits).toHaveLength(2);
  });

  it('only the slow call of several started together times out', async () => {
    server = await startServer(({ req, res }) => {
      if (req.url?.endsWith('/slow')) return;
      sendEnvelope(res, employee());
    });
    const ds = new DocSpace({ baseUrl: server.url, ...fast, timeoutMs: 200, maxRetries: 0 });
    const [fastCall, slowCall] = await Promise.allSettled([ds.people.get(USER_ID), ds.people.get('slow')]);
    expect(fastCall).toMatchObject({ status: 'fulfilled' });
    expect(slowCall).toMatchObject({ status: 'rejected', reason: { name: 'TimeoutError' } });
  });

  it('a POST that timed out is not retried', async () => {
    server = await startServer(() => undefined);
    const ds = new DocSpace({ baseUrl: server.url, ...fast, timeoutMs: 100 });
    await expect(ds.people.create({ email: 'a@example.com' })).rejects.toBeInstanceOf(TimeoutError);
    expect(server.hits).toHaveLength(1);
  });

  it('aborting rejects with the signal reason and sends nothing more', async () => {
    server = await startServer(() => undefined);
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    const controller = new AbortController();
    const pending = ds.people.me({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 50);
    await expect(pending).rejects.toThrow('user gave up');
    expect(server.hits).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    server = await startServer(({ res }) => sendEnvelope(res, employee()));
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    await expect(ds.people.me({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.hits).toHaveLength(0);
  });

  it('aborting during the wait before a retry stops at once', async () => {
    server = await startServer(({ res }) => sendError(res, 503, 'down', { 'retry-after': '30' }));
    const ds = new DocSpace({ baseUrl: server.url, ...fast });
    const controller = new AbortController();
    const pending = ds.people.me({ signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.hits).toHaveLength(1);
  });
});
