import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth.js';
import type { EmployeeTypeName } from './enums.js';
import { failure, type LinkTarget, type Reply, validationProblem } from './envelope.js';
import { PortalError, ValidationFailure } from './errors.js';
import { FaultPlan, type FaultRule, type ScriptedFault } from './faults.js';
import { injectFault, parseJson, readBody, send, sleep } from './http-io.js';
import type { FakePortalOptions, PortalLimits } from './options.js';
import { PortalState, type TypeChangeTask } from './portal-state.js';
import {
  kindOf,
  matchesRequest,
  type PortalStats,
  type RecordedRequest,
  type RequestInfo,
  type RequestMatcher,
  type RequestOutcome,
  TrafficRecorder,
} from './request-log.js';
import { Router } from './router.js';
import { allRoutes } from './routes/index.js';
import type { FakeUser } from './user-record.js';
import { type SeedUser, snapshot } from './user-store.js';

/** The fields of a person a test may change directly with {@link FakePortal.updateUser}. */
export type UserPatch = Partial<
  Pick<
    FakeUser,
    'firstName' | 'lastName' | 'type' | 'status' | 'activationStatus' | 'password' | 'cultureName'
  >
>;

const defaultOwner = {
  email: 'owner@example.com',
  firstName: 'Olivia',
  lastName: 'Owner',
  password: 'owner-password',
};

/**
 * A running in-memory DocSpace portal (people and photo endpoints) on 127.0.0.1. Create it with
 * {@link startFakePortal}. State lives in memory; {@link FakePortal.reset} returns it to the start.
 */
export class FakePortal {
  /** Origin of the portal, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  readonly #server: Server;
  readonly #options: FakePortalOptions;
  readonly #state: PortalState;
  readonly #router = new Router(allRoutes);
  readonly #traffic = new TrafficRecorder();
  readonly #faults = new FaultPlan();
  readonly #ownerSeed: SeedUser;
  readonly #ownerToken: string;
  #latencyMs = 0;
  /** Requests still being handled (a request whose client went away is handled to the end all the same). */
  readonly #handling = new Set<Promise<void>>();
  #limits: PortalLimits = { writes: 15, reads: 50 };
  #window: number[] = [];
  #stopped = false;

