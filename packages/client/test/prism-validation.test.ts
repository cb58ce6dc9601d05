import { createClient, type EmployeeType } from '@docspace-people/client';
import { describe, expect, inject, it } from 'vitest';
import { example } from './spec-helpers.js';

// These show that Prism validates requests against the curated spec, so a contract test whose request
// breaks the spec fails instead of passing on an example.
describe('Prism refuses requests that break the curated spec', () => {
  const prism = () => inject('prismUrl');
  const client = () => createClient({ baseUrl: prism(), token: 'sk-contract-test' });

  it('refuses a create without the required e-mail with a 400 error envelope', async () => {
    const { data, error, response } = await client().POST('/api/2.0/people', {
      body: { firstName: 'No', lastName: 'Email' } as never,
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toEqual(example('Error400'));
  });

  it('refuses a page size above 100', async () => {
    const { response } = await client().GET('/api/2.0/people/filter', { params: { query: { count: 101 } } });
    expect(response.status).toBe(400);
  });

  it('refuses a status name the path does not accept', async () => {
    const { response } = await client().PUT('/api/2.0/people/status/{status}', {
      params: { path: { status: 'Pending' as never } },
      body: { userIds: ['3f2a8d1e-6b7c-4e21-9a5d-0c8e4b1f7a26'] },
    });
    expect(response.status).toBe(400);
  });

  it('refuses a type given as a number instead of its name', async () => {
    const { response } = await client().POST('/api/2.0/people', {
      body: { email: 'a.b@example.com', type: 4 as unknown as EmployeeType },
    });
    expect(response.status).toBe(400);
  });

  it('answers 401 without an Authorization header', async () => {
    const anonymous = createClient({ baseUrl: prism() });
    const { error, response } = await anonymous.GET('/api/2.0/people/@self');
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ status: 1 });
  });

  it.each([400, 401, 403, 404])(
    'serves the %i error envelope when asked with Prefer: code=',
    async (code) => {
      const { error, response } = await client().GET('/api/2.0/people/{userid}', {
        params: { path: { userid: 'jane.cooper' } },
        headers: { Prefer: `code=${code}` },
      });
      expect(response.status).toBe(code);
      expect(error).toEqual(example(`Error${code}`));
    },
  );

  it('serves the upload failure that the server sends with HTTP 200', async () => {
    const form = new FormData();
    form.append('File', new Blob([new Uint8Array([1, 2, 3])]), 'not-an-image.txt');
    const { data, response } = await client().POST('/api/2.0/people/{userid}/photo', {
      params: { path: { userid: '@self' } },
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
      headers: { Prefer: 'example=failed' },
    });
    expect(response.status).toBe(200);
    expect(data?.response).toEqual({ success: false, message: 'Unknown image file type' });
  });
});
