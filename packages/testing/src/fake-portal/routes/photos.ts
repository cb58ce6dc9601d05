import { randomUUID } from 'node:crypto';
import { thumbnails } from '../dto.js';
import { success } from '../envelope.js';
import { accessDenied, badArgument } from '../errors.js';
import type { RouteContext, RouteDefinition } from '../router.js';
import type { FakeUser } from '../user-record.js';
import { bodyObject, stringField, targetUser } from './helpers.js';

const base = '/api/2.0/people/{userid}/photo';

/** Photo writes are self-only: another user's id gets 403. */
function self(ctx: RouteContext): FakeUser {
  const user = targetUser(ctx);
  if (user.id !== ctx.caller.id) throw accessDenied();
  return user;
}

/** The image kind by magic bytes: PNG or JPEG, else undefined. */
export function imageKind(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

async function readForm(ctx: RouteContext): Promise<FormData | undefined> {
  const type = ctx.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) return undefined;
  try {
    const request = new Request('http://fake.local/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: Uint8Array.from(ctx.rawBody),
    });
    return await request.formData();
  } catch {
    return undefined;
  }
}

function field(form: FormData, name: string): FormDataEntryValue | undefined {
  for (const [key, value] of form.entries()) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}

/** Multipart upload (fields `File`, `Autosave`). Always HTTP 200: failures are `{success: false, message}`. */
async function upload(ctx: RouteContext) {
  const user = self(ctx);
  const fail = (message: string) => success({ success: false, message }, ctx.link);
  const form = await readForm(ctx);
  const file = form ? field(form, 'File') : undefined;
  if (!form || !file || typeof file === 'string') return fail('The uploaded file could not be found');
  if (file.size > ctx.state.config.maxPhotoBytes) return fail('Image size is too large');
  const kind = imageKind(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
  if (!kind) return fail('Unknown image file type');
  const autosave = String(field(form, 'Autosave') ?? 'false').toLowerCase() === 'true';
  if (!autosave) {
    const name = `tmp_${randomUUID().replaceAll('-', '')}.${kind}`;
    ctx.state.tempPhotos.set(name, { userId: user.id, name });
    return success({ success: true, data: name }, ctx.link);
  }
  user.photo = {
    original: `/storage/userPhotos/root/${user.id}_orig_${randomUUID()}.${kind}`,
    source: 'upload',
  };
  return success({ success: true, data: thumbnails(user) }, ctx.link);
}

const privateHost = /^(localhost|127\.|10\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|0\.|\[?::1\]?$)/i;

/** Sets the photo from an image URL: https only, and not a loopback or private address (SSRF check). */
function setFromUrl(ctx: RouteContext) {
  const user = self(ctx);
  const files = stringField(bodyObject(ctx), 'files');
  let url: URL;
  try {
    url = new URL(files ?? '');
  } catch {
    throw badArgument('Incorrect photo URL');
  }
  if (url.protocol !== 'https:') throw badArgument('The photo URL must use https');
  if (privateHost.test(url.hostname)) throw badArgument('The photo URL points to a forbidden address');
  user.photo = { original: `/storage/userPhotos/root/${user.id}_orig_${randomUUID()}.jpeg`, source: 'url' };
  return success(thumbnails(user), ctx.link);
}

function remove(ctx: RouteContext) {
  const user = self(ctx);
  delete user.photo;
  return success(thumbnails(user), ctx.link);
}

/** Crops a temporary upload (Autosave=false) into the person's photo. */
function crop(ctx: RouteContext) {
  const user = self(ctx);
  const body = bodyObject(ctx);
  const tmp = ctx.state.tempPhotos.get(stringField(body, 'tmpFile') ?? '');
  if (!tmp || tmp.userId !== user.id) throw badArgument('The temporary file could not be found');
  const { x, y, width, height } = body;
  const ints = [x, y, width, height].every((n) => Number.isInteger(n) && (n as number) >= 0);
  if (!ints || (width as number) <= 0 || (height as number) <= 0)
    throw badArgument('Incorrect thumbnail area');
  ctx.state.tempPhotos.delete(tmp.name);
  user.photo = { original: `/storage/userPhotos/root/${user.id}_orig_${tmp.name}`, source: 'upload' };
  return success(thumbnails(user), ctx.link);
}

/** Photos. */
export const photoRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    path: base,
    operationId: 'getMemberPhoto',
    handler: (ctx) => success(thumbnails(targetUser(ctx)), ctx.link),
  },
  { method: 'POST', path: base, operationId: 'uploadMemberPhoto', handler: upload },
  { method: 'PUT', path: base, operationId: 'updateMemberPhoto', handler: setFromUrl },
  { method: 'DELETE', path: base, operationId: 'deleteMemberPhoto', handler: remove },
  { method: 'POST', path: `${base}/thumbnails`, operationId: 'createMemberPhotoThumbnails', handler: crop },
];
