import type { DocSpace } from '@docspace-people/sdk';
import { caseVariantNote, caseVariantRefusal, groupsNamed } from '../group-names.js';
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
import { compact, everyone, groupMembers, listGroups, type PortalPerson } from './portal.js';

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
      if (refusal === undefined) groupIds[name] = null;
      else problems.push({ line: lineOfGroup(directory, name), problem: refusal });
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

  // Memberships of the managed groups and of the scope group (the server lists Active and Pending members only).
  const memberOf = new Map<string, string[]>();
  const scopeMembers = new Set<string>();
  for (const [name, id] of Object.entries(groupIds)) {
    if (id === null) continue;
    const members = await groupMembers(ds, id);
    if (name === scopeGroup) for (const m of members) scopeMembers.add(m);
    if (!managed.has(name)) continue;
    for (const m of members) memberOf.set(m, [...(memberOf.get(m) ?? []), name]);
  }

  const heir = options.heir === undefined ? undefined : await resolveHeir(ds, options.heir);
  const desired = new Map(directory.people.map((p) => [p.email.toLowerCase(), p]));
  const seen = new Set<string>();
  const items: DraftItem[] = [];
  const later: LaterDeletion[] = [];
  let peopleInScope = 0;
  let quotaHidden = 0;

  for await (const person of everyone(ds)) {
    const key = person.email.toLowerCase();
    const want = desired.get(key);
    const protectedReason = person.isOwner ? 'the owner' : person.id === me.id ? 'the caller' : undefined;
    if (want) {
      seen.add(key);
      if (!protectedReason) peopleInScope++;
      const groups = memberOf.get(person.id) ?? [];
      const before = stateOf(person, groups);
      const planned = planPerson(person, want, before, groups, heir);
      if (planned.quotaHidden) quotaHidden++;
      if (planned.warning) warnings.push(planned.warning);
      if (protectedReason) {
        const kept = planned.items.filter(
          (i) => i.action === 'add-to-group' || i.action === 'remove-from-group',
        );
        if (kept.length < planned.items.length) {
          warnings.push(`${person.email} is ${protectedReason}: only group changes are planned for them`);
        }
        items.push(...kept);
      } else items.push(...planned.items);
      continue;
    }
    if (protectedReason) continue;
    const inScope =
      options.scope === 'all' ||
      (options.scope === 'created-by-tool' && person.marked) ||
      (scopeGroup !== undefined && scopeMembers.has(person.id));
    if (!inScope) continue;
    peopleInScope++;
    const before = stateOf(person, memberOf.get(person.id) ?? []);
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
