// The README's "Differences from the vendor tutorials", one behaviour per test.
import { DocSpace, ValidationError } from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { employee, USER_ID } from './helpers/fixtures.js';
import { PNG } from './helpers/images.js';
import { type MisbehavingServer, sendEnvelope, startServer } from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that records request bodies and content types and answers with `answer`. */
async function recording(answer: unknown) {
  const seen: { line: string; body: string; contentType: string | undefined }[] = [];
  server = await startServer(({ req, res, body }) => {
    seen.push({ line: `${req.method} ${req.url}`, body, contentType: req.headers['content-type'] });
    sendEnvelope(res, answer);
  });
  return { ds: new DocSpace({ baseUrl: server.url, token: 'sk-x' }), seen };
}

describe('differences from the vendor tutorials', () => {
  it.each(['role', 'type'])(
    'update() refuses a `%s` field (the server ignores it) and names the real method',
    async (key) => {
      const { ds, seen } = await recording(employee());
      const error = await ds.people.update(USER_ID, { [key]: 'Manager' } as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(`patch.${key}`);
      expect((error as Error).message).toContain('changeType');
      expect(seen).toEqual([]);
    },
  );

  it('changeType uses PUT /people/type/{type} with the user ids', async () => {
    const { ds, seen } = await recording([employee()]);
    await ds.people.changeType([USER_ID], 'RoomAdmin');
    expect(seen).toEqual([
      {
        line: 'PUT /api/2.0/people/type/RoomAdmin',
        body: JSON.stringify({ userIds: [USER_ID] }),
        contentType: 'application/json',
      },
    ]);
  });

  it('terminate uses PUT /people/status/Terminated with resendAll false', async () => {
    const { ds, seen } = await recording([employee()]);
    await ds.people.terminate(USER_ID);
    expect(seen[0]).toMatchObject({
      line: 'PUT /api/2.0/people/status/Terminated',
      body: JSON.stringify({ userIds: [USER_ID], resendAll: false }),
    });
  });

  it('photo upload sends the v3.7 multipart fields File and Autosave (not formCollection)', async () => {
    const { ds, seen } = await recording({ success: true, data: '/storage/photo.png' });
    await ds.photos.upload(USER_ID, PNG);
    const [request] = seen;
    expect(request?.line).toBe(`POST /api/2.0/people/${USER_ID}/photo`);
    expect(request?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.body).toMatch(/name="File"; filename="photo\.png"\r\nContent-Type: image\/png/);
    expect(request?.body).toMatch(/name="Autosave"\r\n\r\ntrue/);
    expect(request?.body).not.toContain('formCollection');
  });

  it('invitations default to type User and carry the culture', async () => {
    const { ds, seen } = await recording([{ id: USER_ID }]);
    await ds.people.invite({ email: 'ann@example.com' }, { culture: 'en-US' });
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      invitations: [{ email: 'ann@example.com', type: 'User' }],
      culture: 'en-US',
    });
  });
});
