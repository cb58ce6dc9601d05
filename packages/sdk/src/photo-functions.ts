import type { components } from '@docspace-people/client';
import type { Connection } from './connection.js';
import { PhotoUploadError, ValidationError } from './errors.js';
import { type PhotoData, readImage } from './image-input.js';
import {
  createMemberPhotoThumbnails,
  deleteMemberPhoto,
  getMemberPhoto,
  type RequestBody,
  updateMemberPhoto,
  uploadMemberPhoto,
} from './operations.js';
import type { RequestOptions } from './options.js';
import { expandPath, request } from './request.js';
import { httpsUrl, integer, optionalBoolean, requiredText, userSegment } from './validate.js';

// The photo operations as standalone functions; `ds.photos.*` delegates to these. Since 2025-11 DocSpace lets
// you change (upload, set, crop, delete) only your own photo: for another user's id the server answers 403.

/** A user's photo in every size the server keeps (URLs, relative to the portal as sent). */
export interface Photo {
  /** Original upload. */
  original: string | undefined;
  /** 360x360. */
  retina: string | undefined;
  /** 200x200. */
  max: string | undefined;
  /** 82x82. */
  big: string | undefined;
  /** 48x48. */
  medium: string | undefined;
  /** 32x32. */
  small: string | undefined;
}

/** Options of {@link photosUpload} / `ds.photos.upload`. */
export interface UploadPhotoOptions extends RequestOptions {
  /**
   * Save the photo at once (true, default) or keep it as a temporary file to crop with {@link photosCrop}
   * (false: the result's `tmpFile` names it).
   */
  autosave?: boolean | undefined;
  /** Largest image accepted, in bytes; checked before sending. Default 1 MiB (the server's usual limit). */
  maxBytes?: number | undefined;
  /** File name sent with the image. Default `photo.png` or `photo.jpg` by content. */
  fileName?: string | undefined;
}

/** What an upload returned. */
export interface PhotoUploadResult {
  /** Whether the photo was saved (`autosave: true`) or only stored as a temporary file. */
  autosaved: boolean;
  /** Temporary file name to pass to {@link photosCrop} (when `autosave: false`). */
  tmpFile: string | undefined;
  /** The server's `data` as sent (saved URLs when autosaved). */
  data: unknown;
  /** The server's message, if any. */
  message: string | undefined;
}

/** The crop rectangle for {@link photosCrop}, in pixels of the uploaded image. */
export interface CropArea {
  /** Temporary file name from an upload with `autosave: false`. */
  tmpFile: string;
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  /** Width, > 0. */
  width: number;
  /** Height, > 0. */
  height: number;
}

/** Default upload size limit: 1 MiB. */
export const DEFAULT_MAX_PHOTO_BYTES = 1024 * 1024;

/**
 * Gets the URLs of a user's photo in every size. Same as `ds.photos.get`.
 * @example const { max } = await photosGet(connection, userId);
 */
export async function photosGet(
  connection: Connection,
  userId: string,
  options?: RequestOptions,
): Promise<Photo> {
  const path = { userid: userSegment(userId, 'userId') };
  return request(connection, getMemberPhoto, { path }, options, photoOf);
}

/**
 * Uploads a PNG or JPEG (checked by content and size before sending) as multipart fields `File` and `Autosave`.
 * The server always answers HTTP 200; a refusal (`success: false`) throws {@link PhotoUploadError}.
 * Same as `ds.photos.upload`.
 * @example await photosUpload(connection, me.id, './avatar.png');
 */
export async function photosUpload(
  connection: Connection,
  userId: string,
  data: PhotoData,
  options: UploadPhotoOptions = {},
): Promise<PhotoUploadResult> {
  const path = { userid: userSegment(userId, 'userId') };
  const maxBytes =
    options.maxBytes === undefined
      ? DEFAULT_MAX_PHOTO_BYTES
      : integer(options.maxBytes, 'options.maxBytes', 1);
  optionalBoolean(options.autosave, 'options.autosave');
  const autosave = options.autosave ?? true;
  const image = await readImage(data, maxBytes);
  const fileName =
    options.fileName === undefined
      ? `photo.${image.extension}`
      : requiredText(options.fileName, 'options.fileName', 255);
  const form = new FormData();
  form.append('File', new Blob([image.bytes], { type: image.mimeType }), fileName);
  form.append('Autosave', String(autosave));
  return request(connection, uploadMemberPhoto, { path, form }, options, ({ response }, status) => {
    const message = response.message ?? undefined;
    if (response.success !== true) {
      const { method, parts } = uploadMemberPhoto;
      throw new PhotoUploadError({ serverMessage: message, status, method, path: expandPath(parts, path) });
    }
    return {
      autosaved: autosave,
      tmpFile: !autosave && typeof response.data === 'string' ? response.data : undefined,
      data: response.data,
      message,
    };
  });
}

