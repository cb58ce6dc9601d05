/** A 1x1 transparent PNG (67 bytes), written here byte for byte. */
export const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** The first bytes of a JPEG (SOI + APP0 JFIF marker): enough for content sniffing. */
export const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);

/** A GIF header: not accepted. */
export const GIF = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
