import { DocSpace } from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { employee } from './helpers/fixtures.js';
import { type MisbehavingServer, startServer } from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A portal with `size` people answering GET /people/filter pages, recording each page's query. */
async function portal(size: number, { sendTotal = true } = {}) {
  const queries: URLSearchParams[] = [];
  server = await startServer(({ req, res }) => {
    const query = new URL(req.url ?? '', 'http://x').searchParams;
    queries.push(query);
    const start = Number(query.get('startIndex'));
    const count = Number(query.get('count'));
    const page = Array.from({ length: Math.max(0, Math.min(count, size - start)) }, (_, i) =>
      employee({ id: `00000000-0000-0000-0000-${String(start + i).padStart(12, '0')}` }),
    );
    res.writeHead(200, { 'content-type': 'application/json' });
    const envelope: Record<string, unknown> = {
      response: page,
      count: page.length,
      status: 0,
      statusCode: 200,
    };
    if (sendTotal) envelope.total = size;
    res.end(JSON.stringify(envelope));
  });
  return { ds: new DocSpace({ baseUrl: server.url, token: 'sk-x' }), queries };
}

describe('list() auto-pagination', () => {
  it.each([
    [0, [0]],
    [1, [0]],
    [100, [0]],
    [250, [0, 100, 200]],
    [300, [0, 100, 200]],
  ])('with %i people it requests pages at %o and yields everyone once', async (size, starts) => {
    const { ds, queries } = await portal(size);
    const ids: string[] = [];
    for await (const person of ds.people.list()) ids.push(person.id);
    expect(ids).toHaveLength(size);
    expect(new Set(ids).size).toBe(size);
    expect(queries.map((q) => Number(q.get('startIndex')))).toEqual(starts);
    expect(queries.every((q) => q.get('count') === '100')).toBe(true);
  });

  it('without a total it stops at the first short page', async () => {
    const { ds, queries } = await portal(150, { sendTotal: false });
    expect(await ds.people.list().toArray()).toHaveLength(150);
    expect(queries).toHaveLength(2);
  });

  it('pageSize sets the page length, and the filter goes with every page', async () => {
    const { ds, queries } = await portal(25);
    await ds.people.list({ status: 'Terminated', text: 'a b', pageSize: 10 }).toArray();
    expect(
      queries.map((q) => [
        q.get('startIndex'),
        q.get('count'),
        q.get('employeeStatus'),
        q.get('filterValue'),
      ]),
    ).toEqual([
      ['0', '10', '2', 'a b'],
      ['10', '10', '2', 'a b'],
      ['20', '10', '2', 'a b'],
    ]);
  });

  it('page() returns one page with the total and where the next one starts', async () => {
    const { ds } = await portal(250);
    const page = await ds.people.list().page({ startIndex: 100, count: 100 });
    expect(page).toMatchObject({ total: 250, startIndex: 100, nextStartIndex: 200 });
    expect(page.items).toHaveLength(100);
    const last = await ds.people.list().page({ startIndex: 200 });
    expect(last.nextStartIndex).toBeUndefined();
  });

  it('breaking out of the loop stops fetching', async () => {
    const { ds, queries } = await portal(1000);
    for await (const person of ds.people.list()) if (person) break;
    expect(queries).toHaveLength(1);
  });

  it.each([
    ['filter.status', { status: 'Gone' }],
    ['filter.pageSize', { pageSize: 500 }],
    ['filter.type', { type: [] }],
  ])(
    'a bad filter (%s) rejects the page and the iteration, like any call, and sends nothing',
    async (field, bad) => {
      const { ds, queries } = await portal(10);
      const list = ds.people.list(bad as never); // does not throw: the error comes with the promise
      await expect(list.page()).rejects.toMatchObject({ name: 'ValidationError', field });
      await expect(list.toArray()).rejects.toMatchObject({ name: 'ValidationError', field });
      expect(queries).toHaveLength(0);
    },
  );
});
