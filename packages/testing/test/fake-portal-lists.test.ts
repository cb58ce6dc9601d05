import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from './support/call.js';

let portal: FakePortal;
let strictPortal: FakePortal;
beforeAll(async () => {
  portal = await startFakePortal();
  strictPortal = await startFakePortal({ validationHttpStatus: 200 });
});
beforeEach(() => portal.reset());
afterAll(async () => {
  await portal.stop();
  await strictPortal.stop();
});

const ids = (body: { response: { id: string }[] }) => body.response.map((p) => p.id);

describe('paging', () => {
  it('pages with startIndex and count, and reports the total across pages', async () => {
    portal.seedUsers(250);
    const answer = await call(portal, 'GET', '/people/filter?startIndex=100&count=100');
    expect(answer.body).toMatchObject({ count: 100, total: 251, status: 0 });
  });

  it('returns every person exactly once when paging to the end', async () => {
    portal.seedUsers(230);
    const seen: string[] = [];
    for (let start = 0; ; start += 100) {
      const { body } = await call(portal, 'GET', `/people/filter?startIndex=${start}&count=100`);
      seen.push(...ids(body));
      if (body.response.length < 100) break;
    }
    expect(new Set(seen).size).toBe(231);
    expect(seen).toHaveLength(231);
  });

  it('defaults count to 100', async () => {
    portal.seedUsers(150);
    expect((await call(portal, 'GET', '/people')).body.count).toBe(100);
  });

  it.each(['101', '0', '-1', 'abc'])(
    'answers count=%s with a validation problem (HTTP 400, status 1)',
    async (count) => {
      const answer = await call(portal, 'GET', `/people/filter?count=${count}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        status: 1,
        statusCode: 400,
        response: { status: 400, errors: { count: [expect.any(String)] } },
      });
    },
  );

  it('sends validation problems on HTTP 200 when validationHttpStatus is 200', async () => {
    const answer = await call(strictPortal, 'GET', '/people?count=101', { token: strictPortal.ownerToken });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 1, statusCode: 400 });
  });

  it.each([
    { sortOrder: 'ascending', first: 'Aaron' },
    { sortOrder: '1', first: 'Zoe' },
  ])('sorts by firstname with sortOrder=$sortOrder', async ({ sortOrder, first }) => {
    for (const firstName of ['Mia', 'Zoe', 'Aaron'])
      portal.addUser({ email: `${firstName}@example.com`, firstName });
    const { body } = await call(portal, 'GET', `/people/filter?sortBy=firstname&sortOrder=${sortOrder}`);
    expect(body.response[0].firstName).toBe(first);
  });
});

describe('filters', () => {
  beforeEach(() => {
    portal.addUser({ email: 'ann@example.com', firstName: 'Ann', type: 'User' });
    portal.addUser({ email: 'bob@example.com', firstName: 'Bob', type: 'RoomAdmin', status: 'Terminated' });
    portal.addUser({
      email: 'cid@example.com',
      firstName: 'Cid',
      type: 'Guest',
      activationStatus: 'Pending',
    });
  });

  it.each([
    { query: '', emails: ['owner', 'ann', 'bob', 'cid'] },
    { query: 'employeeStatus=Terminated', emails: ['bob'] },
    { query: 'employeeStatus=1', emails: ['owner', 'ann', 'cid'] },
    { query: 'employeeType=Guest', emails: ['cid'] },
    { query: 'employeeType=4', emails: ['ann'] },
    { query: 'employeeTypes=User&employeeTypes=Guest', emails: ['ann', 'cid'] },
    { query: 'activationStatus=2', emails: ['cid'] },
    { query: 'isAdministrator=true', emails: ['owner'] },
    { query: 'area=Guests', emails: ['cid'] },
    { query: 'filterValue=BOB', emails: ['bob'] },
    { query: 'filterValue=example.com&employeeStatus=Active', emails: ['owner', 'ann', 'cid'] },
  ])('/people/filter?$query', async ({ query, emails }) => {
    const { body } = await call(portal, 'GET', `/people/filter?${query}`);
    const found = body.response.map((p: { email: string }) => p.email.split('@')[0]);
    expect(found.sort()).toEqual([...emails].sort());
    expect(body.total).toBe(emails.length);
  });

  it('GET /people lists Active people only', async () => {
    const { body } = await call(portal, 'GET', '/people');
    expect(body.response.map((p: { firstName: string }) => p.firstName).sort()).toEqual([
      'Ann',
      'Cid',
      'Olivia',
    ]);
  });

  it('GET /people/status/{status} accepts the status by name or number', async () => {
    const byName = await call(portal, 'GET', '/people/status/Terminated');
    const byNumber = await call(portal, 'GET', '/people/status/2');
    expect(ids(byName.body)).toEqual(ids(byNumber.body));
    expect(byName.body.response[0].firstName).toBe('Bob');
  });

  it('GET /people/search answers the short form of matching Active people', async () => {
    const { body } = await call(portal, 'GET', '/people/search?query=ann');
    expect(body.response).toHaveLength(1);
    expect(body.response[0]).toMatchObject({ displayName: 'Ann Test' });
    expect(body.response[0]).not.toHaveProperty('email');
  });

  it('GET /people/simple/filter answers the short form', async () => {
    const { body } = await call(portal, 'GET', '/people/simple/filter?employeeType=User');
    expect(body.response).toEqual([expect.not.objectContaining({ email: expect.anything() })]);
  });

  it.each(
    ['/people', '/people/filter', '/people/search?query=a', '/people/status/Active'].flatMap((path) =>
      (['User', 'Guest'] as const).map((type) => ({ path, type })),
    ),
  )('answers 403 to a $type listing $path', async ({ path, type }) => {
    const { token } = portal.addCaller(type);
    expect((await call(portal, 'GET', path, { token })).status).toBe(403);
  });
});
