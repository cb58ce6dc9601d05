/** @internal The envelope's `response`, or the body itself when the server sent no envelope. */
export function unwrap(body: unknown): unknown {
  return body !== null && typeof body === 'object' && 'response' in body ? body.response : body;
}
