import { DocSpace, RateLimitError, ServerError } from '@docspace-people/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { employee } from './helpers/fixtures.js';
import {
  type MisbehavingServer,
  sendEnvelope,
  sendError,
  startServer,
} from './helpers/misbehaving-server.js';

let server: MisbehavingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const BASE_MS = 40;

/** Answers 429 with the given headers twice, then succeeds; records when each request arrived. */
async function hintServer(headers: () => Record<string, string>) {
  const times: number[] = [];
  server = await startServer(({ res, attempt }) => {
    times.push(performance.now());
    if (attempt <= 2) return sendError(res, 429, 'slow down', headers());
    sendEnvelope(res, employee());
  });
  const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', retryBaseDelayMs: BASE_MS, maxRetries: 2 });
  return { ds, times };
}

const pastUnix = () => String(Math.floor(Date.now() / 1000) - 120);

describe('unusable wait hints fall back to the normal backoff instead of retrying at once', () => {
  it.each([
    ['Retry-After: -1', () => ({ 'retry-after': '-1' })],
    ['Retry-After: Retry 5', () => ({ 'retry-after': 'Retry 5' })],
    ['Retry-After: soon', () => ({ 'retry-after': 'soon' })],
    [
      'Retry-After: a date in the past',
      () => ({ 'retry-after': new Date(Date.now() - 60_000).toUTCString() }),
    ],
    ['Retry-After-Ms: -5', () => ({ 'retry-after-ms': '-5' })],
    [
      'X-RateLimit-Reset in the past',
      () => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': pastUnix() }),
    ],
    ['X-RateLimit-Reset: -3', () => ({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '-3' })],
  ])('%s', async (_, headers) => {
    const { ds, times } = await hintServer(headers);
    await ds.people.me();
    expect(times).toHaveLength(3);
    const [first = 0, second = 0, third = 0] = times;
    // Backoff: base * 2^attempt times a jitter of 0.5..1 (timers may fire a millisecond early).
    expect(second - first).toBeGreaterThanOrEqual(BASE_MS * 0.5 - 2);
    expect(third - second).toBeGreaterThanOrEqual(BASE_MS - 2);
  });

  it('a POST is not resent at once after a 429 with Retry-After: -1', async () => {
    const { ds, times } = await hintServer(() => ({ 'retry-after': '-1' }));
    await ds.people.create({ email: 'jane@example.com', firstName: 'Jane', lastName: 'Cooper' });
    expect(times).toHaveLength(3);
    expect((times[2] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(BASE_MS * 1.5 - 4);
  });

  it('usable hints still decide the wait: an HTTP date in the future', async () => {
    server = await startServer(({ res }) =>
      sendError(res, 429, 'later', { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }),
    );
    const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', maxRetryWaitMs: 1000 });
    const error = await ds.people.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(3_590_000);
    expect(server.hits).toHaveLength(1);
  });

  it('a hint that is not a number nor a date leaves retryAfterMs unknown on the final error', async () => {
    server = await startServer(({ res }) => sendError(res, 429, 'later', { 'retry-after': 'Retry 5' }));
    const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', maxRetries: 0 });
    const error = await ds.people.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeUndefined();
  });

  it('a 502 or 503 that says when to come back carries it in retryAfterMs (a POST the SDK does not resend)', async () => {
    server = await startServer(({ res, attempt }) =>
      attempt === 1
        ? sendError(res, 502, 'bad gateway', { 'retry-after': '2' })
        : sendError(res, 503, 'maintenance', { 'retry-after': '-1' }),
    );
    const ds = new DocSpace({ baseUrl: server.url, token: 'sk-x', maxRetries: 0 });
    const first = await ds.people.create({ email: 'jane@example.com' }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ServerError);
    expect(first).toMatchObject({ status: 502, retryAfterMs: 2000 });
    const second = await ds.people.create({ email: 'jane@example.com' }).catch((e: unknown) => e);
    expect(second).toMatchObject({ status: 503, retryAfterMs: undefined });
    expect(server.hits).toHaveLength(2);
  });
});
