import type { IncomingMessage, ServerResponse } from 'node:http';
import { failure, type Reply, toJson } from './envelope.js';
import type { FaultRule } from './faults.js';

const proxyPage = (status: number, text: string) =>
  `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
const proxyTexts: Record<number, string> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** Writes a JSON reply (nulls left out) with extra headers. */
export function send(res: ServerResponse, reply: Reply, headers: Record<string, string> = {}): void {
  if (reply.status === 204) {
    // No content: no body, no envelope (DELETE /group/{id}).
    res.writeHead(204, { ...headers, ...reply.headers });
    res.end();
    return;
  }
  const body = toJson(reply.body);
  res.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
    ...reply.headers,
  });
  res.end(body);
}

/** Reads the whole request body. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The body as JSON when it is JSON (or has no content type), else undefined. */
export function parseJson(req: IncomingMessage, raw: Buffer): unknown {
  if (raw.length === 0 || !/json/i.test(req.headers['content-type'] ?? 'application/json')) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Carries out a scripted fault: answers its status (an nginx page for 502/503/504, else the error envelope), or
 * drops the connection. Returns `close` / `reset` when the connection was dropped.
 */
export function injectFault(
  req: IncomingMessage,
  res: ServerResponse,
  rule: FaultRule,
): 'close' | 'reset' | undefined {
  const action = rule.action;
  if (action === 'close') {
    req.socket.end();
    req.socket.destroySoon();
    return 'close';
  }
  if (action === 'reset') {
    req.socket.resetAndDestroy();
    return 'reset';
  }
  const retryAfter = rule.retryAfterSeconds ?? (action === 429 ? 1 : undefined);
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
  const page = proxyTexts[action];
  if (page) {
    res.writeHead(action, { 'Content-Type': 'text/html', ...headers });
    res.end(proxyPage(action, page));
    return undefined;
  }
  const message = action === 429 ? 'Too many requests' : 'Injected failure';
  send(res, failure(action, message, 'System.Exception'), headers);
  return undefined;
}
