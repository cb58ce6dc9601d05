import { type DtoContext, toEmployeeDto, toEmployeeFullDto } from './dto.js';
import type { EmployeeTypeName } from './enums.js';
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

  constructor(readonly config: PortalConfig) {}

  /** What the DTO builders need. */
  get dtoContext(): DtoContext {
    return { origin: this.config.origin, offsetMinutes: this.config.offsetMinutes };
  }

  /** EmployeeFullDto of a person. */
  full(user: FakeUser): Record<string, unknown> {
    const creator = user.createdBy ? this.store.find(user.createdBy) : undefined;
    return toEmployeeFullDto(user, this.dtoContext, creator);
  }

  /** EmployeeDto of a person. */
  short(user: FakeUser): Record<string, unknown> {
    return toEmployeeDto(user, this.dtoContext);
  }

  /** Forgets people, tokens, tasks and uploads. */
  clear(): void {
    this.store.clear();
    this.tokens.clear();
    this.typeTasks.clear();
    this.tempPhotos.clear();
  }
}
