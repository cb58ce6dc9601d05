import { type DocSpace, NotFoundError } from '@docspace-people/sdk';
import { caseVariants, groupsNamed } from '../group-names.js';
import { idOf, isFatal, isTransient, mayHaveLanded, reasonOf } from '../outcome-errors.js';
import { findByEmail } from '../people-lookup.js';
import { RETRY_ATTEMPTS, retrying, waitBeforeRetry } from '../retry.js';
import { type Heir, MARKER, type PlanFile, type PlanItem } from './model.js';
import { isMember, type PhaseView } from './phase-view.js';
import {
  changeMembers,
  compact,
  createGroup,
  groupsOf,
  listGroups,
  type PortalPerson,
  setQuota,
} from './portal.js';

/** How an item ended: `applied` (done, now or by an earlier run), `drift`, `refused`, `failed`. */
export interface ItemOutcome {
  outcome: 'applied' | 'drift' | 'refused' | 'failed';
  reason: string;
  /** The id of what a create made (person or group). */
  newId?: string;
}

/** What applying needs besides the item. */
export interface ApplyContext {
  ds: DocSpace;
  plan: PlanFile;
  /** Group name -> id (from the plan, and groups this apply created). */
  groupIds: Map<string, string>;
  /** The caller's id: never terminated, deleted or retyped. */
  callerId: string;
  /** `--heir` of apply: used for items that name none. */
  heir: Heir | undefined;
  /** Milliseconds between polls of the server's tasks (downgrade, deletion with reassignment). */
  pollIntervalMs: number;
  /** When this apply runs (deletability is checked against it). */
  now: Date;
  /** Records that this item's write may be sent (before the first write). */
  markPending: () => void;
  /** The portal as read at the start of this item's step. */
  view: PhaseView;
}

/**
 * Sends a create, retrying transient failures, and never twice: when a failure may have come after the server
 * made it (a lost answer), `lookup` looks for what was made first. Returns what was made, and the note for the
 * report when it was found by the lookup.
 */
async function createOnce<T>(
  create: () => Promise<T>,
  lookup: () => Promise<T | undefined>,
  foundBy: string,
): Promise<{ made: T; reason: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { made: await create(), reason: '' };
    } catch (error) {
      if (isFatal(error) || !isTransient(error) || attempt >= RETRY_ATTEMPTS) throw error;
      if (mayHaveLanded(error)) {
        const found = await lookup();
        if (found !== undefined) {
          return { made: found, reason: `the answer was lost; found by ${foundBy} (${reasonOf(error)})` };
        }
      }
      await waitBeforeRetry(attempt, error);
    }
  }
}

/** What {@link settle} returns when the write failed but its change is on the portal. */
const LANDED = Symbol('landed');
const LOST = 'the answer was lost or a retry was refused, but the change is on the portal';

/**
 * Sends a write that sets state (retrying transient failures). When it still fails, reads the state: if the
 * change is there (an answer lost on the way back, then a retry refused because it was already done), that is
 * success ({@link LANDED}); otherwise the failure stands.
 */
async function settle<T>(
  write: () => Promise<T>,
  landed: () => Promise<boolean>,
): Promise<T | typeof LANDED> {
  try {
    return await retrying(write);
  } catch (error) {
    if (isFatal(error)) throw error;
    if (await landed()) return LANDED;
    throw error;
  }
}

