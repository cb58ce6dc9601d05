import { inspect } from 'node:util';
import {
  ApiError,
  Connection,
  connect,
  DocSpace,
  type DocSpaceOptions,
  NotFoundError,
  type Person,
  PhotoUploadError,
  peopleCancelDowngrade,
  peopleChangeType,
  peopleCreate,
  peopleDelete,
  peopleDowngrade,
  peopleExists,
  peopleGet,
  peopleGetByEmail,
  peopleInvite,
  peopleList,
  peopleMe,
  peopleReactivate,
  peopleResendInvites,
  peopleSearch,
  peopleSetCulture,
  peopleTerminate,
  peopleUpdate,
  photosCrop,
  photosDelete,
  photosGet,
  photosSetFromUrl,
  photosUpload,
  rawClient,
  ValidationError,
} from '@docspace-people/sdk';
import { describe, expect, inject, it } from 'vitest';
import { EXAMPLE_PROGRESS, OTHER_ID, SECRET, USER_ID } from './helpers/fixtures.js';
import { PNG } from './helpers/images.js';
import { preferCode, preferExample } from './helpers/prism.js';

/** A connection to the Prism mock, like prismClient() but through connect(). */
function prismConnection(options: Partial<DocSpaceOptions> = {}): Connection {
  return connect({ baseUrl: inject('prismUrl'), token: 'sk-prism-test', maxRetries: 0, ...options });
}

const connection = prismConnection();

