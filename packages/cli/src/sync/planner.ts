import type { DocSpace } from '@docspace-people/sdk';
import { caseVariantNote, caseVariantRefusal, caseVariants, groupsNamed } from '../group-names.js';
import { findHeir } from '../heir.js';
import { UsageError } from '../io.js';
import { DesiredFileError, type FileProblem } from './desired.js';
import {
  actionOrder,
  type DesiredDirectory,
  type DesiredPerson,
  type DraftItem,
  type Heir,
  type LaterDeletion,
  PLAN_FORMAT,
  PLAN_VERSION,
  type PlanFile,
  type PlanItem,
  typeRank,
} from './model.js';
import { compact, everyone, groupMembers, groupsOf, listGroups, type PortalPerson } from './portal.js';

/** What `plan` was asked for. */
export interface PlanOptions {
  /** The desired file's name and SHA-256, recorded in the plan. */
  source: { file: string; sha256: string };
  /** `created-by-tool` (default), `all` or `group:<name>`. */
  scope: string;
  /** Days a person stays terminated before deletion. */
  graceDays: number;
  /** E-mail or id of the heir of deleted and downgraded people's data. */
  heir: string | undefined;
  /** The time the plan is made (deletability is counted from it). */
  now: Date;
  /** Problems the desired file already has: reported together with the portal-dependent ones. */
  problems?: readonly FileProblem[];
}

const DAY_MS = 86_400_000;

/**
 * Reads the portal and computes what would bring it to the desired directory. Changes nothing. People are read
 * page by page and only a small record of those who need a change is kept, so memory grows with the changes, not
 * with the portal. Throws {@link DesiredFileError} listing every bad row (groups that neither exist nor are
 * declared, ambiguous group names, guests to create) before anything is planned.
 */