  /** Use {@link startFakePortal}. */
  constructor(server: Server, options: FakePortalOptions) {
    this.#server = server;
    this.#options = options;
    const address = server.address() as AddressInfo;
    this.port = address.port;
    this.url = `http://127.0.0.1:${address.port}`;
    this.#state = new PortalState({
      origin: this.url,
      offsetMinutes: options.timeZoneOffsetMinutes ?? 180,
      maxPhotoBytes: options.maxPhotoBytes ?? 1024 * 1024,
      typeChangePolls: options.typeChangePolls ?? 3,
      validationHttpStatus: options.validationHttpStatus ?? 400,
    });
    this.#ownerSeed = {
      ...defaultOwner,
      ...options.owner,
      id: options.owner?.id ?? randomUUID(),
      isOwner: true,
    };
    this.#ownerToken = options.ownerToken ?? 'sk-fake-owner-key';
    server.on('request', (req, res) => {
      const handling = this.#handle(req, res);
      this.#handling.add(handling);
      void handling.finally(() => this.#handling.delete(handling));
    });
    this.reset();
  }

  /** Base URL of the API, `<url>/api/2.0`. */
  get apiUrl(): string {
    return `${this.url}/api/2.0`;
  }

  /** The owner's token: `Authorization: Bearer <ownerToken>` acts as the owner. */
  get ownerToken(): string {
    return this.#ownerToken;
  }

  /** A copy of the owner's profile. */
  get owner(): FakeUser {
    return this.#mustFind(this.#ownerSeed.id ?? '');
  }

  /** Creates a person directly (no request, no permission checks). Throws when the e-mail is taken. */
  addUser(seed: SeedUser): FakeUser {
    const user = this.#state.store.add(seed);
    if (seed.token !== undefined) this.#state.tokens.set(seed.token, user.id);
    return snapshot(user);
  }

  /**
   * Creates `count` people `user<i>@example.com` (i from 1), each overridable by `make(i)`.
   * Handy for paging and export tests.
   */
  seedUsers(count: number, make?: (index: number) => Partial<SeedUser>): FakeUser[] {
    const users: FakeUser[] = [];
    const start = this.#state.store.size;
    for (let i = 1; i <= count; i++) {
      const n = start + i;
      users.push(
        this.addUser({
          email: `user${n}@example.com`,
          firstName: `User${n}`,
          lastName: 'Test',
          ...make?.(i),
        }),
      );
    }
    return users;
  }

  /**
   * Creates a person of a type with a token of their own, to call the API as them.
   * Returns the person and the token (`Authorization: Bearer <token>`).
   */
  addCaller(type: EmployeeTypeName, seed: Partial<SeedUser> = {}): { user: FakeUser; token: string } {
    const token = seed.token ?? `token-${randomUUID()}`;
    const email = seed.email ?? `${type.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
    const user = this.addUser({ ...seed, email, type, token });
    return { user, token };
  }

  /** Makes `token` authenticate as a person (id, user name or e-mail). */
  setToken(token: string, who: string): void {
    this.#state.tokens.set(token, this.#mustFindRecord(who).id);
  }

  /** A copy of a person found by id, user name or e-mail, or undefined. */
  user(who: string): FakeUser | undefined {
    const user = this.#findRecord(who);
    return user ? snapshot(user) : undefined;
  }

  /** Copies of every person (optionally filtered), in creation order. */
  users(filter?: (user: FakeUser) => boolean): FakeUser[] {
    const all = this.#state.store.all().map(snapshot);
    return filter ? all.filter(filter) : all;
  }

  /** Changes a person directly (no request, no permission checks); returns the updated copy. */
  updateUser(who: string, patch: UserPatch): FakeUser {
    const user = this.#mustFindRecord(who);
    if (patch.status === 'Terminated' && user.status !== 'Terminated') user.terminatedDate = new Date();
    if (patch.status !== undefined && patch.status !== 'Terminated') delete user.terminatedDate;
    Object.assign(user, patch);
    return snapshot(user);
  }

  /** Copies of the asynchronous type-change tasks (POST /people/type). */
  typeChangeTasks(): TypeChangeTask[] {
    return [...this.#state.typeTasks.values()].map((task) => ({ ...task }));
  }

  /** Finished requests, in arrival order, optionally only those matching. */
  requests(matcher?: RequestMatcher): RecordedRequest[] {
    return this.#traffic.log.filter((entry) => matchesRequest(matcher, entry)).map((entry) => ({ ...entry }));
  }

  /** How many finished requests match, e.g. `countRequests('POST /people')` or `countRequests('addMember')`. */
  countRequests(matcher?: RequestMatcher): number {
    let n = 0;
    for (const entry of this.#traffic.log) if (matchesRequest(matcher, entry)) n++;
    return n;
  }

  /**
   * Resolves once no request is being handled. A request whose client went away (killed, aborted) is logged when
   * its connection closes, but, as on a real server, its change still lands after the latency: await this before
   * looking at the portal's state after killing a client.
   */
  async idle(): Promise<void> {
    while (this.#handling.size > 0) await Promise.allSettled([...this.#handling]);
  }

  /** In-flight, maximum concurrent and rate-limited counts per kind (read = GET, write = POST/PUT/DELETE). */
  stats(): PortalStats {
    return this.#traffic.stats();
  }

  /** Clears the request log and the counters, keeping people and settings. */
  resetStats(): void {
    this.#traffic.reset();
  }

  /** Sets the delay before every answer, in ms. */
  setLatency(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('latency must be >= 0');
    this.#latencyMs = ms;
  }

  /** Changes the concurrency / rate limits. */
  setLimits(limits: Partial<PortalLimits>): void {
    this.#limits = { ...this.#limits, ...limits };
  }

  /**
   * Arms a scripted failure: the next `times` requests matching `match` fail with `action`.
   * Returns a live view of the rule (remaining, hits).
   */
  failNext(rule: FaultRule): ScriptedFault {
    return this.#faults.add(rule);
  }

  /** Disarms every scripted failure. */
  clearFaults(): void {
    this.#faults.clear();
  }

  /**
   * Back to the start: only the owner (same id and token) and the `users` option, an empty log, no faults,
   * latency and limits from the options.
   */
  reset(): void {
    this.#state.clear();
    this.#traffic.reset();
    this.#faults.clear();
    this.#window = [];
    this.#latencyMs = this.#options.latencyMs ?? 0;
    this.#limits = { writes: 15, reads: 50, ...this.#options.limits };
    this.addUser({ ...this.#ownerSeed, token: this.#ownerToken });
    for (const seed of this.#options.users ?? []) this.addUser(seed);
  }

  /** Stops the server and drops open connections. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  #findRecord(who: string): FakeUser | undefined {
    return this.#state.store.find(who) ?? this.#state.store.findByEmail(who);
  }

  #mustFindRecord(who: string): FakeUser {
    const user = this.#findRecord(who);
    if (!user) throw new Error(`no person ${who} in the fake portal`);
    return user;
  }

  #mustFind(who: string): FakeUser {
    return snapshot(this.#mustFindRecord(who));
  }

  /** Requests counted in the last minute (sliding window). */
  #windowCount(now: number): number {
    const window = this.#window;
    let drop = 0;
    while (drop < window.length && (window[drop] ?? 0) <= now - 60_000) drop++;
    if (drop > 0) window.splice(0, drop);
    return window.length;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.url);
    const match = this.#router.match(method, url.pathname);
    const info: RequestInfo = {
      method,
      path: url.pathname,
      route: match ? `${method} ${match.route.path}` : undefined,
      operationId: match?.route.operationId,
      kind: kindOf(method),
    };
    const seq = this.#traffic.enter(info.kind);
    const final: { status?: RecordedRequest['status']; outcome: RequestOutcome; callerId?: string } = {
      outcome: 'handled',
    };
    let recorded = false;
    // Recorded when the answer is handed to the socket ('finish'), or when the connection goes away without one.
    const record = () => {
      if (recorded) return;
      recorded = true;
      const status = final.status ?? (res.headersSent ? res.statusCode : 'close');
      const entry = { ...info, ...final, status, seq, search: url.search, startedAt };
      this.#traffic.leave({ ...entry, durationMs: Date.now() - startedAt });
    };
    res.once('finish', record);
    res.once('close', record);
    try {
      const rawBody = await readBody(req);
      this.#window.push(startedAt);
      const perMinute = this.#limits.perMinute;
      const used = this.#windowCount(startedAt);
      const rateHeaders = {
        'X-RateLimit-Limit': String(perMinute ?? 1500),
        'X-RateLimit-Remaining': String(Math.max(0, (perMinute ?? 1500) - used)),
        'X-RateLimit-Reset': String(Math.ceil(((this.#window[0] ?? startedAt) + 60_000) / 1000)),
      };
      const limit = info.kind === 'write' ? this.#limits.writes : this.#limits.reads;
      if (this.#traffic.inFlight[info.kind] > limit || (perMinute !== undefined && used > perMinute)) {
        final.outcome = 'rate-limited';
        const retryAfter = this.#options.retryAfterSeconds ?? 1;
        const reply = failure(429, 'Too many requests');
        const concurrency = this.#traffic.inFlight[info.kind] > limit;
        send(res, reply, {
          ...rateHeaders,
          'Retry-After': String(retryAfter),
          ...(concurrency
            ? {
                'X-RateLimit-Limit': String(limit),
                'X-RateLimit-Remaining': '0',
                'X-RateLimit-Reset': String(Math.ceil(startedAt / 1000) + retryAfter),
              }
            : {}),
        });
        return;
      }
      const before = this.#faults.take(info, 'before');
      if (this.#latencyMs > 0) await sleep(this.#latencyMs);
      if (before) {
        final.outcome = 'fault';
        this.#inject(req, res, before, final);
        return;
      }
      const reply = match
        ? await this.#dispatch(req, url, match, rawBody, final)
        : failure(404, 'Not found', 'System.Collections.Generic.KeyNotFoundException');
      if (!match) final.outcome = 'unknown-route';
      const after = this.#faults.take(info, 'after');
      if (after) {
        final.outcome = 'fault';
        this.#inject(req, res, after, final);
        return;
      }
      send(res, reply, rateHeaders);
    } catch (error) {
      if (!res.headersSent)
        send(res, failure(500, (error as Error).message || 'Internal error', 'System.Exception'));
    }
  }

  async #dispatch(
    req: IncomingMessage,
    url: URL,
    match: NonNullable<ReturnType<Router['match']>>,
    rawBody: Buffer,
    final: { callerId?: string },
  ): Promise<Reply> {
    const link: LinkTarget = { href: url.href, action: match.route.method };
    try {
      const caller = authenticate(req.headers, this.#state);
      final.callerId = caller.id;
      return await match.route.handler({
        params: match.params,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        json: parseJson(req, rawBody),
        caller,
        state: this.#state,
        link,
      });
    } catch (error) {
      if (error instanceof ValidationFailure) {
        return validationProblem(error, link, this.#state.config.validationHttpStatus);
      }
      if (error instanceof PortalError) return failure(error.status, error.message, error.type);
      return failure(500, (error as Error).message || 'Internal error', 'System.Exception');
    }
  }
  #inject(
    req: IncomingMessage,
    res: ServerResponse,
    rule: FaultRule,
    final: { status?: RecordedRequest['status'] },
  ) {
    const dropped = injectFault(req, res, rule);
    if (dropped) final.status = dropped;
  }
}

/**
 * Starts a fake DocSpace portal on 127.0.0.1 (a free port unless `port` is given) with an owner who can call it
 * with `Authorization: Bearer ${portal.ownerToken}`. Stop it with `portal.stop()`; it does not keep the process alive.
 */
export async function startFakePortal(options: FakePortalOptions = {}): Promise<FakePortal> {
  const server = createServer({ keepAliveTimeout: 5000 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.unref();
  return new FakePortal(server, options);
}
