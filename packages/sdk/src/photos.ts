import { PhotoUploadError, ValidationError } from './errors.js';
import { type PhotoData, readImage } from './image-input.js';
import type { RequestOptions } from './options.js';
import type { Transport } from './transport.js';
import { httpsUrl, integer, requiredText, userSegment } from './validate.js';

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

/** Options of {@link Photos.upload}. */
export interface UploadPhotoOptions extends RequestOptions {
  /**
   * Save the photo at once (true, default) or keep it as a temporary file to crop with {@link Photos.crop}
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
  /** Temporary file name to pass to {@link Photos.crop} (when `autosave: false`). */
  tmpFile: string | undefined;
  /** The server's `data` as sent (saved URLs when autosaved). */
  data: unknown;
  /** The server's message, if any. */
  message: string | undefined;
}

/** The crop rectangle for {@link Photos.crop}, in pixels of the uploaded image. */
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
 * User photos, available as `ds.photos`. Since 2025-11 DocSpace lets you change (upload, set, crop, delete) only
 * your own photo: for another user's id the server answers 403 ({@link PermissionDeniedError}).
 */
export class Photos {
  readonly #t: Transport;

  /** @internal Use `new DocSpace(...).photos`. */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * Gets the URLs of a user's photo in every size.
   * @example const { max } = await ds.photos.get(userId);
   */
  async get(userId: string, options?: RequestOptions): Promise<Photo> {
    return toPhoto(await this.#response('GET', userId, '', undefined, options));
  }

  /**
   * Uploads a PNG or JPEG (checked by content and size before sending) as multipart fields `File` and `Autosave`.
   * The server always answers HTTP 200; a refusal (`success: false`) throws {@link PhotoUploadError}.
   * @example await ds.photos.upload(me.id, './avatar.png');
   * @example const { tmpFile } = await ds.photos.upload(me.id, bytes, { autosave: false });
   */
  async upload(
    userId: string,
    data: PhotoData,
    options: UploadPhotoOptions = {},
  ): Promise<PhotoUploadResult> {
    const segment = userSegment(userId, 'userId');
    const maxBytes =
      options.maxBytes === undefined
        ? DEFAULT_MAX_PHOTO_BYTES
        : integer(options.maxBytes, 'options.maxBytes', 1);
    const autosave = options.autosave ?? true;
    const image = await readImage(data, maxBytes);
    const fileName =
      options.fileName === undefined
        ? `photo.${image.extension}`
        : requiredText(options.fileName, 'options.fileName', 255);
    const form = new FormData();
    form.append('File', new Blob([image.bytes], { type: image.mimeType }), fileName);
    form.append('Autosave', String(autosave));
    const body = await this.#t.call(
      { method: 'POST', path: `/api/2.0/people/${segment}/photo`, form },
      options,
    );
    const result = (unwrap(body) ?? {}) as { success?: unknown; data?: unknown; message?: unknown };
    const message = typeof result.message === 'string' ? result.message : undefined;
    if (result.success !== true) throw new PhotoUploadError(message);
    return {
      autosaved: autosave,
      tmpFile: !autosave && typeof result.data === 'string' ? result.data : undefined,
      data: result.data,
      message,
    };
  }

  /**
   * Sets the photo from an image URL (PUT /people/{id}/photo). The URL must be https; the server fetches it.
   * @example await ds.photos.setFromUrl(me.id, 'https://example.com/me.png');
   */
  async setFromUrl(userId: string, url: string, options?: RequestOptions): Promise<Photo> {
    const files = httpsUrl(url, 'url');
    return toPhoto(await this.#response('PUT', userId, '', { files }, options));
  }

  /**
   * Deletes the photo (the default avatar comes back).
   * @example await ds.photos.delete(me.id);
   */
  async delete(userId: string, options?: RequestOptions): Promise<Photo> {
    return toPhoto(await this.#response('DELETE', userId, '', undefined, options));
  }

  /**
   * Crops a photo uploaded with `autosave: false` and saves the thumbnails.
   * @example await ds.photos.crop(me.id, { tmpFile, x: 0, y: 0, width: 200, height: 200 });
   */
  async crop(userId: string, area: CropArea, options?: RequestOptions): Promise<Photo> {
    if (area === null || typeof area !== 'object')
      throw new ValidationError('area', 'object', 'must be an object');
    const body = {
      tmpFile: requiredText(area.tmpFile, 'area.tmpFile', 1024),
      x: integer(area.x, 'area.x', 0),
      y: integer(area.y, 'area.y', 0),
      width: integer(area.width, 'area.width', 1),
      height: integer(area.height, 'area.height', 1),
    };
    return toPhoto(await this.#response('POST', userId, '/thumbnails', body, options));
  }

  async #response(
    method: string,
    userId: string,
    suffix: string,
    body: unknown,
    options: RequestOptions | undefined,
  ): Promise<unknown> {
    const path = `/api/2.0/people/${userSegment(userId, 'userId')}/photo${suffix}`;
    return unwrap(
      await this.#t.call(body === undefined ? { method, path } : { method, path, body }, options),
    );
  }
}

function unwrap(body: unknown): unknown {
  return body !== null && typeof body === 'object' && 'response' in body ? body.response : body;
}

function toPhoto(value: unknown): Photo {
  const dto = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const pick = (key: string) => (typeof dto[key] === 'string' ? (dto[key] as string) : undefined);
  return {
    original: pick('original'),
    retina: pick('retina'),
    max: pick('max'),
    big: pick('big'),
    medium: pick('medium'),
    small: pick('small'),
  };
}