/** Every request below must pass Prism's request validation: an invalid one would fail with HTTP 422. */
function expectPerson(person: Person) {
  expect(person.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(['Active', 'Terminated', 'Pending']).toContain(person.status);
  expect(['Owner', 'DocSpaceAdmin', 'RoomAdmin', 'User', 'Guest']).toContain(person.type);
}

describe('connect()', () => {
  it('returns a Connection with the normalized base URL', () => {
    const c = connect({ baseUrl: 'https://portal.example/api/2.0/', token: 'sk-x' });
    expect(c).toBeInstanceOf(Connection);
    expect(c.baseUrl).toBe('https://portal.example');
    expect(c.inFlight).toEqual({ reads: 0, writes: 0 });
  });

  it.each([
    ['no base URL', { token: 'sk-x' }, 'baseUrl'],
    ['no credentials', { baseUrl: 'https://portal.example' }, 'token'],
    ['a negative timeout', { baseUrl: 'https://portal.example', token: 'sk-x', timeoutMs: -1 }, 'timeoutMs'],
  ])('refuses %s with the same ValidationError as new DocSpace', (_, options, field) => {
    const viaConnect = (() => connect(options as DocSpaceOptions)) as () => unknown;
    const viaClass = () => new DocSpace(options as DocSpaceOptions);
    expect(viaConnect).toThrow(ValidationError);
    expect(viaConnect).toThrow(expect.objectContaining({ field }));
    expect(viaClass).toThrow(expect.objectContaining({ field }));
  });

  it('never shows the token in util.inspect, JSON.stringify or String', () => {
    const c = connect({ baseUrl: 'https://portal.example', token: SECRET });
    const printed = [inspect(c, { depth: 10, showHidden: true }), JSON.stringify(c), String(c)].join('\n');
    expect(printed).not.toContain(SECRET);
    expect(printed).toContain('https://portal.example');
  });

  it('a DocSpace is a Connection, so the functions accept it', async () => {
    const ds = new DocSpace({ baseUrl: inject('prismUrl'), token: 'sk-prism-test', maxRetries: 0 });
    expect(ds).toBeInstanceOf(Connection);
    expectPerson(await peopleGet(ds, USER_ID));
  });
});

describe('people functions against the curated spec (Prism)', () => {
  it('Prism refuses an invalid request, so the passing tests below mean something', async () => {
    const { response } = await rawClient(connection).GET('/api/2.0/people/filter', {
      params: { query: { count: 1000 } },
    });
    expect([400, 422]).toContain(response.status);
  });

  it('peopleCreate sends a valid MemberRequestDto and returns the person', async () => {
    expectPerson(
      await peopleCreate(connection, {
        email: 'john.doe@example.com',
        firstName: 'John',
        type: 'User',
        department: [OTHER_ID],
        cultureName: 'en-US',
      }),
    );
  });

  it('peopleGet returns a Person with a derived type and Date fields', async () => {
    const person = await peopleGet(connection, USER_ID);
    expectPerson(person);
    expect(person.registrationDate).toBeInstanceOf(Date);
  });

  it.each([
    ['peopleGet by user name', () => peopleGet(connection, 'jane.cooper')],
    ['peopleMe', () => peopleMe(connection)],
    ['peopleGetByEmail', () => peopleGetByEmail(connection, 'jane.cooper@example.com')],
    ['peopleUpdate', () => peopleUpdate(connection, USER_ID, { firstName: 'Janet', disable: false })],
    ['peopleSetCulture', () => peopleSetCulture(connection, USER_ID, 'de-DE')],
  ])('%s returns the person', async (_, call) => {
    expectPerson(await call());
  });

  it('peopleExists', async () => {
    await expect(peopleExists(connection, 'jane.cooper@example.com')).resolves.toBe(true);
  });

  it('peopleList iterates every page and gives one page with its total', async () => {
    const people: Person[] = [];
    for await (const person of peopleList(connection, { status: 'Active', text: 'jane' }))
      people.push(person);
    expect(people.length).toBeGreaterThan(0);
    const page = await peopleList(connection, { type: ['User', 'Guest'] }).page({ count: 25 });
    expect(page).toMatchObject({ total: 2, startIndex: 0, nextStartIndex: undefined });
  });

  it.each([
    ['peopleSearch', () => peopleSearch(connection, 'jane')],
    ['peopleInvite', () => peopleInvite(connection, [{ email: 'ann@example.com', type: 'Guest' }])],
  ])('%s returns people in short form', async (_, call) => {
    const found = await call();
    expect(found.length).toBeGreaterThan(0);
    for (const person of found) expect(person.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['peopleTerminate', () => peopleTerminate(connection, [USER_ID, OTHER_ID])],
    ['peopleReactivate', () => peopleReactivate(connection, USER_ID)],
    ['peopleDelete (bulk endpoint)', () => peopleDelete(connection, [USER_ID, OTHER_ID])],
    ['peopleDelete (one id)', () => peopleDelete(connection, USER_ID)],
    ['peopleChangeType', () => peopleChangeType(connection, [USER_ID], 'RoomAdmin')],
    ['peopleResendInvites', () => peopleResendInvites(connection, [USER_ID])],
  ])('%s returns the affected people', async (_, call) => {
    const people = await call();
    expect(people.length).toBeGreaterThan(0);
    people.forEach(expectPerson);
  });

  it('peopleDowngrade starts the task and peopleCancelDowngrade cancels it', async () => {
    const progress = await peopleDowngrade(connection, USER_ID, 'Guest', {
      reassignTo: OTHER_ID,
      wait: false,
    });
    expect(progress).toMatchObject({ isCompleted: false, status: 'Running' });
    expect(await peopleCancelDowngrade(connection, USER_ID)).toEqual(EXAMPLE_PROGRESS);
  });

  it('maps HTTP errors to the same classes as the facade', async () => {
    const error = await peopleGet(connection, USER_ID, preferCode(404)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, method: 'GET' });
  });

  it('refuses bad input with ValidationError before any request', async () => {
    const calls: string[] = [];
    const spying = prismConnection({
      fetch: (input, init) => {
        calls.push(String(input));
        return fetch(input, init);
      },
    });
    await expect(peopleCreate(spying, { email: 'not-an-email' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'input.email',
    });
    await expect(peopleGet(spying, 'search')).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toEqual([]);
  });
});

describe('photo functions against the curated spec (Prism)', () => {
  it('photosGet returns every size', async () => {
    const photo = await photosGet(connection, USER_ID);
    expect(Object.keys(photo)).toEqual(['original', 'retina', 'max', 'big', 'medium', 'small']);
  });

  it('photosUpload without autosave, then photosCrop', async () => {
    const { tmpFile } = await photosUpload(connection, USER_ID, PNG, {
      autosave: false,
      ...preferExample('temporary'),
    });
    expect(tmpFile).toEqual(expect.any(String));
    const photo = await photosCrop(connection, USER_ID, {
      tmpFile: tmpFile ?? '',
      x: 0,
      y: 0,
      width: 100,
      height: 100,
    });
    expect(photo.max).toEqual(expect.any(String));
  });

  it('photosUpload refused by the server throws PhotoUploadError naming the request', async () => {
    const error = await photosUpload(connection, USER_ID, PNG, preferExample('failed')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PhotoUploadError);
    expect(error).toMatchObject({ status: 200, method: 'POST', path: `/api/2.0/people/${USER_ID}/photo` });
  });

  it.each([
    ['photosSetFromUrl', () => photosSetFromUrl(connection, USER_ID, 'https://example.com/me.png')],
    ['photosDelete', () => photosDelete(connection, USER_ID)],
  ])('%s returns the photo', async (_, call) => {
    expect(Object.keys(await call())).toContain('max');
  });
});

describe('rawClient()', () => {
  it('shares the connection auth and returns the envelope', async () => {
    const { data, error } = await rawClient(connection).GET('/api/2.0/people/@self');
    expect(error).toBeUndefined();
    expect(data?.response?.id).toBe(USER_ID);
  });
});
