import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { ResponseValidator } from '@docspace-people/testing/response-validator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CallOptions, call, photoForm, pngBytes } from './support/call.js';
import { groupDataCases, type SpecCase } from './support/group-data-cases.js';

// Every answer of the fake is checked against the curated spec shipped as @docspace-people/client/openapi.json.
const validator = ResponseValidator.fromFile();
let portal: FakePortal;
beforeAll(async () => {
  portal = await startFakePortal();
});
beforeEach(() => portal.reset());
afterAll(() => portal.stop());

type Case = SpecCase;

const user = (p: FakePortal, seed: Parameters<FakePortal['addUser']>[0] = { email: 'jane@example.com' }) =>
  p.addUser(seed).id;
/** Runs a preparation (its result is not needed) and answers the call. */
const seeded = (_prepared: unknown, call: { path: string }) => call;
const asType = (p: FakePortal, type: 'User' | 'Guest' | 'RoomAdmin') => ({ token: p.addCaller(type).token });
const startTask = async (p: FakePortal) => {
  const id = user(p, { email: 'ra@example.com', type: 'RoomAdmin' });
  await call(p, 'POST', '/people/type', { json: { type: 'User', userId: id } });
  return id;
};

const cases: Case[] = [
  {
    name: 'addMember',
    method: 'POST',
    status: 200,
    setup: () => ({
      path: '/people',
      options: { json: { email: 'new@example.com', firstName: 'N', lastName: 'P', type: 'User' } },
    }),
  },
  {
    name: 'addMember as a User',
    method: 'POST',
    status: 403,
    setup: (p) => ({
      path: '/people',
      options: { ...asType(p, 'User'), json: { email: 'n@example.com', type: 'User' } },
    }),
  },
  {
    name: 'addMember without credentials',
    method: 'POST',
    status: 401,
    setup: () => ({ path: '/people', options: { token: null, json: { email: 'n@example.com' } } }),
  },
  { name: 'getSelfProfile', method: 'GET', status: 200, setup: () => ({ path: '/people/@self' }) },
  { name: 'getProfileByUserId', method: 'GET', status: 200, setup: (p) => ({ path: `/people/${user(p)}` }) },
  {
    name: 'getProfileByUserId unknown',
    method: 'GET',
    status: 404,
    setup: () => ({ path: '/people/00000000-0000-0000-0000-000000000009' }),
  },
  {
    name: 'getProfileByEmail',
    method: 'GET',
    status: 200,
    setup: (p) => seeded(user(p), { path: '/people/email?email=jane@example.com' }),
  },
  {
    name: 'getProfileByEmail unknown',
    method: 'GET',
    status: 404,
    setup: () => ({ path: '/people/email?email=no@example.com' }),
  },
  {
    name: 'checkUserExistsByEmail (exists)',
    method: 'GET',
    status: 200,
    setup: (p) => seeded(user(p), { path: '/people/exists?email=jane@example.com' }),
  },
  {
    name: 'checkUserExistsByEmail (not)',
    method: 'GET',
    status: 200,
    setup: () => ({ path: '/people/exists?email=no@example.com' }),
  },
  {
    name: 'updateMember',
    method: 'PUT',
    status: 200,
    setup: (p) => ({ path: `/people/${user(p)}`, options: { json: { disable: true } } }),
  },
  {
    name: 'updateMember as a User',
    method: 'PUT',
    status: 403,
    setup: (p) => ({
      path: `/people/${user(p)}`,
      options: { ...asType(p, 'User'), json: { disable: true } },
    }),
  },
  {
    name: 'deleteMember',
    method: 'DELETE',
    status: 200,
    setup: (p) => ({ path: `/people/${user(p, { email: 'x@example.com', status: 'Terminated' })}` }),
  },
  {
    name: 'deleteMember of an Active person',
    method: 'DELETE',
    status: 403,
    setup: (p) => ({ path: `/people/${user(p)}` }),
  },
  {
    name: 'removeUsers',
    method: 'PUT',
    status: 200,
    setup: (p) => ({
      path: '/people/delete',
      options: { json: { userIds: [user(p, { email: 'x@example.com', status: 'Terminated' })] } },
    }),
  },
  {
    name: 'removeUsers of an Active person',
    method: 'PUT',
    status: 403,
    setup: (p) => ({ path: '/people/delete', options: { json: { userIds: [user(p)] } } }),
  },
  {
    name: 'inviteUsers',
    method: 'POST',
    status: 200,
    setup: () => ({
      path: '/people/invite',
      options: { json: { invitations: [{ email: 'i@example.com', type: 'User' }] } },
    }),
  },
  {
    name: 'resendUserInvites',
    method: 'PUT',
    status: 200,
    setup: (p) => ({
      path: '/people/invite',
      options: { json: { userIds: [user(p, { email: 'i@example.com', activationStatus: 'Pending' })] } },
    }),
  },
  {
    name: 'updateMemberCulture',
    method: 'PUT',
    status: 200,
    setup: (p) => ({ path: `/people/${p.owner.id}/culture`, options: { json: { cultureName: 'de' } } }),
  },
  {
    name: 'getAllProfiles',
    method: 'GET',
    status: 200,
    setup: (p) => seeded(p.seedUsers(3), { path: '/people?count=2' }),
  },
  {
    name: 'getAllProfiles as a Guest',
    method: 'GET',
    status: 403,
    setup: (p) => ({ path: '/people', options: asType(p, 'Guest') }),
  },
  {
    name: 'searchUsersByExtendedFilter',
    method: 'GET',
    status: 200,
    setup: (p) => seeded(p.seedUsers(3), { path: '/people/filter?employeeStatus=1&count=2' }),
  },
  {
    name: 'searchUsersByExtendedFilter as a User',
    method: 'GET',
    status: 403,
    setup: (p) => ({ path: '/people/filter', options: asType(p, 'User') }),
  },
  {
    name: 'getSimpleByFilter',
    method: 'GET',
    status: 200,
    setup: (p) => seeded(p.seedUsers(3), { path: '/people/simple/filter' }),
  },
  {
    name: 'searchUsersByQuery',
    method: 'GET',
    status: 200,
    setup: (p) => seeded(p.seedUsers(3), { path: '/people/search?query=user' }),
  },
  {
    name: 'getSearch',
    method: 'GET',
    status: 200,
    setup: (p) => seeded(p.seedUsers(3), { path: '/people/@search/user' }),
  },
  {
    name: 'getByStatus',
    method: 'GET',
    status: 200,
    setup: (p) => seeded(p.seedUsers(3), { path: '/people/status/Active' }),
  },
  {
    name: 'searchUsersByStatus',
    method: 'GET',
    status: 200,
    setup: (p) => seeded(p.seedUsers(3), { path: '/people/status/Active/search?query=user' }),
  },
  {
    name: 'updateUserStatus',
    method: 'PUT',
    status: 200,
    setup: (p) => ({ path: '/people/status/Terminated', options: { json: { userIds: [user(p)] } } }),
  },
  {
    name: 'updateUserStatus to Pending',
    method: 'PUT',
    status: 400,
    setup: (p) => ({ path: '/people/status/Pending', options: { json: { userIds: [user(p)] } } }),
  },
  {
    name: 'updateUserStatus of the owner',
    method: 'PUT',
    status: 403,
    setup: (p) => ({ path: '/people/status/Terminated', options: { json: { userIds: [p.owner.id] } } }),
  },
  {
    name: 'updateUserActivationStatus',
    method: 'PUT',
    status: 200,
    setup: (p) => ({ path: '/people/activationstatus/Activated', options: { json: { userIds: [user(p)] } } }),
  },
  {
    name: 'updateUserType',
    method: 'PUT',
    status: 200,
    setup: (p) => ({ path: '/people/type/RoomAdmin', options: { json: { userIds: [user(p)] } } }),
  },
  {
    name: 'updateUserType downgrade',
    method: 'PUT',
    status: 403,
    setup: (p) => ({ path: '/people/type/Guest', options: { json: { userIds: [user(p)] } } }),
  },
  {
    name: 'startUserTypeUpdate',
    method: 'POST',
    status: 200,
    setup: (p) => ({
      path: '/people/type',
      options: { json: { type: 'User', userId: user(p, { email: 'ra@example.com', type: 'RoomAdmin' }) } },
    }),
  },
  {
    name: 'startUserTypeUpdate upgrade',
    method: 'POST',
    status: 400,
    setup: (p) => ({ path: '/people/type', options: { json: { type: 'RoomAdmin', userId: user(p) } } }),
  },
  {
    name: 'getUserTypeUpdateProgress',
    method: 'GET',
    status: 200,
    setup: async (p) => ({ path: `/people/type/progress/${await startTask(p)}` }),
  },
  {
    name: 'terminateUserTypeUpdate',
    method: 'PUT',
    status: 200,
    setup: async (p) => ({
      path: '/people/type/terminate',
      options: { json: { userId: await startTask(p) } },
    }),
  },
  {
    name: 'getMemberPhoto',
    method: 'GET',
    status: 200,
    setup: (p) => ({ path: `/people/${p.owner.id}/photo` }),
  },
  {
    name: 'uploadMemberPhoto',
    method: 'POST',
    status: 200,
    setup: (p) => ({ path: `/people/${p.owner.id}/photo`, options: { body: photoForm(pngBytes(), true) } }),
  },
  {
    name: 'uploadMemberPhoto without autosave',
    method: 'POST',
    status: 200,
    setup: (p) => ({ path: `/people/${p.owner.id}/photo`, options: { body: photoForm(pngBytes(), false) } }),
  },
  {
    name: 'uploadMemberPhoto of a GIF',
    method: 'POST',
    status: 200,
    setup: (p) => ({
      path: `/people/${p.owner.id}/photo`,
      options: { body: photoForm(new TextEncoder().encode('GIF89a'), true) },
    }),
  },
  {
    name: "uploadMemberPhoto for another user's id",
    method: 'POST',
    status: 403,
    setup: (p) => ({ path: `/people/${user(p)}/photo`, options: { body: photoForm(pngBytes(), true) } }),
  },
  {
    name: 'updateMemberPhoto',
    method: 'PUT',
    status: 200,
    setup: (p) => ({
      path: `/people/${p.owner.id}/photo`,
      options: { json: { files: 'https://images.example.com/a.jpg' } },
    }),
  },
  {
    name: "updateMemberPhoto for another user's id",
    method: 'PUT',
    status: 403,
    setup: (p) => ({
      path: `/people/${user(p)}/photo`,
      options: { json: { files: 'https://images.example.com/a.jpg' } },
    }),
  },
  {
    name: 'deleteMemberPhoto',
    method: 'DELETE',
    status: 200,
    setup: (p) => ({ path: `/people/${p.owner.id}/photo` }),
  },
  {
    name: 'createMemberPhotoThumbnails',
    method: 'POST',
    status: 200,
    setup: async (p) => {
      const upload = await call(p, 'POST', `/people/${p.owner.id}/photo`, {
        body: photoForm(pngBytes(), false),
      });
      const json = { tmpFile: upload.body.response.data, x: 0, y: 0, width: 10, height: 10 };
      return { path: `/people/${p.owner.id}/photo/thumbnails`, options: { json } };
    },
  },
];