export async function makePlan(
  ds: DocSpace,
  directory: DesiredDirectory,
  options: PlanOptions,
): Promise<PlanFile> {
  const problems: FileProblem[] = [...(options.problems ?? [])];
  const fail = () =>
    new DesiredFileError(
      options.source.file,
      problems.sort((a, b) => a.line - b.line),
    );
  const warnings: string[] = [];
  const me = compact(await ds.people.me());

  // Groups: the names the file uses, and their ids on the portal (names match exactly, as import matches them).
  const portalGroups = await listGroups(ds);
  const declared = new Set(directory.groups);
  const declaredNames = [...declared];
  const managed = new Set<string>(directory.groups);
  for (const person of directory.people) for (const g of person.groups) managed.add(g);
  const scopeGroup = options.scope.startsWith('group:') ? options.scope.slice('group:'.length) : undefined;
  const groupIds: Record<string, string | null> = {};
  for (const name of [...managed, ...(scopeGroup === undefined ? [] : [scopeGroup])]) {
    const ids = groupsNamed(portalGroups, name).map((g) => g.id);
    const caseNote = caseVariantNote(portalGroups, name);
    if (ids.length > 1) {
      problems.push({
        line: lineOfGroup(directory, name),
        problem: `group "${name}" is ambiguous: ${ids.length} groups on the portal have this name`,
      });
    } else if (ids.length === 1) groupIds[name] = ids[0] as string;
    else if (declared.has(name)) {
      const refusal = caseVariantRefusal(portalGroups, name);
      // A name declared later that differs only by case: both would be new groups (said once, by the first).
      const later = declaredNames.slice(declaredNames.indexOf(name) + 1);
      const [twin] = caseVariants(
        later.map((other) => ({ name: other })),
        name,
      );
      if (refusal !== undefined) problems.push({ line: lineOfGroup(directory, name), problem: refusal });
      else if (twin !== undefined) {
        problems.push({
          line: lineOfGroup(directory, name),
          problem: `groups "${name}" and "${twin}" would both be created: not creating two groups that differ only by case (one name is most likely a typo): write one name`,
        });
      } else groupIds[name] = null;
    } else if (name === scopeGroup)
      throw new UsageError(`--scope group:${name}: the portal has no group named "${name}"${caseNote}`);
    else {
      for (const person of directory.people.filter((p) => p.groups.includes(name))) {
        problems.push({
          line: person.line,
          problem: `group "${name}" neither exists on the portal${caseNote} nor is declared (declare it with --create-groups or the JSON "groups")`,
        });
      }
    }
  }

  if (problems.length > 0) throw fail();

  const heir = options.heir === undefined ? undefined : await resolveHeir(ds, options.heir);
  const managedIds = new Map<string, string>();
  for (const [name, id] of Object.entries(groupIds))
    if (id !== null && managed.has(name)) managedIds.set(id, name);
  const scopeId = scopeGroup === undefined ? undefined : (groupIds[scopeGroup] ?? undefined);
  const pass: PeoplePass = { directory, options, me, heir, managedIds, scopeId, listed: undefined };
  // Memberships come with each listed person (their profile's groups, Terminated people included). A profile that
  // does not say which groups its person is in is never read as "in none": then every membership is read from the
  // groups' member lists, as the server gives them (Active and Pending members only), and the people again.
  let found = await planPeople(ds, pass);
  if ('unknown' in found) {
    warnings.push(
      `the portal lists people without their groups (${found.unknown}: an older server, or a caller it lists no groups for): memberships were read from each group's member list, which leaves out Terminated members, so the groups of Terminated people not in the file are not known to this plan and --scope group:<name> does not see them (those in the file had their own groups read)`,
    );
    pass.listed = await membersByPerson(ds, groupIds, managed, scopeGroup);
    found = await planPeople(ds, pass);
    if ('unknown' in found) throw new Error('unreachable: memberships were read from the groups');
  }
  const { items, later, seen, peopleInScope, quotaHidden } = found;
  warnings.push(...found.warnings);

  for (const want of directory.people) {
    if (seen.has(want.email.toLowerCase())) continue;
    if (want.status === 'terminated') {
      warnings.push(
        `${want.email} (line ${want.line}) is terminated in the file and not on the portal: nothing to do`,
      );
      continue;
    }
    if (want.type === 'Guest') {
      problems.push({
        line: want.line,
        problem: `${want.email} cannot be created as a Guest: DocSpace adds guests only by invitation`,
      });
      continue;
    }
    items.push({
      action: 'create',
      email: want.email,
      before: { exists: false },
      firstName: want.firstName,
      lastName: want.lastName,
      type: want.type,
      groups: want.groups,
      ...(want.quota === undefined ? {} : { quota: want.quota }),
    });
  }
  for (const [name, id] of Object.entries(groupIds)) {
    if (id === null)
      items.push({ action: 'create-group', email: '', group: name, before: { exists: false } });
  }
  if (problems.length > 0) throw fail();
  if (quotaHidden > 0) {
    warnings.push(
      `the portal shows no quota for ${quotaHidden} people whose quota the file sets (per-user quota off?): not planned`,
    );
  }
  const needsHeir = items.filter(
    (i) =>
      (i.action === 'delete' || (i.action === 'change-type' && i.method === 'downgrade')) &&
      !('heir' in i && i.heir),
  );
  if (needsHeir.length > 0) {
    warnings.push(
      `${needsHeir.length} deletions or downgrades have no heir: give --heir (plan or apply) or set "heir" per item`,
    );
  }

  return {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    kind: 'plan',
    createdAt: options.now.toISOString(),
    portal: ds.baseUrl,
    caller: { id: me.id, email: me.email },
    source: options.source,
    scope: options.scope,
    peopleInScope,
    graceDays: options.graceDays,
    groups: groupIds,
    items: numbered(items),
    later,
    warnings,
  };
}

/** What one read of the people needs besides the portal. */
interface PeoplePass {
  directory: DesiredDirectory;
  options: PlanOptions;
  me: PortalPerson;
  heir: Heir | undefined;
  /** Name of each managed group that exists, by id. */
  managedIds: ReadonlyMap<string, string>;
  /** Id of the `--scope group:` group. */
  scopeId: string | undefined;
  /** Group ids by person id, read from the groups' member lists; undefined: take each profile's `groups`. */
  listed: ReadonlyMap<string, string[]> | undefined;
}

