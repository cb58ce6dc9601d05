import { inspect } from 'node:util';
import { DocSpace } from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { SECRET } from './helpers/fixtures.js';
import { type MisbehavingServer, sendError, startServer } from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Everything a user, a log or a report could print of an error, causes included. */
function printed(error: unknown): string {
  const e = error as Error & { cause?: unknown };
  const parts = [inspect(error, { depth: 10, showHidden: true }), String(e.message), String(e.stack)];
  for (let cause = e.cause, depth = 0; cause && depth < 5; depth++) {
    parts.push(inspect(cause, { depth: 10, showHidden: true }), String((cause as Error).stack));
    cause = (cause as { cause?: unknown }).cause;
  }
  try {
    parts.push(JSON.stringify(error));
  } catch {}
  return parts.join('\n');
}

describe('secrets are redacted from every error, even when the server echoes them', () => {
  it.each([401, 403, 500, 429])(
    'an HTTP %i whose message echoes the Authorization header',
    async (status) => {
      server = await startServer(({ req, res }) =>
        sendError(res, status, `invalid credentials: ${req.headers.authorization} (token ${SECRET})`),
      );
      const ds = new DocSpace({ baseUrl: server.url, token: SECRET, maxRetries: 0 });
      const error = await ds.people.me().catch((e: unknown) => e);
      expect(error).toMatchObject({ status });
      const text = printed(error);
      expect(text).not.toContain(SECRET);
      // The server's words around the secret are kept.
      expect((error as Error).message).toContain('invalid credentials: Bearer [redacted] (token [redacted])');
      expect(JSON.stringify((error as { body?: unknown }).body)).toContain('[redacted]');
    },
  );

  it('a response header echoing the token (ApiError.headers)', async () => {
    server = await startServer(({ req, res }) =>
      sendError(res, 403, 'denied', { 'x-debug-auth': req.headers.authorization ?? '' }),
    );
    const ds = new DocSpace({ baseUrl: server.url, token: SECRET, maxRetries: 0 });
    const error = (await ds.people.me().catch((e: unknown) => e)) as { headers: Headers };
    expect(error.headers.get('x-debug-auth')).toBe('Bearer [redacted]');
    expect(printed(error)).not.toContain(SECRET);
  });

  it('an HTML answer with HTTP 200 echoing the token (UnexpectedResponseError)', async () => {
    server = await startServer(({ req, res }) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><body>Sign in again, ${req.headers.authorization}</body></html>`);
    });
    const ds = new DocSpace({ baseUrl: server.url, token: SECRET, maxRetries: 0 });
    const error = await ds.people.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'UnexpectedResponseError' });
    expect(printed(error)).not.toContain(SECRET);
  });

  it('an HTML error page echoing the token', async () => {
    server = await startServer(({ req, res }) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(`<html><body>Proxy error for ${req.headers.authorization}</body></html>`);
    });
    const ds = new DocSpace({ baseUrl: server.url, token: SECRET, maxRetries: 0 });
    const error = await ds.people.me().catch((e: unknown) => e);
    expect(printed(error)).not.toContain(SECRET);
  });

  it('a fetch failure that quotes the header value (message, stack and cause chain)', async () => {
    // What undici and proxy agents throw for a header value they refuse: the value, quoted, in the message.
    const fetch = async (_input: string | URL | Request, init?: RequestInit) => {
      const header = (init?.headers as Record<string, string> | undefined)?.authorization;
      const inner = Object.assign(new Error(`socket for ${header} closed`), { code: 'UND_ERR_SOCKET' });
      throw new TypeError(`Headers.append: "${header}" is an invalid header value.`, { cause: inner });
    };
    const ds = new DocSpace({ baseUrl: 'http://127.0.0.1:9', token: SECRET, fetch, maxRetries: 0 });
    const error = await ds.people.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConnectionError' });
    const text = printed(error);
    expect(text).toContain('UND_ERR_SOCKET');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(SECRET);
  });

  it('basic credentials echoed by the server', async () => {
    const password = 'pa55-SECRET-word';
    server = await startServer(({ req, res }) =>
      sendError(res, 401, `no user for ${req.headers.authorization} with password ${password}`),
    );
    const ds = new DocSpace({ baseUrl: server.url, basic: { email: 'a@example.com', password } });
    const text = printed(await ds.people.me().catch((e: unknown) => e));
    expect(text).not.toContain(password);
    expect(text).not.toContain(btoa(`a@example.com:${password}`));
  });
});
