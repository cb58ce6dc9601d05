import { DocSpace } from '@docspace-people/sdk';
import { type FakePortal, startFakePortal } from '@docspace-people/testing';

/** A stateful fake portal and a client acting as its owner (no retries, so a failure shows at once). */
export async function startPortalClient(): Promise<{ portal: FakePortal; ds: DocSpace }> {
  const portal = await startFakePortal();
  return { portal, ds: clientOf(portal, portal.ownerToken) };
}

/** A client of the fake portal acting as the person whose token this is. */
export function clientOf(portal: FakePortal, token: string): DocSpace {
  return new DocSpace({ baseUrl: portal.url, token, maxRetries: 0 });
}
