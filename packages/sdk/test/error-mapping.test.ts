import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  DocSpace,
  DocSpaceError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from '@docspace-people/sdk';
import { describe, expect, it } from 'vitest';
import { employee, envelope, jsonFetch, USER_ID } from './helpers/fixtures.js';

const errorBody = (status: number, message: string) => ({
  error: { message, type: 'SomeException' },
  status: 1,
  statusCode: status,
});

function client(fetch: ReturnType<typeof jsonFetch>['fetch']) {
  return new DocSpace({ baseUrl: 'https://portal.example', token: 'sk-x', fetch, maxRetries: 0 });
}

describe('error mapping', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [402, ApiError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [415, ApiError],
    [429, RateLimitError],
    [500, ServerError],
    [502, ServerError],
    [503, ServerError],
  ])('HTTP %i becomes %o with status, method, path and the server message', async (status, ErrorClass) => {
    const { fetch } = jsonFetch(errorBody(status, 'Something went wrong'), status);
    const error = await client(fetch)
      .people.get(USER_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(DocSpaceError);
    expect(error).toMatchObject({
      status,
      method: 'GET',
      path: `/api/2.0/people/${USER_ID}`,
      serverMessage: 'Something went wrong',
      errorType: 'SomeException',
    });
    expect((error as Error).message).toContain('Something went wrong');
    expect((error as Error).name).toBe(ErrorClass.name);
  });

  it('an error envelope on HTTP 200 (status: 1) is an error, mapped by its statusCode', async () => {
    const { fetch } = jsonFetch(errorBody(404, 'The user could not be found'), 200);
    await expect(client(fetch).people.get(USER_ID)).rejects.toMatchObject({
      name: 'NotFoundError',
      status: 404,
      serverMessage: 'The user could not be found',
    });
  });

  it('a validation problem sent like a success (response + status: 1) is a BadRequestError naming the field', async () => {
    const problem = {
      type: 'validation',
      title: 'One or more validation errors occurred.',
      errors: { Count: ['must be <= 100'] },
    };
    const { fetch } = jsonFetch({ response: problem, status: 1, statusCode: 400 }, 200);
    const error = await client(fetch)
      .people.me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).serverMessage).toContain('Count: must be <= 100');
  });

  it('an HTML body from a proxy still gives a readable message', async () => {
    const { fetch } = jsonFetch('<html><body><h1>502 Bad Gateway</h1></body></html>', 502);
    await expect(client(fetch).people.me()).rejects.toMatchObject({
      name: 'ServerError',
      serverMessage: '502 Bad Gateway',
    });
  });

  it('the request id and the response headers are kept on the error, without set-cookie', async () => {
    const { fetch } = jsonFetch(errorBody(500, 'boom'), 500, {
      'x-request-id': 'req-42',
      'x-ratelimit-remaining': '7',
      'set-cookie': 'asc_auth_key=secret',
    });
    const error = (await client(fetch)
      .people.me()
      .catch((e: unknown) => e)) as ApiError;
    expect(error.requestId).toBe('req-42');
    expect(Object.fromEntries(error.headers)).toEqual({
      'content-type': 'application/json',
      'x-request-id': 'req-42',
      'x-ratelimit-remaining': '7',
    });
  });

  it('a success envelope is unwrapped', async () => {
    const { fetch } = jsonFetch(envelope(employee({ status: 2 })));
    await expect(client(fetch).people.me()).resolves.toMatchObject({ id: USER_ID, status: 'Terminated' });
  });

  it('deleting a user who is not Terminated says to terminate first', async () => {
    const { fetch } = jsonFetch(errorBody(403, 'Access denied'), 403);
    const error = await client(fetch)
      .people.delete(USER_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as Error).message).toMatch(/terminate them first/);
    expect((error as Error).message).toMatch(/terminateFirst: true/);
  });
});
