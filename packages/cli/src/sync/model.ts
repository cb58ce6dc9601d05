// The data of `docspace-people plan` / `apply`: the desired directory, the plan file (schema version 1) and its items.
// The plan file's schema is documented in packages/cli/README.md ("The plan file") and in plan.schema.json.

/** The user types a desired file may name. */
export const desiredTypes = ['DocSpaceAdmin', 'RoomAdmin', 'User', 'Guest'] as const;
/** A type in the desired file. */
export type DesiredType = (typeof desiredTypes)[number];

/** Rank of each type (higher = more rights); a change to a lower rank is a downgrade. */
export const typeRank: Record<DesiredType, number> = { Guest: 0, User: 1, RoomAdmin: 2, DocSpaceAdmin: 3 };

/** One person of the desired file, checked. */
export interface DesiredPerson {
  /** Where the person's row (CSV) or object (JSON) starts, 1-based. */
  line: number;
  /** E-mail as written (the key, compared case-insensitively). */
  email: string;
  firstName: string;
  lastName: string;
  type: DesiredType;
  /** Group names (unique, in file order). */
  groups: string[];
  status: 'active' | 'terminated';
  /** Bytes (-1 = no limit), or undefined when the file does not manage this person's quota. */
  quota: number | undefined;
}

/** The desired directory: its people, and the groups it declares (created when missing). */
export interface DesiredDirectory {
  people: DesiredPerson[];
  /** Group names the file declares (JSON `groups`, or `--create-groups`). */
  groups: string[];
}

/**
 * What the tool writes into the `comment` (notes) of every person it creates, and how `--scope created-by-tool`
 * recognises them. An admin cannot edit another person's notes through the API afterwards, so the mark stays.
 */
export const MARKER = '[managed-by:docspace-people]';

/** `format` of every plan file. */
export const PLAN_FORMAT = 'docspace-people-plan';
/** The plan schema version this CLI writes and reads. */
export const PLAN_VERSION = 1;

/** A person's state on the portal when the plan was made (what apply compares to detect drift). */
export interface PersonState {
  /** Whether a person with the e-mail existed. */
  exists: boolean;
  id?: string;
  status?: 'Active' | 'Terminated' | 'Pending';
  type?: string;
  /** When terminated (ISO 8601), for Terminated people. */
  terminated?: string;
  /** Group names the person was a member of (only the groups the plan manages). */
  groups?: string[];
  /** Custom quota in bytes (-1 = no limit), when the portal shows it. */
  quota?: number;
}

/** Fields every item has. */
interface ItemBase {
  /** 1-based item number: the key of the item in the apply report. */
  n: number;
  /** The person's e-mail (empty for group items). */
  email: string;
  /** The person's id (absent for creates and group items). */
  id?: string;
  /** The person's state when planned. */
  before: PersonState;
}

/** Everything a plan can ask for. */
export type PlanItem =
  | (ItemBase & { action: 'create-group'; group: string })
  | (ItemBase & {
      action: 'create';
      firstName: string;
      lastName: string;
      type: DesiredType;
      groups: string[];
      quota?: number;
    })
  | (ItemBase & { action: 'reactivate' })
  | (ItemBase & {
      action: 'change-type';
      from: string;
      to: DesiredType;
      /** upgrade: PUT /people/type/{type}; downgrade: the reassignment task, data to `heir`. */
      method: 'upgrade' | 'downgrade';
      heir?: Heir;
    })
  | (ItemBase & { action: 'add-to-group' | 'remove-from-group'; group: string })
  | (ItemBase & { action: 'set-quota'; from: number | null; to: number })
  | (ItemBase & { action: 'terminate'; reason: string })
  | (ItemBase & { action: 'delete'; heir?: Heir; terminated: string; deletableFrom: string });

/** The person who receives a deleted or downgraded person's rooms and files. */
export interface Heir {
  id: string;
  email: string;
}

/** The action names, in the order apply carries them out. */
export const actionOrder = [
  'create-group',
  'create',
  'reactivate',
  'change-type',
  'add-to-group',
  'remove-from-group',
  'set-quota',
  'terminate',
  'delete',
] as const;
/** One action name. */
export type PlanAction = (typeof actionOrder)[number];

/** A person in scope who is terminated but not deletable yet (grace period). */
export interface LaterDeletion {
  email: string;
  id: string;
  terminated: string;
  deletableFrom: string;
}

/** A plan file (JSON), schema version 1. */
export interface PlanFile {
  format: typeof PLAN_FORMAT;
  version: typeof PLAN_VERSION;
  /** `plan` (from `docspace-people plan`) or `undo` (written by apply). */
  kind: 'plan' | 'undo';
  /** When it was made (ISO 8601). */
  createdAt: string;
  /** The portal's URL: apply refuses a plan for another portal. */
  portal: string;
  /** Who planned (the token's user). */
  caller: { id: string; email: string };
  /** Where the plan comes from: the desired file and its SHA-256, or the plan an undo reverses. */
  source: { file: string; sha256?: string; undoOf?: string };
  /** `created-by-tool`, `all` or `group:<name>`. */
  scope: string;
  /** People the plan manages (in scope, or named in the file): the base of the mass-change threshold. */
  peopleInScope: number;
  graceDays: number;
  /** Group name -> id at planning (null: created by this plan). */
  groups: Record<string, string | null>;
  items: PlanItem[];
  /** Terminated people in scope who become deletable later. */
  later: LaterDeletion[];
  /** What the plan leaves alone and why (owner, caller, quota not visible...). */
  warnings: string[];
}

/**
 * A plan's terminations plus deletions (`count`), and the largest number of them apply does without
 * `--allow-mass-changes` (`limit`: 10% of the people in scope, at most 25).
 */
export function massChange(plan: Pick<PlanFile, 'items' | 'peopleInScope'>): {
  count: number;
  limit: number;
} {
  const count = plan.items.filter((i) => i.action === 'terminate' || i.action === 'delete').length;
  return { count, limit: Math.min(plan.peopleInScope * 0.1, 25) };
}

/** A plan item before it is numbered. */
export type DraftItem = WithoutNumber<PlanItem>;
type WithoutNumber<T> = T extends unknown ? Omit<T, 'n'> : never;
