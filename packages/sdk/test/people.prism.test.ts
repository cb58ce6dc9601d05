import { ApiError, DocSpace, NotFoundError, type Person } from '@docspace-people/sdk';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PROGRESS, OTHER_ID, USER_ID } from './helpers/fixtures.js';
import { preferCode, prismClient } from './helpers/prism.js';

const ds = prismClient();

/** Every request below must pass Prism's request validation: an invalid one would fail with HTTP 422. */
function expectPerson(person: Person) {
  expect(person.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(['Active', 'Terminated', 'Pending']).toContain(person.status);
  expect(['Owner', 'DocSpaceAdmin', 'RoomAdmin', 'User', 'Guest']).toContain(person.type);
}

describe('people against the curated spec (Prism)', () => {
  it('Prism refuses an invalid request, so the passing tests below mean something', async () => {
    const { response } = await ds.raw.GET('/api/2.0/people/filter', { params: { query: { count: 1000 } } });
    expect([400, 422]).toContain(response.status);
  });

  it('create sends a valid MemberRequestDto and returns the person', async () => {
    const person = await ds.people.create({
      email: 'john.doe@example.com',
      firstName: 'John',
      lastName: 'Doe',
      type: 'User',
      department: [OTHER_ID],
      contacts: [{ type: 'mail', value: 'john@example.org' }],
      cultureName: 'en-US',
    });
    expectPerson(person);
  });

  it('get by id returns a Person with readable status, derived type and Date fields', async () => {
    const person = await ds.people.get(USER_ID);
    expectPerson(person);
    expect(person.registrationDate?.toISOString()).toBe('2025-01-15T09:30:00.000Z');
    expect(person.raw.registrationDate).toBe('2025-01-15T09:30:00.0000000+00:00');
  });

  it('get by user name', async () => {
    expectPerson(await ds.people.get('jane.cooper'));
  });

  it('me', async () => {
    expectPerson(await ds.people.me());
  });

  it('getByEmail', async () => {
    expectPerson(await ds.people.getByEmail('jane.cooper@example.com'));
  });

  it('exists', async () => {
    await expect(ds.people.exists('jane.cooper@example.com')).resolves.toBe(true);
  });

  it('update sends only UpdateMemberRequestDto fields', async () => {
    expectPerson(await ds.people.update(USER_ID, { firstName: 'Janet', location: 'Riga', disable: false }));
  });

  it('list iterates every person of every page', async () => {
    const people: Person[] = [];
    for await (const person of ds.people.list({ status: 'Active', type: 'RoomAdmin', text: 'jane' }))
      people.push(person);
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) expectPerson(person);
  });

  it('list().page() returns one page with the total', async () => {
    const page = await ds.people
      .list({ activation: 'Activated', sortBy: 'firstname', sortOrder: 'descending' })
      .page({ count: 25 });
    // Prism answers the PeoplePage example: two people, total 2.
    expect(page.items.map((person) => person.id)).toEqual([USER_ID, OTHER_ID]);
    expect(page).toMatchObject({ total: 2, startIndex: 0, nextStartIndex: undefined });
  });

  it('list with several types and a group', async () => {
    const page = await ds.people
      .list({ type: ['User', 'Guest'], groupId: OTHER_ID, isAdministrator: false })
      .page();
    expect(page.items.length).toBeGreaterThan(0);
  });

  it('search returns people in short form', async () => {
    const found = await ds.people.search('jane');
    expect(found.length).toBeGreaterThan(0);
    for (const person of found)
      expect(person).toMatchObject({ id: expect.any(String), displayName: expect.any(String) });
  });

  it.each([
    ['invite', () => ds.people.invite([{ email: 'ann@example.com', type: 'Guest' }], { culture: 'en-US' })],
    ['invite one', () => ds.people.invite({ email: 'bob@example.com' })],
  ])('%s returns the invited people in short form', async (_, call) => {
    const invited = await call();
    expect(invited.length).toBeGreaterThan(0);
    for (const person of invited) expect(person.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['terminate', () => ds.people.terminate(USER_ID)],
    ['terminate several', () => ds.people.terminate([USER_ID, OTHER_ID])],
    ['reactivate', () => ds.people.reactivate([USER_ID])],
    ['delete several (bulk endpoint)', () => ds.people.delete([USER_ID, OTHER_ID])],
    ['changeType', () => ds.people.changeType([USER_ID], 'RoomAdmin')],
    ['resendInvites', () => ds.people.resendInvites([USER_ID])],
  ])('%s returns the affected people', async (_, call) => {
    const people = await call();
    // Prism answers the PeoplePage example (Jane Cooper, Active; Marcus Lee, Terminated).
    expect(people.map((person) => [person.id, person.status])).toEqual([
      [USER_ID, 'Active'],
      [OTHER_ID, 'Terminated'],
    ]);
    people.forEach(expectPerson);
  });

  it('delete of one id uses DELETE /people/{id}', async () => {
    const calls: string[] = [];
    const spying = prismClient({
      fetch: (input, init) => {
        calls.push(`${init?.method} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      },
    });
    const deleted = await spying.people.delete(USER_ID);
    expect(calls).toEqual([`DELETE /api/2.0/people/${USER_ID}`]);
    expect(deleted.map((person) => person.id)).toEqual([USER_ID]);
  });

  it('delete with terminateFirst terminates and then deletes', async () => {
    const calls: string[] = [];
    const spying = prismClient({
      fetch: (input, init) => {
        calls.push(`${init?.method} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      },
    });
    await spying.people.delete(USER_ID, { terminateFirst: true });
    expect(calls).toEqual([`PUT /api/2.0/people/status/Terminated`, `DELETE /api/2.0/people/${USER_ID}`]);
  });

  it('setCulture', async () => {
    expectPerson(await ds.people.setCulture(USER_ID, 'de-DE'));
  });

  it('downgrade starts the reassignment task (wait: false returns the first progress)', async () => {
    const reports: number[] = [];
    const progress = await ds.people.downgrade(USER_ID, 'Guest', {
      reassignTo: OTHER_ID,
      wait: false,
      onProgress: (p) => reports.push(p.percentage),
    });
    expect(progress).toMatchObject({ isCompleted: false, status: 'Running', percentage: 40 });
    expect(reports).toEqual([40]);
  });

  it('downgradeProgress reads the task of a user', async () => {
    const progress = await ds.people.downgradeProgress(USER_ID);
    expect(progress).toEqual({
      id: '5d0f6c2a-93b1-4f7e-8c2d-1a6e9b4f3c70',
      percentage: 40,
      isCompleted: false,
      status: 'Running',
      error: undefined,
    });
  });

  it('cancelDowngrade sends a valid TerminateRequestDto', async () => {
    expect(await ds.people.cancelDowngrade(USER_ID)).toEqual(EXAMPLE_PROGRESS);
  });

  it('the raw client shares auth and returns the envelope', async () => {
    const { data, error } = await ds.raw.GET('/api/2.0/people/@self');
    expect(error).toBeUndefined();
    expect(data?.response?.id).toBe(USER_ID);
  });
});

describe('error statuses from Prism (Prefer: code=...)', () => {
  it.each([
    [400, 'BadRequestError'],
    [401, 'AuthenticationError'],
    [403, 'PermissionDeniedError'],
    [404, 'NotFoundError'],
  ])('get answered %i throws %s with the server message', async (code, name) => {
    const error = await ds.people.get(USER_ID, preferCode(code)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name, status: code, method: 'GET', path: `/api/2.0/people/${USER_ID}` });
    expect((error as ApiError).serverMessage).toBeTruthy();
  });

  it('429 throws RateLimitError', async () => {
    // A fresh client: a 429 holds back this client's later reads until Retry-After has passed.
    await expect(prismClient().people.me(preferCode(429))).rejects.toMatchObject({
      name: 'RateLimitError',
      status: 429,
    });
  });

  it.each([502, 503])('%i throws ServerError', async (code) => {
    await expect(ds.people.me(preferCode(code))).rejects.toMatchObject({ name: 'ServerError', status: code });
  });

  it('a client without the right base URL fails with NotFoundError, not a parse error', async () => {
    const wrong = new DocSpace({
      baseUrl: `${prismClient().baseUrl}/nothing-here`,
      token: 'sk-x',
      maxRetries: 0,
    });
    const error = await wrong.people.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, method: 'GET', path: '/api/2.0/people/@self' });
  });
});
