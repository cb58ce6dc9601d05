import { type DtoContext, toEmployeeDto, toEmployeeFullDto } from './dto.js';
import type { EmployeeTypeName } from './enums.js';
import type { FakeGroup, FakeRoom } from './groups.js';
import { type DataTask, isFinished, stepsOf } from './tasks.js';
import type { FakeUser } from './user-record.js';
import { UserStore } from './user-store.js';

/** Behaviour settings of the fake that tests may change between requests. */
export interface PortalConfig {
  /** The portal's origin (`http://127.0.0.1:<port>`), known once listening. */
  origin: string;
  /** Time-zone offset of the dates the portal sends, in minutes. */
  offsetMinutes: number;
  /** Largest photo upload in bytes. */
  maxPhotoBytes: number;
  /** Polls of GET /people/type/progress/{userid} before a type change completes. */
  typeChangePolls: number;
  /** HTTP status line of model-validation failures (the body is always shaped like success with status 1). */
  validationHttpStatus: number;
  /** Milliseconds per step of the reassignment and remove tasks. */
  taskStepMs: number;
  /** Milliseconds after which a finished reassignment or remove task vanishes (progress then has no response). */
  finishedTaskTtlMs: number;
  /** Per-user quota settings (see {@link UserQuotaConfig}). */
  userQuota: UserQuotaConfig;
  /** Full profiles carry `groups` and `department` (false: neither, as for a caller the server fills none for). */
  personGroups: boolean;
}

/** The portal's per-user quota settings (POST /api/2.0/settings/userquotasettings on a real portal). */
export interface UserQuotaConfig {
  /** Per-user quota is enabled: people then show `usedSpace`, `quotaLimit` and `isCustomQuota`. */
  enabled: boolean;
  /** The default quota in bytes (-1 = no limit). */
  defaultBytes: number;
  /** The portal's total storage in bytes: a larger quota is refused (400). */
  maxTotalBytes: number;
}

/** An e-mail the fake portal "sent" (nothing leaves the process). */
export interface SentEmail {
  /** The address it went to. */
  to: string;
  /** What it is: a password-change link, an invitation again, an e-mail-change link or an activation request. */
  kind: 'password-change' | 'invitation' | 'email-change' | 'email-activation';
  /** The person it is about. */
  userId: string;
}

/** The asynchronous type change started by POST /people/type. */
export interface TypeChangeTask {
  /** Task id. */
  id: string;
  /** Whose type changes. */
  userId: string;
  /** The new type. */
  toType: EmployeeTypeName;
  /** Who receives the user's rooms and files. */
  reassignUserId: string;
  /** Progress polls seen so far. */
  polls: number;
  /** State of the task. */
  status: 'Running' | 'Completed' | 'Canceled';
}

/** An uploaded photo waiting to be cropped (Autosave=false). */
export interface TempPhoto {
  /** Owner of the upload. */
  userId: string;
  /** The temporary file name handed out. */
  name: string;
}

/** All state of one fake portal. */
export class PortalState {
  /** The people. */
  readonly store = new UserStore();
  /** Token -> user id. */
  readonly tokens = new Map<string, string>();
  /** Type-change tasks by user id. */
  readonly typeTasks = new Map<string, TypeChangeTask>();
  /** Temporary uploads by name. */
  readonly tempPhotos = new Map<string, TempPhoto>();
  /** The portal's own groups by id. */
  readonly groups = new Map<string, FakeGroup>();
  /** Rooms, folders and files by id. */
  readonly rooms = new Map<number, FakeRoom>();
  /** Reassignment and remove tasks by `<kind>:<userId>`. */
  readonly dataTasks = new Map<string, DataTask>();
  /** Guest id -> ids of the people related to the guest (who invited or approved them). */
  readonly guestRelations = new Map<string, Set<string>>();
  /** Guest share link key -> guest id. */
  readonly guestLinks = new Map<string, string>();
  /** E-mails sent, oldest first. */
  readonly outbox: SentEmail[] = [];
  /** The next room id. */
  nextRoomId = 1001;

  constructor(readonly config: PortalConfig) {}

  /** What the DTO builders need. */
  get dtoContext(): DtoContext {
    return { origin: this.config.origin, offsetMinutes: this.config.offsetMinutes };
  }

  /**
   * EmployeeFullDto of a person (with the quota fields when per-user quota is enabled). Like the server's
   * EmployeeFullDtoHelper.FillGroupsAsync: `groups` lists the person's own portal groups (Terminated members
   * included; omitted when none) and `department` is their names joined by ", ", HTML-encoded ('' when none).
   * The server leaves both out for a User viewing someone else; no route of the fake lets a User see another
   * person's full profile, so that answer is made with the `personGroups` setting (false) instead.
   */
  full(user: FakeUser): Record<string, unknown> {
    const creator = user.createdBy ? this.store.find(user.createdBy) : undefined;
    const dto = toEmployeeFullDto(user, this.dtoContext, creator);
    const groups = this.groupsOf(user.id);
    if (!this.config.personGroups) delete dto.department;
    else if (groups.length > 0) {
      dto.groups = groups.map((group) => this.groupSummary(group));
      dto.department = groups.map((group) => htmlEncode(group.name)).join(', ');
    }
    const quota = this.config.userQuota;
    if (quota.enabled) {
      dto.usedSpace = user.usedSpace ?? 0;
      dto.quotaLimit = user.quotaLimit ?? quota.defaultBytes;
      dto.isCustomQuota = user.quotaLimit !== undefined;
    }
    return dto;
  }

