import { BadRequestError, type DocSpace, TaskFailedError, ValidationError } from '@docspace-people/sdk';
import type { FakePortal } from '@docspace-people/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientOf, startPortalClient } from './helpers/fake-portal-client.js';

// Reassignment, deletion with an heir, quota, guests, password and e-mail against the stateful fake portal: each
// test checks who owns what afterwards, not only the answer. The fake's task takes 8 steps of 10 ms.

let portal: FakePortal;
let ds: DocSpace;
beforeAll(async () => {
  ({ portal, ds } = await startPortalClient());
});
beforeEach(() => portal.reset());
afterAll(() => portal.stop());

// A task of the fake takes about 80 ms; polling every 100 ms sees it start and end.
const FAST = { pollIntervalMs: 100 } as const;

/** A terminated RoomAdmin who owns two rooms, and an active RoomAdmin heir. */
function leaverAndHeir(status: 'Terminated' | 'Active' = 'Terminated') {
  const leaver = portal.addUser({ email: 'leaver@example.com', type: 'RoomAdmin', status });
  const heir = portal.addUser({ email: 'heir@example.com', type: 'RoomAdmin' });
  const rooms = [
    portal.addRoom({ title: 'Projects', owner: leaver.id }),
    portal.addRoom({ title: 'Contracts', owner: leaver.id }),
  ];
  return { leaver: leaver.id, heir: heir.id, rooms: rooms.map((room) => room.id) };
}

const ownersOf = (rooms: number[]) => rooms.map((id) => portal.room(id)?.ownerId);

