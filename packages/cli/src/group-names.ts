import type { DocSpace, Group } from '@docspace-people/sdk';

/** The longest group name DocSpace accepts. */
export const MAX_GROUP_NAME = 128;

/*
 * How a name given to the CLI matches a portal group: exactly (ordinal, case-sensitive), the one rule of `import`,
 * `plan` and `apply`. It is the server's own behaviour (ONLYOFFICE/DocSpace-server v3.7.2-server, commit
 * ed2994e74f9de78af63e73f425b060345a262536):
 * - products/ASC.People/Server/Api/GroupsController.cs, AddGroup and UpdateGroup: no check for an existing name;
 *   common/ASC.Core.Common/Context/Impl/UserManager.cs SaveGroupInfoAsync and
 *   common/ASC.Core.Common/Data/DbUserService.cs SaveGroupAsync: none either, and the `name` column
 *   (EF/Model/User/DbGroup.cs) has no unique index. "Sales" and "sales" (even two "Sales") are distinct groups.
 * - common/ASC.Migration/Migrators/Migrator.cs MigrateGroupAsync, the server's one lookup of a group by name,
 *   reuses an existing group only when `g.Name == group.Info.Name` (C# string ==, ordinal and case-sensitive);
 *   UserManager sorts group names with StringComparison.Ordinal. Only the list filter (filterValue) ignores case.
 * So a name matches a group whose name is the same string; a group whose name differs only by case is another
 * group (the messages point it out, see {@link caseVariants}).
 */

/** Whether two group names are the same name (exact, as the server compares them). */
export function sameGroupName(a: string, b: string): boolean {
  return a === b;
}

/** The groups named `name` (exactly; see {@link sameGroupName}). More than one means the name is ambiguous. */
export function groupsNamed<G extends { name: string }>(groups: readonly G[], name: string): G[] {
  return groups.filter((group) => sameGroupName(group.name, name));
}

/**
 * The names of groups that differ from `name` only by case (never matched: the server treats them as other
 * groups), for messages such as `no group is named "Sales" (the portal has "sales")`.
 */
export function caseVariants(groups: readonly { name: string }[], name: string): string[] {
  const lower = name.toLowerCase();
  const found = groups.map((g) => g.name).filter((n) => n !== name && n.toLowerCase() === lower);
  return [...new Set(found)];
}

/**
 * Why a group named `name` is not created although `--create-groups` (or the plan's declaration) asks for it: the
 * portal has a group whose name differs only by case. The server would accept a second, near-identical group; an
 * admin tool does not make one from what is most likely a typo. `undefined` when there is no such group.
 */
export function caseVariantRefusal(groups: readonly { name: string }[], name: string): string | undefined {
  const note = caseVariantNote(groups, name);
  if (note === '') return undefined;
  return `no group is named "${name}"${note}; not creating a group that differs from it only by case: use the portal's name, or create "${name}" by hand first`;
}

/** ` (the portal has "sales": group names match exactly, as on the server)`, or '' when there is no such group. */
export function caseVariantNote(groups: readonly { name: string }[], name: string): string {
  const variants = caseVariants(groups, name);
  if (variants.length === 0) return '';
  const names = variants.map((v) => `"${v}"`).join(', ');
  return ` (the portal has ${names}: group names match exactly, case included, as on the server)`;
}

/**
 * Splits the `groups` cell of the users file: names separated by `;`, trimmed, empty ones dropped, each name once.
 * Returns the names and, when one is unusable, the problem.
 */
export function parseGroupNames(cell: string): { names: string[]; problem?: string } {
  const names: string[] = [];
  for (const part of cell.split(';')) {
    const name = part.trim();
    if (name === '' || names.some((known) => sameGroupName(known, name))) continue;
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
 * Finds the portal's groups by name for the import, listing them once. Names match exactly ({@link sameGroupName}). With
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
      const found = groupsNamed(existing, name);
      if (found.length > 1) {
        throw new Error(`${found.length} groups are named "${name}": rename one, or add the people by hand`);
      }
      if (found[0]) {
        groups.push(found[0]);
        continue;
      }
      if (!this.#create) {
        throw new Error(
          `no group is named "${name}"${caseVariantNote(existing, name)} (add --create-groups to create it)`,
        );
      }
      const refusal = caseVariantRefusal(existing, name);
      if (refusal !== undefined) throw new Error(refusal);
      const [twin] = caseVariants(
        [...this.#created.keys()].map((created) => ({ name: created })),
        name,
      );
      if (twin !== undefined) {
        throw new Error(
          `no group is named "${name}", and this import creates "${twin}": not creating two groups that differ only by case (one name is most likely a typo): write one name`,
        );
      }
      let creating = this.#created.get(name);
      if (creating === undefined) {
        created.push(name);
        creating = this.#dryRun ? Promise.resolve(placeholder(name)) : this.#ds.groups.create({ name });
        this.#created.set(name, creating);
      }
      groups.push(await creating);
    }
    return { groups, created };
  }
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