  /** The portal's own groups that hold `userId` (Terminated members too), by name (ordinal). */
  groupsOf(userId: string): FakeGroup[] {
    return [...this.groups.values()]
      .filter((group) => group.memberIds.includes(userId))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** GroupSummaryDto of a group: id, name, the manager's user name (when set), isSystem false. */
  groupSummary(group: FakeGroup): Record<string, unknown> {
    const manager = group.managerId ? this.store.find(group.managerId) : undefined;
    const dto: Record<string, unknown> = { id: group.id, name: group.name };
    if (manager) dto.manager = manager.userName;
    dto.isSystem = false;
    return dto;
  }

  /** EmployeeDto of a person. */
  short(user: FakeUser): Record<string, unknown> {
    return toEmployeeDto(user, this.dtoContext);
  }

  /** True when a guest is in `userId`'s relations (invited or approved by them). */
  related(guest: FakeUser, userId: string): boolean {
    return this.guestRelations.get(guest.id)?.has(userId) ?? false;
  }

  /** Adds a guest to a person's relations. */
  relate(guestId: string, userId: string): void {
    const set = this.guestRelations.get(guestId) ?? new Set<string>();
    set.add(userId);
    this.guestRelations.set(guestId, set);
  }

  /** Deletes a profile: the person, their tokens, type task, relations and group memberships. */
  forgetUser(user: FakeUser): void {
    this.store.remove(user);
    this.typeTasks.delete(user.id);
    for (const [token, id] of this.tokens) if (id === user.id) this.tokens.delete(token);
    this.guestRelations.delete(user.id);
    for (const related of this.guestRelations.values()) related.delete(user.id);
    for (const group of this.groups.values()) {
      group.memberIds = group.memberIds.filter((id) => id !== user.id);
      if (group.managerId === user.id) delete group.managerId;
    }
  }

  /** The task of a kind for a user, if any (finished ones vanish after `finishedTaskTtlMs`). */
  dataTask(kind: DataTask['kind'], userId: string, now = Date.now()): DataTask | undefined {
    this.advanceTasks(now);
    const key = `${kind}:${userId.toLowerCase()}`;
    const task = this.dataTasks.get(key);
    if (!task) return undefined;
    if (isFinished(task) && now - task.updatedAt >= this.config.finishedTaskTtlMs) {
      this.dataTasks.delete(key);
      return undefined;
    }
    return task;
  }

  /**
   * Runs every reassignment and remove task up to `now`: each step takes `taskStepMs`, and its effect (rooms to the
   * heir or the caller, profile deleted) lands when the step is reached, as on the server.
   */
  advanceTasks(now = Date.now()): void {
    for (const task of this.dataTasks.values()) {
      const steps = stepsOf(task);
      while (!isFinished(task)) {
        const next = task.stepsDone + 1;
        const at = task.startedAt + next * this.config.taskStepMs;
        if (next > steps.length || at > now) break;
        task.stepsDone = next;
        task.updatedAt = at;
        task.status = next === steps.length ? 'Completed' : 'Running';
        this.#runStep(task, steps[next - 1] ?? 100);
      }
    }
  }

  #runStep(task: DataTask, percentage: number): void {
    const moveRooms = task.kind === 'reassign' ? 70 : 50;
    if (percentage === 5 && task.kind === 'reassign') {
      // The server re-checks the caller (still an admin) and the heir (not a Guest) when the job starts.
      const caller = this.store.find(task.callerId);
      const heir = this.store.find(task.toUserId);
      if (caller?.type !== 'DocSpaceAdmin' || !heir || heir.type === 'Guest') {
        task.status = 'Failed';
        task.error = `Can not reassign data to user with id = ${task.toUserId}`;
      }
    }
    if (percentage === moveRooms) {
      for (const room of this.rooms.values())
        if (room.ownerId === task.fromUserId) room.ownerId = task.toUserId;
    }
    if (percentage === 95 && task.deleteProfile) {
      const user = this.store.find(task.fromUserId);
      if (user) this.forgetUser(user);
    }
  }

  /** Forgets people, tokens, tasks, uploads, groups, rooms, relations and e-mails. */
  clear(): void {
    this.store.clear();
    this.tokens.clear();
    this.typeTasks.clear();
    this.tempPhotos.clear();
    this.groups.clear();
    this.rooms.clear();
    this.dataTasks.clear();
    this.guestRelations.clear();
    this.guestLinks.clear();
    this.outbox.length = 0;
    this.nextRoomId = 1001;
  }
}

/** System.Web.HttpUtility.HtmlEncode: <, >, &, ", ' and the characters 160 to 255 as entities. */
function htmlEncode(text: string): string {
  const named: Record<string, string> = {
    '<': '&lt;',
    '>': '&gt;',
    '&': '&amp;',
    '"': '&quot;',
    "'": '&#39;',
  };
  return text.replace(/[<>&"'\u00a0-\u00ff]/g, (c) => named[c] ?? `&#${c.charCodeAt(0)};`);
}