/**
 * Sets the photo from an image URL (PUT /people/{id}/photo). The URL must be https; the server fetches it.
 * Same as `ds.photos.setFromUrl`.
 * @example await photosSetFromUrl(connection, me.id, 'https://example.com/me.png');
 */
export async function photosSetFromUrl(
  connection: Connection,
  userId: string,
  url: string,
  options?: RequestOptions,
): Promise<Photo> {
  const path = { userid: userSegment(userId, 'userId') };
  const body = { files: httpsUrl(url, 'url') };
  return request(connection, updateMemberPhoto, { path, body }, options, photoOf);
}

/**
 * Deletes the photo (the default avatar comes back). Same as `ds.photos.delete`.
 * @example await photosDelete(connection, me.id);
 */
export async function photosDelete(
  connection: Connection,
  userId: string,
  options?: RequestOptions,
): Promise<Photo> {
  const path = { userid: userSegment(userId, 'userId') };
  return request(connection, deleteMemberPhoto, { path }, options, photoOf);
}

/**
 * Crops a photo uploaded with `autosave: false` and saves the thumbnails. Same as `ds.photos.crop`.
 * @example await photosCrop(connection, me.id, { tmpFile, x: 0, y: 0, width: 200, height: 200 });
 */
export async function photosCrop(
  connection: Connection,
  userId: string,
  area: CropArea,
  options?: RequestOptions,
): Promise<Photo> {
  const path = { userid: userSegment(userId, 'userId') };
  if (area === null || typeof area !== 'object')
    throw new ValidationError('area', 'object', 'must be an object');
  const body: RequestBody<typeof createMemberPhotoThumbnails> = {
    tmpFile: requiredText(area.tmpFile, 'area.tmpFile', 1024),
    x: integer(area.x, 'area.x', 0),
    y: integer(area.y, 'area.y', 0),
    width: integer(area.width, 'area.width', 1),
    height: integer(area.height, 'area.height', 1),
  };
  return request(connection, createMemberPhotoThumbnails, { path, body }, options, photoOf);
}

type ThumbnailsDataDto = components['schemas']['ThumbnailsDataDto'];

function photoOf({ response }: { response: ThumbnailsDataDto }): Photo {
  return {
    original: response.original ?? undefined,
    retina: response.retina ?? undefined,
    max: response.max ?? undefined,
    big: response.big ?? undefined,
    medium: response.medium ?? undefined,
    small: response.small ?? undefined,
  };
}

// ---- Deprecated names (kept for one minor release; the rule now: `ds.photos.get` is `photosGet`) ----

/** @deprecated Renamed {@link photosGet} (`ds.photos.get`); this alias is removed in the next minor release. */
export const getPhoto: typeof photosGet = photosGet;
/** @deprecated Renamed {@link photosUpload} (`ds.photos.upload`); this alias is removed in the next minor release. */
export const uploadPhoto: typeof photosUpload = photosUpload;
/** @deprecated Renamed {@link photosSetFromUrl} (`ds.photos.setFromUrl`); this alias is removed in the next minor release. */
export const setPhotoFromUrl: typeof photosSetFromUrl = photosSetFromUrl;
/** @deprecated Renamed {@link photosDelete} (`ds.photos.delete`); this alias is removed in the next minor release. */
export const deletePhoto: typeof photosDelete = photosDelete;
/** @deprecated Renamed {@link photosCrop} (`ds.photos.crop`); this alias is removed in the next minor release. */
export const cropPhoto: typeof photosCrop = photosCrop;
