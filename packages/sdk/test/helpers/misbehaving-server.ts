import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What a handler sees: the request, its body and the attempt number for this method+path (1-based). */
export interface Hit {
  req: IncomingMessage;
  res: ServerResponse;
  body: string;
  attempt: number;
}

/** A loopback HTTP server whose behaviour each test scripts; counts requests and peak concurrency. */
export interface MisbehavingServer {
  url: string;
  /** Requests received, in order, as `METHOD /path`. */
  readonly hits: string[];
  /** Highest number of requests being handled at the same time, by method kind. */
  readonly peak: { reads: number; writes: number };
  /** Headers of the last request. */
  lastHeaders(): IncomingMessage['headers'];
  /** TCP connections accepted so far (keep-alive reuses one). */
  connections(): number;
  close(): Promise<void>;
}

/** Sends a DocSpace success envelope. */
export function sendEnvelope(
  res: ServerResponse,
  response: unknown,
  status = 200,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ response, count: 1, links: [], status: 0, statusCode: status }));
}

/** Sends a DocSpace error envelope. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { message }, status: 1, statusCode: status }));
}

/**
 * Starts a server on 127.0.0.1 with a free port. It closes itself after `lifetimeMs` even if a test forgets to,
 * and destroys open sockets on close.
 */
export async function startServer(
  handler: (hit: Hit) => void | Promise<void>,
  lifetimeMs = 30_000,
): Promise<MisbehavingServer> {
  const hits: string[] = [];
  const attempts = new Map<string, number>();
  const peak = { reads: 0, writes: 0 };
  const active = { reads: 0, writes: 0 };
  const sockets = new Set<Socket>();
  let last: IncomingMessage['headers'] = {};
  const server = createServer(async (req, res) => {
    const key = `${req.method} ${req.url?.split('?')[0]}`;
    hits.push(key);
    last = req.headers;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const kind = req.method === 'GET' ? 'reads' : 'writes';
    active[kind]++;
    peak[kind] = Math.max(peak[kind], active[kind]);
    res.on('close', () => {
      active[kind]--;
    });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      await handler({ req, res, body: Buffer.concat(chunks).toString('utf8'), attempt });
    } catch {
      res.destroy();
    }
  });
  let connections = 0;
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
    return closed;
  };
  const timer = setTimeout(close, lifetimeMs);
  timer.unref();
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    peak,
    lastHeaders: () => last,
    connections: () => connections,
    close,
  };
}

/** A port on 127.0.0.1 where nothing listens (connections are refused). */
export async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Resolves after `ms`. */
export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
