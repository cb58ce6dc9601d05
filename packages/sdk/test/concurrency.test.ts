import { DocSpace } from '@docspace-people/sdk';
import { afterEach, expect, it } from 'vitest';
import { employee, USER_ID } from './helpers/fixtures.js';
import { delay, type MisbehavingServer, sendEnvelope, startServer } from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * (Each test starts a multiple of the limit, so the gate opens only on full batches; the 3 s fallback is reached
 * only when the client lets fewer requests through than its limit, and then the peak assertion fails.)
 * Holds requests until `gate` of one kind (reads or writes) are waiting at once (or 3 s passed), then answers them
 * all: the peak reaches the client's limit exactly when the client lets that many through, and never exceeds it.
 */
async function slowServer(gate: { reads: number; writes: number }) {
  const waiting = { reads: [] as Array<() => void>, writes: [] as Array<() => void> };
  return startServer(async ({ req, res }) => {
    const kind = req.method === 'GET' ? 'reads' : 'writes';
    await new Promise<void>((resolve) => {
      waiting[kind].push(resolve);
      if (waiting[kind].length >= gate[kind]) {
        for (const release of waiting[kind]) release();
        waiting[kind] = [];
      } else setTimeout(resolve, 3000);
    });
    await delay(5);
    // Status changes answer a list; the other calls here answer one profile.
    sendEnvelope(res, req.url?.includes('/status/') ? [employee()] : employee());
  });
}

it('never has more than 50 GETs in flight, however many are started at once', async () => {
  server = await slowServer({ reads: 50, writes: 15 });
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
  await Promise.all(Array.from({ length: 300 }, () => ds.people.get(USER_ID)));
  expect(server.hits).toHaveLength(300);
  expect(server.peak.reads).toBe(50);
});

it('never has more than 15 writes in flight', async () => {
  server = await slowServer({ reads: 50, writes: 15 });
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
  await Promise.all(Array.from({ length: 105 }, () => ds.people.setCulture(USER_ID, 'en-US')));
  expect(server.hits).toHaveLength(105);
  expect(server.peak.writes).toBe(15);
});

it('reads and writes have separate budgets', async () => {
  server = await slowServer({ reads: 50, writes: 15 });
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x' });
  await Promise.all([
    ...Array.from({ length: 100 }, () => ds.people.me()),
    ...Array.from({ length: 45 }, () => ds.people.terminate(USER_ID)),
  ]);
  expect(server.peak).toEqual({ reads: 50, writes: 15 });
});

it('lower limits can be configured', async () => {
  server = await slowServer({ reads: 3, writes: 2 });
  const ds = new DocSpace({
    baseUrl: server.url,
    token: 'sk-x',
    maxConcurrentReads: 3,
    maxConcurrentWrites: 2,
  });
  await Promise.all([
    ...Array.from({ length: 21 }, () => ds.people.me()),
    ...Array.from({ length: 20 }, () => ds.people.reactivate(USER_ID)),
  ]);
  expect(server.peak).toEqual({ reads: 3, writes: 2 });
});

it('the raw client shares the same limits', async () => {
  server = await slowServer({ reads: 4, writes: 1 });
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', maxConcurrentReads: 4 });
  await Promise.all([
    ...Array.from({ length: 20 }, () => ds.people.me()),
    ...Array.from({ length: 20 }, () => ds.raw.GET('/api/2.0/people/@self')),
  ]);
  expect(server.hits).toHaveLength(40);
  expect(server.peak.reads).toBe(4);
});