/** The person now, or undefined when there is no such person. */
async function current(ds: DocSpace, id: string): Promise<PortalPerson | undefined> {
  return retrying(async () => {
    try {
      return compact(await ds.people.get(id));
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  });
}

const applied = (reason = '', newId?: string): ItemOutcome => ({
  outcome: 'applied',
  reason,
  ...(newId ? { newId } : {}),
});
const drift = (reason: string): ItemOutcome => ({
  outcome: 'drift',
  reason: `changed since planning: ${reason}`,
});
const refused = (reason: string): ItemOutcome => ({ outcome: 'refused', reason });
const RESUMED = 'done by an earlier run of this apply (its answer was not recorded)';

/**
 * Applies one item, exactly as planned: the person's relevant state is read first and compared with the state
 * recorded at planning; a difference is drift and nothing is sent. `resumed`: an earlier run of this apply may
 * have sent the item's write (the report holds a `pending` entry), so finding the planned result is success.
 * Creates are never sent twice: after a lost answer (or on resume) the person or group is looked up first.
 */
export async function applyItem(ctx: ApplyContext, item: PlanItem, resumed: boolean): Promise<ItemOutcome> {
  switch (item.action) {
    case 'create-group':
      return applyCreateGroup(ctx, item, resumed);
    case 'create':
      return applyCreate(ctx, item, resumed);
    default:
      return applyToPerson(ctx, item, resumed);
  }
}

async function groupIdByName(ds: DocSpace, name: string): Promise<string | undefined> {
  const matches = groupsNamed(await retrying(() => listGroups(ds)), name);
  return matches[0]?.id;
}

async function applyCreateGroup(
  ctx: ApplyContext,
  item: Extract<PlanItem, { action: 'create-group' }>,
  resumed: boolean,
): Promise<ItemOutcome> {
  const existing = ctx.view.groups.get(item.group);
  if (existing) {
    if (!resumed) return drift(`a group named "${item.group}" exists now`);
    ctx.groupIds.set(item.group, existing);
    return applied(RESUMED, existing);
  }
  // Plan refuses to create a near-duplicate of a portal group; one made since planning is drift just the same.
  const twins = caseVariants(
    [...ctx.view.groups.keys()].map((name) => ({ name })),
    item.group,
  );
  if (twins.length > 0) {
    return drift(`a group "${twins[0]}" exists now, differing from "${item.group}" only by case`);
  }
  ctx.markPending();
  const { made: id, reason } = await createOnce(
    () => createGroup(ctx.ds, item.group),
    () => groupIdByName(ctx.ds, item.group),
    'name',
  );
  ctx.groupIds.set(item.group, id);
  return applied(reason, id);
}

async function applyCreate(
  ctx: ApplyContext,
  item: Extract<PlanItem, { action: 'create' }>,
  resumed: boolean,
): Promise<ItemOutcome> {
  const department: string[] = [];
  for (const name of item.groups) {
    const id = ctx.groupIds.get(name);
    if (!id) return refused(`group "${name}" does not exist (its create-group item did not apply)`);
    department.push(id);
  }
  const existing = ctx.view.emails.get(item.email.toLowerCase());
  let person: PortalPerson;
  let reason: string;
  if (existing) {
    if (!resumed) return drift(`a person with the e-mail ${item.email} exists now (${existing.id})`);
    person = existing;
    reason = RESUMED;
  } else {
    ctx.markPending();
    const created = await createOnce(
      async () => {
        const made = await ctx.ds.people.create({
          email: item.email,
          firstName: item.firstName,
          lastName: item.lastName,
          type: item.type as 'User',
          comment: MARKER,
          ...(department.length > 0 ? { department } : {}),
        });
        idOf(made, 'the create');
        return made;
      },
      () => retrying(() => findByEmail(ctx.ds, item.email)),
      'e-mail',
    );
    person = compact(created.made);
    reason = created.reason;
  }
  if (item.quota !== undefined && person.quota !== item.quota) {
    const id = person.id;
    const quota = item.quota;
    const after = await retrying(() => setQuota(ctx.ds, id, quota));
    if (after !== undefined && after !== quota) {
      return {
        outcome: 'failed',
        reason: `created, but the quota reads ${after} after setting ${quota}`,
        newId: id,
      };
    }
  }
  return applied(reason, person.id);
}

/** Reactivate, change type, group membership, quota, terminate, delete: checked against the recorded state. */
async function applyToPerson(ctx: ApplyContext, item: PlanItem, resumed: boolean): Promise<ItemOutcome> {
  const id = (item.id ?? '').toLowerCase();
  const { ds } = ctx;
  const person = ctx.view.people.get(id);
  if (!person) {
    if (item.action === 'delete' && resumed) return applied(RESUMED);
    return drift('the person is no longer on the portal');
  }
  if (person.email.toLowerCase() !== item.email.toLowerCase())
    return drift(`the person's e-mail is ${person.email} now`);
  const guarded = ['reactivate', 'change-type', 'terminate', 'delete', 'set-quota'].includes(item.action);
  if (guarded && (person.isOwner || person.id === ctx.callerId.toLowerCase())) {
    return refused(`${person.isOwner ? 'the owner' : 'the caller'} is never changed by apply`);
  }
  switch (item.action) {
    case 'reactivate':
    case 'terminate': {
      const target = item.action === 'reactivate' ? 'Active' : 'Terminated';
      if (person.status === target) return resumed ? applied(RESUMED) : drift(`already ${target}`);
      if (person.status !== item.before.status)
        return drift(`status is ${person.status}, was ${item.before.status}`);
      ctx.markPending();
      const answer = await settle(
        () => (target === 'Active' ? ds.people.reactivate(id) : ds.people.terminate(id)),
        async () => (await current(ds, id))?.status === target,
      );
      if (answer === LANDED) return applied(LOST);
      return answer[0]?.status === target ? applied() : failed(`the server did not make them ${target}`);
    }
    case 'change-type': {
      if (person.type === item.to) return resumed ? applied(RESUMED) : drift(`already ${item.to}`);
      if (person.type !== item.from) return drift(`type is ${person.type}, was ${item.from}`);
      if (person.status !== 'Active' && person.status !== 'Pending')
        return drift(`status is ${person.status}`);
      if (item.method === 'upgrade') {
        ctx.markPending();
        const answer = await settle(
          () => ds.people.changeType(id, item.to),
          async () => (await current(ds, id))?.type === item.to,
        );
        if (answer === LANDED) return applied(LOST);
        const after = answer.find((p) => p.id.toLowerCase() === id);
        return after?.type === item.to
          ? applied()
          : failed(`the type is ${after?.type ?? 'unknown'} after the change`);
      } else {
        const heir = item.heir ?? ctx.heir;
        if (!heir) return refused('a downgrade needs an heir for the rooms and files: give --heir');
        ctx.markPending();
        await retrying(() =>
          ds.people.downgrade(id, item.to as 'User', {
            reassignTo: heir.id,
            pollIntervalMs: ctx.pollIntervalMs,
          }),
        );
      }
      const after = await current(ds, id);
      return after?.type === item.to
        ? applied()
        : failed(`the type is ${after?.type ?? 'unknown'} after the change`);
    }
    case 'add-to-group':
    case 'remove-from-group': {
      const groupId = ctx.groupIds.get(item.group);
      if (!groupId)
        return refused(`group "${item.group}" does not exist (its create-group item did not apply)`);
      const add = item.action === 'add-to-group';
      if (add && person.status === 'Terminated') return drift('the person is terminated now');
      const member = isMember(ctx.view, id, groupId);
      const wasMember = item.before.groups?.includes(item.group) ?? false;
      if (member === add)
        return resumed ? applied(RESUMED) : drift(add ? 'already a member' : 'no longer a member');
      if (member !== wasMember) return drift('membership changed');
      ctx.markPending();
      const members = await settle(
        () => changeMembers(ds, groupId, [id], add),
        async () => (await retrying(() => groupsOf(ds, id))).includes(groupId) === add,
      );
      if (members === LANDED) return applied(LOST);
      return members.includes(id) === add
        ? applied()
        : failed(`the server did not ${add ? 'add' : 'remove'} them`);
    }
    case 'set-quota': {
      if (person.quota === item.to) return resumed ? applied(RESUMED) : drift('the quota is already set');
      if (person.quota !== (item.from ?? undefined))
        return drift(`the quota is ${person.quota ?? 'not shown'}`);
      ctx.markPending();
      const after = await settle(
        () => setQuota(ds, id, item.to),
        async () => (await current(ds, id))?.quota === item.to,
      );
      if (after === LANDED) return applied(LOST);
      return after === undefined || after === item.to
        ? applied()
        : failed(`the quota reads ${after} after the change`);
    }
    case 'delete': {
      if (person.status !== 'Terminated') return drift(`status is ${person.status}`);
      const since = Date.parse(person.terminated ?? '');
      if (since !== Date.parse(item.terminated))
        return drift('terminated again since planning (the grace period restarts)');
      const deletable = since + ctx.plan.graceDays * 86_400_000;
      if (deletable > ctx.now.getTime() || Date.parse(item.deletableFrom) > ctx.now.getTime()) {
        return refused(
          `not deletable before ${new Date(Math.max(deletable, Date.parse(item.deletableFrom))).toISOString()}`,
        );
      }
      const heir = item.heir ?? ctx.heir;
      if (!heir) return refused('every deletion names the heir of the rooms and files: give --heir');
      ctx.markPending();
      try {
        await retrying(() =>
          ds.people.delete(id, { reassignTo: heir.id, pollIntervalMs: ctx.pollIntervalMs }),
        );
      } catch (error) {
        // A retry after a lost answer finds the profile gone: the deletion went through.
        if (!(error instanceof NotFoundError) || (await current(ds, id))) throw error;
      }
      return applied(`data to ${heir.email || heir.id}`);
    }
    default:
      return refused(`unknown action ${(item as PlanItem).action}`);
  }
}

function failed(reason: string): ItemOutcome {
  return { outcome: 'failed', reason };
}
