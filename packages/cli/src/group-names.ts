import type { DocSpace, Group } from '@docspace-people/sdk';

/** The longest group name DocSpace accepts. */
export const MAX_GROUP_NAME = 128;

/**
 * Splits the `groups` cell of the users file: names separated by `;`, trimmed, empty ones dropped, each name once.
 * Returns the names and, when one is unusable, the problem.
 */
export function parseGroupNames(cell: string): { names: string[]; problem?: string } {
  const names: string[] = [];
  for (const part of cell.split(';')) {
    const name = part.trim();
    if (name === '' || names.some((known) => sameName(known, name))) continue;
    if (name.length > MAX_GROUP_NAME) {
      return {
        names,
        problem: `the group name "${name.slice(0, 40)}..." is longer than ${MAX_GROUP_NAME} characters`,
      };
    }
    names.push(name);
  }
  return { names };
}

/** How a row's group names resolved. */
export interface ResolvedGroups {
  /** The groups, in the order of the names. */
  groups: Group[];
  /** Names that were created for this row (or, in a dry run, would be). */
  created: string[];
}

/**
 * Finds the portal's groups by name for the import, listing them once. Names match without regard to case. With
 * `create`, a name no group has is created once (rows naming it at the same time share that one creation);
 * without it, such a name makes the row fail. A name that several groups share is refused (which one is meant?).
 */
export class GroupNames {
  readonly #ds: DocSpace;
  readonly #create: boolean;
  readonly #dryRun: boolean;
  #existing: Promise<Group[]> | undefined;
  readonly #created = new Map<string, Promise<Group>>();

  constructor(ds: DocSpace, options: { create: boolean; dryRun: boolean }) {
    this.#ds = ds;
    this.#create = options.create;
    this.#dryRun = options.dryRun;
  }

  /** Resolves a row's names; throws an Error whose message is the row's reason when one cannot be used. */
  async resolve(names: readonly string[]): Promise<ResolvedGroups> {
    this.#existing ??= this.#ds.groups.list().toArray();
    const existing = await this.#existing;
    const groups: Group[] = [];
    const created: string[] = [];
    for (const name of names) {
      const found = existing.filter((group) => sameName(group.name, name));
      if (found.length > 1) {
        throw new Error(`${found.length} groups are named "${name}": rename one, or add the people by hand`);
      }
      if (found[0]) {
        groups.push(found[0]);
        continue;
      }
      if (!this.#create) throw new Error(`no group is named "${name}" (add --create-groups to create it)`);
      const key = name.toLowerCase();
      let creating = this.#created.get(key);
      if (creating === undefined) {
        created.push(name);
        creating = this.#dryRun ? Promise.resolve(placeholder(name)) : this.#ds.groups.create({ name });
        this.#created.set(key, creating);
      }
      groups.push(await creating);
    }
    return { groups, created };
  }
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The group a dry run would create. */
function placeholder(name: string): Group {
  return {
    id: '',
    name,
    manager: undefined,
    members: [],
    membersCount: 0,
    isLDAP: false,
    isSystem: false,
    raw: {},
  };
}