const exercised = new Set<string>();

describe('every answer matches the curated spec', () => {
  it.each([...cases, ...groupDataCases])('$method $name -> $status', async ({ method, status, setup }) => {
    const { path, options } = await setup(portal);
    const answer = await call(portal, method, path, options);
    expect(answer.status, answer.text).toBe(status);
    const check = validator.check({ method, path: `/api/2.0${path}`, status, body: answer.body });
    expect(check.errors).toEqual([]);
    // 204 (DELETE /group/{id}) is documented with no body; everything else with a JSON schema.
    expect(check.schemaFound).toBe(status !== 204);
    if (status === 204) expect(answer.text).toBe('');
    if (check.operationId) exercised.add(check.operationId);
  });

  it('covers every operation of the spec', () => {
    const all = validator.listOperations().map((op) => op.operationId);
    expect(all.filter((id) => !exercised.has(id))).toEqual([]);
  });
});

describe('answers of the server that the curated spec documents as corrections', () => {
  const check = async (method: Case['method'], path: string, options?: CallOptions) => {
    const answer = await call(portal, method, path, options);
    return {
      answer,
      check: validator.check({ method, path: `/api/2.0${path}`, status: answer.status, body: answer.body }),
    };
  };

  it('a duplicate e-mail answers the documented 500 with the ErrorEnvelope', async () => {
    user(portal);
    const { answer, check: result } = await check('POST', '/people', {
      json: { email: 'jane@example.com', type: 'User' },
    });
    expect(answer.status).toBe(500);
    expect(result).toMatchObject({ valid: true, schemaFound: true });
  });

  it('a 429 from the concurrency limit carries the ErrorEnvelope (the spec documents no body)', async () => {
    portal.setLimits({ reads: 0 });
    const { answer, check: result } = await check('GET', '/people/@self');
    expect(answer.status).toBe(429);
    expect(result).toMatchObject({ valid: true, schemaFound: false });
    expect(validator.checkComponent('ErrorEnvelope', answer.body)).toEqual([]);
  });

  it('a validation problem (count=101: `response` holds the problem, status 1) matches the 400 schema', async () => {
    const { answer, check: result } = await check('GET', '/people/filter?count=101');
    expect(answer.status).toBe(400);
    expect(result.errors).toEqual([]);
  });

  it('progress without a task (no `response`) matches the 200 schema', async () => {
    const { check: result } = await check('GET', `/people/type/progress/${portal.owner.id}`);
    expect(result.errors).toEqual([]);
  });
});
