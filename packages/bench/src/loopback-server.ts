// A keep-alive HTTP server on 127.0.0.1 that answers every people request with the person envelope.
// Run as its own process (see start-server.ts) so its CPU time is not counted as the client's.
// Usage: loopback-server.ts [latencyMs] [writeLimit]. With them, it answers after latencyMs and sends 429 to a
// write (POST/PUT/DELETE) beyond writeLimit in flight, like DocSpace. GET /__stats reports and resets the counts.
// Prints its port; exits when its parent's stdin closes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { personEnvelope } from './person-fixture.js';

const [latencyMs = 0, writeLimit = Number.POSITIVE_INFINITY] = process.argv.slice(2).map(Number);
const body = Buffer.from(personEnvelope);
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) };
const tooMany = Buffer.from('{"error":{"message":"Too many requests"},"status":1,"statusCode":429}');
const stats = { writes: 0, maxWritesInFlight: 0, rateLimited: 0 };
let writesInFlight = 0;

const server = createServer((request, response) => {
  if (request.url === '/__stats') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
    Object.assign(stats, { writes: 0, maxWritesInFlight: 0, rateLimited: 0 });
    return;
  }
  const write = request.method !== 'GET' && request.method !== 'HEAD';
  if (write) {
    stats.writes++;
    writesInFlight++;
    stats.maxWritesInFlight = Math.max(stats.maxWritesInFlight, writesInFlight);
  }
  const overLimit = write && writesInFlight > writeLimit;
  const answer = () => {
    if (write) writesInFlight--;
    if (overLimit) {
      stats.rateLimited++;
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end(tooMany);
    } else {
      response.writeHead(200, headers).end(body);
    }
  };
  request.resume();
  request.on('end', () => (latencyMs > 0 ? setTimeout(answer, latencyMs) : answer()));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
