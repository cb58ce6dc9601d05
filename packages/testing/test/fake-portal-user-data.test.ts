import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from './support/call.js';

let portal: FakePortal;
beforeEach(async () => {
  portal ??= await startFakePortal({ taskStepMs: 2 });
  portal.reset();
});
afterAll(() => portal?.stop());

const person = (email: string, extra: Partial<Parameters<FakePortal['addUser']>[0]> = {}) =>
  portal.addUser({ email, ...extra }).id;
const leaver = () =>
  person('leaver@example.com', { status: 'Terminated', firstName: 'Lee', lastName: 'Ver' });
const heir = () => person('heir@example.com', { type: 'RoomAdmin' });

/** Polls a progress route until the task is finished; returns every progress seen. */
async function follow(path: string): Promise<Array<{ percentage: number; status: number; error?: string }>> {
  const seen = [];
  for (let i = 0; i < 200; i++) {
    const { body } = await call(portal, 'GET', path);
    if (!body.response) break;
    seen.push(body.response);
    if (body.response.isCompleted) break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return seen;
}

describe('reassignment', () => {
  it('hands the rooms to the heir step by step, then deletes the profile when asked', async () => {
    const [from, to] = [leaver(), heir()];
    const room = portal.addRoom({ title: 'Plans', owner: from });
    const other = portal.addRoom({ title: 'Other', owner: to });
    const start = await call(portal, 'POST', '/people/reassign/start', {
      json: { fromUserId: from, toUserId: to, deleteProfile: true },
    });
    expect(start.body.response).toEqual({
      id: `1_${from}_ReassignProgressItem`,
      percentage: 0,
      isCompleted: false,
      status: 0,
    });
    const seen = await follow(`/people/reassign/progress/${from}`);
    expect(seen.at(-1)).toMatchObject({ percentage: 100, isCompleted: true, status: 2 });
    for (const p of seen) expect([0, 5, 20, 30, 50, 70, 90, 95, 100]).toContain(p.percentage);
    expect(portal.room(room.id)?.ownerId).toBe(to);
    expect(portal.room(other.id)?.ownerId).toBe(to);
    expect(portal.user(from)).toBeUndefined();
    expect((await call(portal, 'GET', `/people/${from}`)).status).toBe(404);
  });

  it('keeps the Terminated profile without deleteProfile; a later delete finds no room left to move', async () => {
    const [from, to] = [leaver(), heir()];
    const room = portal.addRoom({ title: 'Plans', owner: from });
    await call(portal, 'POST', '/people/reassign/start', { json: { fromUserId: from, toUserId: to } });
    await follow(`/people/reassign/progress/${from}`);
    expect(portal.user(from)?.status).toBe('Terminated');
    await call(portal, 'DELETE', `/people/${from}`);
    await follow(`/people/remove/progress/${from}`);
    expect(portal.room(room.id)?.ownerId).toBe(to);
  });

  it.each([
    ['a User as heir', () => ({ fromUserId: leaver(), toUserId: person('u@example.com') }), 'to'],
    [
      'a Terminated heir',
      () => ({
        fromUserId: leaver(),
        toUserId: person('t@example.com', { type: 'RoomAdmin', status: 'Terminated' }),
      }),
      'to',
    ],
    [
      'an unknown heir',
      () => ({ fromUserId: leaver(), toUserId: '00000000-0000-0000-0000-000000000009' }),
      'to',
    ],
    ['an Active user', () => ({ fromUserId: person('a@example.com'), toUserId: heir() }), 'from'],
    ['the owner', () => ({ fromUserId: portal.owner.id, toUserId: heir() }), 'from'],
  ])('refuses %s with 400 and the server message', async (_name, body, side) => {
    const json = body();
    const { status, body: answer } = await call(portal, 'POST', '/people/reassign/start', { json });
    expect(status).toBe(400);
    const id = side === 'to' ? json.toUserId : json.fromUserId;
    expect(answer.error.message).toBe(`Can not reassign data ${side} user with id = ${id}`);
    expect(portal.dataTasks()).toEqual([]);
  });

  it('refuses non-admins (403)', async () => {
    const { status } = await call(portal, 'POST', '/people/reassign/start', {
      token: portal.addCaller('RoomAdmin').token,
      json: { fromUserId: leaver(), toUserId: heir() },
    });
    expect(status).toBe(403);
  });

  it('answers the running task unchanged when started again, and 500 to a delete meanwhile', async () => {
    portal.setTaskClock({ stepMs: 60_000 });
    const [from, to] = [leaver(), heir()];
    await call(portal, 'POST', '/people/reassign/start', { json: { fromUserId: from, toUserId: to } });
    await call(portal, 'POST', '/people/reassign/start', {
      json: { fromUserId: from, toUserId: person('other@example.com', { type: 'RoomAdmin' }) },
    });
    expect(portal.dataTasks()).toMatchObject([{ toUserId: to, status: 'Created' }]);
    const refused = await call(portal, 'DELETE', `/people/${from}`);
    expect(refused.status).toBe(500);
    expect(refused.body.error.message).toBe('Data reassign process for Lee Ver is not complete.');
    expect((await call(portal, 'PUT', '/people/delete', { json: { userIds: [from] } })).status).toBe(500);
    expect(portal.user(from)).toBeDefined();
  });

  it('cancels with terminate (status 3); the rooms stay with the leaver', async () => {
    portal.setTaskClock({ stepMs: 60_000 });
    const from = leaver();
    const room = portal.addRoom({ title: 'Plans', owner: from });
    await call(portal, 'POST', '/people/reassign/start', { json: { fromUserId: from, toUserId: heir() } });
    const { body } = await call(portal, 'PUT', '/people/reassign/terminate', { json: { userId: from } });
    expect(body.response).toMatchObject({ status: 3, isCompleted: true });
    expect(portal.room(room.id)?.ownerId).toBe(from);
  });

  it('fails (status 4 with the error) when the heir became a Guest before the job ran', async () => {
    portal.setTaskClock({ stepMs: 30 });
    const [from, to] = [leaver(), heir()];
    await call(portal, 'POST', '/people/reassign/start', { json: { fromUserId: from, toUserId: to } });
    portal.updateUser(to, { type: 'Guest' });
    const seen = await follow(`/people/reassign/progress/${from}`);
    expect(seen.at(-1)).toMatchObject({
      status: 4,
      isCompleted: true,
      error: `Can not reassign data to user with id = ${to}`,
    });
  });

  it('answers without `response` when there is no task, and once a finished task has vanished', async () => {
    portal.setTaskClock({ finishedTtlMs: 20 });
    const from = leaver();
    const none = await call(portal, 'GET', `/people/reassign/progress/${from}`);
    expect(none.body).not.toHaveProperty('response');
    expect(none.body.count).toBe(0);
    await call(portal, 'POST', '/people/reassign/start', { json: { fromUserId: from, toUserId: heir() } });
    await follow(`/people/reassign/progress/${from}`);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect((await call(portal, 'GET', `/people/reassign/progress/${from}`)).body).not.toHaveProperty(
      'response',
    );
  });

  it('says whether someone must receive the data (owns a room), within the caller rights', async () => {
    const owner = person('r@example.com', { type: 'RoomAdmin' });
    const nobody = person('n@example.com', { type: 'RoomAdmin' });
    portal.addRoom({ title: 'Plans', owner });
    const ask = (id: string, type: string, token?: string) =>
      call(portal, 'GET', `/people/reassign/necessary?userId=${id}&type=${type}`, token ? { token } : {});
    expect((await ask(owner, 'User')).body.response).toBe(true);
    expect((await ask(nobody, 'User')).body.response).toBe(false);
    const roomAdmin = portal.addCaller('RoomAdmin').token;
    expect((await ask(owner, 'Guest', roomAdmin)).status).toBe(200);
    expect((await ask(owner, 'RoomAdmin', roomAdmin)).status).toBe(403);
  });
});

describe('deletion without an heir: the remove task', () => {
  it('DELETE /people/{id} deletes the profile now and gives the rooms to the CALLER', async () => {
    const from = leaver();
    const room = portal.addRoom({ title: 'Plans', owner: from });
    const { status } = await call(portal, 'DELETE', `/people/${from}`);
    expect(status).toBe(200);
    expect(portal.user(from)).toBeUndefined();
    const seen = await follow(`/people/remove/progress/${from}`);
    expect(seen.at(-1)).toMatchObject({ status: 2, percentage: 100 });
    expect(portal.room(room.id)?.ownerId).toBe(portal.owner.id);
  });

  it('POST /people/remove/start moves the rooms to the caller, then deletes the profile', async () => {
    const admin = portal.addCaller('DocSpaceAdmin');
    const from = leaver();
    const room = portal.addRoom({ title: 'Plans', owner: from });
    const start = await call(portal, 'POST', '/people/remove/start', {
      token: admin.token,
      json: { userId: from },
    });
    expect(start.body.response).toMatchObject({ id: `1_${from}_RemoveProgressItem`, status: 0 });
    await follow(`/people/remove/progress/${from}`);
    expect(portal.room(room.id)?.ownerId).toBe(admin.user.id);
    expect(portal.user(from)).toBeUndefined();
  });

  it.each([
    ['an unknown user', () => '00000000-0000-0000-0000-000000000009', 'User with id = {id} not found'],
    ['an Active user', () => person('a@example.com'), 'Can not delete user with id = {id}'],
    ['the owner', () => portal.owner.id, 'Can not delete user with id = {id}'],
  ])('refuses %s with 400', async (_name, target, message) => {
    const id = target();
    const { status, body } = await call(portal, 'POST', '/people/remove/start', { json: { userId: id } });
    expect(status).toBe(400);
    expect(body.error.message).toBe(message.replace('{id}', id));
  });

  it('terminate drops the progress entry but the job keeps running (the server never checks)', async () => {
    portal.setTaskClock({ stepMs: 5 });
    const from = leaver();
    const room = portal.addRoom({ title: 'Plans', owner: from });
    await call(portal, 'POST', '/people/remove/start', { json: { userId: from } });
    const { body } = await call(portal, 'PUT', '/people/remove/terminate', { json: { userId: from } });
    expect(body).not.toHaveProperty('response');
    expect((await call(portal, 'GET', `/people/remove/progress/${from}`)).body).not.toHaveProperty(
      'response',
    );
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(portal.room(room.id)?.ownerId).toBe(portal.owner.id);
    expect(portal.user(from)).toBeUndefined();
  });
});

describe('quota', () => {
  it('sets bytes, no limit (-1) and back to the default (-2), shown when per-user quota is enabled', async () => {
    portal.setUserQuota({ enabled: true, defaultBytes: 5 * 1024 ** 3 });
    const id = person('q@example.com', { usedSpace: 1234 });
    const set = await call(portal, 'PUT', '/people/userquota', { json: { userIds: [id], quota: 1024 ** 3 } });
    expect(set.body.response[0]).toMatchObject({
      usedSpace: 1234,
      quotaLimit: 1024 ** 3,
      isCustomQuota: true,
    });
    await call(portal, 'PUT', '/people/userquota', { json: { userIds: [id], quota: -1 } });
    expect(portal.user(id)?.quotaLimit).toBe(-1);
    const back = await call(portal, 'PUT', '/people/userquota', { json: { userIds: [id], quota: -2 } });
    expect(back.body.response[0]).toMatchObject({ quotaLimit: 5 * 1024 ** 3, isCustomQuota: false });
    await call(portal, 'PUT', '/people/userquota', { json: { userIds: [id], quota: 10 } });
    const reset = await call(portal, 'PUT', '/people/resetquota', { json: { userIds: [id] } });
    expect(reset.body.response[0]).toMatchObject({ quotaLimit: 5 * 1024 ** 3, isCustomQuota: false });
    expect(portal.user(id)?.quotaLimit).toBeUndefined();
  });

  it.each([
    ['a string', '1073741824', 403],
    ['an object (upstream example)', { maxSize: 1073741824 }, 403],
    ['a fraction', 1.5, 400],
    ['more than the storage', 1024 ** 5, 400],
  ])('refuses %s', async (_name, quota, status) => {
    const id = person('q@example.com');
    expect((await call(portal, 'PUT', '/people/userquota', { json: { userIds: [id], quota } })).status).toBe(
      status,
    );
    expect(portal.user(id)?.quotaLimit).toBeUndefined();
  });

  it('answers an unknown id as the server LostUser and refuses non-admins', async () => {
    const { body } = await call(portal, 'PUT', '/people/userquota', {
      json: { userIds: ['00000000-0000-0000-0000-000000000009'], quota: 1 },
    });
    expect(body.response[0]).toMatchObject({ displayName: 'Unknown Unknown' });
    const token = portal.addCaller('RoomAdmin').token;
    expect((await call(portal, 'PUT', '/people/resetquota', { token, json: { userIds: [] } })).status).toBe(
      403,
    );
  });
});

describe('guests', () => {
  it('removes a guest from your relations only: the profile stays, and a second call is 403', async () => {
    const guest = person('g@example.com', { type: 'Guest', invitedBy: portal.owner.id });
    const first = await call(portal, 'DELETE', '/people/guests', { json: { userIds: [guest] } });
    expect(first.status).toBe(200);
    expect(first.body).not.toHaveProperty('response');
    expect(portal.user(guest)?.type).toBe('Guest');
    expect((await call(portal, 'DELETE', '/people/guests', { json: { userIds: [guest] } })).status).toBe(403);
  });

  it('shares a guest by link; approving it adds the guest to the approver relations', async () => {
    const guest = person('g@example.com', { type: 'Guest', invitedBy: portal.owner.id });
    const roomAdmin = portal.addCaller('RoomAdmin').token;
    expect(
      (await call(portal, 'DELETE', '/people/guests', { token: roomAdmin, json: { userIds: [guest] } }))
        .status,
    ).toBe(403);
    const link = await call(portal, 'GET', `/people/guests/${guest}/share`);
    expect(link.body.response).toMatch(new RegExp(`^${portal.url}/s/\\w+$`));
    const key = String(link.body.response).split('/').pop();
    const approved = await call(portal, 'POST', '/people/guests/share/approve', {
      token: roomAdmin,
      headers: { confirm: `type=GuestShareLink&key=${key}&uid=${guest}` },
      json: { email: 'anything@example.com' },
    });
    expect(approved.body.response.id).toBe(guest);
    expect(
      (await call(portal, 'DELETE', '/people/guests', { token: roomAdmin, json: { userIds: [guest] } }))
        .status,
    ).toBe(200);
  });

  it('refuses a guest share link to a Guest caller and to a RoomAdmin who cannot see the guest', async () => {
    const guest = person('g@example.com', { type: 'Guest', invitedBy: portal.owner.id });
    for (const type of ['Guest', 'RoomAdmin'] as const) {
      const token = portal.addCaller(type).token;
      expect((await call(portal, 'GET', `/people/guests/${guest}/share`, { token })).status).toBe(403);
    }
  });
});

describe('password and e-mail', () => {
  it('answers an anonymous reminder the same way whether the address exists, and mails only a known one', async () => {
    const jane = person('jane@example.com');
    const known = await call(portal, 'POST', '/people/password', {
      token: null,
      json: { email: 'jane@example.com' },
    });
    const unknown = await call(portal, 'POST', '/people/password', {
      token: null,
      json: { email: 'no@example.com' },
    });
    const sentence = (email: string) =>
      `If a user with the ${email} email exists, the password change instruction has been sent to this email address.`;
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(known.body.response).toBe(sentence('jane@example.com'));
    expect(unknown.body.response).toBe(sentence('no@example.com'));
    expect(portal.sentEmails()).toEqual([{ to: 'jane@example.com', kind: 'password-change', userId: jane }]);
  });

  it('lets a signed-in user remind only themselves, unless admin', async () => {
    person('jane@example.com');
    const { token } = portal.addCaller('User');
    expect(
      (await call(portal, 'POST', '/people/password', { token, json: { email: 'jane@example.com' } })).status,
    ).toBe(403);
  });

  it('changes the address at once for an admin (NotActivated), and only mails a link for yourself', async () => {
    const jane = person('jane@example.com');
    const admin = await call(portal, 'POST', '/people/email', {
      json: { userId: jane, email: 'jane@new.example.com' },
    });
    expect(admin.body.response).toBe('The email change instructions have been successfully sent');
    expect(portal.user(jane)).toMatchObject({
      email: 'jane@new.example.com',
      activationStatus: 'NotActivated',
    });
    const self = portal.addCaller('User');
    await call(portal, 'POST', '/people/email', {
      token: self.token,
      json: { userId: self.user.id, email: 'me@new.example.com' },
    });
    expect(portal.user(self.user.id)?.email).toBe(self.user.email);
    expect(portal.sentEmails().map((mail) => [mail.to, mail.kind])).toEqual([
      ['jane@new.example.com', 'email-activation'],
      ['me@new.example.com', 'email-change'],
    ]);
  });

  it('answers 404 for a Terminated target and 400 for the same address', async () => {
    const gone = person('gone@example.com', { status: 'Terminated' });
    expect(
      (await call(portal, 'POST', '/people/email', { json: { userId: gone, email: 'x@example.com' } }))
        .status,
    ).toBe(404);
    const jane = person('jane@example.com');
    const same = await call(portal, 'POST', '/people/email', {
      json: { userId: jane, email: 'jane@example.com' },
    });
    expect(same.status).toBe(400);
  });
});
