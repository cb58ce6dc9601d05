import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from './support/call.js';

let portal: FakePortal;
beforeEach(async () => {
  portal ??= await startFakePortal();
  portal.reset();
});
afterAll(() => portal?.stop());

const create = (n: number) =>
  call(portal, 'POST', '/people', {
    json: { email: `p${n}@example.com`, firstName: 'P', lastName: String(n), type: 'User' },
  });
const parallel = <T>(count: number, run: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: count }, (_, i) => run(i)));

describe('concurrency limits', () => {
  it('answers 429 to writes beyond 15 in flight, with Retry-After and X-RateLimit-* headers', async () => {
    portal.setLatency(300);
    const answers = await parallel(20, create);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(5);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(15);
    const headers = limited[0]?.headers;
    expect(headers?.get('retry-after')).toBe('1');
    expect(headers?.get('x-ratelimit-limit')).toBe('15');
    expect(headers?.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(headers?.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    expect(limited[0]?.body).toMatchObject({ status: 1, statusCode: 429 });
    expect(portal.users()).toHaveLength(16);
  });

  it('records the highest number of concurrent requests and the 429s per kind', async () => {
    portal.setLatency(300);
    await parallel(20, create);
    const stats = portal.stats();
    expect(stats.maxInFlight.write).toBeGreaterThanOrEqual(16);
    expect(stats.rateLimited).toEqual({ read: 0, write: 5 });
    expect(stats.inFlight).toEqual({ read: 0, write: 0 });
  });

  it('counts reads against their own limit', async () => {
    portal.setLatency(300);
    portal.setLimits({ reads: 2 });
    const answers = await parallel(3, () => call(portal, 'GET', '/people/@self'));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 429]);
    expect(portal.stats().maxInFlight.read).toBe(3);
  });

  it('answers 429 past the per-minute limit when one is set', async () => {
    portal.setLimits({ perMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(portal, 'GET', '/people/@self')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('sends X-RateLimit-* headers on every answer', async () => {
    const answer = await call(portal, 'GET', '/people/@self');
    expect(answer.headers.get('x-ratelimit-limit')).toBe('1500');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('1499');
  });
});

describe('scripted failures', () => {
  it.each([
    { action: 500, contentType: 'application/json', body: { status: 1, statusCode: 500 } },
    { action: 502, contentType: 'text/html', body: undefined },
    { action: 503, contentType: 'text/html', body: undefined },
  ])(
    'answers $action for the next matching request, then recovers',
    async ({ action, contentType, body }) => {
      portal.failNext({ match: 'addMember', action });
      const failed = await create(1);
      expect(failed.status).toBe(action);
      expect(failed.headers.get('content-type')).toContain(contentType);
      if (body) expect(failed.body).toMatchObject(body);
      expect(portal.users()).toHaveLength(1);
      expect((await create(1)).status).toBe(200);
    },
  );

  it('fails `times` requests and reports its hits', async () => {
    const fault = portal.failNext({ match: 'POST /people', action: 503, times: 2 });
    const statuses = [(await create(1)).status, (await create(1)).status, (await create(1)).status];
    expect(statuses).toEqual([503, 503, 200]);
    expect(fault).toMatchObject({ hits: 2, remaining: 0 });
  });

  it('lets `skip` matching requests through first', async () => {
    portal.failNext({ match: 'addMember', action: 500, skip: 2 });
    const statuses = [(await create(1)).status, (await create(2)).status, (await create(3)).status];
    expect(statuses).toEqual([200, 200, 500]);
  });

  it('only fails requests that match', async () => {
    portal.failNext({ match: 'addMember', action: 500 });
    expect((await call(portal, 'GET', '/people/@self')).status).toBe(200);
  });

  it('sends Retry-After with a scripted 429', async () => {
    portal.failNext({ action: 429, retryAfterSeconds: 7 });
    const answer = await call(portal, 'GET', '/people/@self');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
  });

  it.each(['close', 'reset'] as const)('can %s the connection without answering', async (action) => {
    portal.failNext({ match: 'addMember', action });
    await expect(create(1)).rejects.toThrow();
    expect(portal.users()).toHaveLength(1);
    expect(portal.requests('addMember')[0]).toMatchObject({ status: action, outcome: 'fault' });
  });

  it('with when "after" processes the request and then drops the answer (the duplicate-on-retry case)', async () => {
    portal.failNext({ match: 'addMember', action: 'close', when: 'after' });
    await expect(create(1)).rejects.toThrow();
    expect(portal.user('p1@example.com')).toBeDefined();
    expect((await create(1)).status).toBe(500);
  });

  it('clearFaults disarms every rule', async () => {
    portal.failNext({ action: 500, times: Number.POSITIVE_INFINITY });
    portal.clearFaults();
    expect((await call(portal, 'GET', '/people/@self')).status).toBe(200);
  });
});

describe('the request log', () => {
  it.each([
    ['an operationId', 'addMember', 2],
    ['a method', 'POST', 2],
    ['a route without the /api/2.0 prefix', 'POST /people', 2],
    ['a route with the prefix', 'POST /api/2.0/people', 2],
    ['a path template', 'GET /people/{userid}', 1],
    ['a literal route', 'GET /people/@self', 1],
    ['a RegExp on METHOD /path', /^GET \/api\/2\.0\/people\//, 2],
    ['a predicate', (r: { kind: string }) => r.kind === 'read', 2],
  ])('countRequests by %s', async (_, matcher, expected) => {
    await create(1);
    await create(2);
    await call(portal, 'GET', '/people/@self');
    await call(portal, 'GET', `/people/${portal.owner.id}`);
    expect(portal.countRequests(matcher)).toBe(expected);
  });

  it('records each request with its route, status and caller', async () => {
    await call(portal, 'GET', `/people/${portal.owner.id}?x=1`);
    expect(portal.requests()).toEqual([
      expect.objectContaining({
        seq: 1,
        method: 'GET',
        route: 'GET /api/2.0/people/{userid}',
        operationId: 'getProfileByUserId',
        search: '?x=1',
        status: 200,
        outcome: 'handled',
        callerId: portal.owner.id,
        kind: 'read',
      }),
    ]);
  });

  it('answers unknown paths 404 and logs them without a route', async () => {
    const answer = await call(portal, 'GET', '/nothing/here');
    expect(answer.status).toBe(404);
    expect(portal.requests()[0]).toMatchObject({ route: undefined, outcome: 'unknown-route' });
  });

  it('reset() forgets people, the log and faults but keeps the owner and the owner token', async () => {
    const ownerId = portal.owner.id;
    await create(1);
    portal.failNext({ action: 500 });
    portal.reset();
    expect(portal.users().map((u) => u.id)).toEqual([ownerId]);
    expect(portal.requests()).toEqual([]);
    expect((await call(portal, 'GET', '/people/@self')).status).toBe(200);
  });
});

describe('idle()', () => {
  it('waits for a create whose client went away: it is logged on close but lands after the latency', async () => {
    portal.setLatency(300);
    const controller = new AbortController();
    const sent = fetch(`${portal.apiUrl}/people`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${portal.ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'gone@example.com', firstName: 'G', lastName: 'One', type: 'User' }),
      signal: controller.signal,
    }).catch(() => 'aborted');
    const deadline = Date.now() + 5000;
    while (portal.stats().inFlight.write === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await sent).toBe('aborted');
    expect(portal.user('gone@example.com')).toBeUndefined();
    await portal.idle();
    expect(portal.user('gone@example.com')?.email).toBe('gone@example.com');
    expect(portal.countRequests('addMember')).toBe(1);
  });
});