/** What one read of the people planned. */
interface PeoplePlanned {
  items: DraftItem[];
  later: LaterDeletion[];
  warnings: string[];
  /** E-mails (lower case) of the desired people found on the portal. */
  seen: Set<string>;
  peopleInScope: number;
  quotaHidden: number;
}

/**
 * Reads the people page by page and plans the items of those on the portal. Stops with `unknown` (the person's
 * e-mail) at the first person whose memberships are unknown (no `listed`, and a profile without groups).
 */
async function planPeople(ds: DocSpace, pass: PeoplePass): Promise<PeoplePlanned | { unknown: string }> {
  const { options, me, heir, managedIds, scopeId, listed } = pass;
  const desired = new Map(pass.directory.people.map((p) => [p.email.toLowerCase(), p]));
  const planned: PeoplePlanned = {
    items: [],
    later: [],
    warnings: [],
    seen: new Set(),
    peopleInScope: 0,
    quotaHidden: 0,
  };
  const { items, later, warnings } = planned;

  for await (const person of everyone(ds)) {
    const key = person.email.toLowerCase();
    const want = desired.get(key);
    // Member lists hide Terminated people: one of the file gets their own groups read (as apply reads them).
    const memberOf =
      listed === undefined
        ? person.groups
        : want && person.status === 'Terminated'
          ? await groupsOf(ds, person.id)
          : (listed.get(person.id) ?? []);
    if (memberOf === undefined) return { unknown: person.email || person.id };
    const groups = [...managedIds].filter(([id]) => memberOf.includes(id)).map(([, name]) => name);
    const protectedReason = person.isOwner ? 'the owner' : person.id === me.id ? 'the caller' : undefined;
    if (want) {
      planned.seen.add(key);
      if (!protectedReason) planned.peopleInScope++;
      const before = stateOf(person, groups);
      const mine = planPerson(person, want, before, groups, heir);
      if (mine.quotaHidden) planned.quotaHidden++;
      if (mine.warning) warnings.push(mine.warning);
      if (protectedReason) {
        const kept = mine.items.filter(
          (i) => i.action === 'add-to-group' || i.action === 'remove-from-group',
        );
        if (kept.length < mine.items.length) {
          warnings.push(`${person.email} is ${protectedReason}: only group changes are planned for them`);
        }
        items.push(...kept);
      } else items.push(...mine.items);
      continue;
    }
    if (protectedReason) continue;
    const inScope =
      options.scope === 'all' ||
      (options.scope === 'created-by-tool' && person.marked) ||
      (scopeId !== undefined && memberOf.includes(scopeId));
    if (!inScope) continue;
    planned.peopleInScope++;
    const before = stateOf(person, groups);
    if (person.status !== 'Terminated') {
      items.push({
        action: 'terminate',
        email: person.email,
        id: person.id,
        before,
        reason: 'not in the desired file',
      });
      continue;
    }
    const terminated = person.terminated ?? options.now.toISOString();
    const deletableFrom = new Date(Date.parse(terminated) + options.graceDays * DAY_MS).toISOString();
    if (Date.parse(deletableFrom) > options.now.getTime()) {
      later.push({ email: person.email, id: person.id, terminated, deletableFrom });
      continue;
    }
    items.push({
      action: 'delete',
      email: person.email,
      id: person.id,
      before,
      terminated,
      deletableFrom,
      ...(heir ? { heir } : {}),
    });
  }
  return planned;
}

/**
 * The group ids of each person (by id), read from the member lists of the managed groups and of the scope group
 * (one request per group; the server lists Active and Pending members only).
 */
