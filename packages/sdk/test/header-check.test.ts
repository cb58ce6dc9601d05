import { DocSpace, ValidationError } from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { employee, envelope, jsonFetch, SECRET } from './helpers/fixtures.js';
import { type MisbehavingServer, startServer } from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const baseUrl = 'https://portal.example';

function refusal(create: () => unknown): ValidationError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('accepted');
}

describe('a token or header with an invisible or control character is refused when the client is created', () => {
  it.each([
    ['zero-width space', `${SECRET}\u200b`, 'U+200B (zero-width space)'],
    ['carriage return', `sk-abc\rdef`, 'U+000D (carriage return)'],
    ['line feed', `sk-abc\ndef`, 'U+000A (line feed)'],
    ['NUL', `sk-abc\0def`, 'U+0000 (NUL)'],
    ['byte order mark inside', `sk-abc\ufeffdef`, 'U+FEFF (byte order mark)'],
    ['space inside', `sk-abc def`, 'U+0020 (space)'],
    ['non-ASCII letter', `sk-abcé`, 'U+00E9'],
  ])('token with a %s', (_, token, named) => {
    const error = refusal(() => new DocSpace({ baseUrl, token }));
    expect(error).toMatchObject({ field: 'token', rule: 'visibleAscii' });
    expect(error.message).toContain(named);
    expect(error.message).not.toContain('sk-abc');
    expect(error.message).not.toContain(SECRET);
  });

  it('a token with surrounding whitespace (a trailing newline from a file) is still accepted', async () => {
    const { fetch, calls } = jsonFetch(envelope(employee()));
    const ds = new DocSpace({ baseUrl, token: `  ${SECRET}\n`, fetch });
    await ds.people.me();
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe(`Bearer ${SECRET}`);
  });

  it.each([
    ['basic.password', { email: 'a@example.com', password: 'pass\0word' }],
    ['basic.email', { email: 'a@example.com\u200b', password: 'password' }],
  ])('basic credentials: %s', (field, basic) => {
    expect(refusal(() => new DocSpace({ baseUrl, basic }))).toMatchObject({ field });
  });

  it.each([
    ['x-tenant', 'acme\r\nx-injected: 1', 'headers["x-tenant"]', 'headerValue'],
    ['x-tenant', 'acme\0', 'headers["x-tenant"]', 'headerValue'],
    ['x-tenant', '\u200bacme', 'headers["x-tenant"]', 'headerValue'],
    ['x tenant', 'acme', 'headers["x tenant"]', 'headerName'],
    ['x-tenant\n', 'acme', 'headers["x-tenant\\n"]', 'headerName'],
  ])('headers option %j: %j', (name, value, field, rule) => {
    expect(refusal(() => new DocSpace({ baseUrl, token: 'sk-x', headers: { [name]: value } }))).toMatchObject(
      {
        field,
        rule,
      },
    );
  });

  it('per-call headers are checked before anything is sent', async () => {
    server = await startServer(({ res }) => {
      res.end();
    });
    const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', maxRetries: 3 });
    const error = await ds.people.me({ headers: { 'x-trace': 'a\nb' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'options.headers["x-trace"]', rule: 'headerValue' });
    expect(server.hits).toEqual([]);
  });

  it('ordinary headers pass', () => {
    expect(
      () =>
        new DocSpace({
          baseUrl,
          token: 'sk-x',
          headers: { 'x-tenant': 'acme corp', 'user-agent': 'app/1.0 (x)' },
        }),
    ).not.toThrow();
  });
});
