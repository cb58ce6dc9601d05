import { authorizationHeader, createClient } from '@docspace-people/client';
import { describe, expect, it } from 'vitest';

/** A fetch that records requests and answers an empty success envelope. */
function recordingFetch() {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return new Response(JSON.stringify({ response: {}, count: 1, links: [], status: 0, statusCode: 200 }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  return { requests, fetch };
}

describe('createClient', () => {
  it('sends the token as Authorization: Bearer, never as an ApiKeyBearer header', async () => {
    const { requests, fetch } = recordingFetch();
    await createClient({ baseUrl: 'https://portal.example.com/', token: 'sk-abc', fetch }).GET(
      '/api/2.0/people/@self',
    );
    const [request] = requests;
    expect(request?.url).toBe('https://portal.example.com/api/2.0/people/@self');
    expect(request?.headers.get('authorization')).toBe('Bearer sk-abc');
    expect(request?.headers.has('apikeybearer')).toBe(false);
  });

  it.each([
    [{ token: 'sk-abc' }, 'Bearer sk-abc'],
    [{ token: 'Bearer sk-abc' }, 'Bearer sk-abc'],
    [{ token: '  eyJhbGciOi.x.y ' }, 'Bearer eyJhbGciOi.x.y'],
    [{ basic: { email: 'admin@example.com', password: 'p@ss' } }, `Basic ${btoa('admin@example.com:p@ss')}`],
    [{ basic: { email: 'jürgen@example.com', password: 'ä' } }, 'Basic asO8cmdlbkBleGFtcGxlLmNvbTrDpA=='],
    [{}, undefined],
  ])('authorizationHeader(%j) is %s', (auth, expected) => {
    expect(authorizationHeader(auth)).toBe(expected);
  });

  it('refuses both a token and basic credentials', () => {
    expect(() => authorizationHeader({ token: 'a', basic: { email: 'e', password: 'p' } })).toThrow(
      /not both/,
    );
  });

  it('refuses a token with a line break (header injection)', () => {
    expect(() => authorizationHeader({ token: 'sk-a\r\nX-Evil: 1' })).toThrow(/line breaks/);
  });

  it('refuses an empty token', () => {
    expect(() => createClient({ baseUrl: 'https://x', token: ' ' })).toThrow(/empty/);
  });
});