describe('reassign', () => {
  it('moves the rooms to the heir, reporting progress; the user stays (no deleteProfile)', async () => {
    const { leaver, heir, rooms } = leaverAndHeir();
    expect(await ds.people.needsReassign(leaver)).toBe(true);
    const seen: number[] = [];
    const done = await ds.people.reassign(leaver, heir, {
      ...FAST,
      onProgress: (p) => seen.push(p.percentage),
    });
    expect(done).toMatchObject({ status: 'Completed', percentage: 100, isCompleted: true });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(100);
    expect(ownersOf(rooms)).toEqual([heir, heir]);
    expect(portal.user(leaver)?.status).toBe('Terminated');
    expect(await ds.people.needsReassign(leaver)).toBe(false);
    expect(await ds.people.reassignProgress(leaver)).toMatchObject({ status: 'Completed' });
  });

  it('with deleteProfile the profile is gone at the end', async () => {
    const { leaver, heir, rooms } = leaverAndHeir();
    await ds.people.reassign(leaver, heir, { ...FAST, deleteProfile: true });
    expect(portal.user(leaver)).toBeUndefined();
    expect(ownersOf(rooms)).toEqual([heir, heir]);
  });

  it('refuses what the server would refuse, before starting anything', async () => {
    const { leaver, heir } = leaverAndHeir();
    const active = portal.addUser({ email: 'active@example.com', type: 'RoomAdmin' }).id;
    const guest = portal.addUser({ email: 'guest@example.com', type: 'Guest' }).id;
    const user = portal.addUser({ email: 'user@example.com', type: 'User' }).id;
    const formerAdmin = portal.addUser({
      email: 'fa@example.com',
      type: 'RoomAdmin',
      status: 'Terminated',
    }).id;
    const admin = portal.addCaller('DocSpaceAdmin');
    const asAdmin = clientOf(portal, admin.token);
    const cases: Array<[string, string, () => Promise<unknown>]> = [
      ['fromId', 'terminated', () => ds.people.reassign(active, heir)],
      ['fromId', 'notOwner', () => ds.people.reassign(portal.owner.id, heir)],
      ['fromId', 'notCaller', () => asAdmin.people.reassign(admin.user.id, heir)],
      ['toId', 'activeAdmin', () => ds.people.reassign(leaver, guest)],
      ['toId', 'activeAdmin', () => ds.people.reassign(leaver, user)],
      ['toId', 'activeAdmin', () => ds.people.reassign(leaver, formerAdmin)],
      ['toId', 'notSameUser', () => ds.people.reassign(leaver, leaver)],
      ['toId', 'uuid', () => ds.people.reassign(leaver, 'heir@example.com')],
    ];
    for (const [field, rule, attempt] of cases) {
      await expect(attempt(), rule).rejects.toMatchObject({ name: 'ValidationError', field, rule });
    }
    expect(portal.countRequests('startReassign')).toBe(0);
  });

  it('a second reassignment while one runs is refused (the server would ignore the new heir); cancel stops it', async () => {
    const { leaver, heir, rooms } = leaverAndHeir();
    const other = portal.addUser({ email: 'other@example.com', type: 'DocSpaceAdmin' }).id;
    portal.setTaskClock({ stepMs: 60_000 });
    const started = await ds.people.reassign(leaver, heir, { wait: false });
    expect(started).toMatchObject({ status: 'Created', percentage: 0 });
    const error = await ds.people.reassign(leaver, other).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', field: 'fromId', rule: 'noRunningTask' });
    expect(await ds.people.cancelReassign(leaver)).toMatchObject({ status: 'Canceled', isCompleted: true });
    expect(ownersOf(rooms)).toEqual([leaver, leaver]);
  });

  it('aborting with cancelOnAbort cancels the server task', async () => {
    const { leaver, heir } = leaverAndHeir();
    portal.setTaskClock({ stepMs: 60_000 });
    const controller = new AbortController();
    const pending = ds.people.reassign(leaver, heir, {
      ...FAST,
      signal: controller.signal,
      cancelOnAbort: true,
      onProgress: () => controller.abort(),
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(portal.dataTasks()).toMatchObject([{ kind: 'reassign', status: 'Canceled' }]);
  });

  it('a task that fails on the server throws TaskFailedError with its message', async () => {
    const { leaver, heir, rooms } = leaverAndHeir();
    const error = await ds.people
      .reassign(leaver, heir, {
        ...FAST,
        // The heir becomes a Guest after the checks: the server's task re-checks and fails at its first step.
        onProgress: (p) => {
          if (p.status === 'Created') portal.updateUser(heir, { type: 'Guest' });
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect((error as TaskFailedError).message).toBe(
      `server task failed: Can not reassign data to user with id = ${heir}`,
    );
    expect((error as TaskFailedError).progress.status).toBe('Failed');
    expect(ownersOf(rooms)).toEqual([leaver, leaver]);
  });

  it('a task that vanished after finishing ends the wait without an error', async () => {
    const { leaver, heir, rooms } = leaverAndHeir();
    portal.setTaskClock({ finishedTtlMs: 0 });
    const done = await ds.people.reassign(leaver, heir, { pollIntervalMs: 200 });
    expect(done).toMatchObject({ status: 'Unknown', isCompleted: true });
    expect(ownersOf(rooms)).toEqual([heir, heir]);
  });
});

describe('delete', () => {
  it('with reassignTo the heir gets the rooms and the profile is gone when the call resolves', async () => {
    const { leaver, heir, rooms } = leaverAndHeir();
    const deleted = await ds.people.delete(leaver, { reassignTo: heir, ...FAST });
    expect(deleted.map((p) => p.id)).toEqual([leaver]);
    expect(portal.user(leaver)).toBeUndefined();
    expect(ownersOf(rooms)).toEqual([heir, heir]);
    expect(portal.countRequests('deleteMember') + portal.countRequests('removeUsers')).toBe(0);
  });

  it('with reassignTo and terminateFirst an active user is terminated, then handed over and deleted', async () => {
    const { leaver, heir, rooms } = leaverAndHeir('Active');
    const progress: string[] = [];
    await ds.people.delete([leaver], {
      reassignTo: heir,
      terminateFirst: true,
      ...FAST,
      onProgress: (p, id) => progress.push(`${id}:${p.status}`),
    });
    expect(portal.user(leaver)).toBeUndefined();
    expect(ownersOf(rooms)).toEqual([heir, heir]);
    expect(progress.at(-1)).toBe(`${leaver}:Completed`);
  });

  it('with a bad heir nothing happens, not even the termination', async () => {
    const { leaver, rooms } = leaverAndHeir('Active');
    const guest = portal.addUser({ email: 'guest@example.com', type: 'Guest' }).id;
    const error = await ds.people
      .delete(leaver, { reassignTo: guest, terminateFirst: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'options.reassignTo', rule: 'activeAdmin' });
    expect(portal.user(leaver)?.status).toBe('Active');
    expect(ownersOf(rooms)).toEqual([leaver, leaver]);
  });

  it('without reassignTo the rooms go to the caller (what the doc comment says)', async () => {
    const { leaver, rooms } = leaverAndHeir();
    portal.setTaskClock({ stepMs: 0 }); // the server hands the data over in the background, after the answer
    await ds.people.delete(leaver);
    expect(portal.user(leaver)).toBeUndefined();
    expect(ownersOf(rooms)).toEqual([portal.owner.id, portal.owner.id]);
  });
});

describe('quota', () => {
  it('setQuota and resetQuota change what get shows; nothing is shown while per-user quota is off', async () => {
    const ann = portal.addUser({ email: 'ann@example.com', type: 'User' }).id;
    const off = await ds.people.get(ann);
    expect([off.quotaLimit, off.isCustomQuota]).toEqual([undefined, undefined]);

    portal.setUserQuota({ enabled: true, defaultBytes: 10 * 1024 ** 3 });
    const [set] = await ds.people.setQuota([ann], 5 * 1024 ** 3);
    expect(set).toMatchObject({ id: ann, quotaLimit: 5 * 1024 ** 3, isCustomQuota: true });
    expect(await ds.people.get(ann)).toMatchObject({ quotaLimit: 5 * 1024 ** 3, isCustomQuota: true });
    await ds.people.setQuota(ann, 'unlimited');
    expect(await ds.people.get(ann)).toMatchObject({ quotaLimit: -1, isCustomQuota: true });
    await ds.people.setQuota(ann, 'default');
    expect(await ds.people.get(ann)).toMatchObject({ quotaLimit: 10 * 1024 ** 3, isCustomQuota: false });
    await ds.people.setQuota(ann, 1024);
    await ds.people.resetQuota(ann);
    expect(await ds.people.get(ann)).toMatchObject({ quotaLimit: 10 * 1024 ** 3, isCustomQuota: false });
  });

  it('a quota that is not whole bytes, unlimited or default is refused before sending', async () => {
    const ann = portal.addUser({ email: 'ann@example.com' }).id;
    for (const quota of [1.5, -1, Number.NaN, '5GB', { maxSize: 1024 }]) {
      await expect(ds.people.setQuota(ann, quota as number)).rejects.toMatchObject({
        name: 'ValidationError',
        field: 'quota',
        rule: 'bytes',
      });
    }
    expect(portal.countRequests()).toBe(0);
  });
});

describe('guests, password, e-mail', () => {
  it('removeGuests drops your relation with the guest, not the profile', async () => {
    const admin = portal.addCaller('RoomAdmin');
    const asRoomAdmin = clientOf(portal, admin.token);
    const guest = portal.addUser({ email: 'guest@example.com', type: 'Guest', invitedBy: admin.user.id }).id;
    // Only a RoomAdmin related to the guest may get the guest's share link: it shows the relation.
    await expect(asRoomAdmin.people.guestShareLink(guest)).resolves.toMatch(/\/s\//);
    await expect(asRoomAdmin.people.removeGuests(guest)).resolves.toBeUndefined();
    await expect(asRoomAdmin.people.guestShareLink(guest)).rejects.toMatchObject({ status: 403 });
    await expect(asRoomAdmin.people.removeGuests(guest)).rejects.toMatchObject({ status: 403 });
    expect(portal.user(guest)).toMatchObject({ status: 'Active', type: 'Guest' });
  });

  it('guestShareLink returns the link for a guest and 400 for anyone else', async () => {
    const guest = portal.addUser({ email: 'guest@example.com', type: 'Guest' }).id;
    const link = await ds.people.guestShareLink(guest);
    expect(link).toMatch(/^https?:\/\/.+\/s\/[0-9a-f]+$/);
    await expect(ds.people.guestShareLink(portal.owner.id)).rejects.toBeInstanceOf(BadRequestError);
  });

  it('sendPasswordInstructions e-mails the user and returns the server message', async () => {
    const ann = portal.addUser({ email: 'ann@example.com' });
    const message = await ds.people.sendPasswordInstructions('ann@example.com');
    expect(message).toContain('ann@example.com');
    expect(portal.sentEmails().map((mail) => mail.to)).toEqual([ann.email]);
  });

  it('requestEmailChange by an admin changes the address at once; the same address is refused', async () => {
    const ann = portal.addUser({ email: 'ann@example.com' }).id;
    const message = await ds.people.requestEmailChange(ann, 'ann@new.example.com');
    expect(message).toBe('The email change instructions have been successfully sent');
    expect(portal.user(ann)).toMatchObject({
      email: 'ann@new.example.com',
      activationStatus: 'NotActivated',
    });
    await expect(ds.people.requestEmailChange(ann, 'ann@new.example.com')).rejects.toMatchObject({
      status: 400,
    });
  });
});
