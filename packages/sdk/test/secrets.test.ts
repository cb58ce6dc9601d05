import { inspect } from 'node:util';
import { authorizationHeader } from '@docspace-people/client';
import { DocSpace } from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { employee, SECRET } from './helpers/fixtures.js';
import {
  closedPort,
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

const PASSWORD = 'pa55-SECRET-word';
const BASIC_B64 = btoa(`admin@example.com:${PASSWORD}`);

function everythingPrintable(value: unknown): string {
  return [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value), String(value)].join('\n');
}

describe('the token never leaks', () => {
  it.each([
    ['token', { token: SECRET }, [SECRET]],
    ['basic', { basic: { email: 'admin@example.com', password: PASSWORD } }, [PASSWORD, BASIC_B64]],
  ])('util.inspect, JSON.stringify and String of a client with %s show no secret', (_, auth, secrets) => {
    const ds = new DocSpace({ baseUrl: 'https://portal.example', ...auth });
    const printed = everythingPrintable(ds) + everythingPrintable(ds.people) + everythingPrintable(ds.photos);
    for (const secret of secrets) expect(printed).not.toContain(secret);
    expect(inspect(ds)).toContain('[redacted]');
  });

  it('is sent as Authorization: Bearer', async () => {
    server = await startServer(({ res }) => sendEnvelope(res, employee()));
    const ds = new DocSpace({ baseUrl: server.url, token: SECRET });
    await ds.people.me();
    expect(server.lastHeaders().authorization).toBe(`Bearer ${SECRET}`);
  });

  it('a token given with "Bearer " is not doubled', async () => {
    server = await startServer(({ res }) => sendEnvelope(res, employee()));
    const ds = new DocSpace({ baseUrl: server.url, token: `Bearer ${SECRET}` });
    await ds.people.me();
    expect(server.lastHeaders().authorization).toBe(`Bearer ${SECRET}`);
  });

  it('basic credentials are sent as Authorization: Basic', async () => {
    server = await startServer(({ res }) => sendEnvelope(res, employee()));
    const ds = new DocSpace({
      baseUrl: server.url,
      basic: { email: 'admin@example.com', password: PASSWORD },
    });
    await ds.people.me();
    expect(server.lastHeaders().authorization).toBe(`Basic ${BASIC_B64}`);
  });

  it('a non-ASCII basic credential is encoded as UTF-8, exactly as the generated client does', async () => {
    server = await startServer(({ res }) => sendEnvelope(res, employee()));
    const basic = { email: 'jörg@example.com', password: 'pässwörd-日本' };
    await new DocSpace({ baseUrl: server.url, basic }).people.me();
    expect(server.lastHeaders().authorization).toBe(authorizationHeader({ basic }));
    expect(atob(server.lastHeaders().authorization?.slice(6) ?? '')).not.toBe(
      `${basic.email}:${basic.password}`,
    );
  });

  it('errors from the server, even one echoing the token, show no secret', async () => {
    server = await startServer(({ req, res }) =>
      sendError(res, 401, `bad token ${req.headers.authorization}`),
    );
    const ds = new DocSpace({ baseUrl: server.url, token: SECRET });
    const error = await ds.people.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AuthenticationError' });
    // The server's own words are kept, but the SDK adds nothing secret: the message is the server's echo only.
    const printedWithoutBody = everythingPrintable({
      ...(error as object),
      body: undefined,
      serverMessage: undefined,
      message: undefined,
    });
    expect(printedWithoutBody).not.toContain(SECRET);
  });

  it('connection and timeout errors show no secret', async () => {
    const ds = new DocSpace({ baseUrl: await closedPort(), token: SECRET, maxRetries: 0 });
    const error = await ds.people.me().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConnectionError' });
    expect(everythingPrintable(error)).not.toContain(SECRET);
  });

  it('log lines show no secret, even when the server echoes it', async () => {
    server = await startServer(({ req, res, attempt }) =>
      attempt === 1
        ? sendError(res, 503, `echo ${req.headers.authorization}`, { 'retry-after': '0' })
        : sendError(res, 401, `echo ${req.headers.authorization}`),
    );
    const lines: string[] = [];
    const ds = new DocSpace({ baseUrl: server.url, token: SECRET, logger: (line) => lines.push(line) });
    await ds.people.me().catch(() => undefined);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(lines.join('\n')).toContain('[redacted]');
  });
});