async function membersByPerson(
  ds: DocSpace,
  groupIds: Readonly<Record<string, string | null>>,
  managed: ReadonlySet<string>,
  scopeGroup: string | undefined,
): Promise<Map<string, string[]>> {
  const byPerson = new Map<string, string[]>();
  for (const [name, id] of Object.entries(groupIds)) {
    if (id === null || (!managed.has(name) && name !== scopeGroup)) continue;
    for (const m of await groupMembers(ds, id)) byPerson.set(m, [...(byPerson.get(m) ?? []), id]);
  }
  return byPerson;
}

/** The state recorded with a person's items. */
function stateOf(person: PortalPerson, groups: string[]): PlanItem['before'] {
  return {
    exists: true,
    id: person.id,
    status: person.status,
    type: person.type,
    ...(person.terminated ? { terminated: person.terminated } : {}),
    groups: [...groups].sort(),
    ...(person.quota === undefined ? {} : { quota: person.quota }),
  };
}

/** The items that bring one existing person to what the file says. */
function planPerson(
  person: PortalPerson,
  want: DesiredPerson,
  before: PlanItem['before'],
  groups: string[],
  heir: Heir | undefined,
): { items: DraftItem[]; quotaHidden: boolean; warning?: string } {
  const base = { email: person.email, id: person.id, before };
  const items: DraftItem[] = [];
  let warning: string | undefined;
  if (want.status === 'terminated') {
    if (person.status !== 'Terminated')
      items.push({ ...base, action: 'terminate', reason: 'terminated in the desired file' });
    return { items, quotaHidden: false };
  }
  if (person.status === 'Terminated') items.push({ ...base, action: 'reactivate' });
  if (person.type !== want.type && person.type !== 'Owner') {
    const from = person.type as keyof typeof typeRank;
    const method = typeRank[want.type] > (typeRank[from] ?? 0) ? 'upgrade' : 'downgrade';
    if (method === 'downgrade' && want.type !== 'User' && want.type !== 'Guest') {
      // The API downgrades (with the reassignment task) only to User or Guest.
      warning = `${person.email} (line ${want.line}): ${person.type} -> ${want.type} is not planned: the API downgrades only to User or Guest; change it in the portal`;
    } else {
      items.push({
        ...base,
        action: 'change-type',
        from: person.type,
        to: want.type,
        method,
        ...(method === 'downgrade' && heir ? { heir } : {}),
      });
    }
  }
  for (const group of want.groups) {
    if (!groups.includes(group)) items.push({ ...base, action: 'add-to-group', group });
  }
  for (const group of groups) {
    if (!want.groups.includes(group)) items.push({ ...base, action: 'remove-from-group', group });
  }
  let quotaHidden = false;
  if (want.quota !== undefined) {
    if (person.quota === undefined) quotaHidden = true;
    else if (person.quota !== want.quota)
      items.push({ ...base, action: 'set-quota', from: person.quota, to: want.quota });
  }
  return { items, quotaHidden, ...(warning ? { warning } : {}) };
}

/** The heir by e-mail or id: an Active RoomAdmin or DocSpaceAdmin (the server's rule for receiving data). */
export async function resolveHeir(ds: DocSpace, who: string): Promise<Heir> {
  const found = compact(await findHeir(ds, who, '--heir'));
  return { id: found.id, email: found.email };
}

function lineOfGroup(directory: DesiredDirectory, name: string): number {
  return directory.people.find((p) => p.groups.includes(name))?.line ?? 1;
}

const order = new Map<string, number>(actionOrder.map((a, i) => [a, i]));

/**
 * Puts drafted items in the order apply carries them out (by action, then e-mail, then group) and numbers them
 * from 1, with `n` and `action` first (plan files read better that way).
 */
export function numbered(drafts: readonly DraftItem[]): PlanItem[] {
  return [...drafts]
    .sort(
      (a, b) =>
        (order.get(a.action) ?? 0) - (order.get(b.action) ?? 0) ||
        a.email.localeCompare(b.email) ||
        ('group' in a && 'group' in b ? a.group.localeCompare(b.group) : 0),
    )
    .map(({ action, email, ...rest }, i) => ({ n: i + 1, action, email, ...rest }) as PlanItem);
}
