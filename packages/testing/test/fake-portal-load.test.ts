import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call } from './support/call.js';

// The SDK's benchmark drives the fake like this: 20 ms latency, a client that keeps 15 writes in flight.
let portal: FakePortal;
beforeAll(async () => {
  portal = await startFakePortal({ latencyMs: 20 });
});
afterAll(() => portal.stop());

/** Runs `total` jobs with at most `limit` at a time. */
async function pool(total: number, limit: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < total) await job(next++);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

it('serves 1,000 creates from a client that keeps 15 writes in flight, without a 429', async () => {
  const statuses: number[] = [];
  await pool(1000, 15, async (i) => {
    const answer = await call(portal, 'POST', '/people', {
      json: { email: `load${i}@example.com`, firstName: 'Load', lastName: String(i), type: 'User' },
    });
    statuses.push(answer.status);
  });
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  expect(portal.users()).toHaveLength(1001);
  const stats = portal.stats();
  expect(stats.maxInFlight.write).toBeLessThanOrEqual(15);
  expect(stats.rateLimited.write).toBe(0);
  expect(portal.countRequests('addMember')).toBe(1000);
});
