import type { FakePortalOptions } from './fake-portal/options.js';
import { type FakePortal, startFakePortal } from './fake-portal/server.js';
import type { SeedUser } from './fake-portal/user-store.js';

/**
 * The people of a small sample portal, besides the owner (Olivia Owner): one DocSpace admin, a room admin, two
 * users and a guest, all Active. The admin's token is `sk-fake-admin-key`; everyone else has no token (use
 * {@link FakePortal.setToken} or {@link FakePortal.addCaller} to call as them).
 */
export function samplePeople(): SeedUser[] {
  return [
    {
      email: 'adam.admin@example.com',
      firstName: 'Adam',
      lastName: 'Admin',
      type: 'DocSpaceAdmin',
      token: 'sk-fake-admin-key',
    },
    { email: 'rita.rooms@example.com', firstName: 'Rita', lastName: 'Rooms', type: 'RoomAdmin' },
    { email: 'uma.user@example.com', firstName: 'Uma', lastName: 'User', type: 'User' },
    { email: 'ulf.user@example.com', firstName: 'Ulf', lastName: 'User', type: 'User' },
    { email: 'gus.guest@example.com', firstName: 'Gus', lastName: 'Guest', type: 'Guest' },
  ];
}

/**
 * Starts a fake portal seeded like a small real one: the owner plus {@link samplePeople}. Other options are
 * passed on; `users` given here come after the sample people.
 * @example
 * const portal = await startSamplePortal();
 * const ds = new DocSpace({ baseUrl: portal.url, token: portal.ownerToken });
 */
export function startSamplePortal(options: FakePortalOptions = {}): Promise<FakePortal> {
  return startFakePortal({ ...options, users: [...samplePeople(), ...(options.users ?? [])] });
}
