import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth.js';
import type { EmployeeTypeName } from './enums.js';
import { failure, type LinkTarget, type Reply, validationProblem } from './envelope.js';
import { PortalError, ValidationFailure } from './errors.js';
import { FaultPlan, type FaultRule, type ScriptedFault } from './faults.js';
import { type FakeGroup, type FakeRoom, type SeedGroup, type SeedRoom, systemGroups } from './groups.js';
import { injectFault, parseJson, readBody, send, sleep } from './http-io.js';
import type { FakePortalOptions, PortalLimits } from './options.js';
import {
  type PortalConfig,
  PortalState,
  type SentEmail,
  type TypeChangeTask,
  type UserQuotaConfig,
} from './portal-state.js';
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
import type { DataTask } from './tasks.js';
import type { FakeUser } from './user-record.js';
import { type SeedUser, snapshot } from './user-store.js';

/** The caller a route with `allowAnonymous` sees when called without credentials. */
const anonymousCaller: FakeUser = Object.freeze({
  id: '00000000-0000-0000-0000-000000000000',
  userName: 'anonymous',
  email: '',
  firstName: '',
  lastName: '',
  type: 'Guest',
  isOwner: false,
  status: 'Active',
  activationStatus: 'Activated',
  contacts: [],
  cultureName: 'en-US',
  registrationDate: new Date(0),
}) as FakeUser;

/** The settings a test may change at run time (task clock, per-user quota), as the options set them. */
function changeableConfig(
  options: FakePortalOptions,
): Pick<PortalConfig, 'taskStepMs' | 'finishedTaskTtlMs' | 'userQuota' | 'personGroups'> {
  return {
    personGroups: options.personGroups ?? true,
    taskStepMs: options.taskStepMs ?? 10,
    finishedTaskTtlMs: options.finishedTaskTtlMs ?? 60_000,
    userQuota: { enabled: false, defaultBytes: -1, maxTotalBytes: 100 * 1024 ** 3, ...options.userQuota },
  };
}

/** The fields of a person a test may change directly with {@link FakePortal.updateUser}. */
export type UserPatch = Partial<
  Pick<
    FakeUser,
    | 'firstName'
    | 'lastName'
    | 'type'
    | 'status'
    | 'activationStatus'
    | 'password'
    | 'cultureName'
    | 'usedSpace'
    | 'quotaLimit'
    | 'terminatedDate'
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
      ...changeableConfig(options),
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
    const inviter = seed.invitedBy === undefined ? undefined : this.#mustFindRecord(seed.invitedBy);
    const user = this.#state.store.add(seed, inviter?.id);
    if (seed.token !== undefined) this.#state.tokens.set(seed.token, user.id);
    if (inviter && user.type === 'Guest') this.#state.relate(user.id, inviter.id);
    return snapshot(user);
  }

  /** Creates a group directly (no request, no permission checks); the manager becomes a member. */
  addGroup(seed: SeedGroup): FakeGroup {
    const id = (seed.id ?? randomUUID()).toLowerCase();
    if (this.#state.groups.has(id) || systemGroups[id])
      throw new Error(`A group with id ${id} already exists`);
    const memberIds = (seed.members ?? []).map((who) => this.#mustFindRecord(who).id);
    const group: FakeGroup = { id, name: seed.name, memberIds, isLDAP: seed.isLDAP ?? false };
    if (seed.manager !== undefined) {
      group.managerId = this.#mustFindRecord(seed.manager).id;
      if (!memberIds.includes(group.managerId)) memberIds.push(group.managerId);
    }
    this.#state.groups.set(id, group);
    return structuredClone(group);
  }

  /** A copy of one of the portal's own groups, or undefined (deleted, unknown, or a system group). */
  group(id: string): FakeGroup | undefined {
    const group = this.#state.groups.get(id.toLowerCase());
    return group ? structuredClone(group) : undefined;
  }

  /** Copies of the portal's own groups, in creation order (system groups are not included). */
  groups(): FakeGroup[] {
    return [...this.#state.groups.values()].map((group) => structuredClone(group));
  }

  /** Creates a room (or, with `kind`, a folder or file) owned by a person; returns it with its numeric id. */
  addRoom(seed: SeedRoom): FakeRoom {
    const room: FakeRoom = {
      id: this.#state.nextRoomId++,
      kind: seed.kind ?? 'room',
      title: seed.title,
      ownerId: this.#mustFindRecord(seed.owner).id,
      sharedWithGroups: (seed.sharedWithGroups ?? []).map((id) => id.toLowerCase()),
    };
    this.#state.rooms.set(room.id, room);
    return structuredClone(room);
  }

  /** A copy of a room (folder, file) by id, with its current owner; reassignment and removal tasks run first. */
  room(id: number): FakeRoom | undefined {
    this.#state.advanceTasks();
    const room = this.#state.rooms.get(id);
    return room ? structuredClone(room) : undefined;
  }

  /** Copies of every room (folder, file); reassignment and removal tasks run up to now first. */
  rooms(): FakeRoom[] {
    this.#state.advanceTasks();
    return [...this.#state.rooms.values()].map((room) => structuredClone(room));
  }

  /** Copies of the reassignment and remove tasks (run up to now), including finished ones not yet vanished. */
  dataTasks(): DataTask[] {
    this.#state.advanceTasks();
    return [...this.#state.dataTasks.values()].map((task) => ({ ...task }));
  }

  /** Copies of the e-mails the portal "sent" (password links, e-mail changes), oldest first. */
  sentEmails(): SentEmail[] {
    return this.#state.outbox.map((mail) => ({ ...mail }));
  }

  /** Changes the per-user quota settings (enabled, default quota, total storage). */
  setUserQuota(settings: Partial<UserQuotaConfig>): void {
    Object.assign(this.#state.config.userQuota, settings);
  }

  /**
   * Whether full profiles carry each person's `groups` and `department` (see the `personGroups` option); false
   * reproduces a caller the server fills no groups for, or a server without these fields.
   */
  setPersonGroups(on: boolean): void {
    this.#state.config.personGroups = on;
  }

  /** Changes the task clock: milliseconds per step, and how long a finished task stays visible. */
  setTaskClock(clock: { stepMs?: number; finishedTtlMs?: number }): void {
    if (clock.stepMs !== undefined) this.#state.config.taskStepMs = clock.stepMs;
    if (clock.finishedTtlMs !== undefined) this.#state.config.finishedTaskTtlMs = clock.finishedTtlMs;
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

  /** A copy of a person found by id, user name or e-mail, or undefined. Reassignment and remove tasks run first. */
  user(who: string): FakeUser | undefined {
    this.#state.advanceTasks();
    const user = this.#findRecord(who);
    return user ? snapshot(user) : undefined;
  }

  /** Copies of every person (optionally filtered), in creation order. */
  users(filter?: (user: FakeUser) => boolean): FakeUser[] {
    this.#state.advanceTasks();
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
    Object.assign(this.#state.config, changeableConfig(this.#options));
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
      const anonymous =
        match.route.allowAnonymous === true && !req.headers.authorization && !req.headers.cookie;
      const caller = anonymous ? anonymousCaller : authenticate(req.headers, this.#state);
      if (!anonymous) final.callerId = caller.id;
      this.#state.advanceTasks();
      return await match.route.handler({
        anonymous,
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
