import { DocSpace, NotFoundError, PermissionDeniedError } from '@docspace-people/sdk';
import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PNG } from './helpers/images.js';

// The SDK's behaviour against the stateful fake portal (@docspace-people/testing), which follows the server's
// rules: what one call changes, the next one sees. Prism only answers fixed examples.

let portal: FakePortal;
let ds: DocSpace;
beforeAll(async () => {
  portal = await startFakePortal({ typeChangePolls: 2 });
  ds = new DocSpace({ baseUrl: portal.url, token: portal.ownerToken, maxRetries: 0 });
});
beforeEach(() => portal.reset());
afterAll(() => portal.stop());

describe('people against the fake portal', () => {
  it('create then get returns that person', async () => {
    const created = await ds.people.create({
      email: 'ann.lee@example.com',
      firstName: 'Ann',
      lastName: 'Lee',
      type: 'User',
      location: 'Riga',
    });
    expect(created).toMatchObject({
      email: 'ann.lee@example.com',
      firstName: 'Ann',
      lastName: 'Lee',
      type: 'User',
      status: 'Active',
      location: 'Riga',
    });
    const fetched = await ds.people.get(created.id);
    expect(fetched).toMatchObject({
      id: created.id,
      email: 'ann.lee@example.com',
      type: 'User',
      status: 'Active',
    });
    expect(await ds.people.getByEmail('ANN.LEE@example.com')).toMatchObject({ id: created.id });
    await expect(ds.people.exists('ann.lee@example.com')).resolves.toBe(true);
    await expect(ds.people.exists('nobody@example.com')).resolves.toBe(false);
    expect(portal.user(created.id)).toMatchObject({ firstName: 'Ann', type: 'User' });
  });

  it('getByEmail of nobody is a NotFoundError', async () => {
    await expect(ds.people.getByEmail('nobody@example.com')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('terminate shows Terminated, in the answer, in get and in the portal; reactivate undoes it', async () => {
    const { id } = portal.addUser({ email: 'bo@example.com' });
    const [terminated] = await ds.people.terminate(id);
    expect(terminated).toMatchObject({ id, status: 'Terminated' });
    expect(terminated?.terminated).toBeInstanceOf(Date);
    expect((await ds.people.get(id)).status).toBe('Terminated');
    expect(portal.user(id)?.status).toBe('Terminated');
    await ds.people.reactivate(id);
    expect((await ds.people.get(id)).status).toBe('Active');
  });

  it('delete of an active user fails with the "terminate first" message and deletes nobody', async () => {
    const { id } = portal.addUser({ email: 'cy@example.com' });
    const error = await ds.people.delete(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as Error).message).toContain(
      'DocSpace deletes only Terminated users: terminate them first',
    );
    expect(portal.user(id)).toBeDefined();
  });

  it('delete with terminateFirst deletes, one id and several', async () => {
    const [one, two, three] = ['d1@example.com', 'd2@example.com', 'd3@example.com'].map(
      (email) => portal.addUser({ email }).id,
    );
    await ds.people.delete(one as string, { terminateFirst: true });
    expect(portal.user(one as string)).toBeUndefined();
    const deleted = await ds.people.delete([two as string, three as string], { terminateFirst: true });
    expect(deleted.map((person) => person.id).sort()).toEqual([two, three].sort());
    expect(portal.users((user) => user.email.startsWith('d'))).toEqual([]);
  });

  it('list filters by status and type, and pages through everyone', async () => {
    portal.seedUsers(130);
    portal.addUser({ email: 'guest@example.com', type: 'Guest' });
    const everyone = await ds.people.list({ pageSize: 50 }).toArray();
    expect(everyone).toHaveLength(132); // the owner, 130 users, one guest
    expect(new Set(everyone.map((person) => person.id)).size).toBe(132);
    const guests = await ds.people.list({ type: 'Guest' }).toArray();
    expect(guests.map((person) => person.email)).toEqual(['guest@example.com']);
    const page = await ds.people.list({ status: 'Active', type: ['User', 'Guest'] }).page({ count: 10 });
    expect(page).toMatchObject({ total: 131, startIndex: 0, nextStartIndex: 10 });
  });

  it('changeType upgrades a Guest to User; downgrade reassigns and completes after the polls', async () => {
    const guest = portal.addUser({ email: 'g@example.com', type: 'Guest' });
    const [changed] = await ds.people.changeType(guest.id, 'User');
    expect(changed).toMatchObject({ id: guest.id, type: 'User' });
    const admin = portal.addUser({ email: 'ra@example.com', type: 'RoomAdmin' });
    const reports: number[] = [];
    const done = await ds.people.downgrade(admin.id, 'Guest', {
      pollIntervalMs: 100,
      onProgress: (progress) => reports.push(progress.percentage),
    });
    expect(done).toMatchObject({ isCompleted: true, status: 'Completed', percentage: 100 });
    expect(reports.at(-1)).toBe(100);
    expect((await ds.people.get(admin.id)).type).toBe('Guest');
  });

  it('cancelDowngrade cancels the task; the type stays', async () => {
    const admin = portal.addUser({ email: 'rb@example.com', type: 'RoomAdmin' });
    const started = await ds.people.downgrade(admin.id, 'User', { wait: false });
    expect(started).toMatchObject({ isCompleted: false });
    expect(await ds.people.cancelDowngrade(admin.id)).toMatchObject({ status: 'Canceled' });
    expect((await ds.people.get(admin.id)).type).toBe('RoomAdmin');
  });
});

describe('photos against the fake portal', () => {
  it("upload then get returns the new photo; another user's photo is refused with 403", async () => {
    const me = await ds.people.me();
    const uploaded = await ds.photos.upload(me.id, PNG);
    expect(uploaded.autosaved).toBe(true);
    const photo = await ds.photos.get(me.id);
    expect(photo.original).toMatch(new RegExp(`^/storage/userPhotos/root/${me.id}_orig_.*\\.png$`));
    const other = portal.addUser({ email: 'p@example.com' });
    const error = await ds.photos.delete(other.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, method: 'DELETE', path: `/api/2.0/people/${other.id}/photo` });
  });
});
