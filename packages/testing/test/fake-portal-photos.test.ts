import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { call, jpegBytes, photoForm, pngBytes } from './support/call.js';

let portal: FakePortal;
beforeEach(async () => {
  portal ??= await startFakePortal({ maxPhotoBytes: 10_000 });
  portal.reset();
});
afterAll(() => portal?.stop());

const upload = (form: FormData, id = portal.owner.id, token?: string) =>
  call(portal, 'POST', `/people/${id}/photo`, { body: form, ...(token ? { token } : {}) });

describe('POST /people/{userid}/photo (multipart upload)', () => {
  it.each([
    ['PNG', pngBytes()],
    ['JPEG', jpegBytes()],
  ])('saves a %s with Autosave=true and answers the photo URLs', async (_, bytes) => {
    const answer = await upload(photoForm(bytes, true));
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({ success: true, data: { original: expect.any(String) } });
    expect(portal.owner.photo?.source).toBe('upload');
  });

  it.each([
    ['a GIF', new TextEncoder().encode('GIF89a-not-accepted'), 'Unknown image file type'],
    ['a text file', new TextEncoder().encode('hello'), 'Unknown image file type'],
    ['a PNG over the size limit', pngBytes(20_000), 'Image size is too large'],
  ])('answers HTTP 200 with success false for %s and keeps no photo', async (_, bytes, message) => {
    const answer = await upload(photoForm(bytes, true));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 0, response: { success: false, message } });
    expect(portal.owner.photo).toBeUndefined();
  });

  it('answers success false when the File field is missing (the v3.6 field name formCollection)', async () => {
    const answer = await upload(photoForm(pngBytes(), true, 'formCollection'));
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({ success: false, message: expect.any(String) });
  });

  it("answers 403 for another user's id", async () => {
    const jane = portal.addUser({ email: 'jane@example.com' });
    const answer = await upload(photoForm(pngBytes(), true), jane.id);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ status: 1, statusCode: 403 });
  });

  it('with Autosave=false answers a temporary file that POST /photo/thumbnails crops into the photo', async () => {
    const first = await upload(photoForm(pngBytes(), false));
    const tmpFile = first.body.response.data;
    expect(tmpFile).toEqual(expect.any(String));
    expect(portal.owner.photo).toBeUndefined();
    const crop = await call(portal, 'POST', `/people/${portal.owner.id}/photo/thumbnails`, {
      json: { tmpFile, x: 0, y: 0, width: 100, height: 100 },
    });
    expect(crop.status).toBe(200);
    expect(crop.body.response).toMatchObject({ original: expect.any(String), small: expect.any(String) });
    expect(portal.owner.photo).toBeDefined();
  });

  it('POST /photo/thumbnails answers 400 for an unknown temporary file', async () => {
    const answer = await call(portal, 'POST', `/people/${portal.owner.id}/photo/thumbnails`, {
      json: { tmpFile: 'tmp_nothing.png', x: 0, y: 0, width: 10, height: 10 },
    });
    expect(answer.status).toBe(400);
  });
});

describe('PUT and DELETE /people/{userid}/photo', () => {
  it('sets your photo from an https URL', async () => {
    const answer = await call(portal, 'PUT', `/people/${portal.owner.id}/photo`, {
      json: { files: 'https://images.example.com/me.jpg' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.response).toHaveProperty('max');
    expect(portal.owner.photo?.source).toBe('url');
  });

  it.each([
    'http://images.example.com/me.jpg',
    'https://127.0.0.1/me.jpg',
    'https://localhost/me.jpg',
    'not a url',
  ])('refuses %s with 400', async (files) => {
    const answer = await call(portal, 'PUT', `/people/${portal.owner.id}/photo`, { json: { files } });
    expect(answer.status).toBe(400);
    expect(portal.owner.photo).toBeUndefined();
  });

  it.each(['PUT', 'DELETE'])("%s answers 403 for another user's id", async (method) => {
    const jane = portal.addUser({ email: 'jane@example.com' });
    const answer = await call(portal, method, `/people/${jane.id}/photo`, {
      json: { files: 'https://images.example.com/me.jpg' },
    });
    expect(answer.status).toBe(403);
  });

  it('DELETE removes your photo and answers the default images', async () => {
    await upload(photoForm(pngBytes(), true));
    const answer = await call(portal, 'DELETE', `/people/${portal.owner.id}/photo`);
    expect(answer.body.response.small).toContain('default_user_photo');
    expect(portal.owner.photo).toBeUndefined();
  });

  it("GET answers anyone's photo URLs", async () => {
    const jane = portal.addUser({ email: 'jane@example.com' });
    const { token } = portal.addCaller('Guest');
    const answer = await call(portal, 'GET', `/people/${jane.id}/photo`, { token });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.response).sort()).toEqual([
      'big',
      'max',
      'medium',
      'original',
      'retina',
      'small',
    ]);
  });
});
