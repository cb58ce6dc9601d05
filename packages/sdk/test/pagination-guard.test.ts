import { DocSpace, PaginationError } from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { employee } from './helpers/fixtures.js';
import { type MisbehavingServer, startServer } from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const idOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const people = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => employee({ id: idOf(from + i) }));

/** A people/filter server: `page(startIndex, count)` returns the page's items and total. */
async function listServer(page: (startIndex: number, count: number) => { items: unknown[]; total: unknown }) {
  server = await startServer(({ req, res }) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const { items, total } = page(Number(query.get('startIndex')), Number(query.get('count')));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ response: items, count: items.length, total, status: 0, statusCode: 200 }));
  });
  return new DocSpace({ baseUrl: server.url, token: 'sk-x' });
}

describe('list() makes progress or stops with PaginationError', () => {
  it.each([
    ['ignores startIndex', () => ({ items: people(0, 100), total: 1000 }), 'noProgress', 2],
    [
      'ignores startIndex while total keeps growing',
      (start: number) => ({ items: people(0, 100), total: start + 500 }),
      'noProgress',
      2,
    ],
    ['sends total 1e300', () => ({ items: people(0, 100), total: 1e300 }), 'badTotal', 1],
    ['sends total as a string', () => ({ items: people(0, 100), total: '250' }), 'badTotal', 1],
    ['sends total -1', () => ({ items: people(0, 100), total: -1 }), 'badTotal', 1],
    ['sends a fractional total', () => ({ items: people(0, 100), total: 150.5 }), 'badTotal', 1],
    [
      'sends more distinct people than its total',
      (start: number) => ({ items: people(start, 100), total: 150 }),
      'pastTotal',
      2,
    ],
  ] as const)('a server that %s', async (_, page, problem, requests) => {
    const ds = await listServer(page);
    const seen: string[] = [];
    const error = await (async () => {
      for await (const person of ds.people.list()) seen.push(person.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ problem, path: '/api/2.0/people/filter' });
    expect(server?.hits).toHaveLength(requests);
    // Nothing is yielded twice.
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('the message says what the server did', async () => {
    const ds = await listServer(() => ({ items: people(0, 100), total: -1 }));
    await expect(ds.people.list().toArray()).rejects.toThrow(
      "GET /api/2.0/people/filter (startIndex 0): the server's total is -1, not a non-negative integer",
    );
  });

  it('page() checks total too', async () => {
    const ds = await listServer(() => ({ items: people(0, 10), total: '10' }));
    await expect(ds.people.list().page()).rejects.toMatchObject({
      name: 'PaginationError',
      problem: 'badTotal',
    });
  });

  it('a person who shifted to the next page while the list was read is yielded once', async () => {
    // 150 people; someone is added at the front between the two requests, so page 2 repeats person 99.
    const ds = await listServer((start) =>
      start === 0 ? { items: people(0, 100), total: 150 } : { items: people(99, 51), total: 151 },
    );
    const all = await ds.people.list().toArray();
    expect(all.map((p) => p.id)).toEqual(people(0, 150).map((p) => p.id));
    expect(server?.hits).toHaveLength(2);
  });

  it('an honest server is read to the end', async () => {
    const ds = await listServer((start, count) => ({
      items: people(start, Math.max(0, Math.min(count, 250 - start))),
      total: 250,
    }));
    expect(await ds.people.list().toArray()).toHaveLength(250);
    expect(server?.hits).toHaveLength(3);
  });
});

describe('groups.list() has the same guard (one paged list for people and groups)', () => {
  const groups = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: idOf(from + i),
      name: `Group ${from + i}`,
      category: idOf(0),
      isLDAP: false,
      membersCount: 0,
    }));

  it.each([
    ['ignores startIndex', () => ({ items: groups(0, 100), total: 1000 }), 'noProgress'],
    ['sends total as a string', () => ({ items: groups(0, 100), total: '250' }), 'badTotal'],
  ] as const)('a server that %s', async (_, page, problem) => {
    const ds = await listServer(page);
    const error = await ds.groups
      .list()
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ problem, path: '/api/2.0/group' });
  });
});
