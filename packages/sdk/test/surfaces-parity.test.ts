import * as sdk from '@docspace-people/sdk';
import { DocSpace } from '@docspace-people/sdk';
import { describe, expect, it } from 'vitest';
import { ARGS, functionOf, methodCall, NAMESPACES, settle } from './helpers/calls.js';
import { SECRET } from './helpers/fixtures.js';

/** A fetch that records each request (method, URL, headers, body as text) and answers with an HTML page. */
function recorder() {
  const sent: Array<{ method: string; url: string; headers: Record<string, string>; body: string }> = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = request.body ? await request.text() : '';
    // Multipart boundaries are random: compare the form without them.
    const boundary = /boundary=(\S+)/.exec(request.headers.get('content-type') ?? '')?.[1];
    const headers = Object.fromEntries(request.headers);
    if (boundary) headers['content-type'] = 'multipart/form-data';
    sent.push({
      method: request.method,
      url: request.url,
      headers,
      body: boundary ? body.replaceAll(boundary, 'BOUNDARY') : body,
    });
    return new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } });
  };
  return {
    sent,
    ds: new DocSpace({ baseUrl: 'https://portal.example.com', token: SECRET, fetch, maxRetries: 0 }),
  };
}

describe('ds.people.* / ds.photos.* / ds.groups.* and the standalone functions are one surface', () => {
  for (const namespace of NAMESPACES) {
    it(`every method of ds.${namespace} has a standalone function ${namespace}<Method> and a row here`, () => {
      const { ds } = recorder();
      const methods = Object.keys(ds[namespace]).sort();
      expect(methods).toEqual([...new Set(ARGS[namespace].map(([method]) => method))].sort());
      for (const method of methods) expect(functionOf(namespace, method)).toBeTypeOf('function');
    });

    it.each(ARGS[namespace])(
      `ds.${namespace}.%s sends the same request as its function`,
      async (method, args, request) => {
        const viaMethod = recorder();
        const viaFunction = recorder();
        await methodCall(viaMethod.ds, namespace, method, args).catch(() => undefined);
        await settle(functionOf(namespace, method)(viaFunction.ds, ...args)).catch(() => undefined);
        expect(viaMethod.sent).toHaveLength(1);
        expect(viaMethod.sent).toEqual(viaFunction.sent);
        const [verb, path] = request.split(' ');
        expect(viaMethod.sent[0]?.method).toBe(verb);
        expect(new URL(viaMethod.sent[0]?.url ?? '').pathname).toBe(path);
      },
    );
  }
});

describe('the old function names', () => {
  it.each([
    ['createPerson', 'peopleCreate'],
    ['getPerson', 'peopleGet'],
    ['getMe', 'peopleMe'],
    ['getPersonByEmail', 'peopleGetByEmail'],
    ['personExists', 'peopleExists'],
    ['updatePerson', 'peopleUpdate'],
    ['listPeople', 'peopleList'],
    ['searchPeople', 'peopleSearch'],
    ['terminatePeople', 'peopleTerminate'],
    ['reactivatePeople', 'peopleReactivate'],
    ['deletePeople', 'peopleDelete'],
    ['changePeopleType', 'peopleChangeType'],
    ['downgradePerson', 'peopleDowngrade'],
    ['downgradeProgress', 'peopleDowngradeProgress'],
    ['cancelDowngrade', 'peopleCancelDowngrade'],
    ['invitePeople', 'peopleInvite'],
    ['resendInvites', 'peopleResendInvites'],
    ['setPersonCulture', 'peopleSetCulture'],
    ['getPhoto', 'photosGet'],
    ['uploadPhoto', 'photosUpload'],
    ['setPhotoFromUrl', 'photosSetFromUrl'],
    ['deletePhoto', 'photosDelete'],
    ['cropPhoto', 'photosCrop'],
  ])('%s is a deprecated alias of %s (the same function)', (old, name) => {
    const exports = sdk as unknown as Record<string, unknown>;
    expect(exports[old]).toBeTypeOf('function');
    expect(exports[old]).toBe(exports[name]);
  });
});
