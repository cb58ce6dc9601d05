import { DocSpace } from '@docspace-people/sdk';
import { describe, expect, it } from 'vitest';
import { employee, envelope, jsonFetch, OTHER_ID, USER_ID } from './helpers/fixtures.js';

/** A client whose every answer is a list with one employee (one employee with `single`), recording what it sends. */
function client(single = false) {
  const recorder = jsonFetch(envelope(single ? employee() : [employee()]));
  return {
    ds: new DocSpace({ baseUrl: 'https://portal.example.com', token: 'sk-x', fetch: recorder.fetch }),
    ...recorder,
  };
}
const sentIds = (init: RequestInit | undefined) => JSON.parse(String(init?.body)).userIds;

describe('bulk operations send each user once', () => {
  it.each([
    ['terminate', (ds: DocSpace, ids: string[]) => ds.people.terminate(ids)],
    ['reactivate', (ds: DocSpace, ids: string[]) => ds.people.reactivate(ids)],
    ['changeType', (ds: DocSpace, ids: string[]) => ds.people.changeType(ids, 'RoomAdmin')],
    ['resendInvites', (ds: DocSpace, ids: string[]) => ds.people.resendInvites(ids)],
    ['delete', (ds: DocSpace, ids: string[]) => ds.people.delete(ids)],
  ])('%s drops an id given twice, in any letter case, keeping the order', async (_name, run) => {
    const { ds, calls } = client();
    await run(ds, [USER_ID, OTHER_ID, USER_ID.toUpperCase(), OTHER_ID]);
    expect(calls).toHaveLength(1);
    expect(sentIds(calls[0]?.init)).toEqual([USER_ID, OTHER_ID]);
  });

  it('deletes one user given twice with DELETE /people/{id}, not the bulk endpoint', async () => {
    const { ds, calls } = client(true);
    await ds.people.delete([USER_ID, USER_ID]);
    expect(calls.map((call) => [call.init?.method, call.url])).toEqual([
      ['DELETE', `https://portal.example.com/api/2.0/people/${USER_ID}`],
    ]);
  });
});
