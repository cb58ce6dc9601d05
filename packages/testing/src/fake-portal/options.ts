import type { UserQuotaConfig } from './portal-state.js';
import type { SeedUser } from './user-store.js';

/** Concurrency and rate limits of the fake portal. */
export interface PortalLimits {
  /** Writes (POST, PUT, DELETE) allowed in flight; one more gets 429. Default 15 (the server's documented limit). */
  writes: number;
  /** Reads (GET) allowed in flight; one more gets 429. Default 50. */
  reads: number;
  /**
   * Requests allowed per sliding minute before 429 (the server documents 1500). Default: not enforced, but the
   * X-RateLimit-* headers always count against 1500.
   */
  perMinute?: number;
}

/** Options of {@link startFakePortal}. */
export interface FakePortalOptions {
  /** Port on 127.0.0.1. Default: a free one. */
  port?: number;
  /** The owner's profile. Default: `owner@example.com`, Olivia Owner, password `owner-password`. */
  owner?: Partial<Omit<SeedUser, 'isOwner' | 'type' | 'token'>>;
  /** The owner's token (`Authorization: Bearer <token>`). Default `sk-fake-owner-key`. */
  ownerToken?: string;
  /** People to create at start (besides the owner). */
  users?: SeedUser[];
  /** Delay before each request is answered, in ms. Default 0. */
  latencyMs?: number;
  /** Concurrency and rate limits. */
  limits?: Partial<PortalLimits>;
  /** Retry-After (seconds) of 429 answers. Default 1. */
  retryAfterSeconds?: number;
  /** Largest photo upload in bytes. Default 1 MiB. */
  maxPhotoBytes?: number;
  /** Progress polls before an asynchronous type change completes. Default 3. */
  typeChangePolls?: number;
  /**
   * Milliseconds per step of the reassignment and remove tasks (8 and 9 steps, as the server reports them).
   * Default 10, so a task finishes in about 0.1 s.
   */
  taskStepMs?: number;
  /** Milliseconds after which a finished reassignment or remove task vanishes. Default 60 000 (as the server). */
  finishedTaskTtlMs?: number;
  /** Per-user quota settings. Default: disabled, default quota -1 (no limit), 100 GiB of total storage. */
  userQuota?: Partial<UserQuotaConfig>;
  /**
   * Full profiles (in lists and alone) carry each person's `groups` and `department`, as the server's
   * FillGroupsAsync fills them. Default true; false sends neither, as the server answers a caller it does not fill
   * groups for (a User viewing someone else) or a server without these fields. Changeable with `setPersonGroups`.
   */
  personGroups?: boolean;
  /** Offset of the dates the portal sends, in minutes. Default 180 (`+03:00`). */
  timeZoneOffsetMinutes?: number;
  /**
   * HTTP status of model-validation failures such as `count` above 100. The body is always shaped like success
   * (`response` = a validation problem, `status: 1`, `statusCode: 400`). Default 400; 200 reproduces a proxy that
   * rewrites the status line, to test that clients check `status` in the body.
   */
  validationHttpStatus?: 200 | 400;
}
