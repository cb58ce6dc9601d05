import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PhotoUploadError, ValidationError } from '@docspace-people/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_ID } from './helpers/fixtures.js';
import { GIF, JPEG, PNG } from './helpers/images.js';
import { preferExample, prismClient } from './helpers/prism.js';

const ds = prismClient();
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdk-photos-'));
  await writeFile(join(dir, 'me.png'), PNG);
  await writeFile(join(dir, 'me.gif'), GIF);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('photos against the curated spec (Prism)', () => {
  it('get returns every size', async () => {
    const photo = await ds.photos.get(USER_ID);
    expect(photo.max).toMatch(/\.png$/);
    expect(Object.keys(photo)).toEqual(['original', 'retina', 'max', 'big', 'medium', 'small']);
  });

  it.each([
    ['a Uint8Array (PNG)', () => PNG],
    ['an ArrayBuffer (JPEG)', () => JPEG.slice().buffer],
    ['a Blob', () => new Blob([PNG])],
    ['a File', () => new File([JPEG], 'me.jpg')],
    ['a ReadableStream', () => new Blob([PNG]).stream()],
    ['a file path', () => join(dir, 'me.png')],
  ])('upload accepts %s', async (_, data) => {
    const result = await ds.photos.upload(USER_ID, data());
    expect(result.autosaved).toBe(true);
    expect(result.data).toEqual(expect.any(String));
  });

  it('upload with autosave: false gives the temporary file to crop', async () => {
    const result = await ds.photos.upload(USER_ID, PNG, { autosave: false, ...preferExample('temporary') });
    expect(result.tmpFile).toMatch(/^tmp_/);
    const photo = await ds.photos.crop(USER_ID, {
      tmpFile: result.tmpFile ?? '',
      x: 0,
      y: 0,
      width: 1,
      height: 1,
    });
    expect(photo.original).toBeTruthy();
  });

  it('a refused upload (HTTP 200, success: false) throws PhotoUploadError with the server message', async () => {
    const error = await ds.photos.upload(USER_ID, PNG, preferExample('failed')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PhotoUploadError);
    expect((error as PhotoUploadError).serverMessage).toBe('Unknown image file type');
  });

  it.each([
    ['a GIF', () => GIF, 'image/png|image/jpeg'],
    ['a GIF file path', () => join(dir, 'me.gif'), 'image/png|image/jpeg'],
    ['text bytes', () => new TextEncoder().encode('not an image'), 'image/png|image/jpeg'],
    ['an empty image', () => new Uint8Array(0), 'nonEmpty'],
    ['a missing file', () => join(dir, 'missing.png'), 'file'],
  ])('upload refuses %s before sending', async (_, data, rule) => {
    const sent: string[] = [];
    const spying = prismClient({
      fetch: (input, init) => {
        sent.push(String(input));
        return fetch(input, init);
      },
    });
    const error = await spying.photos.upload(USER_ID, data()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'data', rule });
    expect(sent).toEqual([]);
  });

  it('upload refuses an autosave that is not a boolean before sending', async () => {
    const sent: string[] = [];
    const spying = prismClient({
      fetch: (input, init) => {
        sent.push(String(input));
        return fetch(input, init);
      },
    });
    const options = { autosave: 'false' as unknown as boolean };
    const error = await spying.photos.upload(USER_ID, PNG, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'options.autosave', rule: 'boolean' });
    expect(sent).toEqual([]);
  });

  it.each([
    ['bytes', () => new Uint8Array(2048).fill(1, 8).map((b, i) => PNG[i] ?? b)],
    ['a stream', () => new Blob([PNG, new Uint8Array(4096)]).stream()],
  ])('upload refuses %s larger than maxBytes before sending', async (_, data) => {
    await expect(ds.photos.upload(USER_ID, data(), { maxBytes: 1024 })).rejects.toMatchObject({
      name: 'ValidationError',
      rule: 'maxBytes:1024',
    });
  });

  it('setFromUrl sends the https URL', async () => {
    const photo = await ds.photos.setFromUrl(USER_ID, 'https://example.com/me.png');
    expect(photo.max).toBeTruthy();
  });

  it.each(['http://example.com/me.png', 'ftp://example.com/me.png', 'not a url'])(
    'setFromUrl refuses %s',
    async (url) => {
      await expect(ds.photos.setFromUrl(USER_ID, url)).rejects.toBeInstanceOf(ValidationError);
    },
  );

  it('delete', async () => {
    const photo = await ds.photos.delete(USER_ID);
    expect(photo.original).toBeTruthy();
  });
});
